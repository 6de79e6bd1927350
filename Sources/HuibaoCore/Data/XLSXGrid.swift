import Foundation

/// The typed cells of one worksheet, with merged ranges filled in, and the records they make.
struct XLSXGrid {
    let file: String
    let sheet: String
    private(set) var cells: [XLSXCell: DataValue] = [:]
    /// For a cell inside a merged range: the range's top-left cell, which holds the value.
    private var mergedInto: [XLSXCell: XLSXCell] = [:]

    init(workbook: XLSXWorkbook, sheet: String, tree: XMLTree) throws {
        file = workbook.file
        self.sheet = sheet
        var previous = XLSXCell(row: 0, column: 0)
        for (rowIndex, row) in (tree.child("sheetData")?.children("row") ?? []).enumerated() {
            // `r` may be left out, and then rows and cells simply follow one another.
            let rowNumber = row.attributes["r"].flatMap(Int.init) ?? (rowIndex == 0 ? 1 : previous.row + 1)
            var column = 0
            for cell in row.children("c") {
                let position = cell.attributes["r"].flatMap { XLSXCell(Substring($0)) } ?? XLSXCell(row: rowNumber, column: column + 1)
                column = position.column
                previous = position
                if let value = try Self.value(of: cell, at: position, workbook: workbook, location: location(of: position)) {
                    cells[position] = value
                }
            }
            previous.row = rowNumber
        }
        for merge in tree.child("mergeCells")?.children("mergeCell") ?? [] {
            guard let range = merge.attributes["ref"].flatMap(XLSXRange.init) else { continue }
            for row in range.start.row...range.end.row {
                for column in range.start.column...range.end.column {
                    let cell = XLSXCell(row: row, column: column)
                    if cell != range.start { mergedInto[cell] = range.start }
                }
            }
        }
    }

    func location(of cell: XLSXCell) -> SourceLocation {
        SourceLocation(file: "\(file)[\(sheet)!\(cell.reference)]", line: cell.row, column: cell.column)
    }

    /// The top-left filled cell, where an unbounded sheet's data starts.
    var firstCell: XLSXCell {
        let row = cells.keys.map(\.row).min() ?? 1
        let column = cells.keys.filter { $0.row == row }.map(\.column).min() ?? 1
        return XLSXCell(row: row, column: column)
    }

    /// The value shown in `cell` and the cell that holds it (itself, or a merged range's corner).
    private func shown(_ cell: XLSXCell) -> (value: DataValue, holder: XLSXCell)? {
        let holder = mergedInto[cell] ?? cell
        return cells[holder].map { ($0, holder) }
    }

    // MARK: - Records

    func records(in bounds: XLSXRange?) throws -> [DataNode] {
        let filled = cells.keys
        guard !filled.isEmpty || bounds != nil else { return [] }
        let top = bounds?.start.row ?? filled.map(\.row).min()!
        let bottom = bounds?.end.row ?? filled.map(\.row).max()!
        let left = bounds?.start.column ?? filled.map(\.column).min()!
        let right = bounds?.end.column ?? filled.map(\.column).max()!

        var columns: [(column: Int, name: String)] = []
        var seen: [String: XLSXCell] = [:]
        for column in left...right {
            let cell = XLSXCell(row: top, column: column)
            guard let (value, holder) = shown(cell), !Self.isBlank(value) else { continue }
            let name: String
            switch value {
            case .string(let s): name = s.trimmingCharacters(in: .whitespacesAndNewlines)
            default: name = value.description
            }
            if let earlier = seen[name] {
                let merged = holder != cell ? " (\(cell.reference) is part of cells merged from \(holder.reference))" : ""
                throw HuibaoError(
                    .data, "the column name '\(name)' in \(cell.reference) repeats the one in \(earlier.reference)\(merged); the header row must name each column once",
                    at: location(of: cell),
                    hint: "If the sheet starts with a title above the column names, choose the range that starts at the header row (e.g. range: A\(top + 1):\(XLSXCell.columnName(right))\(bottom)).")
            }
            seen[name] = cell
            columns.append((column, name))
        }
        guard !columns.isEmpty else {
            throw HuibaoError(.data, "row \(top) of sheet '\(sheet)' should name the columns, but it is empty",
                              at: location(of: XLSXCell(row: top, column: left)),
                              hint: "Put the column names in the first row of the range.")
        }
        let names = Dictionary(uniqueKeysWithValues: columns)

        var records: [DataNode] = []
        guard top < bottom else { return records }
        for row in (top + 1)...bottom {
            var pairs: [(key: String, value: DataNode)] = []
            var first: SourceLocation?
            var hasValue = false
            for column in left...right {
                let cell = XLSXCell(row: row, column: column)
                let content = shown(cell)
                guard let name = names[column] else {
                    if let content, !Self.isBlank(content.value) {
                        throw HuibaoError(
                            .data, "\(cell.reference) holds a value but its column has no name in \(XLSXCell(row: top, column: column).reference)",
                            at: location(of: cell), hint: "Name the column in the header row, or move the value.")
                    }
                    continue
                }
                let place = location(of: content?.holder ?? cell)
                if first == nil { first = location(of: cell) }
                if let content, !Self.isBlank(content.value) { hasValue = true }
                pairs.append((key: name, value: DataNode(content?.value ?? .null, at: place)))
            }
            // Empty rows are what spreadsheets keep between and below the data.
            if hasValue { records.append(DataNode(.object(pairs), at: first)) }
        }
        return records
    }

