import Foundation

/// Reads comma-separated values (RFC 4180, as Excel and WPS save them) into a list of
/// records: the first row names the columns, every later row is one mapping.
///
/// Quoted fields may hold commas, quotes (`""`) and line breaks; line ends may be LF, CRLF or
/// CR. A field that reads as a decimal number (`12`, `-3.5`, `1e3`, `1,234.5`) becomes a
/// number; everything else is text, so codes with a leading zero (`0301`) stay as written.
/// An empty field is null. Every value carries the line and column where its field starts.
struct CSVLoader {
    /// The records of `text` (already decoded, without a byte-order mark), under the key `name`.
    static func load(text: String, file: String, name: String) throws -> DataNode {
        var reader = CSVLoader(text: text, file: file)
        let rows = try reader.rows()
        let records = try records(from: rows)
        let start = SourceLocation(file: file, line: 1, column: 1)
        return DataNode(.object([(key: name, value: DataNode(.array(records), at: start))]), at: start)
    }

    /// One field as it was written.
    struct Field {
        var text: String
        var quoted: Bool
        var location: SourceLocation
    }

    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1

    private init(text: String, file: String) {
        scalars = Array(text.unicodeScalars)
        self.file = file
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        let scalar = scalars[index]
        index += 1
        // CRLF is one line end; a lone CR (old Mac exports) is one too.
        if scalar == "\n" || (scalar == "\r" && peek != "\n") {
            line += 1
            column = 1
        } else if scalar != "\r" {
            column += 1
        }
    }

    private static func isLineEnd(_ scalar: Unicode.Scalar?) -> Bool { scalar == "\n" || scalar == "\r" }

    /// Skips one line end (CRLF counts as one).
    private mutating func skipLineEnd() {
        if peek == "\r" { advance() }
        if peek == "\n" { advance() }
    }

    // MARK: - Splitting

    /// All rows; blank lines are skipped.
    private mutating func rows() throws -> [[Field]] {
        var rows: [[Field]] = []
        while peek != nil {
            if Self.isLineEnd(peek) {
                skipLineEnd()
                continue
            }
            rows.append(try row())
        }
        return rows
    }

    private mutating func row() throws -> [Field] {
        var fields: [Field] = []
        while true {
            fields.append(try field())
            switch peek {
            case ",":
                advance()
            case nil:
                return fields
            default:
                skipLineEnd()
                return fields
            }
        }
    }

    private mutating func field() throws -> Field {
        // Spaces around a field are how people type CSV by hand (`名称, 数值`); they are not data.
        while peek == " " || peek == "\t" { advance() }
        let start = here
        guard peek == "\"" else {
            var text = String.UnicodeScalarView()
            while let scalar = peek, scalar != ",", !Self.isLineEnd(scalar) {
                text.append(scalar)
                advance()
            }
            return Field(text: String(text).trimmingCharacters(in: .whitespaces), quoted: false, location: start)
        }
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek else {
                throw HuibaoError(.data, "this quoted field is never closed; expected a closing \" before the end of the file",
                                  at: start, hint: "A quote inside a quoted field is written twice: \"\"")
            }
            advance()
            if scalar == "\"" {
                guard peek == "\"" else { break }
                advance()
            }
            // Inside quotes a CRLF is kept as one line break, as Excel means it.
            if scalar == "\r" {
                text.append("\n")
                if peek == "\n" { advance() }
                continue
            }
            text.append(scalar)
        }
        while peek == " " || peek == "\t" { advance() }
        guard peek == nil || peek == "," || Self.isLineEnd(peek) else {
            throw HuibaoError(.data, "expected a comma or the end of the line after the closing quote, found '\(peek!)'",
                              at: here, hint: "A quote inside a quoted field is written twice: \"\"")
        }
        return Field(text: String(text), quoted: true, location: start)
    }

    // MARK: - Records

    private static func records(from rows: [[Field]]) throws -> [DataNode] {
        guard let header = rows.first else { return [] }
        let names = try columnNames(header)
        return try rows.dropFirst().compactMap { row in
            // Rows of empty fields (",,,") are what spreadsheets leave below the data.
            if row.allSatisfy({ $0.text.isEmpty && !$0.quoted }) { return nil }
            guard row.count == names.count else {
                let first = row[0].location
                let expected = "\(names.count) field\(names.count == 1 ? "" : "s") as the header row has (\(names.joined(separator: ", ")))"
                let place = row.count > names.count ? row[names.count].location : first
                throw HuibaoError(
                    .data, "this row has \(row.count) field\(row.count == 1 ? "" : "s"), expected \(expected)",
                    at: place,
                    hint: row.count > names.count
                        ? "Put a value that contains a comma in double quotes: \"1,234\"."
                        : "Leave a missing value empty but keep its comma: 张三,,12.")
            }
            let pairs = zip(names, row).map { name, field in (key: name, value: value(of: field)) }
            return DataNode(.object(pairs), at: row[0].location)
        }
    }

    private static func columnNames(_ header: [Field]) throws -> [String] {
        var seen: [String: SourceLocation] = [:]
        var names: [String] = []
        for field in header {
            guard !field.text.isEmpty else {
                throw HuibaoError(.data, "column \(names.count + 1) of the header row has no name; the first row must name every column",
                                  at: field.location, hint: "Write a column name here, or delete the empty column.")
            }
            if let earlier = seen[field.text] {
                throw HuibaoError(.data, "the column name '\(field.text)' appears twice in the header row (first at \(earlier))",
                                  at: field.location, hint: "Give every column its own name.")
            }
            seen[field.text] = field.location
            names.append(field.text)
        }
        if names.count == 1, let only = header.first, only.text.contains(";") || only.text.contains("\t") {
            throw HuibaoError(.data, "the header row has one column named '\(only.text)'; a CSV file separates columns with commas",
                              at: only.location, hint: "Save the file again as “CSV (comma delimited)”.")
        }
        return names
    }

    static func value(of field: Field) -> DataNode {
        if field.text.isEmpty { return DataNode(field.quoted ? .string("") : .null, at: field.location) }
        if let number = number(field.text) { return DataNode(.number(number), at: field.location) }
        return DataNode(.string(field.text), at: field.location)
    }

    /// A decimal numeral, optionally with thousands grouping (`1,234,567.8`, only inside quotes
    /// in a CSV file); integer parts with a leading zero (`007`) are codes and stay text.
    static func number(_ text: String) -> Decimal? {
        var plain = text
        if text.contains(",") {
            guard text.range(of: #"^[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"#, options: .regularExpression) != nil else { return nil }
            plain = text.replacingOccurrences(of: ",", with: "")
        }
        guard plain.range(of: #"^[-+]?([1-9][0-9]*|0)?(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
              plain.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: \.isNumber) else { return nil }
        return DataLoader.exactDecimal(plain.hasPrefix("+") ? String(plain.dropFirst()) : plain)
    }
}
