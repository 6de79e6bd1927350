import Foundation

/// What checking data against a schema found.
public struct SchemaReport: Sendable {
    /// Every problem, in the order of the schema: each at the place in the data it is about
    /// (the mapping that lacks a field, or the value that is wrong), saying what was expected.
    public var problems: [HuibaoError]
    /// How many data values the schema described and were looked at.
    public var checkedValues: Int
}

extension DataSchema {
    /// Checks `data` (the merged top-level mapping) and reports every problem at once.
    public func check(_ data: DataNode) -> SchemaReport {
        var check = SchemaCheck(schemaFile: file)
        check.check(data, root, path: "", parent: data.location)
        return SchemaReport(problems: check.problems, checkedValues: check.checked)
    }
}

/// Walks data and schema together, collecting problems instead of stopping at the first.
struct SchemaCheck {
    let schemaFile: String
    private(set) var problems: [HuibaoError] = []
    private(set) var checked = 0

    init(schemaFile: String) {
        self.schemaFile = schemaFile
    }

    mutating func check(_ node: DataNode?, _ schema: FieldSchema, path: String, parent: SourceLocation?) {
        let name = path.isEmpty ? "the data" : "'\(path)'"
        guard let node else {
            if schema.required {
                report("\(name) is missing; expected \(Self.expectation(schema))", at: parent, schema)
            }
            return
        }
        if case .null = node.value {
            if schema.required { report("\(name) is empty; expected \(Self.expectation(schema))", at: node.location ?? parent, schema) }
            return
        }
        // The top-level mapping is the data itself, not one of its values.
        if !path.isEmpty { checked += 1 }
        let (fits, type) = Self.match(node.value, schema.types)
        guard fits else {
            report("\(name) must be \(Self.expectation(schema)), found \(Self.found(node.value))", at: node.location ?? parent, schema)
            return
        }
        if let allowed = schema.allowed, !allowed.contains(where: { Self.same($0.value, node.value) }) {
            report("\(name) is \(Self.found(node.value)), expected one of: \(allowed.map { $0.value.description }.joined(separator: ", "))",
                   at: node.location ?? parent, schema)
        }
        checkBounds(node, type: type, schema, name: name)
        switch node.value {
        case .object:
            for (field, fieldSchema) in schema.fields ?? [] {
                check(node[field], fieldSchema, path: path.isEmpty ? field : path + "." + field, parent: node.location ?? parent)
            }
        case .array(let items):
            guard let itemSchema = schema.items else { return }
            for (index, item) in items.enumerated() {
                check(item, itemSchema, path: "\(path)[\(index)]", parent: node.location ?? parent)
            }
        default:
            break
        }
    }

    private mutating func report(_ message: String, at location: SourceLocation?, _ schema: FieldSchema) {
        let hint = schema.location.map { "the schema asks for this at \($0)" }
        problems.append(HuibaoError(.data, message, at: location ?? SourceLocation(file: schemaFile, line: 1, column: 1), hint: hint))
    }

    private mutating func checkBounds(_ node: DataNode, type: SchemaType?, _ schema: FieldSchema, name: String) {
        guard schema.minimum != nil || schema.maximum != nil else { return }
        let measure: (value: Decimal, unit: String)?
        switch node.value {
        case .number(let n): measure = (n, "")
        case .string(let s) where type == .date:
            // Dates in yyyy-mm-dd order compare as text.
            let date = String(s.prefix(10))
            if case .date(let low)? = schema.minimum, date < low {
                report("\(name) must be on or after \(low), found \(date)", at: node.location, schema)
            }
            if case .date(let high)? = schema.maximum, date > high {
                report("\(name) must be on or before \(high), found \(date)", at: node.location, schema)
            }
            return
        case .string(let s): measure = (Decimal(s.count), " characters long")
        case .array(let items): measure = (Decimal(items.count), items.count == 1 ? " item" : " items")
        default: measure = nil
        }
        guard let (value, unit) = measure else { return }
        let shown = node.value.isText || node.value.isList ? "\(value.plainText)\(unit)" : value.plainText
        if case .number(let low)? = schema.minimum, value < low {
            report("\(name) must be \(Self.atLeast(low, node.value)), found \(shown)", at: node.location, schema)
        }
        if case .number(let high)? = schema.maximum, value > high {
            report("\(name) must be \(Self.atMost(high, node.value)), found \(shown)", at: node.location, schema)
        }
    }

