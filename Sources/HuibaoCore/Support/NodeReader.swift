import Foundation

/// Typed, checked reading of a mapping from a data file (styles, front matter, font roles).
///
/// Unknown keys are errors, so a typo (`size_tp`) is reported at its line instead of being
/// silently ignored; wrong types name what was expected and what was found.
public struct NodeReader {
    public let node: DataNode
    /// What the mapping is, for messages: "style 'report' › body".
    public let context: String
    private let kind: HuibaoError.Kind
    private let pairs: [(key: String, value: DataNode)]

    public init(_ node: DataNode, context: String, kind: HuibaoError.Kind) throws {
        guard case .object(let pairs) = node.value else {
            throw HuibaoError(kind, "\(context) must be a mapping of keys to values, found \(node.value.typeName)",
                              at: node.location)
        }
        self.node = node
        self.context = context
        self.kind = kind
        self.pairs = pairs
    }

    /// Fails on any key not in `known`.
    public func allowOnly(_ known: [String]) throws {
        for (key, value) in pairs where !known.contains(key) {
            throw HuibaoError(kind, "unknown key '\(key)' in \(context)", at: value.location,
                              hint: "known keys: \(known.joined(separator: ", "))")
        }
    }

    public subscript(key: String) -> DataNode? {
        guard let v = pairs.last(where: { $0.key == key })?.value else { return nil }
        if case .null = v.value { return nil }
        return v
    }

    public func string(_ key: String) throws -> String? {
        guard let v = self[key] else { return nil }
        switch v.value {
        case .string(let s): return s
        case .number, .bool: return v.value.description
        default: throw mismatch(key, v, "text")
        }
    }

    public func double(_ key: String) throws -> Double? {
        guard let v = self[key] else { return nil }
        guard case .number(let d) = v.value else { throw mismatch(key, v, "a number") }
        return NSDecimalNumber(decimal: d).doubleValue
    }

    public func int(_ key: String) throws -> Int? {
        guard let v = self[key] else { return nil }
        guard case .number(let d) = v.value, d == d.rounded0 else { throw mismatch(key, v, "a whole number") }
        return NSDecimalNumber(decimal: d).intValue
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let v = self[key] else { return nil }
        guard case .bool(let b) = v.value else { throw mismatch(key, v, "true or false") }
        return b
    }

    public func strings(_ key: String) throws -> [String]? {
        guard let v = self[key] else { return nil }
        switch v.value {
        case .string(let s): return [s]
        case .array(let items):
            return try items.map { item in
                guard case .string(let s) = item.value else { throw mismatch(key, item, "text") }
                return s
            }
        default: throw mismatch(key, v, "a list of text")
        }
    }

    public func reader(_ key: String) throws -> NodeReader? {
        guard let v = self[key] else { return nil }
        return try NodeReader(v, context: "\(context) › \(key)", kind: kind)
    }

    /// A value of a closed set (an enum's raw values).
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws -> T? where T.RawValue == String {
        guard let s = try string(key) else { return nil }
        guard let value = T(rawValue: s) else {
            throw HuibaoError(kind, "'\(s)' is not a valid \(key) in \(context)", at: self[key]?.location,
                              hint: "expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    public func mismatch(_ key: String, _ v: DataNode, _ expected: String) -> HuibaoError {
        HuibaoError(kind, "\(context) › \(key) must be \(expected), found \(v.value.typeName) '\(v.value)'", at: v.location)
    }
}

extension Decimal {
    var rounded0: Decimal {
        var copy = self
        var result = Decimal()
        NSDecimalRound(&result, &copy, 0, .plain)
        return result
    }
}
