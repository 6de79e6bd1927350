import Foundation

/// Reads one sheet (or a range of it) of an `.xlsx` workbook into a list of records: the
/// first row of the range names the columns, every later non-empty row is one mapping.
///
/// Cells are typed as Excel holds them: shared and inline strings are text, numbers are
/// exact decimals (rounded to Excel's 15 significant digits), booleans are booleans, and a
/// number in a date style is the text `yyyy-mm-dd` (`yyyy-mm-dd hh:mm:ss` when it also shows
/// a time). A formula gives its saved value. A merged range gives its value to every cell of
/// the range, as a reader of the sheet sees it. Each value is located as
/// `file[Sheet!B7]:7:2`: the cell reference in the file part, then row and column.
public enum XLSXLoader {
    /// - Parameters:
    ///   - sheet: The sheet's name; nil for the first sheet (or the one `range` names).
    ///   - range: Cells such as `A3:F40`, or the name of a defined range; nil for the whole
    ///     sheet, whose header row is then its first non-empty row.
    ///   - name: The key the records are put under.
    ///   - requestedAt: Where the sheet or range was asked for (a manifest line), for errors.
    public static func load(path: String, sheet: String? = nil, range: String? = nil, name: String,
                            requestedAt: SourceLocation? = nil) throws -> DataNode {
        let workbook = try XLSXWorkbook(path: path)
        let (sheetName, bounds) = try target(in: workbook, sheet: sheet, range: range, requestedAt: requestedAt)
        let part = workbook.sheets.first { $0.name == sheetName }!.part
        let grid = try XLSXGrid(workbook: workbook, sheet: sheetName, tree: try workbook.sheetTree(part))
        let records = try grid.records(in: bounds)
        let start = SourceLocation(file: path, line: 1, column: 1)
        return DataNode(.object([(key: name, value: DataNode(.array(records), at: grid.location(of: bounds?.start ?? grid.firstCell)))]),
                        at: start)
    }

    /// The sheet to read and the cells of it.
    private static func target(in workbook: XLSXWorkbook, sheet: String?, range: String?,
                               requestedAt: SourceLocation?) throws -> (String, XLSXRange?) {
        let place = requestedAt ?? SourceLocation(file: workbook.file, line: 1, column: 1)
        let names = workbook.sheets.map(\.name)
        func checked(_ name: String) throws -> String {
            guard names.contains(name) else {
                throw HuibaoError(.data, "the workbook '\(workbook.file)' has no sheet named '\(name)'", at: place,
                                  hint: "sheets: " + names.joined(separator: ", ") + TemplateHints.didYouMean(name, in: names))
            }
            return name
        }
        guard let range else { return (try checked(sheet ?? names[0]), nil) }
        if let bounds = XLSXRange(range) { return (try checked(sheet ?? names[0]), bounds) }
        guard let reference = workbook.definedNames[range] else {
            let defined = workbook.definedNames.keys.sorted()
            throw HuibaoError(
                .data, "'\(range)' is neither a cell range like A1:D20 nor a name defined in '\(workbook.file)'", at: place,
                hint: defined.isEmpty ? "the workbook defines no names" : "names defined there: " + defined.joined(separator: ", "))
        }
        // A defined name reads `Sheet1!$A$1:$D$9` or `'Sheet one'!$A$1:$D$9`.
        guard let bang = reference.lastIndex(of: "!"), let bounds = XLSXRange(String(reference[reference.index(after: bang)...])) else {
            throw HuibaoError(.data, "the name '\(range)' in '\(workbook.file)' refers to \(reference), which is not one block of cells",
                              at: place, hint: "Point the name at a rectangle of cells on one sheet.")
        }
        var owner = String(reference[..<bang])
        if owner.hasPrefix("'"), owner.hasSuffix("'"), owner.count >= 2 {
            owner = String(owner.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if let sheet, sheet != owner {
            throw HuibaoError(.data, "the name '\(range)' is on the sheet '\(owner)', not on '\(sheet)'", at: place,
                              hint: "Leave out `sheet:`, or give the sheet the name is on.")
        }
        return (try checked(owner), bounds)
    }
}

/// A cell position, 1-based: row 7, column 2 is `B7`.
struct XLSXCell: Hashable, Comparable, Sendable {
    var row: Int
    var column: Int

    /// `B7`, `$B$7`; nil for anything else.
    init?(_ text: Substring) {
        var letters = 0
        var digits = 0
        var column = 0
        var row = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits == 0 else { return nil }
                column = column * 26 + Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
                letters += 1
            case "0"..."9":
                row = row * 10 + Int(scalar.value) - 48
                digits += 1
            default: return nil
            }
        }
        guard (1...3).contains(letters), (1...7).contains(digits), row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `A` … `Z`, `AA` …
    static func columnName(_ column: Int) -> String {
        var n = column
        var name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    var reference: String { Self.columnName(column) + String(row) }

    static func < (a: XLSXCell, b: XLSXCell) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangle of cells such as `A3:F40` (a single cell is a rectangle too).
struct XLSXRange: Sendable {
    var start: XLSXCell
    var end: XLSXCell

    init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard (1...2).contains(parts.count), let a = XLSXCell(parts[0]), let b = XLSXCell(parts[parts.count - 1]) else { return nil }
        start = XLSXCell(row: min(a.row, b.row), column: min(a.column, b.column))
        end = XLSXCell(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    func contains(_ cell: XLSXCell) -> Bool {
        (start.row...end.row).contains(cell.row) && (start.column...end.column).contains(cell.column)
    }
}
