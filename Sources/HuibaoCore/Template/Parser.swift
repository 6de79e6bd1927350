import Foundation

/// Builds the node tree from tokens: text, `{{ }}` outputs and the `if`, `for` and `set` blocks.
/// Expressions are parsed in ExpressionParser.swift; the tags that reuse other templates and
/// pieces (include, extends, block, macro, from … import) in Parser+Reuse.swift.
struct TemplateParser {
    var tokens: [TemplateToken]
    var index = 0
    let filters: TemplateFilters
    /// The unit being parsed, which calls and includes are resolved in.
    let unit: Int
    /// What the file defines and names, gathered while parsing.
    var parsed = ParsedTemplate()
    /// Names of the blocks around the current position, innermost last (for `super()`).
    var blockNames: [String] = []
    /// Whether a macro body is being parsed (macros do not nest).
    var inMacro = false

    static let keywords: Set<String> = ["and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None"]
    static let tags = ["if", "elif", "else", "endif", "for", "endfor", "set", "raw", "endraw",
                       "include", "extends", "block", "endblock", "macro", "endmacro", "from"]

    static func parse(_ tokens: [TemplateToken], filters: TemplateFilters, unit: Int = 0) throws -> ParsedTemplate {
        var parser = TemplateParser(tokens: tokens, filters: filters, unit: unit)
        parser.parsed.nodes = try parser.parseNodes(inside: nil).nodes
        return parser.parsed
    }

    /// A block whose body is being parsed, and the tags that may end that body.
    struct OpenBlock {
        var name: String
        var location: SourceLocation
        var ends: [String]
    }

    // MARK: TemplateToken helpers

    var current: TemplateToken { tokens[index] }

    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    /// Keywords are lexed as names and recognised here, so `a.in` still works as a key.
    func isKeyword(_ word: String) -> Bool { current.kind == .name(word) }

    func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> HuibaoError {
        HuibaoError(.template, message, at: location ?? current.location, hint: hint)
    }

    mutating func expectSymbol(_ symbol: String, _ purpose: String) throws {
        guard isSymbol(symbol) else {
            throw error("expected '\(symbol)' \(purpose), found \(current.kind.description)")
        }
        advance()
    }

    /// A name that can hold a value: not a keyword.
    mutating func expectIdentifier(_ purpose: String) throws -> String {
        guard case .name(let name) = current.kind, !Self.keywords.contains(name) else {
            throw error("expected a variable name \(purpose), found \(current.kind.description)")
        }
        advance()
        return name
    }

    mutating func expectBlockEnd(_ tag: String) throws {
        guard current.kind == .blockEnd else {
            throw error("expected '%}' to end the '\(tag)' tag, found \(current.kind.description)")
        }
        advance()
    }

    // MARK: Blocks

    /// Nodes up to one of the block's end tags, returned with the end tag met; the rest of
    /// that tag is left for the caller.
    mutating func parseNodes(inside block: OpenBlock?) throws -> (nodes: [TemplateNode], end: String) {
        var nodes: [TemplateNode] = []
        while true {
            if block == nil, parsed.extends != nil { try checkChildTopLevel() }
            switch current.kind {
            case .end:
                if let block {
                    throw error("this '{% \(block.name) %}' is never closed", at: block.location,
                                hint: "end it with '{% \(block.ends.last ?? "end") %}'")
                }
                return (nodes, "")
            case .text(let text):
                nodes.append(.text(text))
                advance()
            case .outputBegin:
                advance()
                let expression = try parseExpression()
                guard current.kind == .outputEnd else {
                    throw error("expected '}}' to end the output, found \(current.kind.description)")
                }
                advance()
                nodes.append(.output(expression))
            case .blockBegin:
                let tagLocation = current.location
                advance()
                guard case .name(let tag) = current.kind else {
                    throw error("expected a tag name after '{%', found \(current.kind.description)",
                                hint: "tags: " + Self.tags.joined(separator: ", "))
                }
                advance()
                if let block, block.ends.contains(tag) { return (nodes, tag) }
                if tag == "extends" {
                    try parseExtends(at: tagLocation, inside: block, after: nodes)
                } else if Self.reuseTags.contains(tag) {
                    if let node = try parseReuseTag(tag, at: tagLocation) { nodes.append(node) }
                } else {
                    nodes.append(try parseTag(tag, at: tagLocation, inside: block))
                }
            default:
                throw error("unexpected \(current.kind.description)")
            }
        }
    }

