import Foundation

/// Expressions, with Jinja's precedence from loosest to tightest: `x if c else y`, `or`,
/// `and`, `not`, comparisons and `in`, `+ -`, `~`, `* / // %`, unary `- +`, then filters and
/// tests, then `.attr` and `[index]` on a primary.
extension TemplateParser {
    mutating func parseExpression() throws -> TemplateExpression {
        let value = try parseOr()
        guard isKeyword("if") else { return value }
        advance()
        let condition = try parseOr()
        var otherwise: TemplateExpression?
        if isKeyword("else") {
            advance()
            otherwise = try parseExpression()
        }
        return TemplateExpression(kind: .conditional(value: value, condition: condition, otherwise: otherwise), location: value.location)
    }

    mutating func parseOr() throws -> TemplateExpression {
        var left = try parseAnd()
        while isKeyword("or") {
            let location = current.location
            advance()
            left = TemplateExpression(kind: .or(left, try parseAnd()), location: location)
        }
        return left
    }

    private mutating func parseAnd() throws -> TemplateExpression {
        var left = try parseNot()
        while isKeyword("and") {
            let location = current.location
            advance()
            left = TemplateExpression(kind: .and(left, try parseNot()), location: location)
        }
        return left
    }

    private mutating func parseNot() throws -> TemplateExpression {
        guard isKeyword("not") else { return try parseComparison() }
        let location = current.location
        advance()
        return TemplateExpression(kind: .not(try parseNot()), location: location)
    }

    private mutating func parseComparison() throws -> TemplateExpression {
        let first = try parseSum()
        var rest: [(TemplateComparison, TemplateExpression, SourceLocation)] = []
        while true {
            let location = current.location
            let op: TemplateComparison
            if case .symbol(let s) = current.kind, let comparison = TemplateComparison(rawValue: s) {
                op = comparison
            } else if isKeyword("in") {
                op = .contains
            } else if isKeyword("not"), index + 1 < tokens.count, tokens[index + 1].kind == .name("in") {
                advance()
                op = .notContains
            } else {
                break
            }
            advance()
            rest.append((op, try parseSum(), location))
        }
        guard let firstLocation = rest.first?.2 else { return first }
        return TemplateExpression(kind: .comparison(first, rest), location: firstLocation)
    }

    private mutating func parseBinary(_ operators: [TemplateBinaryOperator], operand: (inout TemplateParser) throws -> TemplateExpression) throws -> TemplateExpression {
        var left = try operand(&self)
        while case .symbol(let s) = current.kind, let op = TemplateBinaryOperator(rawValue: s), operators.contains(op) {
            let location = current.location
            advance()
            left = TemplateExpression(kind: .binary(op, left, try operand(&self)), location: location)
        }
        return left
    }

    private mutating func parseSum() throws -> TemplateExpression {
        try parseBinary([.add, .subtract]) { try $0.parseConcatenation() }
    }

    private mutating func parseConcatenation() throws -> TemplateExpression {
        try parseBinary([.concatenate]) { try $0.parseProduct() }
    }

    private mutating func parseProduct() throws -> TemplateExpression {
        try parseBinary([.multiply, .divide, .floorDivide, .remainder]) { try $0.parseUnary() }
    }

    /// As in Jinja, `-x|abs` is `(-x)|abs`: the sign takes the bare operand, filters come after.
    private mutating func parseUnary(withFilters: Bool = true) throws -> TemplateExpression {
        var node: TemplateExpression
        if isSymbol("-") || isSymbol("+") {
            let location = current.location
            let negative = isSymbol("-")
            advance()
            node = TemplateExpression(kind: .sign(negative: negative, try parseUnary(withFilters: false)), location: location)
        } else {
            node = try parsePostfix(try parsePrimary())
        }
        return withFilters ? try parseFiltersAndTests(node) : node
    }

    private mutating func parsePrimary() throws -> TemplateExpression {
        let location = current.location
        switch current.kind {
        case .name(let name):
            let literal: TemplateValue.Kind? = switch name {
            case "true", "True": .bool(true)
            case "false", "False": .bool(false)
            case "none", "None": .null
            default: nil
            }
            if let literal {
                advance()
                return TemplateExpression(kind: .literal(TemplateValue(literal)), location: location)
            }
            guard !Self.keywords.contains(name) else {
                throw error("expected an expression, found '\(name)'")
            }
            advance()
            if isSymbol("(") { return try parseCall(name, at: location) }
            return TemplateExpression(kind: .name(name), location: location)
        case .number(let n):
            advance()
            return TemplateExpression(kind: .literal(.number(n)), location: location)
        case .string(let s):
            advance()
            return TemplateExpression(kind: .literal(.string(s)), location: location)
        case .symbol("("):
            advance()
            let inner = try parseExpression()
            try expectSymbol(")", "to close '(' at \(location)")
            return inner
        case .symbol("["):
            advance()
            var items: [TemplateExpression] = []
            while !isSymbol("]") {
                items.append(try parseExpression())
                guard isSymbol(",") else { break }
                advance()
            }
            try expectSymbol("]", "to close the list started at \(location)")
            return TemplateExpression(kind: .list(items), location: location)
        default:
            throw error("expected an expression, found \(current.kind.description)")
        }
    }

