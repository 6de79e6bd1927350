import Foundation

/// One parsed template file: its nodes, and what it names in other files, resolved.
struct TemplateUnit: Sendable {
    var file: String
    var nodes: [TemplateNode] = []
    /// The unit this one extends.
    var parent: Int?
    /// Every block this file defines, nested ones included.
    var blocks: [String: [TemplateNode]] = [:]
    var macros: [String: TemplateMacro] = [:]
    /// The macros a call in this file may name → the unit defining each and its name there.
    var visibleMacros: [String: (unit: Int, name: String)] = [:]
    /// Paths as written in include tags → the included unit.
    var references: [String: Int] = [:]
}

/// A template together with every template it includes, extends or imports; unit 0 is the
/// one asked for.
struct TemplateProgram: Sendable {
    var units: [TemplateUnit]

    /// The macro a (checked) call names.
    func macro(_ call: TemplateCall) -> TemplateMacro {
        let target = units[call.unit].visibleMacros[call.name]!
        return units[target.unit].macros[target.name]!
    }
}

/// Parses a template and, depth first, every file it names; checks what only the whole can
/// show: include cycles, calls of unknown macros, blocks that override nothing.
struct TemplateCompiler {
    let filters: TemplateFilters
    let library: TemplateLibrary
    private(set) var units: [TemplateUnit] = []
    /// Units already compiled, by path (and whether the final newline was kept).
    private var compiled: [String: Int] = [:]
    /// The chain of files being compiled, outermost first, for cycles.
    private var open: [(path: String, location: SourceLocation?)] = []

    init(filters: TemplateFilters, library: TemplateLibrary) {
        self.filters = filters
        self.library = library
    }

    private enum Use: String {
        case include, extends, `import`
    }

    /// Compiles `source` as the file `file` and returns its unit.
    mutating func compile(source: String, file: String, keepsFinalNewline: Bool = false, from location: SourceLocation? = nil) throws -> Int {
        let index = units.count
        units.append(TemplateUnit(file: file))
        compiled[file + (keepsFinalNewline ? "\n" : "")] = index
        open.append((file, location))
        defer { open.removeLast() }

        let tokens = try TemplateLexer.tokens(of: source, file: file, keepsFinalNewline: keepsFinalNewline)
        let parsed = try TemplateParser.parse(tokens, filters: filters, unit: index)
        var unit = TemplateUnit(file: file, nodes: parsed.nodes, blocks: parsed.blocks.mapValues(\.body), macros: parsed.macros)
        for include in parsed.includes where unit.references[include.path] == nil {
            unit.references[include.path] = try reference(include.path, from: file, at: include.location, use: .include)
        }
        if let parent = parsed.extends {
            unit.parent = try reference(parent.path, from: file, at: parent.location, use: .extends)
            try checkOverrides(parsed.blocks, parent: unit.parent!, parentPath: parent.path)
        }
        for name in parsed.macros.keys { unit.visibleMacros[name] = (index, name) }
        for imported in parsed.imports {
            let source = try reference(imported.path, from: file, at: imported.location, use: .import)
            guard units[source].macros[imported.name] != nil else {
                let names = units[source].macros.keys.sorted()
                throw HuibaoError(.template, "the template '\(imported.path)' has no macro '\(imported.name)'", at: imported.location,
                                  hint: (names.isEmpty ? "it defines no macros" : "macros there: " + names.joined(separator: ", "))
                                      + TemplateHints.didYouMean(imported.name, in: names))
            }
            if let earlier = parsed.macros[imported.alias] {
                throw HuibaoError(.template, "'\(imported.alias)' is imported here and also defined as a macro at \(earlier.location)",
                                  at: imported.location, hint: "Import it under another name: import \(imported.name) as other_name")
            }
            unit.visibleMacros[imported.alias] = (source, imported.name)
        }
        units[index] = unit
        for call in parsed.calls { try check(call) }
        return index
    }

