import Foundation

/// A value while a template runs: data from the `DataNode` tree, literals, and the results
/// of expressions and filters.
public struct TemplateValue: Sendable {
    public enum Kind: Sendable {
        /// A missing variable, key or item. It is kept rather than thrown at once so that
        /// `if`, `is defined` and `default` can ask about it; any other use reports it.
        case undefined(TemplateUndefined)
        /// Jinja's `none` (null in the data).
        case null
        case bool(Bool)
        case number(Decimal)
        case string(String)
        /// Text trusted as markup: written out as is, never escaped.
        case markup(String)
        case list([TemplateValue])
        /// Keys keep the order of the data.
        case mapping([(key: String, value: TemplateValue)])
    }

    public var kind: Kind
    /// Where the value came from in the data; nil for values the template made.
    public var origin: SourceLocation?

    public init(_ kind: Kind, origin: SourceLocation? = nil) {
        self.kind = kind
        self.origin = origin
    }

    /// The template view of a data tree; every value keeps its place in the data file.
    public init(_ node: DataNode) {
        let kind: Kind
        switch node.value {
        case .null: kind = .null
        case .bool(let b): kind = .bool(b)
        case .number(let n): kind = .number(n)
        case .string(let s): kind = .string(s)
        case .array(let items): kind = .list(items.map(TemplateValue.init))
        case .object(let pairs): kind = .mapping(pairs.map { ($0.key, TemplateValue($0.value)) })
        }
        self.init(kind, origin: node.location)
    }

    // Shorthands for values the template makes, which have no place in the data.
    public static func number(_ n: Decimal) -> TemplateValue { TemplateValue(.number(n)) }
    public static func string(_ s: String) -> TemplateValue { TemplateValue(.string(s)) }
    public static func bool(_ b: Bool) -> TemplateValue { TemplateValue(.bool(b)) }
    public static func list(_ items: [TemplateValue]) -> TemplateValue { TemplateValue(.list(items)) }
    public static var null: TemplateValue { TemplateValue(.null) }

    public var isUndefined: Bool {
        if case .undefined = kind { return true }
        return false
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// Python's truth rules, as Jinja uses them: empty, zero, none and undefined are false.
    public var isTruthy: Bool {
        switch kind {
        case .undefined, .null: return false
        case .bool(let b): return b
        case .number(let n): return !n.isZero
        case .string(let s), .markup(let s): return !s.isEmpty
        case .list(let items): return !items.isEmpty
        case .mapping(let pairs): return !pairs.isEmpty
        }
    }

    /// The value under `key` when this is a mapping (the last one wins, as in the data).
    public subscript(key: String) -> TemplateValue? {
        if case .mapping(let pairs) = kind {
            return pairs.last(where: { $0.key == key })?.value
        }
        return nil
    }

    /// The text `{{ }}` writes, as Jinja's `str()` gives it; undefined anywhere inside throws.
    public func text() throws -> String {
        switch kind {
        case .string(let s), .markup(let s): return s
        default: return try repr()
        }
    }

    /// Python's `repr()`: what a value looks like inside a printed list or mapping.
    private func repr() throws -> String {
        switch kind {
        case .undefined(let u): throw u.error
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(let n): return n.plainText
        case .string(let s), .markup(let s): return Self.quoted(s)
        case .list(let items): return "[" + (try items.map { try $0.repr() }).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            let parts = try pairs.map { Self.quoted($0.key) + ": " + (try $0.value.repr()) }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ s: String) -> String {
        // Python prefers single quotes and switches to double ones to avoid escaping.
        let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = quote
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out += (String(c) == quote ? "\\" : "") + String(c)
            }
        }
        return out + quote
    }

    /// A short description for messages: the type, and the value when it is short.
    public var summary: String {
        switch kind {
        case .undefined(let u): return "undefined '\(u.name)'"
        case .null: return "none"
        case .bool(let b): return "a boolean (\(b ? "true" : "false"))"
        case .number(let n): return "a number (\(n.plainText))"
        case .string(let s), .markup(let s):
            let short = s.count > 40 ? s.prefix(40) + "…" : s
            return "text '\(short)'"
        case .list(let items):
            return items.isEmpty ? "an empty list" : items.count == 1 ? "a list of 1 item" : "a list of \(items.count) items"
        case .mapping(let pairs):
            return pairs.isEmpty ? "an empty mapping" : "a mapping with keys " + Self.keyList(pairs.map(\.key))
        }
    }

    /// "the value comes from data.yaml:3:5", when the data says where.
    var originHint: String? {
        origin.map { "the value comes from \($0)" }
    }

    static func keyList(_ keys: [String], limit: Int = 20) -> String {
        let shown = keys.prefix(limit).joined(separator: ", ")
        return keys.count > limit ? shown + ", … (\(keys.count) in all)" : shown
    }
}

/// What a reference to missing data was, kept until the template uses it.
public struct TemplateUndefined: Sendable {
    /// The reference as written, e.g. `report.year` or `rows[i]`.
    public var name: String
    /// Where the template refers to it.
    public var location: SourceLocation
    /// Why it is missing and what exists there instead.
    public var hint: String?

    public init(name: String, location: SourceLocation, hint: String?) {
        self.name = name
        self.location = location
        self.hint = hint
    }

    /// The error for using it where a value is needed.
    public var error: HuibaoError {
        HuibaoError(.template, "undefined variable '\(name)'", at: location, hint: hint)
    }
}

extension TemplateValue: Equatable {
    /// Python equality: numbers by value, markup equal to the same text, mappings whatever
    /// their key order.
    public static func == (a: TemplateValue, b: TemplateValue) -> Bool {
        switch (a.kind, b.kind) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)), (.string(let x), .markup(let y)),
             (.markup(let x), .string(let y)), (.markup(let x), .markup(let y)):
            return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && x.allSatisfy { pair in b[pair.key] == pair.value }
        default: return false
        }
    }
}
