import Foundation

/// The Jinja filters reports need, with Jinja's names, parameters and defaults; numbers are
/// exact decimals, so `round` rounds halves up (四舍五入) rather than to even.
extension TemplateFilters {
    mutating func registerStandard() {
        typealias P = TemplateFilter.Parameter
        let defaultFilter = TemplateFilter([P("value", default: .string("")), P("boolean", default: .bool(false))],
                                           acceptsUndefined: true) { call in
            let replace = call.input.isUndefined || (call.arguments[1].isTruthy && !call.input.isTruthy)
            return replace ? call.arguments[0] : call.input
        }
        register("default", defaultFilter)
        register("d", defaultFilter)

        let length = TemplateFilter { call in
            switch call.input.kind {
            // Python's len counts code points, so Unicode scalars here.
            case .string(let s), .markup(let s): return .number(Decimal(s.unicodeScalars.count))
            case .list(let items): return .number(Decimal(items.count))
            case .mapping(let pairs): return .number(Decimal(pairs.count))
            default: throw call.error("filter '\(call.name)' expects text, a list or a mapping, found \(call.input.summary)", about: call.input)
            }
        }
        register("length", length)
        register("count", length)

        register("join", TemplateFilter([P("d", default: .string("")), P("attribute", default: .null)]) { call in
            let separator = try call.text(argument: 0)
            let items = try call.list()
            let parts = try items.map { item in
                let value = call.arguments[1].isNull ? item : try call.attribute(try call.text(argument: 1), of: item)
                return try value.text()
            }
            return .string(parts.joined(separator: separator))
        })

        register("upper", TemplateFilter { call in .string(try call.input.text().uppercased()) })
        register("lower", TemplateFilter { call in .string(try call.input.text().lowercased()) })
        register("trim", TemplateFilter([P("chars", default: .null)]) { call in
            let text = try call.input.text()
            let set = call.arguments[0].isNull
                ? CharacterSet.whitespacesAndNewlines
                : CharacterSet(charactersIn: try call.text(argument: 0))
            return .string(text.trimmingCharacters(in: set))
        })

        register("first", TemplateFilter { call in try call.end(first: true) })
        register("last", TemplateFilter { call in try call.end(first: false) })

        register("sum", TemplateFilter([P("attribute", default: .null), P("start", default: .number(0))]) { call in
            var total = try call.number(argument: 1)
            for item in try call.list() {
                let value = call.arguments[0].isNull ? item : try call.attribute(try call.text(argument: 0), of: item)
                guard case .number(let n) = value.kind else {
                    throw call.error("filter 'sum' expects numbers, found \(value.summary)", about: value)
                }
                total += n
            }
            return .number(total)
        })

        register("sort", TemplateFilter([P("reverse", default: .bool(false)), P("case_sensitive", default: .bool(false)),
                                         P("attribute", default: .null)]) { call in
            try call.sorted()
        })

        register("reverse", TemplateFilter { call in
            switch call.input.kind {
            case .list(let items): return .list(items.reversed())
            case .string(let s), .markup(let s): return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            default: throw call.error("filter 'reverse' expects a list or text, found \(call.input.summary)", about: call.input)
            }
        })

        register("round", TemplateFilter([P("precision", default: .number(0)), P("method", default: .string("common"))]) { call in
            let value = try call.number()
            let precision = try call.wholeNumber(argument: 0, in: -30...30)
            let modes: [String: NSDecimalNumber.RoundingMode] = ["common": .plain, "ceil": .up, "floor": .down]
            let method = try call.text(argument: 1)
            guard let mode = modes[method] else {
                throw call.error("filter 'round' has no method '\(method)'", hint: "methods: common, ceil, floor")
            }
            return .number(value.rounded(precision, mode))
        })

        register("int", TemplateFilter([P("default", default: .null)]) { call in
            // Unlike Jinja, text that is not a number fails unless a fallback is given:
            // a silent 0 in a report is worse than an error.
            let number: Decimal? = switch call.input.kind {
            case .number(let n): n
            case .string(let s), .markup(let s): Decimal(strictText: s)
            case .bool(let b): b ? 1 : 0
            default: nil
            }
            guard let number else {
                if !call.arguments[0].isNull { return call.arguments[0] }
                throw call.error("filter 'int' cannot make a whole number of \(call.input.summary)", about: call.input,
                                 hint: "give a fallback, e.g. int(0)")
            }
            return .number(number.rounded(0, number < 0 ? .up : .down))
        })

        register("abs", TemplateFilter { call in .number(abs(try call.number())) })

        register("items", TemplateFilter { call in
            guard case .mapping(let pairs) = call.input.kind else {
                throw call.error("filter 'items' expects a mapping, found \(call.input.summary)", about: call.input)
            }
            return .list(pairs.map { .list([.string($0.key), $0.value]) })
        })

        register("replace", TemplateFilter([P("old"), P("new"), P("count", default: .null)]) { call in
            let text = try call.input.text()
            let old = try call.text(argument: 0)
            let new = try call.text(argument: 1)
            guard !call.arguments[2].isNull else {
                return .string(text.replacingOccurrences(of: old, with: new))
            }
            var remaining = try call.wholeNumber(argument: 2, in: 0...Int.max)
            var result = ""
            var rest = text[...]
            while remaining > 0, !old.isEmpty, let range = rest.range(of: old) {
                result += rest[..<range.lowerBound] + new
                rest = rest[range.upperBound...]
                remaining -= 1
            }
            return .string(result + rest)
        })

        register("string", TemplateFilter { call in .string(try call.input.text()) })

        let markup = TemplateFilter { call in TemplateValue(.markup(try call.input.text()), origin: call.input.origin) }
        register("markup", markup)
        register("safe", markup)

        let escape = TemplateFilter { call in
            if case .markup = call.input.kind { return call.input }
            return TemplateValue(.markup(call.escape(try call.input.text())), origin: call.input.origin)
        }
        register("escape", escape)
        register("e", escape)
    }
}

