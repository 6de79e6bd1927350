import Foundation

/// The text formats a data file can be written in (an `.xlsx` workbook is read by `XLSXLoader`).
public enum DataFormat: Sendable, Hashable {
    /// `.yaml` or `.yml`: what clerks write by hand.
    case yaml
    /// `.json`: what other programs export.
    case json
    /// `.csv`: a table exported from a spreadsheet; its rows become a list of records.
    case csv
}

/// The data stage: reads data files into `DataNode` trees and merges them into one.
public enum DataLoader {
    /// Reads every `--data` file and merges them left to right; a YAML file whose only key is
    /// `sources` is a data manifest (`DataManifest`) and gives the merged data of its sources.
    ///
    /// - Returns: An empty mapping when `paths` is empty.
    public static func load(paths: [String]) throws -> DataNode {
        try merge(try paths.map { path in
            let root = try load(path: path)
            guard try format(of: path) == .yaml, DataManifest.isManifest(root) else { return root }
            return try DataManifest.load(root, path: path)
        })
    }

    /// Reads the data file at `path`, choosing the format from its extension.
    ///
    /// A YAML or JSON file gives its top-level mapping. A CSV file or the first sheet of an
    /// `.xlsx` workbook gives a mapping of one key to the list of its records: `recordsKey`, or
    /// else the file's name without its extension (`regions.csv` → `regions`).
    ///
    /// - Parameter path: The path as the user gave it; locations in the result and in errors use it unchanged.
    /// - Throws: `HuibaoError(.data)` when the extension is not a data format, the file
    ///   cannot be found or read, is not UTF-8, is malformed, or its top level is not a mapping.
    public static func load(path: String, recordsKey: String? = nil) throws -> DataNode {
        let format = try format(of: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw HuibaoError(.data, "cannot find the data file '\(path)'",
                              hint: "Check the spelling of the path; a relative path starts from the current folder.")
        }
        guard !isFolder.boolValue else {
            throw HuibaoError(.data, "'\(path)' is a folder, not a data file")
        }
        guard let format else {
            return try XLSXLoader.load(path: path, name: recordsKey ?? stem(of: path))
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw HuibaoError(.data, "cannot read the data file '\(path)'",
                              hint: "Check that you are allowed to read it.")
        }
        let text = try decodeUTF8(bytes, file: path)
        if format == .csv {
            return try CSVLoader.load(text: withoutByteOrderMark(text), file: path, name: recordsKey ?? stem(of: path))
        }
        return try load(text: text, file: path, format: format)
    }

