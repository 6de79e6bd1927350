import Foundation

/// What a template expects of its data, read from a YAML schema file.
///
/// ```yaml
/// title: text                          # shorthand: the type alone
/// year: {type: integer, min: 2000, max: 2100}
/// status: {type: text, allowed: [草稿, 定稿]}
/// note: {type: text, required: false}  # every field is required unless it says otherwise
/// summary:
///   fields:                            # a mapping and the fields it must have
///     revenue: {type: number, min: 0}
/// regions:
///   type: list
///   min: 1                             # on a list: the number of items
///   items:                             # the schema of every item
///     fields:
///       name: text
///       share: {type: number, min: 0, max: 100}
/// ```
///
/// Types: `text`, `number`, `integer`, `boolean`, `date` (text `yyyy-mm-dd`), `list`,
/// `mapping`, or a list of them (`type: [text, number]`); no type accepts any value.
/// `min`/`max` bound a number's or date's value, a text's length in characters and a list's
/// number of items. Keys of the data that the schema does not name are allowed.
public struct DataSchema: Sendable {
    /// The path of the schema file, as given.
    public let file: String
    /// The top level of the data: a mapping with these fields.
    let root: FieldSchema

    /// Reads the schema at `path`.
    /// - Throws: `HuibaoError(.data)` when the file cannot be read or does not describe a schema.
    public init(path: String) throws {
        try self.init(node: try DataLoader.load(path: path), file: path)
    }

    /// A schema from an already loaded YAML mapping.
    public init(node: DataNode, file: String) throws {
        self.file = file
        let fields = try FieldSchema.fields(of: node, context: "the schema")
        root = FieldSchema(types: [.mapping], fields: fields, location: node.location)
    }

    /// The schema a template uses: `explicit` when given, else `schema.yaml` in the template's
    /// folder when there is one.
    public static func path(forTemplate template: String, explicit: String?) -> String? {
        if let explicit { return explicit }
        let folder = (template as NSString).deletingLastPathComponent
        let beside = folder.isEmpty ? "schema.yaml" : (folder as NSString).appendingPathComponent("schema.yaml")
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }
}

/// The types a schema can ask for.
enum SchemaType: String, CaseIterable, Sendable {
    case text, number, integer, boolean, date, list, mapping

    /// "text", "a number", … for messages.
    var phrase: String {
        switch self {
        case .text: return "text"
        case .number: return "a number"
        case .integer: return "a whole number"
        case .boolean: return "true or false"
        case .date: return "a date (yyyy-mm-dd)"
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A bound from `min:` or `max:`: a number, or a date for `date` fields.
enum SchemaBound: Sendable {
    case number(Decimal)
    case date(String)

    var text: String {
        switch self {
        case .number(let n): return n.plainText
        case .date(let d): return d
        }
    }
}

/// The schema of one value.
struct FieldSchema: Sendable {
    /// Any of these; empty means any type.
    var types: [SchemaType]
    var required = true
    var allowed: [DataNode]?
    var minimum: SchemaBound?
    var maximum: SchemaBound?
    /// For mappings: the fields in schema order.
    var fields: [(name: String, schema: FieldSchema)]?
    /// For lists: the schema of every item (at most one element; an array keeps the type finite).
    var itemSchemas: [FieldSchema] = []
    /// Where this field is described in the schema file.
    var location: SourceLocation?

    var items: FieldSchema? { itemSchemas.first }

    init(types: [SchemaType], fields: [(name: String, schema: FieldSchema)]? = nil, location: SourceLocation?) {
        self.types = types
        self.fields = fields
        self.location = location
    }

    private static let keys = ["type", "required", "allowed", "min", "max", "fields", "items", "description"]

    /// The fields of a mapping written as `name: schema` pairs.
    static func fields(of node: DataNode, context: String) throws -> [(name: String, schema: FieldSchema)] {
        guard case .object(let pairs) = node.value else {
            throw HuibaoError(.data, "\(context) must be a mapping of field names to what each holds, found \(node.value.typeName)",
                              at: node.location, hint: "e.g. title: text, or year: {type: integer, min: 2000}")
        }
        return try pairs.map { name, value in (name, try FieldSchema(node: value, context: "\(context) › \(name)")) }
    }

    /// One field: a type name, or a mapping of the keys above.
    init(node: DataNode, context: String) throws {
        location = node.location
        if case .string = node.value {
            types = try Self.types(node, context: context)
            return
        }
        let reader = try NodeReader(node, context: context, kind: .data)
        try reader.allowOnly(Self.keys)
        types = try reader["type"].map { try Self.types($0, context: context + " › type") } ?? []
        if types.isEmpty {
            if reader["fields"] != nil { types = [.mapping] } else if reader["items"] != nil { types = [.list] }
        }
        required = try reader.bool("required") ?? true
        if let allowed = reader["allowed"] {
            guard case .array(let values) = allowed.value, !values.isEmpty else {
                throw reader.mismatch("allowed", allowed, "a list of the values allowed")
            }
            self.allowed = values
        }
        minimum = try reader["min"].map { try bound($0, key: "min", reader: reader) }
        maximum = try reader["max"].map { try bound($0, key: "max", reader: reader) }
        if let fields = reader["fields"] {
            guard types.contains(.mapping) else {
                throw HuibaoError(.data, "`fields:` in \(context) describes a mapping, but its type is \(Self.list(types))",
                                  at: fields.location)
            }
            self.fields = try Self.fields(of: fields, context: context)
        }
        if let items = reader["items"] {
            guard types.contains(.list) else {
                throw HuibaoError(.data, "`items:` in \(context) describes the items of a list, but its type is \(Self.list(types))",
                                  at: items.location)
            }
            itemSchemas = [try FieldSchema(node: items, context: context + " › items")]
        }
    }

    private static func types(_ node: DataNode, context: String) throws -> [SchemaType] {
        let names: [DataNode] = if case .array(let items) = node.value { items } else { [node] }
        return try names.map { name in
            let known = SchemaType.allCases.map(\.rawValue)
            guard case .string(let text) = name.value, let type = SchemaType(rawValue: text) else {
                throw HuibaoError(.data, "'\(name.value)' is not a type a schema knows (\(context))", at: name.location,
                                  hint: "types: " + known.joined(separator: ", ") + TemplateHints.didYouMean(name.value.description, in: known))
            }
            return type
        }
    }

    private func bound(_ node: DataNode, key: String, reader: NodeReader) throws -> SchemaBound {
        switch node.value {
        case .number(let n): return .number(n)
        case .string(let s) where types == [.date] && SchemaCheck.isDate(s): return .date(s)
        default:
            throw reader.mismatch(key, node, types == [.date] ? "a date like 2025-01-01" : "a number")
        }
    }

    private static func list(_ types: [SchemaType]) -> String {
        types.isEmpty ? "not given" : types.map(\.rawValue).joined(separator: " or ")
    }
}
