import Foundation

/// What one template file defines and names, as the parser found it; `TemplateCompiler`
/// resolves the names into other files.
struct ParsedTemplate {
    var nodes: [TemplateNode] = []
    var extends: (path: String, location: SourceLocation)?
    var blocks: [String: (body: [TemplateNode], location: SourceLocation)] = [:]
    var macros: [String: TemplateMacro] = [:]
    var imports: [(path: String, name: String, alias: String, location: SourceLocation)] = []
    var includes: [(path: String, location: SourceLocation)] = []
    var calls: [TemplateCall] = []
}

/// The tags that reuse templates and pieces of them: `include`, `extends`, `block`,
/// `macro` and `from … import`, and macro calls in expressions.
extension TemplateParser {
    static let reuseTags: Set<String> = ["include", "block", "macro", "from", "import"]

    /// The node a reuse tag leaves in the tree; nil for definitions (macros, imports).
    mutating func parseReuseTag(_ tag: String, at location: SourceLocation) throws -> TemplateNode? {
        switch tag {
        case "include":
            let path = try expectPath(after: "include")
            try expectBlockEnd("include")
            parsed.includes.append((path, location))
            return .include(TemplateInclude(unit: unit, path: path))
        case "block":
            return try parseBlock(at: location)
        case "macro":
            try parseMacro(at: location)
            return nil
        case "from":
            try parseFrom(at: location)
            return nil
        default:
            throw error("'{% import %}' is not supported", at: location,
                        hint: "bring macros in by name: {% from \"macros.md.j2\" import kpi_card %}")
        }
    }

    mutating func parseExtends(at location: SourceLocation, inside block: OpenBlock?, after nodes: [TemplateNode]) throws {
        if let block {
            throw error("'{% extends %}' must be at the top level of the template, not inside '{% \(block.name) %}'", at: location)
        }
        guard parsed.extends == nil else {
            throw error("a template can extend only one other; this is a second '{% extends %}'", at: location,
                        hint: "the first is at \(parsed.extends!.location)")
        }
        let onlyBlankBefore = nodes.allSatisfy { node in
            if case .text(let text) = node { return text.allSatisfy(\.isWhitespace) }
            return false
        }
        guard onlyBlankBefore, parsed.blocks.isEmpty, parsed.macros.isEmpty, parsed.imports.isEmpty else {
            throw error("'{% extends %}' must come first in the template", at: location,
                        hint: "a template that extends another is made of blocks that replace the other's; move this tag to the top")
        }
        let path = try expectPath(after: "extends")
        try expectBlockEnd("extends")
        parsed.extends = (path, location)
    }

    /// In a template that extends another only blocks are shown, so anything else at its top
    /// level would silently vanish; `set`, `macro` and `from` are definitions and may stay.
    mutating func checkChildTopLevel() throws {
        let hint = "a template that extends another shows only its blocks; put this inside a {% block %} that the other template has"
        switch current.kind {
        case .text(let text) where !text.allSatisfy(\.isWhitespace):
            throw error("text outside a block in a template that extends '\(parsed.extends!.path)' would never be shown", hint: hint)
        case .outputBegin:
            throw error("'{{ … }}' outside a block in a template that extends '\(parsed.extends!.path)' would never be shown", hint: hint)
        case .blockBegin where index + 1 < tokens.count:
            if case .name(let tag) = tokens[index + 1].kind, !["block", "set", "macro", "from", "extends"].contains(tag) {
                throw error("'{% \(tag) %}' outside a block in a template that extends '\(parsed.extends!.path)'", hint: hint)
            }
        default:
            break
        }
    }

    private mutating func expectPath(after tag: String) throws -> String {
        guard case .string(let path) = current.kind else {
            throw error("expected the template's path in quotes after '\(tag)', found \(current.kind.description)",
                        hint: "e.g. {% \(tag) \"parts/kpi.md.j2\" %}; the path is relative to this template")
        }
        advance()
        return path
    }

    private mutating func parseBlock(at location: SourceLocation) throws -> TemplateNode {
        let nameLocation = current.location
        let name = try expectIdentifier("after 'block'")
        try expectBlockEnd("block")
        guard !inMacro else { throw error("a block cannot be inside a macro", at: location) }
        if let earlier = parsed.blocks[name]?.location ?? (blockNames.contains(name) ? location : nil) {
            throw error("block '\(name)' is defined twice in this template (first at \(earlier))", at: nameLocation,
                        hint: "each block needs its own name")
        }
        blockNames.append(name)
        defer { blockNames.removeLast() }
        let body = try parseNodes(inside: OpenBlock(name: "block", location: location, ends: ["endblock"])).nodes
        if case .name(let closing) = current.kind {
            guard closing == name else {
                throw error("'{% endblock \(closing) %}' closes the block '\(name)'", hint: "write {% endblock %} or {% endblock \(name) %}")
            }
            advance()
        }
        try expectBlockEnd("endblock")
        parsed.blocks[name] = (body, nameLocation)
        return .block(name: name, body: body)
    }

