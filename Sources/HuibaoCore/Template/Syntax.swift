import Foundation

/// A parsed template: text, outputs and blocks.
enum TemplateNode: Sendable {
    case text(String)
    case output(TemplateExpression)
    case conditional(branches: [(condition: TemplateExpression, body: [TemplateNode])], otherwise: [TemplateNode])
    case loop(TemplateLoop)
    case assignment(name: String, value: TemplateExpression)
    /// `{% include "path" %}`: the template `path` names, resolved in the unit that includes it.
    case include(TemplateInclude)
    /// `{% block name %}body{% endblock %}`: `body` unless a template extending this one overrides it.
    case block(name: String, body: [TemplateNode])
}

/// An include, resolved after parsing: `units[unit].references[path]` is the included unit.
struct TemplateInclude: Sendable {
    var unit: Int
    var path: String
}

/// `{% macro name(a, b='x') %}body{% endmacro %}`.
struct TemplateMacro: Sendable {
    var name: String
    var parameters: [(name: String, defaultValue: TemplateExpression?)]
    var body: [TemplateNode]
    var location: SourceLocation
}

/// `name(arguments)` in an expression: a call of a macro visible in `unit`.
struct TemplateCall: Sendable {
    var name: String
    var unit: Int
    var positional: [TemplateExpression]
    var keywords: [(name: String, value: TemplateExpression)]
    var location: SourceLocation
}

/// `{% for targets in iterable if condition %}body{% else %}otherwise{% endfor %}`.
struct TemplateLoop: Sendable {
    var targets: [String]
    var targetLocation: SourceLocation
    var iterable: TemplateExpression
    var condition: TemplateExpression?
    var body: [TemplateNode]
    var otherwise: [TemplateNode]
}

/// An expression with the place an error about it should point at: the start of a name or
/// literal, the operator of an operation, the name of a filter or test.
struct TemplateExpression: Sendable {
    indirect enum Kind: Sendable {
        case literal(TemplateValue)
        case list([TemplateExpression])
        case name(String)
        case attribute(TemplateExpression, String)
        case index(TemplateExpression, TemplateExpression)
        case sign(negative: Bool, TemplateExpression)
        case not(TemplateExpression)
        case and(TemplateExpression, TemplateExpression)
        case or(TemplateExpression, TemplateExpression)
        case binary(TemplateBinaryOperator, TemplateExpression, TemplateExpression)
        /// A chain such as `a < b < c`, which Jinja reads as `a < b and b < c`.
        case comparison(TemplateExpression, [(TemplateComparison, TemplateExpression, SourceLocation)])
        case conditional(value: TemplateExpression, condition: TemplateExpression, otherwise: TemplateExpression?)
        case filter(TemplateExpression, TemplateFilterApplication)
        case test(TemplateExpression, TemplateTest, negated: Bool)
        case call(TemplateCall)
        /// `super()` inside the block `name`: the block as the template it overrides has it.
        case superBlock(name: String)
    }

    var kind: Kind
    var location: SourceLocation

    /// The expression as source text, for naming what was undefined ("report.year").
    var source: String {
        switch kind {
        case .literal(let v):
            if case .string(let s) = v.kind { return "'" + s + "'" }
            return (try? v.text()) ?? "?"
        case .list(let items): return "[" + items.map(\.source).joined(separator: ", ") + "]"
        case .name(let n): return n
        case .attribute(let base, let n): return base.operand + "." + n
        case .index(let base, let i): return base.operand + "[" + i.source + "]"
        case .sign(let negative, let e): return (negative ? "-" : "+") + e.operand
        case .not(let e): return "not " + e.operand
        case .and(let a, let b): return a.operand + " and " + b.operand
        case .or(let a, let b): return a.operand + " or " + b.operand
        case .binary(let op, let a, let b): return a.operand + " \(op.rawValue) " + b.operand
        case .comparison(let first, let rest):
            return first.operand + rest.map { " \($0.0.rawValue) " + $0.1.operand }.joined()
        case .conditional(let value, let condition, let otherwise):
            return value.operand + " if " + condition.operand + (otherwise.map { " else " + $0.operand } ?? "")
        case .filter(let base, let f): return base.operand + "|" + f.name
        case .test(let base, let test, let negated): return base.operand + " is " + (negated ? "not " : "") + test.rawValue
        case .call(let call):
            let arguments = call.positional.map(\.source) + call.keywords.map { $0.name + "=" + $0.value.source }
            return call.name + "(" + arguments.joined(separator: ", ") + ")"
        case .superBlock: return "super()"
        }
    }

    /// The source of a part of a larger expression, in parentheses unless it binds tightly.
    private var operand: String {
        switch kind {
        case .literal, .list, .name, .attribute, .index, .filter, .call, .superBlock: return source
        default: return "(" + source + ")"
        }
    }
}

enum TemplateBinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", remainder = "%"
    case concatenate = "~"
}

enum TemplateComparison: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case contains = "in", notContains = "not in"
}

/// `value|name(arguments)`, with the filter looked up and its arguments bound when parsing,
/// so that a misspelt filter or argument is reported before anything renders.
struct TemplateFilterApplication: Sendable {
    var name: String
    var filter: TemplateFilter
    /// One per parameter of the filter: the argument written, or nil to use the default.
    var arguments: [TemplateExpression?]
    var location: SourceLocation
}

/// The tests of `value is name`; they never fail on an undefined value, that is their point.
enum TemplateTest: String, CaseIterable, Sendable {
    case defined, undefined, none, number, string, boolean, mapping, sequence, iterable, odd, even

    /// Whether `value` passes; nil when the test cannot apply (`odd` of text).
    func check(_ value: TemplateValue) -> Bool? {
        switch (self, value.kind) {
        case (.defined, _): return !value.isUndefined
        case (.undefined, _): return value.isUndefined
        case (.none, .null): return true
        case (.number, .number): return true
        case (.string, .string), (.string, .markup): return true
        case (.boolean, .bool): return true
        case (.mapping, .mapping): return true
        case (.sequence, .list), (.sequence, .string), (.sequence, .markup), (.sequence, .mapping),
             (.iterable, .list), (.iterable, .string), (.iterable, .markup), (.iterable, .mapping):
            return true
        case (.odd, .number(let n)), (.even, .number(let n)):
            guard let whole = n.wholeNumber else { return nil }
            return (whole % 2 != 0) == (self == .odd)
        case (.odd, _), (.even, _): return nil
        default: return false
        }
    }
}