    /// The key a record file's rows go under by default: its name without the extension.
    public static func stem(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Whether the file at `path` holds rows (CSV, `.xlsx`) rather than a mapping.
    static func isRecordFile(_ path: String) -> Bool {
        ["csv", "xlsx"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    private static func withoutByteOrderMark(_ text: String) -> String {
        // Editors hide a byte-order mark, so it must not shift the columns of line 1.
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// Parses data text that did not come straight from a file (or whose file was already read).
    ///
    /// - Parameters:
    ///   - text: The whole content; a leading byte-order mark is ignored.
    ///   - file: The name locations should carry.
    ///   - format: How to read `text`.
    /// - Returns: The top-level mapping; for CSV, the file's stem mapped to its records.
    /// - Throws: `HuibaoError(.data)` when the text is malformed or its top level is not a mapping.
    public static func load(text: String, file: String, format: DataFormat) throws -> DataNode {
        let body = withoutByteOrderMark(text)
        let root = switch format {
        case .yaml: try YAMLLoader.load(text: body, file: file)
        case .json: try JSONLoader.load(text: body, file: file)
        case .csv: try CSVLoader.load(text: body, file: file, name: stem(of: file))
        }
        guard case .object = root.value else {
            throw HuibaoError(
                .data, "the top level of a data file must be a mapping of names to values, found \(root.value.typeName)",
                at: root.location,
                hint: format == .yaml ? "Start the file with `name: value` lines." : "Put the data inside { … } as \"name\": value entries.")
        }
        return root
    }

    /// Deep-merges top-level mappings from left to right.
    ///
    /// A later file replaces values and lists of an earlier one; mappings under the same key merge
    /// recursively. Keys keep the order in which they first appear. Each value keeps the location
    /// of the file it finally came from; a merged mapping keeps the location where it first appeared.
    ///
    /// - Returns: An empty mapping when `nodes` is empty.
    /// - Throws: `HuibaoError(.data)` when a node is not a mapping, or when one file gives a key a
    ///   mapping and another gives it anything else (most often an indentation mistake).
    public static func merge(_ nodes: [DataNode]) throws -> DataNode {
        for node in nodes {
            guard case .object = node.value else {
                throw HuibaoError(.data, "only mappings can be merged, found \(node.value.typeName)", at: node.location)
            }
        }
        guard let first = nodes.first else { return DataNode(.object([])) }
        return try nodes.dropFirst().reduce(first) { try merged($0, $1, path: []) }
    }

    private static func merged(_ base: DataNode, _ later: DataNode, path: [String]) throws -> DataNode {
        switch (base.value, later.value) {
        case (.object(var pairs), .object(let laterPairs)):
            // Hand-built nodes may repeat a key; the last one is the one `DataNode[key]` reads.
            var position = Dictionary(pairs.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { _, last in last })
            for (key, value) in laterPairs {
                if let index = position[key] {
                    pairs[index].value = try merged(pairs[index].value, value, path: path + [key])
                } else {
                    position[key] = pairs.count
                    pairs.append((key, value))
                }
            }
            return DataNode(.object(pairs), at: base.location)
        case (.object, _), (_, .object):
            let name = path.joined(separator: ".")
            let earlier = base.location.map { " at \($0)" } ?? ""
            throw HuibaoError(
                .data, "'\(name)' is \(base.value.typeName)\(earlier) but \(later.value.typeName) here; a mapping can only be merged with another mapping",
                at: later.location,
                hint: "Give '\(name)' the same shape in both data files, or remove it from one of them.")
        default:
            return later
        }
    }

    /// The text format of `path`; nil for an `.xlsx` workbook.
    private static func format(of path: String) throws -> DataFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml": return .yaml
        case "json": return .json
        case "csv": return .csv
        case "xlsx": return nil
        case let other:
            let hint = switch other {
            case "xls", "et": "Open the workbook in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)”."
            case "db", "sqlite", "sqlite3": "A SQLite database is read through a data manifest: sources: [{sqlite: {file: \(URL(fileURLWithPath: path).lastPathComponent), queries: {name: SELECT …}}}]"
            case "tsv", "txt": "Save the table as CSV (comma delimited)."
            default: "Rename the file to end in .yaml or .json."
            }
            throw HuibaoError(
                .data, "cannot tell the format of the data file '\(path)'; supported extensions are .yaml, .yml, .json, .csv and .xlsx",
                hint: hint)
        }
    }

    /// Decodes UTF-8, pointing at the first byte that is not UTF-8 (clerks' files are often GBK).
    private static func decodeUTF8(_ bytes: Data, file: String) throws -> String {
        var text = String.UnicodeScalarView()
        var decoder = UTF8()
        var input = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&input) {
            case .scalarValue(let scalar):
                text.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return String(text)
            case .error:
                throw HuibaoError(
                    .data, "the data file is not saved as UTF-8 text; the bytes here are not a UTF-8 character",
                    at: SourceLocation(file: file, line: line, column: column),
                    hint: "Save the file again choosing the encoding UTF-8 (it is probably GBK).")
            }
        }
    }

    /// `text`, a numeral already checked by a loader, as a `Decimal`; nil when it would not be exact.
    ///
    /// `Decimal(string:)` keeps 38 significant digits and silently rounds the rest away, and a
    /// report must never print a figure different from the one in the data.
    static func exactDecimal(_ text: String) -> Decimal? {
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        let digits = mantissa.filter { ("0"..."9").contains($0) }
        let significant = digits.drop { $0 == "0" }.reversed().drop { $0 == "0" }
        guard significant.count <= 38 else { return nil }
        return Decimal(string: text)
    }
}
