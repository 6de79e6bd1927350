import Foundation

/// The filters a template may use, by name. Names are checked when a template is parsed,
/// so a misspelt filter fails before anything renders.
public struct TemplateFilters: Sendable {
    private var table: [String: TemplateFilter] = [:]

    /// An empty registry; most callers want `builtIn` and `register` their own on top.
    public init() {}

    /// The Jinja-like filters (Filters+Standard.swift) and the Chinese report ones
    /// (ChineseFilters.swift).
    public static let builtIn: TemplateFilters = {
        var filters = TemplateFilters()
        filters.registerStandard()
        filters.registerChinese()
        return filters
    }()

    public subscript(name: String) -> TemplateFilter? { table[name] }

    /// Adds or replaces the filter called `name`.
    public mutating func register(_ name: String, _ filter: TemplateFilter) {
        table[name] = filter
    }

    /// All names, sorted, for hints.
    public var names: [String] { table.keys.sorted() }
}

/// One filter: the parameters its arguments bind to, and what it does.
public struct TemplateFilter: Sendable {
    public struct Parameter: Sendable {
        public var name: String
        /// The value when the argument is left out; nil makes the argument required.
        public var defaultValue: TemplateValue?

        public init(_ name: String, default defaultValue: TemplateValue? = nil) {
            self.name = name
            self.defaultValue = defaultValue
        }
    }

    public var parameters: [Parameter]
    /// Whether the filter is handed an undefined input instead of the use failing;
    /// only `default` wants that.
    public var acceptsUndefined: Bool
    public var apply: @Sendable (TemplateFilterCall) throws -> TemplateValue

    public init(_ parameters: [Parameter] = [], acceptsUndefined: Bool = false,
                apply: @escaping @Sendable (TemplateFilterCall) throws -> TemplateValue) {
        self.parameters = parameters
        self.acceptsUndefined = acceptsUndefined
        self.apply = apply
    }
}

/// One use of a filter while rendering, with helpers that report bad input at the place
/// the filter is written and say where in the data the bad value came from.
public struct TemplateFilterCall: Sendable {
    /// The filter's name as written.
    public var name: String
    /// The whole filter expression as written (`rows|first`), to name an undefined result.
    public var source: String
    public var input: TemplateValue
    /// One per parameter, defaults filled in.
    public var arguments: [TemplateValue]
    public var parameterNames: [String]
    /// Where the filter's name is in the template.
    public var location: SourceLocation
    /// The escaping the template renders with, for `escape`.
    public var escape: @Sendable (String) -> String

    /// An error at the filter; when it is about a value, the hint says where the value came from.
    public func error(_ message: String, about value: TemplateValue? = nil, hint: String? = nil) -> HuibaoError {
        let parts = [hint, value?.originHint].compactMap { $0 }
        return HuibaoError(.template, message, at: location, hint: parts.isEmpty ? nil : parts.joined(separator: "; "))
    }

    /// What a value is in messages: "the input" or "argument 'decimals'".
    private func role(_ argument: Int?) -> String {
        argument.map { " for '\(parameterNames[$0])'" } ?? ""
    }

    /// The input, or the given argument, as a number.
    public func number(argument: Int? = nil) throws -> Decimal {
        let value = argument.map { arguments[$0] } ?? input
        guard case .number(let n) = value.kind else {
            throw error("filter '\(name)' expects a number\(role(argument)), found \(value.summary)", about: value)
        }
        return n
    }

    /// The input, or the given argument, as a whole number within `range`.
    public func wholeNumber(argument: Int? = nil, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        let value = argument.map { arguments[$0] } ?? input
        guard case .number(let n) = value.kind, let whole = n.wholeNumber, range.contains(whole) else {
            let bounds = range == Int.min...Int.max ? "" : " from \(range.lowerBound) to \(range.upperBound)"
            throw error("filter '\(name)' expects a whole number\(bounds)\(role(argument)), found \(value.summary)", about: value)
        }
        return whole
    }

    /// The given argument as text; numbers are accepted as their text.
    public func text(argument: Int) throws -> String {
        let value = arguments[argument]
        switch value.kind {
        case .string(let s), .markup(let s): return s
        case .number(let n): return n.plainText
        default: throw error("filter '\(name)' expects text\(role(argument)), found \(value.summary)", about: value)
        }
    }

    /// The input as a list.
    public func list() throws -> [TemplateValue] {
        guard case .list(let items) = input.kind else {
            throw error("filter '\(name)' expects a list, found \(input.summary)", about: input)
        }
        return items
    }

    /// The value at a dotted key path (`attribute='region.name'`) inside one list item.
    public func attribute(_ path: String, of item: TemplateValue) throws -> TemplateValue {
        var value = item
        for key in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard let next = value[key] else {
                let keys: [String] = if case .mapping(let pairs) = value.kind { pairs.map(\.key) } else { [] }
                throw error("filter '\(name)': an item has no key '\(key)'", about: value,
                            hint: keys.isEmpty ? "the item is \(value.summary)" : "keys there: " + TemplateValue.keyList(keys))
            }
            value = next
        }
        return value
    }
}
