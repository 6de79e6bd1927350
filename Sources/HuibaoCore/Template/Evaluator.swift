import Foundation

/// Runs a parsed template against data, writing the output.
struct TemplateEvaluator {
    private let program: TemplateProgram
    private let root: TemplateValue
    private let escape: @Sendable (String) -> String
    /// Variables from `set` and `for`, innermost last. Each loop iteration gets a scope of its
    /// own, so, as in Jinja, a `set` inside a loop is gone after it while one inside `if` stays.
    private var scopes: [[String: TemplateValue]] = [[:]]
    /// While a template that extends others renders: each block name's bodies, the most
    /// derived template's first.
    private var blocks: [String: [[TemplateNode]]] = [:]
    /// The blocks being rendered, innermost last, with which body of `blocks` each is.
    private var blockLevels: [(name: String, level: Int)] = []
    /// How many macro calls deep this evaluator runs.
    private var depth = 0
    private(set) var output = ""
    /// Where values from the data went into `output` (UTF-8 offsets), for messages about the
    /// markup the output becomes (`RenderedTemplate.dataLocation`).
    private(set) var insertions: [RenderedTemplate.Insertion] = []

    /// A macro calling itself without end would otherwise end in a crash.
    private static let maximumDepth = 100

    init(program: TemplateProgram, root: TemplateValue, escape: @escaping @Sendable (String) -> String) {
        self.program = program
        self.root = root
        self.escape = escape
    }

    /// Renders a unit: its nodes, or, when it extends another, the topmost template's nodes
    /// with each block taken from the most derived template that has it.
    mutating func render(unit index: Int) throws {
        var chain = [index]
        while let parent = program.units[chain.last!].parent { chain.append(parent) }
        var blocks: [String: [[TemplateNode]]] = [:]
        // A template that extends nothing renders its blocks as written, and an included
        // one must not pick up the includer's overrides.
        if chain.count > 1 {
            for unit in chain {
                for (name, body) in program.units[unit].blocks { blocks[name, default: []].append(body) }
            }
        }
        let (outerBlocks, outerLevels) = (self.blocks, blockLevels)
        (self.blocks, blockLevels) = (blocks, [])
        defer { (self.blocks, blockLevels) = (outerBlocks, outerLevels) }
        // The definitions at the top of each extending template run first, the most derived first.
        for unit in chain.dropLast() {
            for node in program.units[unit].nodes {
                if case .assignment = node { try run([node]) }
            }
        }
        try run(program.units[chain.last!].nodes)
    }