    private static func isBlank(_ value: DataValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let s): return s.trimmingCharacters(in: .whitespaces).isEmpty
        default: return false
        }
    }

    // MARK: - Cells

    /// A cell's value as Excel holds it; nil for a cell that only carries a style.
    private static func value(of cell: XMLTree, at position: XLSXCell, workbook: XLSXWorkbook,
                              location: SourceLocation) throws -> DataValue? {
        let type = cell.attributes["t"] ?? "n"
        let saved = cell.child("v")?.text
        if type == "inlineStr" { return .string(cell.child("is")?.runText ?? "") }
        guard let saved else {
            guard cell.child("f") == nil else {
                throw HuibaoError(
                    .data, "the formula in \(position.reference) has no saved value", at: location,
                    hint: "The file was written by a program that does not calculate; open it in Excel or WPS and save it, so that every formula keeps its result.")
            }
            return nil
        }
        switch type {
        case "s":
            guard let index = Int(saved), workbook.sharedStrings.indices.contains(index) else {
                throw HuibaoError(.data, "\(position.reference) refers to shared string \(saved), which the workbook does not have",
                                  at: location, hint: "The file may be damaged; open it in Excel or WPS and save it again.")
            }
            return .string(workbook.sharedStrings[index])
        case "str":
            return .string(saved)
        case "b":
            return .bool(saved == "1" || saved == "true")
        case "e":
            throw HuibaoError(.data, "\(position.reference) holds the Excel error \(saved)", at: location,
                              hint: "Correct the formula (or the cells it uses) so that it gives a value, or clear the cell.")
        case "d":
            // ISO 8601 date cells (strict Open XML): keep the date, and the time when there is one.
            let text = saved.replacingOccurrences(of: "T", with: " ")
            return .string(text.hasSuffix(" 00:00:00") ? String(text.prefix(10)) : text)
        default:
            guard let number = excelNumber(saved) else {
                throw HuibaoError(.data, "\(position.reference) should hold a number, found '\(saved)'", at: location,
                                  hint: "The file may be damaged; open it in Excel or WPS and save it again.")
            }
            let style = cell.attributes["s"].flatMap(Int.init) ?? 0
            let kind = workbook.numberKinds.indices.contains(style) ? workbook.numberKinds[style] : .number
            guard kind != .number else { return .number(number) }
            return .string(ExcelDate.text(serial: number, kind: kind, uses1904: workbook.uses1904Dates))
        }
    }

    /// Excel keeps 15 significant digits and saves doubles with up to 17 (0.1+0.2 is saved as
    /// 0.30000000000000004 but shown as 0.3), so longer numerals are rounded to 15 digits.
    static func excelNumber(_ text: String) -> Decimal? {
        guard let double = Double(text), double.isFinite else { return nil }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        let significant = mantissa.filter(\.isNumber).drop { $0 == "0" }.reversed().drop { $0 == "0" }
        if significant.count <= 15, let exact = DataLoader.exactDecimal(text) { return exact }
        return Decimal(string: String(format: "%.15g", double))
    }
}

/// Excel's serial dates: days since 1899-12-31, counting the 1900-02-29 that never was
/// (Lotus 1-2-3's leap-year bug, kept by Excel for compatibility), or since 1904-01-01.
enum ExcelDate {
    static func text(serial: Decimal, kind: XLSXNumberKind, uses1904: Bool) -> String {
        let value = NSDecimalNumber(decimal: serial).doubleValue
        var days = Int(value.rounded(.down))
        var seconds = Int(((value - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        if kind == .time { return time }
        // Day numbers counted from 1970-01-01.
        let epochDay: Int
        if uses1904 {
            epochDay = days - 24_107
        } else {
            epochDay = days - (days > 60 ? 25_569 : 25_568)
        }
        let date = days == 60 && !uses1904 ? "1900-02-29" : civilDate(epochDay)
        return kind == .dateTime && seconds > 0 ? date + " " + time : date
    }

    /// Howard Hinnant's days-to-civil algorithm, proleptic Gregorian.
    private static func civilDate(_ epochDay: Int) -> String {
        let z = epochDay + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
