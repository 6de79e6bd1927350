import Foundation
import ZIPFoundation

/// An Excel `.xlsx` workbook read as what it is: a ZIP archive of XML parts (ECMA-376 Part 1).
///
/// Only what data needs is read: the sheet list, shared strings, which cell styles are dates,
/// the 1904 date system flag and defined names (named ranges). Formulas are never evaluated;
/// a formula cell gives the value Excel saved with it.
struct XLSXWorkbook {
    /// The path as the user gave it, for messages.
    let file: String
    /// Sheet names in workbook order, with the archive path of each sheet's part.
    let sheets: [(name: String, part: String)]
    let sharedStrings: [String]
    /// Per cell style index (`s="3"`): how a number in that style is shown.
    let numberKinds: [XLSXNumberKind]
    /// Whether serial day 0 is 1904-01-01 (old Mac workbooks) instead of 1899-12-31.
    let uses1904Dates: Bool
    /// Workbook-level defined names → their reference (`Sheet1!$A$1:$D$9`).
    let definedNames: [String: String]

    private let archive: Archive

    init(path: String) throws {
        file = path
        let start = SourceLocation(file: path, line: 1, column: 1)
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
        } catch {
            let bytes = FileManager.default.contents(atPath: path)?.prefix(4)
            let isOLE = bytes == Data([0xD0, 0xCF, 0x11, 0xE0])
            throw HuibaoError(
                .data, "'\(path)' is not an .xlsx workbook: it is not a ZIP archive", at: start,
                hint: isOLE
                    ? "This is an old .xls workbook or a password-protected one; open it in Excel or WPS, remove any password and save it as “Excel 工作簿 (*.xlsx)”."
                    : "Save the sheet from Excel or WPS as “Excel 工作簿 (*.xlsx)”.")
        }
        self.archive = archive
        let workbookPart = try Self.officeDocumentPart(archive, file: path)
        let workbook = try Self.tree(archive, workbookPart, file: path, required: true)!
        let relationships = try Self.relationships(archive, of: workbookPart, file: path)
        let folder = (workbookPart as NSString).deletingLastPathComponent