    mutating func run(_ nodes: [TemplateNode]) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .output(let expression):
                let value = try evaluate(expression)
                let text: String
                if case .markup(let markup) = value.kind { text = markup } else { text = escape(try value.text()) }
                if let origin = value.origin, !text.isEmpty {
                    let start = output.utf8.count
                    insertions.append(.init(range: start..<start + text.utf8.count, origin: origin))
                }
                output += text
            case .conditional(let branches, let otherwise):
                let taken = try branches.first { try evaluate($0.condition).isTruthy }
                try run(taken?.body ?? otherwise)
            case .loop(let loop):
                try run(loop)
            case .assignment(let name, let value):
                scopes[scopes.count - 1][name] = try evaluate(value)
            case .include(let include):
                // The included template sees the variables here, as in Jinja.
                try render(unit: program.units[include.unit].references[include.path]!)
            case .block(let name, let body):
                guard let bodies = blocks[name] else {
                    try run(body)
                    continue
                }
                blockLevels.append((name, 0))
                defer { blockLevels.removeLast() }
                try run(bodies[0])
            }
        }
    }

    /// `name(…)`: the macro's body run with its arguments and the data, not the caller's
    /// variables (as in Jinja); its output is markup already escaped, so it is not escaped again.
    private func call(_ call: TemplateCall) throws -> TemplateValue {
        let macro = program.macro(call)
        guard depth < Self.maximumDepth else {
            throw HuibaoError(.template, "macro '\(call.name)' is called more than \(Self.maximumDepth) levels deep", at: call.location,
                              hint: "a macro that calls itself needs a condition that stops it")
        }
        var arguments: [String: TemplateValue] = [:]
        for (parameter, argument) in zip(macro.parameters, call.positional) {
            arguments[parameter.name] = try evaluate(argument)
        }
        for keyword in call.keywords {
            arguments[keyword.name] = try evaluate(keyword.value)
        }
        var body = TemplateEvaluator(program: program, root: root, escape: escape)
        body.depth = depth + 1
        for parameter in macro.parameters where arguments[parameter.name] == nil {
            // Defaults are worked out when called, and may use the parameters before them.
            body.scopes = [arguments]
            arguments[parameter.name] = try body.evaluate(parameter.defaultValue!)
        }
        body.scopes = [arguments]
        try body.run(macro.body)
        return TemplateValue(.markup(body.output))
    }

    /// `super()`: the current block as the template above the overriding one has it.
    private func superBlock(_ name: String, at location: SourceLocation) throws -> TemplateValue {
        guard let level = blockLevels.last(where: { $0.name == name })?.level, let bodies = blocks[name], level + 1 < bodies.count else {
            throw HuibaoError(.template, "super() in block '\(name)': no template above this one has that block", at: location,
                              hint: "super() shows what the extended template has in the block")
        }
        var above = self
        above.output = ""
        above.blockLevels.append((name, level + 1))
        try above.run(bodies[level + 1])
        return TemplateValue(.markup(above.output))
    }

    private mutating func run(_ loop: TemplateLoop) throws {
        let iterable = try evaluate(loop.iterable)
        var items: [TemplateValue]
        switch iterable.kind {
        case .list(let list): items = list
        // A mapping loops over its keys, as a Python dict does.
        case .mapping(let pairs): items = pairs.map { TemplateValue(.string($0.key), origin: $0.value.origin) }
        case .undefined(let undefined): throw undefined.error
        default:
            let hint = ["expected a list or a mapping", iterable.originHint].compactMap { $0 }.joined(separator: "; ")
            throw HuibaoError(.template, "cannot loop over \(iterable.summary)", at: loop.iterable.location, hint: hint)
        }
        if let condition = loop.condition {
            items = try items.filter { item in
                scopes.append(try bindings(loop, item, iterable))
                defer { scopes.removeLast() }
                return try evaluate(condition).isTruthy
            }
        }
        guard !items.isEmpty else {
            scopes.append([:])
            defer { scopes.removeLast() }
            return try run(loop.otherwise)
        }
        for (i, item) in items.enumerated() {
            var scope = try bindings(loop, item, iterable)
            let count = items.count
            scope["loop"] = TemplateValue(.mapping([
                ("index", .number(Decimal(i + 1))), ("index0", .number(Decimal(i))),
                ("revindex", .number(Decimal(count - i))), ("revindex0", .number(Decimal(count - i - 1))),
                ("first", .bool(i == 0)), ("last", .bool(i == count - 1)), ("length", .number(Decimal(count))),
            ]))
            scopes.append(scope)
            defer { scopes.removeLast() }
            try run(loop.body)
        }
    }

    /// The loop variables for one item; `for a, b in pairs` unpacks a list of two.
    private func bindings(_ loop: TemplateLoop, _ item: TemplateValue, _ iterable: TemplateValue) throws -> [String: TemplateValue] {
        guard loop.targets.count > 1 else { return [loop.targets[0]: item] }
        guard case .list(let parts) = item.kind, parts.count == loop.targets.count else {
            var hints = ["each item must be a list of \(loop.targets.count) values"]
            if case .mapping = iterable.kind { hints.append("to loop over keys and values write 'in …|items'") }
            if let origin = item.originHint { hints.append(origin) }
            throw HuibaoError(.template, "cannot unpack \(item.summary) into \(loop.targets.joined(separator: ", "))",
                              at: loop.targetLocation, hint: hints.joined(separator: "; "))
        }
        return Dictionary(zip(loop.targets, parts), uniquingKeysWith: { _, last in last })
    }

    // MARK: Expressions

    func evaluate(_ expression: TemplateExpression) throws -> TemplateValue {
        switch expression.kind {
        case .literal(let value):
            return value
        case .list(let items):
            return .list(try items.map(evaluate))
        case .name(let name):
            return lookup(name, at: expression.location)
        case .attribute(let base, let key):
            return member(of: try evaluate(base), base, key: .string(key), expression)
        case .index(let base, let key):
            return member(of: try evaluate(base), base, key: try defined(evaluate(key)), expression)
        case .sign(let negative, let operand):
            let value = try defined(evaluate(operand))
            guard case .number(let n) = value.kind else {
                throw HuibaoError(.template, "'\(negative ? "-" : "+")' expects a number, found \(value.summary)",
                                  at: expression.location, hint: value.originHint)
            }
            return .number(negative ? -n : n)
        case .not(let operand):
            return .bool(!(try evaluate(operand).isTruthy))
        case .and(let a, let b):
            let left = try evaluate(a)
            return left.isTruthy ? try evaluate(b) : left
        case .or(let a, let b):
            let left = try evaluate(a)
            return left.isTruthy ? left : try evaluate(b)
        case .binary(let op, let a, let b):
            return try TemplateOperators.apply(op, try defined(evaluate(a)), try defined(evaluate(b)), at: expression.location)
        case .comparison(let first, let rest):
            var left = try evaluate(first)
            for (op, operand, location) in rest {
                let right = try evaluate(operand)
                guard try TemplateOperators.compare(op, left, right, at: location) else { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .conditional(let value, let condition, let otherwise):
            // Without `else` a false condition gives empty text, which Jinja prints too.
            if try evaluate(condition).isTruthy { return try evaluate(value) }
            return try otherwise.map(evaluate) ?? .string("")
        case .filter(let base, let application):
            return try apply(application, to: try evaluate(base), expression)
        case .call(let macroCall):
            return try call(macroCall)
        case .superBlock(let name):
            return try superBlock(name, at: expression.location)
        case .test(let base, let test, let negated):
            let value = try evaluate(base)
            guard let passed = test.check(value) else {
                throw HuibaoError(.template, "test '\(test.rawValue)' expects a whole number, found \(value.summary)",
                                  at: expression.location, hint: value.originHint)
            }
            return .bool(passed != negated)
        }
    }

    private func defined(_ value: TemplateValue) throws -> TemplateValue {
        if case .undefined(let undefined) = value.kind { throw undefined.error }
        return value
    }

    private func apply(_ application: TemplateFilterApplication, to input: TemplateValue, _ expression: TemplateExpression) throws -> TemplateValue {
        let filter = application.filter
        if !filter.acceptsUndefined { _ = try defined(input) }
        var arguments: [TemplateValue] = []
        for (parameter, argument) in zip(filter.parameters, application.arguments) {
            guard let argument else {
                arguments.append(parameter.defaultValue ?? .null)
                continue
            }
            let value = try evaluate(argument)
            arguments.append(filter.acceptsUndefined ? value : try defined(value))
        }
        let call = TemplateFilterCall(name: application.name, source: expression.source, input: input, arguments: arguments,
                                      parameterNames: filter.parameters.map(\.name), location: application.location, escape: escape)
        do {
            // What a filter makes of a value from the data comes from there too (a joined list,
            // a formatted number), so that a problem with it later can point into the data.
            var result = try filter.apply(call)
            if result.origin == nil { result.origin = input.origin }
            return result
        } catch let error as HuibaoError {
            throw error
        } catch {
            // A filter registered by a caller may throw anything; keep the place it failed.
            throw HuibaoError(.template, "filter '\(application.name)' failed: \(error)", at: application.location)
        }
    }

    // MARK: Names, keys and indexes

    private func lookup(_ name: String, at location: SourceLocation) -> TemplateValue {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        if let value = root[name] { return value }
        let keys: [String] = if case .mapping(let pairs) = root.kind { pairs.map(\.key) } else { [] }
        let variables = scopes.flatMap(\.keys).sorted()
        var hint = "the data has no top-level key '\(name)'" + (root.origin.map { " (defined at \($0))" } ?? "")
        hint += keys.isEmpty ? "; it has no keys" : "; keys there: " + TemplateValue.keyList(keys)
        if !variables.isEmpty { hint += "; template variables: " + variables.joined(separator: ", ") }
        hint += TemplateHints.didYouMean(name, in: keys + variables)
        return TemplateValue(.undefined(TemplateUndefined(name: name, location: location, hint: hint)))
    }

    /// `base.key` and `base[key]`. Anything missing is undefined rather than an error, so that
    /// `if` and `default` can test for it; the hint says what is there instead.
    private func member(of base: TemplateValue, _ baseExpression: TemplateExpression, key: TemplateValue, _ expression: TemplateExpression) -> TemplateValue {
        // The hint texts are only built when something is missing: lookups in loops are hot.
        func undefined(_ hint: (_ name: String, _ definedAt: String) -> String) -> TemplateValue {
            let definedAt = base.origin.map { " (defined at \($0))" } ?? ""
            let hint = hint(baseExpression.source, definedAt)
            return TemplateValue(.undefined(TemplateUndefined(name: expression.source, location: expression.location, hint: hint)))
        }
        switch (base.kind, key.kind) {
        case (.undefined(var missing), _):
            // The first missing step explains the whole chain; only the name grows.
            missing.name = expression.source
            return TemplateValue(.undefined(missing))
        case (.mapping(let pairs), .string(let k)), (.mapping(let pairs), .markup(let k)):
            if let value = base[k] { return value }
            let keys = pairs.map(\.key)
            return undefined { name, definedAt in
                "the data has no key '\(k)' under '\(name)'\(definedAt); "
                    + (keys.isEmpty ? "it has no keys" : "keys there: " + TemplateValue.keyList(keys)) + TemplateHints.didYouMean(k, in: keys)
            }
        case (.mapping, .number(let n)):
            // Data keys are text; `by_year[2024]` means the key "2024".
            return member(of: base, baseExpression, key: .string(n.plainText), expression)
        case (.list(let items), .number(let n)):
            if let i = Self.position(n, count: items.count) { return items[i] }
            return undefined { name, definedAt in
                "the list '\(name)'\(definedAt) has \(items.count) item\(items.count == 1 ? "" : "s"); index \(n.plainText) is out of range"
            }
        case (.string(let s), .number(let n)), (.markup(let s), .number(let n)):
            let scalars = Array(s.unicodeScalars)
            if let i = Self.position(n, count: scalars.count) { return .string(String(scalars[i])) }
            return undefined { name, definedAt in
                "the text '\(name)'\(definedAt) has \(scalars.count) characters; index \(n.plainText) is out of range"
            }
        case (.mapping, _), (.list, _), (.string, _), (.markup, _):
            return undefined { name, definedAt in "'\(name)' is \(base.summary)\(definedAt), which cannot be indexed by \(key.summary)" }
        default:
            return undefined { name, definedAt in "'\(name)' is \(base.summary)\(definedAt), not a mapping" }
        }
    }

    /// A whole-number index into `count` items, counting from the end when negative.
    private static func position(_ n: Decimal, count: Int) -> Int? {
        guard let whole = n.wholeNumber else { return nil }
        let i = whole < 0 ? count + whole : whole
        return (0..<count).contains(i) ? i : nil
    }
}
