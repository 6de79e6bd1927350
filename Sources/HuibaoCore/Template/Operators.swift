import Foundation

/// Arithmetic and comparisons on template values, with Python's meaning where it is defined
/// (floor division and remainder follow the divisor's sign) and an error elsewhere.
enum TemplateOperators {
    static func apply(_ op: TemplateBinaryOperator, _ a: TemplateValue, _ b: TemplateValue, at location: SourceLocation) throws -> TemplateValue {
        switch (op, a.kind, b.kind) {
        case (.concatenate, _, _):
            return .string(try a.text() + b.text())
        case (.add, .number(let x), .number(let y)):
            return .number(x + y)
        case (.add, .string(let x), .string(let y)), (.add, .string(let x), .markup(let y)),
             (.add, .markup(let x), .string(let y)), (.add, .markup(let x), .markup(let y)):
            return .string(x + y)
        case (.add, .list(let x), .list(let y)):
            return .list(x + y)
        case (.add, _, _):
            throw error("cannot add \(a.summary) and \(b.summary)", a, b, at: location,
                        hint: "to join values as text use ~, e.g. {{ a ~ b }}")
        case (.subtract, .number(let x), .number(let y)):
            return .number(x - y)
        case (.multiply, .number(let x), .number(let y)):
            return .number(x * y)
        case (.multiply, .string(let s), .number(let n)), (.multiply, .number(let n), .string(let s)):
            guard let times = n.wholeNumber else { break }
            return .string(String(repeating: s, count: max(0, times)))
        case (.divide, .number(let x), .number(let y)), (.floorDivide, .number(let x), .number(let y)),
             (.remainder, .number(let x), .number(let y)):
            guard !y.isZero else {
                throw error("division by zero", b, at: location, hint: nil)
            }
            let quotient = x / y
            switch op {
            case .divide: return .number(quotient)
            case .floorDivide: return .number(quotient.rounded(0, .down))
            default: return .number(x - y * quotient.rounded(0, .down))
            }
        default:
            break
        }
        throw error("'\(op.rawValue)' expects two numbers, found \(a.summary) and \(b.summary)", a, b, at: location, hint: nil)
    }

    static func compare(_ op: TemplateComparison, _ a: TemplateValue, _ b: TemplateValue, at location: SourceLocation) throws -> Bool {
        switch op {
        // Equality works on anything, undefined included, as in Jinja.
        case .equal: return a == b
        case .notEqual: return a != b
        case .contains: return try contains(b, a, at: location)
        case .notContains: return try !contains(b, a, at: location)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order = try ordering(try defined(a), try defined(b), op, at: location)
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        }
    }

    /// -1, 0 or 1; numbers by value, text by code points as Python compares strings.
    private static func ordering(_ a: TemplateValue, _ b: TemplateValue, _ op: TemplateComparison, at location: SourceLocation) throws -> Int {
        switch (a.kind, b.kind) {
        case (.number(let x), .number(let y)):
            return x < y ? -1 : x == y ? 0 : 1
        case (.string(let x), .string(let y)), (.string(let x), .markup(let y)),
             (.markup(let x), .string(let y)), (.markup(let x), .markup(let y)):
            let (p, q) = (Array(x.unicodeScalars.map(\.value)), Array(y.unicodeScalars.map(\.value)))
            return p == q ? 0 : p.lexicographicallyPrecedes(q) ? -1 : 1
        default:
            throw error("cannot compare \(a.summary) with \(b.summary) using '\(op.rawValue)'", a, b, at: location,
                        hint: "'<', '<=', '>' and '>=' compare two numbers or two texts")
        }
    }

    /// `needle in container`: an item of a list, a key of a mapping, or a part of a text.
    private static func contains(_ container: TemplateValue, _ needle: TemplateValue, at location: SourceLocation) throws -> Bool {
        let container = try defined(container)
        let needle = try defined(needle)
        switch (container.kind, needle.kind) {
        case (.list(let items), _):
            return items.contains(needle)
        case (.mapping, .string(let key)), (.mapping, .markup(let key)):
            return container[key] != nil
        case (.mapping, .number(let n)):
            return container[n.plainText] != nil
        case (.string(let text), .string(let part)), (.string(let text), .markup(let part)),
             (.markup(let text), .string(let part)), (.markup(let text), .markup(let part)):
            return part.isEmpty || text.contains(part)
        default:
            throw error("'in' cannot look for \(needle.summary) in \(container.summary)", needle, container, at: location,
                        hint: "'in' looks for an item in a list, a key in a mapping, or text in text")
        }
    }

    private static func defined(_ value: TemplateValue) throws -> TemplateValue {
        if case .undefined(let undefined) = value.kind { throw undefined.error }
        return value
    }

    /// An error whose hint also says where in the data each operand came from.
    private static func error(_ message: String, _ values: TemplateValue..., at location: SourceLocation, hint: String?) -> HuibaoError {
        var parts = hint.map { [$0] } ?? []
        for value in values {
            if let origin = value.origin { parts.append("\(value.summary) comes from \(origin)") }
        }
        return HuibaoError(.template, message, at: location, hint: parts.isEmpty ? nil : parts.joined(separator: "; "))
    }
}