        var sheets: [(name: String, part: String)] = []
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = sheet.attributes["name"], let id = sheet.attributes["id"], let target = relationships[id] else { continue }
            sheets.append((name, Self.resolve(target, in: folder)))
        }
        guard !sheets.isEmpty else {
            throw HuibaoError(.data, "the workbook '\(path)' has no worksheets", at: start)
        }
        self.sheets = sheets
        uses1904Dates = ["1", "true"].contains(workbook.child("workbookPr")?.attributes["date1904"] ?? "")
        var names: [String: String] = [:]
        for defined in workbook.child("definedNames")?.children("definedName") ?? [] {
            // Names local to one sheet (localSheetId) and Excel's own (_xlnm.Print_Area) are not data ranges.
            guard let name = defined.attributes["name"], defined.attributes["localSheetId"] == nil,
                  !name.hasPrefix("_xlnm.") else { continue }
            names[name] = defined.text
        }
        definedNames = names

        let sharedPart = relationships.first { $0.value.hasSuffix("sharedStrings.xml") }.map { Self.resolve($0.value, in: folder) }
            ?? folder + "/sharedStrings.xml"
        sharedStrings = try Self.tree(archive, sharedPart, file: path, required: false)?.children("si").map(\.runText) ?? []
        let stylesPart = relationships.first { $0.value.hasSuffix("styles.xml") }.map { Self.resolve($0.value, in: folder) }
            ?? folder + "/styles.xml"
        numberKinds = try Self.tree(archive, stylesPart, file: path, required: false).map(Self.numberKinds) ?? []
    }

    /// The XML of a sheet's part.
    func sheetTree(_ part: String) throws -> XMLTree {
        try Self.tree(archive, part, file: file, required: true)!
    }

    // MARK: - Parts

    private static func officeDocumentPart(_ archive: Archive, file: String) throws -> String {
        let rels = try tree(archive, "_rels/.rels", file: file, required: false)
        let target = rels?.children("Relationship").first { ($0.attributes["Type"] ?? "").hasSuffix("/officeDocument") }?.attributes["Target"]
        return target.map { resolve($0, in: "") } ?? "xl/workbook.xml"
    }

    /// The relationship ids of a part (`rId1` → target), from its `_rels/NAME.rels` neighbour.
    private static func relationships(_ archive: Archive, of part: String, file: String) throws -> [String: String] {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        var result: [String: String] = [:]
        for relationship in try tree(archive, relsPart, file: file, required: false)?.children("Relationship") ?? [] {
            if let id = relationship.attributes["Id"], let target = relationship.attributes["Target"] {
                result[id] = target
            }
        }
        return result
    }

    /// A relationship target as an archive path: absolute ones start at the root, others at `folder`.
    private static func resolve(_ target: String, in folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    private static func tree(_ archive: Archive, _ part: String, file: String, required: Bool) throws -> XMLTree? {
        guard let entry = archive[part] else {
            guard required else { return nil }
            throw HuibaoError(.data, "'\(file)' is not a complete .xlsx workbook: it has no part \(part)",
                              at: SourceLocation(file: file, line: 1, column: 1),
                              hint: "Open it in Excel or WPS and save it again.")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw HuibaoError(.data, "cannot unpack \(part) from '\(file)': \(error)", at: SourceLocation(file: file, line: 1, column: 1),
                              hint: "The file may be damaged; open it in Excel or WPS and save it again.")
        }
        switch XMLTree.parse(data) {
        case .success(let tree): return tree
        case .failure(let problem):
            throw HuibaoError(.data, "the part \(part) of '\(file)' is not well-formed XML (line \(problem.line)): \(problem.message)",
                              at: SourceLocation(file: file, line: 1, column: 1),
                              hint: "The file may be damaged; open it in Excel or WPS and save it again.")
        }
    }

    // MARK: - Number formats

    private static func numberKinds(_ styles: XMLTree) -> [XLSXNumberKind] {
        var custom: [Int: String] = [:]
        for format in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"] {
                custom[id] = code
            }
        }
        return (styles.child("cellXfs")?.children("xf") ?? []).map { xf in
            let id = xf.attributes["numFmtId"].flatMap(Int.init) ?? 0
            if let code = custom[id] { return XLSXNumberKind(formatCode: code) }
            return XLSXNumberKind(builtIn: id)
        }
    }
}

/// How a cell style shows a number: as a number, a date, a date with a time, or a time of day.
enum XLSXNumberKind: Sendable, Equatable {
    case number, date, dateTime, time

    /// The built-in formats (ECMA-376 §18.8.30): 14–17 dates, 22 date and time, 18–21 and
    /// 45–47 times; 27–36 and 50–58 are the dates of the Chinese, Japanese and Korean locales
    /// (27 is yyyy"年"m"月" in zh-CN).
    init(builtIn id: Int) {
        switch id {
        case 14...17, 27...36, 50...58: self = .date
        case 22: self = .dateTime
        case 18...21, 45...47: self = .time
        default: self = .number
        }
    }

    /// A custom format is a date when, outside quoted text, escapes and [brackets], it has
    /// year or day letters; a time when it has hours or seconds. `m` alone is ambiguous
    /// (month or minute) and decides nothing.
    init(formatCode: String) {
        var letters = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for character in formatCode.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { letters.append(character) }
            }
        }
        // Only the first section of `positive;negative;zero;text` says what a number looks like.
        let section = letters.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        let isDate = section.contains("y") || section.contains("d")
        let isTime = section.contains("h") || section.contains("s")
        self = isDate ? (isTime ? .dateTime : .date) : (isTime ? .time : .number)
    }
}