    /// `.name`, `.0` and `[expr]`; the whole reference keeps the location of its start.
    private mutating func parsePostfix(_ base: TemplateExpression) throws -> TemplateExpression {
        var node = base
        while true {
            if isSymbol(".") {
                advance()
                switch current.kind {
                case .name(let key):
                    node = TemplateExpression(kind: .attribute(node, key), location: base.location)
                case .number(let n) where n.wholeNumber != nil:
                    let key = TemplateExpression(kind: .literal(.number(n)), location: current.location)
                    node = TemplateExpression(kind: .index(node, key), location: base.location)
                default:
                    throw error("expected a key name after '.', found \(current.kind.description)")
                }
                advance()
            } else if isSymbol("[") {
                advance()
                let key = try parseExpression()
                try expectSymbol("]", "to close '['")
                node = TemplateExpression(kind: .index(node, key), location: base.location)
            } else {
                return node
            }
        }
    }

    private mutating func parseFiltersAndTests(_ base: TemplateExpression) throws -> TemplateExpression {
        var node = base
        while true {
            if isSymbol("|") {
                advance()
                let filter = try parseFilter()
                node = TemplateExpression(kind: .filter(node, filter), location: filter.location)
            } else if isKeyword("is") {
                let location = current.location
                advance()
                let negated = isKeyword("not")
                if negated { advance() }
                guard case .name(let name) = current.kind else {
                    throw error("expected a test name after 'is', found \(current.kind.description)")
                }
                let names = TemplateTest.allCases.map(\.rawValue)
                guard let test = TemplateTest(rawValue: name) else {
                    throw error("unknown test '\(name)'", hint: "tests: " + names.joined(separator: ", ") + TemplateHints.didYouMean(name, in: names))
                }
                advance()
                node = TemplateExpression(kind: .test(node, test, negated: negated), location: location)
            } else {
                return node
            }
        }
    }

    /// A filter name and its arguments, checked against the filter's parameters.
    private mutating func parseFilter() throws -> TemplateFilterApplication {
        let location = current.location
        guard case .name(let name) = current.kind else {
            throw error("expected a filter name after '|', found \(current.kind.description)")
        }
        guard let filter = filters[name] else {
            throw error("unknown filter '\(name)'",
                        hint: "filters: " + filters.names.joined(separator: ", ") + TemplateHints.didYouMean(name, in: filters.names))
        }
        advance()
        let parameters = filter.parameters.map(\.name)
        var arguments = [TemplateExpression?](repeating: nil, count: parameters.count)
        if isSymbol("(") {
            advance()
            try parseArguments(into: &arguments, parameters: parameters, filter: name)
        }
        for (parameter, argument) in zip(filter.parameters, arguments) where argument == nil && parameter.defaultValue == nil {
            throw error("filter '\(name)' needs the argument '\(parameter.name)'", at: location,
                        hint: "write it as \(name)(…); " + Self.describe(parameters))
        }
        return TemplateFilterApplication(name: name, filter: filter, arguments: arguments, location: location)
    }

    /// `(a, b, name=c)` after the opening parenthesis: positional arguments fill the
    /// parameters in order, keyword ones by name.
    private mutating func parseArguments(into arguments: inout [TemplateExpression?], parameters: [String], filter name: String) throws {
        var positional = 0
        var sawKeyword = false
        while !isSymbol(")") {
            let argumentLocation = current.location
            if case .name(let keyword) = current.kind, index + 1 < tokens.count, tokens[index + 1].kind == .symbol("=") {
                guard let slot = parameters.firstIndex(of: keyword) else {
                    throw error("filter '\(name)' has no argument '\(keyword)'", hint: Self.describe(parameters))
                }
                guard arguments[slot] == nil else { throw error("argument '\(keyword)' is given twice") }
                advance()
                advance()
                arguments[slot] = try parseExpression()
                sawKeyword = true
            } else {
                guard !sawKeyword else {
                    throw error("a positional argument cannot follow a keyword argument", hint: "write it as name=value")
                }
                guard positional < parameters.count else {
                    let most = parameters.isEmpty ? "no arguments" : "at most \(parameters.count) argument" + (parameters.count == 1 ? "" : "s")
                    throw error("filter '\(name)' takes \(most)", at: argumentLocation,
                                hint: parameters.isEmpty ? nil : Self.describe(parameters))
                }
                arguments[positional] = try parseExpression()
                positional += 1
            }
            guard isSymbol(",") else { break }
            advance()
        }
        try expectSymbol(")", "to close the arguments of '\(name)'")
    }

    private static func describe(_ parameters: [String]) -> String {
        parameters.isEmpty ? "it takes no arguments" : "its arguments: " + parameters.joined(separator: ", ")
    }
}
