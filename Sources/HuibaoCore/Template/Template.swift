/// A report-markup template in a Jinja-like language, filled with data from a `DataNode` tree.
///
/// Supported: `{{ expr }}`, `{% if %}…{% elif %}…{% else %}…{% endif %}`,
/// `{% for x in xs if cond %}…{% else %}…{% endfor %}` with `loop.index` and friends,
/// `{% set x = expr %}`, `{# comments #}`, `{% raw %}…{% endraw %}` and the `-`/`+`
/// whitespace controls; `trim_blocks` and `lstrip_blocks` are always on, so a line holding only
/// a block tag leaves no line in the output. Numbers are exact decimals.
///
/// Reuse: `{% include "file" %}`, `{% extends "file" %}` with `{% block name %}…{% endblock %}`
/// (and `super()`), `{% macro name(a, b=1) %}…{% endmacro %}` called as `{{ name(x) }}`, and
/// `{% from "file" import name %}`. Paths are relative to the template that names them.
public struct Template: Sendable {
    /// The path the template was read from, as the user gave it; errors point into it.
    public let file: String
    private let program: TemplateProgram

    /// Parses the template and every template it includes, extends or imports; a syntax
    /// error, an unknown filter, test or macro, a filter or macro given arguments it does not
    /// take, a missing file or an include cycle throws `HuibaoError(.template, …)` at its place.
    ///
    /// - Parameter library: Where named templates are read from; by default from disk.
    public init(source: String, file: String, filters: TemplateFilters = .builtIn,
                library: TemplateLibrary = .fileSystem()) throws {
        self.file = file
        var compiler = TemplateCompiler(filters: filters, library: library)
        _ = try compiler.compile(source: source, file: file)
        program = TemplateProgram(units: compiler.units)
    }

    /// Renders with `context`, which must be a mapping: its keys are the template's top-level
    /// names. `escape` is applied to the text of every `{{ }}` output unless the value is
    /// trusted markup (its last filter is `markup`/`safe`, or `escape` already escaped it).
    ///
    /// Using a missing value (outputting it, looping over it, computing with it or filtering
    /// it with anything but `default`) throws at the place in the template, with a hint that
    /// lists what the data has there and where that part of the data was defined.
    public func render(context: DataNode, escape: @escaping @Sendable (String) -> String = { $0 }) throws -> String {
        try renderTracked(context: context, escape: escape).text
    }

    /// `render`, also telling where each value from the data went in the output.
    public func renderTracked(context: DataNode, escape: @escaping @Sendable (String) -> String = { $0 }) throws -> RenderedTemplate {
        let root = TemplateValue(context)
        guard case .mapping = root.kind else {
            throw HuibaoError(.template, "the data for \(file) must be a mapping of names to values, found \(root.summary)",
                              at: context.location ?? SourceLocation(file: file, line: 1, column: 1))
        }
        var evaluator = TemplateEvaluator(program: program, root: root, escape: escape)
        try evaluator.render(unit: 0)
        return RenderedTemplate(text: evaluator.output, insertions: evaluator.insertions)
    }
}

/// A template's output with the places where it wrote values from the data: a problem found
/// later in the markup (a chart kind that does not exist, a number that is not one) can then
/// be shown where the clerk can fix it — in the data file — and not only in markup nobody wrote.
public struct RenderedTemplate: Sendable {
    public struct Insertion: Sendable {
        /// UTF-8 offsets into `text`.
        public var range: Range<Int>
        public var origin: SourceLocation
    }

    public var text: String
    public var insertions: [Insertion]

    public init(text: String, insertions: [Insertion]) {
        self.text = text
        self.insertions = insertions
    }

    /// Where the value at `line`:`column` of `text` (1-based; columns in characters) came from
    /// in the data, if a value from the data stands there.
    public func dataLocation(line: Int, column: Int) -> SourceLocation? {
        guard line >= 1, column >= 1, !insertions.isEmpty else { return nil }
        var offset = 0, currentLine = 1
        let utf8 = text.utf8
        var index = utf8.startIndex
        while currentLine < line, index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") { currentLine += 1 }
            index = utf8.index(after: index)
            offset += 1
        }
        guard currentLine == line else { return nil }
        var characters = text[index...].makeIterator()
        for _ in 1..<column {
            guard let c = characters.next(), c != "\n" else { return nil }
            offset += c.utf8.count
        }
        return insertions.first { $0.range.contains(offset) }?.origin
    }
}
