import Foundation
import Yams

/// Reads one YAML document into a `DataNode` tree whose every value knows its line and column.
///
/// Yams composes the node graph (so anchors and aliases are already resolved); this type then
/// decides scalar types itself, because Yams' YAML 1.1 rules turn `no`, `on` or `1:20` into
/// booleans and sexagesimal numbers, which a clerk never means.
enum YAMLLoader {
    static func load(text: String, file: String) throws -> DataNode {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as Yams.YamlError {
            throw translate(error, text: text, file: file)
        }
        guard let root else {
            throw HuibaoError(
                .data, "the data file is empty; expected a mapping of names to values",
                at: SourceLocation(file: file, line: 1, column: 1),
                hint: "Write one `name: value` per line.")
        }
        return try convert(root, file: file)
    }

    // MARK: - Nodes

    private static func convert(_ node: Yams.Node, file: String) throws -> DataNode {
        let place = location(of: node, file: file)
        switch node {
        case .scalar(let scalar):
            return DataNode(value(of: scalar), at: place)
        case .sequence(let sequence):
            return DataNode(.array(try sequence.map { try convert($0, file: file) }), at: place)
        case .mapping(let mapping):
            return DataNode(.object(try pairs(of: mapping, file: file)), at: place)
        }
    }

    /// The pairs of a mapping in source order, with `<<` merge keys expanded in place.
    ///
    /// Keys written in the mapping itself win over merged ones, and among merged mappings the
    /// first one listed wins, as the YAML merge-key spec says.
    private static func pairs(of mapping: Yams.Node.Mapping, file: String) throws -> [(key: String, value: DataNode)] {
        var firstKeyNode: [String: Yams.Node] = [:]
        for (keyNode, _) in mapping where !isMergeKey(keyNode) {
            let key = try keyText(keyNode, file: file)
            if let first = firstKeyNode[key] {
                let earlier = location(of: first, file: file).map { " at \($0)" } ?? " earlier"
                throw HuibaoError(
                    .data, "the key '\(key)' appears twice in this mapping; it was first given\(earlier)",
                    at: location(of: keyNode, file: file),
                    hint: "Remove one of the two, or rename one of them.")
            }
            firstKeyNode[key] = keyNode
        }

        var result: [(key: String, value: DataNode)] = []
        var taken = Set<String>()
        for (keyNode, valueNode) in mapping {
            if isMergeKey(keyNode) {
                for merged in try mergedPairs(valueNode, file: file)
                where firstKeyNode[merged.key] == nil && !taken.contains(merged.key) {
                    taken.insert(merged.key)
                    result.append(merged)
                }
            } else {
                let key = try keyText(keyNode, file: file)
                taken.insert(key)
                result.append((key, try convert(valueNode, file: file)))
            }
        }
        return result
    }

    private static func isMergeKey(_ node: Yams.Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && scalar.tag.description.isEmpty && scalar.string == "<<"
    }

    private static func mergedPairs(_ node: Yams.Node, file: String) throws -> [(key: String, value: DataNode)] {
        func notAMapping(_ found: DataNode) -> HuibaoError {
            HuibaoError(
                .data, "the merge key '<<' needs a mapping or a list of mappings, found \(found.value.typeName)",
                at: found.location,
                hint: "Write `<<: *name` where `&name` marks a mapping.")
        }
        let converted = try convert(node, file: file)
        switch converted.value {
        case .object(let pairs):
            return pairs
        case .array(let items):
            return try items.flatMap { item in
                guard case .object(let pairs) = item.value else { throw notAMapping(item) }
                return pairs
            }
        default:
            throw notAMapping(converted)
        }
    }

