import Foundation

/// One value of the merged data tree, with the place it came from.
///
/// Numbers are `Decimal` so that rounding in filters is exact decimal rounding
/// (half-up, as Chinese statistics round), never a binary-float surprise.
public struct DataNode: Sendable, CustomStringConvertible {
    public var value: DataValue
    public var location: SourceLocation?

    public init(_ value: DataValue, at location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }

    public var description: String { value.description }
}

public enum DataValue: Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([DataNode])
    /// Keys keep the order of the source file.
    case object([(key: String, value: DataNode)])

    public var description: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return NSDecimalNumber(decimal: d).stringValue
        case .string(let s): return s
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let pairs): return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// A short name of the type, for messages ("expected a number, found text").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "text"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }
}

extension DataNode {
    /// The value under `key` when this is a mapping.
    public subscript(key: String) -> DataNode? {
        if case .object(let pairs) = value {
            return pairs.last(where: { $0.key == key })?.value
        }
        return nil
    }
}