    private mutating func parseTag(_ tag: String, at location: SourceLocation, inside block: OpenBlock?) throws -> TemplateNode {
        switch tag {
        case "if": return try parseIf(at: location)
        case "for": return try parseFor(at: location)
        case "set":
            let name = try expectIdentifier("after 'set'")
            try expectSymbol("=", "after the name in '{% set \(name) %}'")
            let value = try parseExpression()
            try expectBlockEnd("set")
            return .assignment(name: name, value: value)
        case "raw":
            throw error("expected '%}' right after 'raw', found \(current.kind.description)")
        case "elif", "else", "endif", "endfor", "endraw", "endblock", "endmacro":
            let hint = block.map { "the innermost open block is '{% \($0.name) %}' at \($0.location), which ends with '{% \($0.ends.last ?? "") %}'" }
            throw error("unexpected '{% \(tag) %}'", at: location, hint: hint ?? "there is no open block for it to belong to")
        default:
            throw error("unknown tag '\(tag)'", at: location,
                        hint: "tags: " + Self.tags.joined(separator: ", ") + TemplateHints.didYouMean(tag, in: Self.tags))
        }
    }

    private mutating func parseIf(at location: SourceLocation) throws -> TemplateNode {
        var branches: [(condition: TemplateExpression, body: [TemplateNode])] = []
        var condition = try parseExpression()
        try expectBlockEnd("if")
        let block = OpenBlock(name: "if", location: location, ends: ["elif", "else", "endif"])
        while true {
            let (body, end) = try parseNodes(inside: block)
            branches.append((condition, body))
            switch end {
            case "elif":
                condition = try parseExpression()
                try expectBlockEnd("elif")
            case "else":
                try expectBlockEnd("else")
                let otherwise = try parseNodes(inside: OpenBlock(name: "if", location: location, ends: ["endif"])).nodes
                try expectBlockEnd("endif")
                return .conditional(branches: branches, otherwise: otherwise)
            default:
                try expectBlockEnd("endif")
                return .conditional(branches: branches, otherwise: [])
            }
        }
    }

    private mutating func parseFor(at location: SourceLocation) throws -> TemplateNode {
        let targetLocation = current.location
        var targets = [try expectIdentifier("after 'for'")]
        while isSymbol(",") {
            advance()
            targets.append(try expectIdentifier("after ',' in 'for'"))
        }
        guard isKeyword("in") else {
            throw error("expected 'in' after '{% for \(targets.joined(separator: ", "))', found \(current.kind.description)")
        }
        advance()
        // No `x if c else y` here: a trailing `if` filters the items, as in Jinja.
        let iterable = try parseOr()
        var condition: TemplateExpression?
        if isKeyword("if") {
            advance()
            condition = try parseExpression()
        }
        try expectBlockEnd("for")
        let (body, end) = try parseNodes(inside: OpenBlock(name: "for", location: location, ends: ["else", "endfor"]))
        var otherwise: [TemplateNode] = []
        if end == "else" {
            try expectBlockEnd("else")
            otherwise = try parseNodes(inside: OpenBlock(name: "for", location: location, ends: ["endfor"])).nodes
        }
        try expectBlockEnd("endfor")
        return .loop(TemplateLoop(targets: targets, targetLocation: targetLocation, iterable: iterable,
                          condition: condition, body: body, otherwise: otherwise))
    }
}

extension TemplateToken.Kind {
    /// How a token is named in "expected …, found …".
    var description: String {
        switch self {
        case .text: return "text"
        case .outputBegin: return "'{{'"
        case .outputEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let n): return "'\(n)'"
        case .number(let n): return "'\(n.plainText)'"
        case .string(let s): return "the string '\(s)'"
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the template"
        }
    }
}
