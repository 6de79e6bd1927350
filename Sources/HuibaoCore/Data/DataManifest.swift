import Foundation

/// A data manifest: one YAML file that lists where a report's data comes from.
///
/// ```yaml
/// sources:
///   - path: figures.yaml            # YAML or JSON: merged in as it is
///   - path: regions.csv             # CSV: records under the file's stem, `regions`
///   - path: budget.xlsx             # Excel: the first sheet's records under `budget`
///     sheet: 预算                   # or a sheet by name
///     range: A3:F40                 # or a range, or a defined name (default: the whole sheet)
///     as: budget_2025               # any source can be put under a key of its own
///   - sqlite:
///       file: metrics.db            # opened read-only
///       queries:
///         monthly: SELECT month, visits FROM traffic ORDER BY month
/// ```
///
/// A YAML data file whose only top-level key is `sources` is a manifest. Paths are relative
/// to the manifest's folder. Sources are merged from top to bottom, as `--data` files are.
public enum DataManifest {
    /// Whether a loaded YAML data file is a manifest rather than data.
    public static func isManifest(_ root: DataNode) -> Bool {
        guard case .object(let pairs) = root.value, pairs.count == 1, pairs[0].key == "sources" else { return false }
        return true
    }

    /// The merged data of every source the manifest at `path` (already loaded as `root`) lists.
    public static func load(_ root: DataNode, path: String) throws -> DataNode {
        let folder = (path as NSString).deletingLastPathComponent
        let manifest = try NodeReader(root, context: "the data manifest", kind: .data)
        guard let list = manifest["sources"], case .array(let entries) = list.value else {
            throw HuibaoError(.data, "`sources:` in a data manifest must be a list of sources, found \(manifest["sources"]?.value.typeName ?? "nothing")",
                              at: manifest["sources"]?.location ?? root.location, hint: example)
        }
        return try DataLoader.merge(try entries.map { try source($0, folder: folder) })
    }

    private static let example = "Each source is `- path: FILE` (YAML, JSON, CSV or .xlsx) or `- sqlite: {file: DB, queries: {name: SELECT …}}`."

    private static func source(_ entry: DataNode, folder: String) throws -> DataNode {
        guard case .object = entry.value else {
            throw HuibaoError(.data, "a source in a data manifest must be a mapping, found \(entry.value.typeName) '\(entry.value)'",
                              at: entry.location, hint: example)
        }
        let reader = try NodeReader(entry, context: "a data source", kind: .data)
        if let sqlite = try reader.reader("sqlite") {
            try reader.allowOnly(["sqlite"])
            return try sqliteSource(sqlite, folder: folder)
        }
        try reader.allowOnly(["path", "as", "sheet", "range"])
        guard let relative = try reader.string("path") else {
            throw HuibaoError(.data, "a data source needs `path:` or `sqlite:`", at: entry.location, hint: example)
        }
        let path = resolve(relative, in: folder)
        let key = try reader.string("as")
        let sheet = try reader.string("sheet")
        let range = try reader.string("range")
        let isWorkbook = URL(fileURLWithPath: path).pathExtension.lowercased() == "xlsx"
        if !isWorkbook, let option = sheet != nil ? "sheet" : range != nil ? "range" : nil {
            throw HuibaoError(.data, "`\(option):` only applies to an .xlsx workbook, and '\(relative)' is not one",
                              at: reader[option]?.location)
        }
        if isWorkbook {
            return try XLSXLoader.load(path: path, sheet: sheet, range: range, name: key ?? DataLoader.stem(of: path),
                                       requestedAt: reader["sheet"]?.location ?? reader["range"]?.location ?? reader["path"]?.location)
        }
        let loaded = try DataLoader.load(path: path, recordsKey: key)
        if let key, !DataLoader.isRecordFile(path) {
            return DataNode(.object([(key: key, value: loaded)]), at: entry.location)
        }
        return loaded
    }

    private static func sqliteSource(_ sqlite: NodeReader, folder: String) throws -> DataNode {
        try sqlite.allowOnly(["file", "queries"])
        guard let file = try sqlite.string("file") else {
            throw HuibaoError(.data, "`sqlite:` needs `file:`, the database to read", at: sqlite.node.location, hint: example)
        }
        guard let queries = sqlite["queries"], case .object(let pairs) = queries.value, !pairs.isEmpty else {
            throw HuibaoError(.data, "`sqlite:` needs `queries:`, a mapping of names to SELECT statements",
                              at: sqlite["queries"]?.location ?? sqlite.node.location,
                              hint: "queries:\n      monthly: SELECT month, visits FROM traffic")
        }
        let database = try SQLiteDatabase(path: resolve(file, in: folder), requestedAt: sqlite["file"]?.location)
        let results = try pairs.map { name, sql -> (key: String, value: DataNode) in
            guard case .string(let text) = sql.value else {
                throw HuibaoError(.data, "the query '\(name)' must be SQL text, found \(sql.value.typeName)", at: sql.location)
            }
            return (key: name, value: DataNode(.array(try database.records(query: name, sql: text, at: sql.location)), at: sql.location))
        }
        return DataNode(.object(results), at: sqlite.node.location)
    }

    private static func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