    /// The unit for the template `path` names from `file`, compiling it the first time.
    private mutating func reference(_ path: String, from file: String, at location: SourceLocation, use: Use) throws -> Int {
        let found: (path: String, text: String)
        switch try library.find(path, from: file) {
        case .found(let path, let text): found = (path, text)
        case .missing(let tried):
            throw HuibaoError(.template, "cannot find the template '\(path)' to \(use.rawValue)", at: location,
                              hint: "looked for " + tried.joined(separator: ", ") + "; a path is relative to the template that names it")
        }
        if let cycleStart = open.firstIndex(where: { $0.path == found.path }) {
            let chain = open[cycleStart...].map(\.path) + [found.path]
            throw HuibaoError(.template, "\(use == .extends ? "extends" : "include") cycle: " + chain.joined(separator: " → "), at: location,
                              hint: "A template cannot include, extend or import itself, directly or through others.")
        }
        let keepsNewline = use == .include
        if let index = compiled[found.path + (keepsNewline ? "\n" : "")] { return index }
        return try compile(source: found.text, file: found.path, keepsFinalNewline: keepsNewline, from: location)
    }

    /// A child's blocks must each override a block of some template above it: a block that
    /// overrides nothing is almost always a misspelt name, and would vanish silently.
    private func checkOverrides(_ blocks: [String: (body: [TemplateNode], location: SourceLocation)], parent: Int, parentPath: String) throws {
        var names = Set<String>()
        var next: Int? = parent
        while let index = next {
            names.formUnion(units[index].blocks.keys)
            next = units[index].parent
        }
        for (name, block) in blocks.sorted(by: { $0.value.location.line < $1.value.location.line }) where !names.contains(name) {
            throw HuibaoError(.template, "block '\(name)' overrides nothing: '\(parentPath)' has no block of that name", at: block.location,
                              hint: (names.isEmpty ? "it has no blocks" : "blocks there: " + names.sorted().joined(separator: ", "))
                                  + TemplateHints.didYouMean(name, in: Array(names)))
        }
    }

    /// A call names a macro the file can see and fits its parameters.
    private func check(_ call: TemplateCall) throws {
        let unit = units[call.unit]
        guard let target = unit.visibleMacros[call.name] else {
            let names = unit.visibleMacros.keys.sorted()
            throw HuibaoError(
                .template, "unknown macro '\(call.name)'", at: call.location,
                hint: (names.isEmpty ? "this template defines and imports no macros" : "macros here: " + names.joined(separator: ", "))
                    + TemplateHints.didYouMean(call.name, in: names)
                    + "; a macro from another file is brought in with {% from \"file\" import \(call.name) %}")
        }
        let macro = units[target.unit].macros[target.name]!
        let parameters = macro.parameters.map(\.name)
        let signature = "\(call.name)(\(parameters.joined(separator: ", ")))"
        if call.positional.count > parameters.count {
            throw HuibaoError(.template, "macro '\(call.name)' takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), given \(call.positional.count)",
                              at: call.positional[parameters.count].location, hint: "it is defined as \(signature) at \(macro.location)")
        }
        var given = Set(parameters.prefix(call.positional.count))
        for keyword in call.keywords {
            guard parameters.contains(keyword.name) else {
                throw HuibaoError(.template, "macro '\(call.name)' has no argument '\(keyword.name)'", at: keyword.value.location,
                                  hint: "it is defined as \(signature)" + TemplateHints.didYouMean(keyword.name, in: parameters))
            }
            guard given.insert(keyword.name).inserted else {
                throw HuibaoError(.template, "argument '\(keyword.name)' of macro '\(call.name)' is given twice", at: keyword.value.location)
            }
        }
        for parameter in macro.parameters where parameter.defaultValue == nil && !given.contains(parameter.name) {
            throw HuibaoError(.template, "macro '\(call.name)' needs the argument '\(parameter.name)'", at: call.location,
                              hint: "it is defined as \(signature) at \(macro.location)")
        }
    }
}