    private static func keyText(_ node: Yams.Node, file: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            let found = if case .mapping = node { "a mapping" } else { "a list" }
            throw HuibaoError(.data, "a mapping key must be plain text, found \(found)",
                              at: location(of: node, file: file))
        }
        return scalar.string
    }

    private static func location(of node: Yams.Node, file: String) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    // MARK: - Scalars

    private static let coreTagPrefix = "tag:yaml.org,2002:"

    /// The type of a scalar as a clerk reads it: only plain (unquoted) scalars can be anything
    /// but text, and only `true`/`false`, `null`/`~`/nothing and decimal numbers are.
    private static func value(of scalar: Yams.Node.Scalar) -> DataValue {
        let tag = scalar.tag.description
        let typedByContent = tag.isEmpty
            || ["int", "float", "bool", "null"].contains { tag == coreTagPrefix + $0 }
        guard scalar.style == .plain, typedByContent else { return .string(scalar.string) }

        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
            if isDecimalNumeral(text), let number = DataLoader.exactDecimal(text) {
                return .number(number)
            }
            return .string(text)
        }
    }

    /// YAML 1.2 core numbers in decimal notation (`-12`, `3.50`, `.5`, `1e3`), except that an
    /// integer part with a leading zero (`007`, `0301`) stays text: those are codes, and reading
    /// them as numbers would lose the zero.
    private static func isDecimalNumeral(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skip(_ options: Unicode.Scalar...) -> Bool {
            guard index < scalars.count, options.contains(scalars[index]) else { return false }
            index += 1
            return true
        }
        func skipDigits() -> Int {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            return index - start
        }

        _ = skip("-", "+")
        let integerStart = index
        let integerDigits = skipDigits()
        if integerDigits > 1, scalars[integerStart] == "0" { return false }
        let fractionDigits = skip(".") ? skipDigits() : 0
        guard integerDigits + fractionDigits > 0 else { return false }
        if skip("e", "E") {
            _ = skip("-", "+")
            guard skipDigits() > 0 else { return false }
        }
        return index == scalars.count
    }

    // MARK: - Errors

    private static func translate(_ error: Yams.YamlError, text: String, file: String) -> HuibaoError {
        func place(_ mark: Yams.Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem == "but found another document" {
                return HuibaoError(
                    .data, "a data file must hold one YAML document, but a second one starts here",
                    at: place(mark),
                    hint: "Remove the `---` line, or put the second document in its own data file.")
            }
            var message = "could not read YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return HuibaoError(.data, message, at: place(mark), hint: hint(for: problem, context: context?.text))
        case .reader(let problem, let offset, _, _):
            return HuibaoError(
                .data, "could not read YAML: \(problem)",
                at: offset.map { location(ofCharacterOffset: $0, in: text, file: file) },
                hint: "Delete any invisible control characters here; they often come from copying out of other programs.")
        default:
            return HuibaoError(.data, "could not read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// What to do about the libyaml problems clerks actually run into.
    private static func hint(for problem: String, context: String?) -> String? {
        if let context, context.hasPrefix("while scanning an anchor") || context.hasPrefix("while scanning an alias") {
            return "Anchor and alias names (&name, *name) may use only ASCII letters, digits, '-' and '_'."
        }
        if problem.hasPrefix("mapping values are not allowed") {
            return "If a value itself contains ': ', put the whole value in quotes."
        }
        if problem.hasPrefix("found character that cannot start any token") {
            return "Indent with spaces, not tabs; a value starting with @ or ` must be put in quotes."
        }
        if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-' indicator") {
            return "Check that the lines of one mapping or list are indented by the same number of spaces."
        }
        if problem == "found undefined alias" {
            return "An alias `*name` needs an anchor `&name` earlier in the file."
        }
        if problem.hasPrefix("found unexpected end of stream") {
            return "A quote or bracket opened earlier is never closed."
        }
        return nil
    }

    /// Yams reports reader errors as an offset in `Character`s; turn it into line and column.
    private static func location(ofCharacterOffset offset: Int, in text: String, file: String) -> SourceLocation {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        var line = 1
        var column = 1
        for scalar in text[..<end].unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