extension TemplateFilterCall {
    /// `first` and `last`: an empty list gives an undefined value, so `|first|default(…)` works.
    fileprivate func end(first: Bool) throws -> TemplateValue {
        switch input.kind {
        case .list(let items):
            if let item = first ? items.first : items.last { return item }
            return TemplateValue(.undefined(TemplateUndefined(name: source, location: location, hint: "the list is empty")))
        case .string(let s), .markup(let s):
            guard let scalar = first ? s.unicodeScalars.first : s.unicodeScalars.last else {
                return TemplateValue(.undefined(TemplateUndefined(name: source, location: location, hint: "the text is empty")))
            }
            return .string(String(scalar))
        default:
            throw error("filter '\(name)' expects a list or text, found \(input.summary)", about: input)
        }
    }

    /// A stable sort of numbers or of text (compared without case unless asked, as Jinja does).
    fileprivate func sorted() throws -> TemplateValue {
        let items = try list()
        let caseSensitive = arguments[1].isTruthy
        let keys = try items.map { item in
            arguments[2].isNull ? item : try attribute(try text(argument: 2), of: item)
        }
        enum Key { case number(Decimal), text([Unicode.Scalar]) }
        let sortKeys: [Key] = try keys.map { key in
            switch key.kind {
            case .number(let n): return .number(n)
            case .string(let s), .markup(let s): return .text(Array((caseSensitive ? s : s.lowercased()).unicodeScalars))
            default: throw error("filter 'sort' can sort numbers or text, found \(key.summary)", about: key)
            }
        }
        func less(_ a: Key, _ b: Key) throws -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): return x < y
            // Code point order, as Python compares strings.
            case (.text(let x), .text(let y)): return x.lexicographicallyPrecedes(y) { $0.value < $1.value }
            default: throw error("filter 'sort' cannot compare numbers with text", about: input)
            }
        }
        let descending = arguments[0].isTruthy
        let order = try items.indices.sorted { i, j in
            if try less(sortKeys[i], sortKeys[j]) { return !descending }
            if try less(sortKeys[j], sortKeys[i]) { return descending }
            return i < j
        }
        return .list(order.map { items[$0] })
    }
}