    private static func atLeast(_ n: Decimal, _ value: DataValue) -> String {
        if value.isList { return "a list of at least \(n.plainText) item\(n == 1 ? "" : "s")" }
        if value.isText { return "at least \(n.plainText) characters long" }
        return "at least \(n.plainText)"
    }

    private static func atMost(_ n: Decimal, _ value: DataValue) -> String {
        if value.isList { return "a list of at most \(n.plainText) item\(n == 1 ? "" : "s")" }
        if value.isText { return "at most \(n.plainText) characters long" }
        return "at most \(n.plainText)"
    }

    // MARK: - Types

    /// Whether the value is of one of `types`, and the first it is; no types take any value.
    private static func match(_ value: DataValue, _ types: [SchemaType]) -> (fits: Bool, type: SchemaType?) {
        guard !types.isEmpty else { return (true, nil) }
        let type = types.first { isValue(value, of: $0) }
        return (type != nil, type)
    }

    private static func isValue(_ value: DataValue, of type: SchemaType) -> Bool {
        switch (type, value) {
        case (.text, .string), (.number, .number), (.boolean, .bool), (.list, .array), (.mapping, .object): return true
        case (.integer, .number(let n)): return n == n.rounded0
        case (.date, .string(let s)): return isDate(s)
        default: return false
        }
    }

    /// `yyyy-mm-dd` naming a real day, optionally followed by a time (` hh:mm` or ` hh:mm:ss`),
    /// as Excel date cells are read.
    static func isDate(_ text: String) -> Bool {
        guard text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$"#, options: .regularExpression) != nil
        else { return false }
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        guard (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }

    private static func same(_ a: DataValue, _ b: DataValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    // MARK: - Wording

    /// What the schema asks for, as one phrase: "a whole number from 2000 to 2100".
    static func expectation(_ schema: FieldSchema) -> String {
        var phrase = schema.types.isEmpty ? "a value" : schema.types.map(\.phrase).joined(separator: " or ")
        let low = schema.minimum?.text
        let high = schema.maximum?.text
        let isCount = schema.types == [.list]
        let isLength = schema.types == [.text]
        if low != nil || high != nil {
            let range: String = switch (low, high) {
            case let (low?, high?): "from \(low) to \(high)"
            case let (low?, nil): "of at least \(low)"
            case let (nil, high?): "of at most \(high)"
            default: ""
            }
            phrase += isCount ? " with a number of items \(range)" : isLength ? " with a length \(range) characters" : " \(range)"
        }
        if let allowed = schema.allowed {
            phrase += ", one of: " + allowed.map { $0.value.description }.joined(separator: ", ")
        }
        if schema.types == [.mapping], let fields = schema.fields, !fields.isEmpty {
            phrase += " with " + fields.prefix(6).map(\.name).joined(separator: ", ") + (fields.count > 6 ? ", …" : "")
        }
        return phrase
    }

    private static func found(_ value: DataValue) -> String {
        switch value {
        case .string(let s): return "text '\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .number(let n): return "the number \(n.plainText)"
        case .bool(let b): return b ? "true" : "false"
        case .array(let items): return "a list of \(items.count) item\(items.count == 1 ? "" : "s")"
        case .object: return "a mapping"
        case .null: return "nothing"
        }
    }
}

extension DataValue {
    fileprivate var isText: Bool {
        if case .string = self { return true }
        return false
    }

    fileprivate var isList: Bool {
        if case .array = self { return true }
        return false
    }
}