    private mutating func parseMacro(at location: SourceLocation) throws {
        guard !inMacro else { throw error("a macro cannot be defined inside another macro", at: location) }
        let nameLocation = current.location
        let name = try expectIdentifier("after 'macro'")
        if let earlier = parsed.macros[name] {
            throw error("macro '\(name)' is defined twice in this template (first at \(earlier.location))", at: nameLocation)
        }
        try expectSymbol("(", "after the macro name '\(name)'")
        var parameters: [(name: String, defaultValue: TemplateExpression?)] = []
        while !isSymbol(")") {
            let parameterLocation = current.location
            let parameter = try expectIdentifier("for a parameter of macro '\(name)'")
            guard !parameters.contains(where: { $0.name == parameter }) else {
                throw error("macro '\(name)' has two parameters named '\(parameter)'", at: parameterLocation)
            }
            var defaultValue: TemplateExpression?
            if isSymbol("=") {
                advance()
                defaultValue = try parseExpression()
            } else if parameters.contains(where: { $0.defaultValue != nil }) {
                throw error("parameter '\(parameter)' of macro '\(name)' needs a default, as the ones before it have",
                            at: parameterLocation, hint: "put the parameters without a default first")
            }
            parameters.append((parameter, defaultValue))
            guard isSymbol(",") else { break }
            advance()
        }
        try expectSymbol(")", "to close the parameters of macro '\(name)'")
        try expectBlockEnd("macro")
        inMacro = true
        let outerBlocks = blockNames
        blockNames = []
        defer {
            inMacro = false
            blockNames = outerBlocks
        }
        let body = try parseNodes(inside: OpenBlock(name: "macro", location: location, ends: ["endmacro"])).nodes
        try expectBlockEnd("endmacro")
        parsed.macros[name] = TemplateMacro(name: name, parameters: parameters, body: body, location: nameLocation)
    }

    private mutating func parseFrom(at location: SourceLocation) throws {
        let path = try expectPath(after: "from")
        guard isKeyword("import") else {
            throw error("expected 'import' after the path in '{% from \"\(path)\" … %}', found \(current.kind.description)",
                        hint: "e.g. {% from \"\(path)\" import kpi_card %}")
        }
        advance()
        repeat {
            if isSymbol(",") { advance() }
            let nameLocation = current.location
            let name = try expectIdentifier("after 'import'")
            var alias = name
            if isKeyword("as") {
                advance()
                alias = try expectIdentifier("after 'as'")
            }
            parsed.imports.append((path, name, alias, nameLocation))
        } while isSymbol(",")
        try expectBlockEnd("from")
    }

    /// `name(a, b=c)` after the name: a macro call, or `super()` inside a block.
    mutating func parseCall(_ name: String, at location: SourceLocation) throws -> TemplateExpression {
        try expectSymbol("(", "after '\(name)'")
        var positional: [TemplateExpression] = []
        var keywords: [(name: String, value: TemplateExpression)] = []
        while !isSymbol(")") {
            if case .name(let keyword) = current.kind, index + 1 < tokens.count, tokens[index + 1].kind == .symbol("=") {
                advance()
                advance()
                keywords.append((keyword, try parseExpression()))
            } else {
                guard keywords.isEmpty else {
                    throw error("a positional argument cannot follow a keyword argument", hint: "write it as name=value")
                }
                positional.append(try parseExpression())
            }
            guard isSymbol(",") else { break }
            advance()
        }
        try expectSymbol(")", "to close the arguments of '\(name)'")
        if name == "super" {
            guard positional.isEmpty, keywords.isEmpty else { throw error("super() takes no arguments", at: location) }
            guard let block = blockNames.last else {
                throw error("super() can only be used inside a block", at: location,
                            hint: "it shows the block as the template this one extends has it")
            }
            return TemplateExpression(kind: .superBlock(name: block), location: location)
        }
        let call = TemplateCall(name: name, unit: unit, positional: positional, keywords: keywords, location: location)
        parsed.calls.append(call)
        return TemplateExpression(kind: .call(call), location: location)
    }
}
