/// A report-markup template in a Jinja-like language, filled with data from a `DataNode` tree.
///
/// Supported: `{{ expr }}`, `{% if %}…{% elif %}…{% else %}…{% endif %}`,
/// `{% for x in xs if cond %}…{% else %}…{% endfor %}` with `loop.index` and friends,
/// `{% set x = expr %}`, `{# comments #}`, `{% raw %}…{% endraw %}` and the `-`/`+`
/// whitespace controls; `trim_blocks` and `lstrip_blocks` are always on, so a line holding only
/// a block tag leaves no line in the output. Numbers are exact decimals.
public struct Template: Sendable {
    /// The path the template was read from, as the user gave it; errors point into it.
    public let file: String
    private let nodes: [TemplateNode]

    /// Parses the template; a syntax error, an unknown filter or test, or a filter given
    /// arguments it does not take throws `HuibaoError(.template, …)` at the place in `file`.
    public init(source: String, file: String, filters: TemplateFilters = .builtIn) throws {
        self.file = file
        nodes = try TemplateParser.parse(TemplateLexer.tokens(of: source, file: file), filters: filters)
    }

    /// Renders with `context`, which must be a mapping: its keys are the template's top-level
    /// names. `escape` is applied to the text of every `{{ }}` output unless the value is
    /// trusted markup (its last filter is `markup`/`safe`, or `escape` already escaped it).
    ///
    /// Using a missing value (outputting it, looping over it, computing with it or filtering
    /// it with anything but `default`) throws at the place in the template, with a hint that
    /// lists what the data has there and where that part of the data was defined.
    public func render(context: DataNode, escape: @escaping @Sendable (String) -> String = { $0 }) throws -> String {
        let root = TemplateValue(context)
        guard case .mapping = root.kind else {
            throw HuibaoError(.template, "the data for \(file) must be a mapping of names to values, found \(root.summary)",
                              at: context.location ?? SourceLocation(file: file, line: 1, column: 1))
        }
        var evaluator = TemplateEvaluator(root: root, escape: escape)
        try evaluator.run(nodes)
        return evaluator.output
    }
}
