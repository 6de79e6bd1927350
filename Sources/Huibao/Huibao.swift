import Foundation
import HuibaoCore
import HuibaoTypeset

/// Huibao's public API: report markup, or a template plus data, in one call to a PDF.
///
/// ```swift
/// let renderer = try Renderer()
/// let result = try renderer.render(RenderRequest(input: "report.md.j2", data: ["data.yaml"]), to: "out/report.pdf")
/// print(result.pageCount)
/// ```
public struct Renderer: Sendable {
    public var resources: Resources
    public var options: RenderOptions

    public init(resources: Resources? = nil, options: RenderOptions = RenderOptions()) throws {
        self.resources = try resources ?? Resources.locate()
        self.options = options
    }

    /// Runs the whole pipeline and writes the PDF atomically to `output`. For many documents
    /// in one process, a `RenderSession` loads the fonts once.
    @discardableResult
    public func render(_ request: RenderRequest, to output: String) throws -> RenderResult {
        try RenderSession(renderer: self).render(request, to: output)
    }

    /// Markup → Document → pages → PDF with the session's fonts. `preloaded` is the request's
    /// data when the caller has read it already (a batch names its outputs from it).
    func render(_ request: RenderRequest, to output: String, in session: RenderSession,
                preloaded: DataNode? = nil) throws -> RenderResult {
        session.prepareFonts()
        let data = try preloaded ?? data(for: request)
        let rendered = try renderedMarkup(for: request, data: data)
        let markupFile = markupName(request)
        do {
            return try render(rendered.text, file: markupFile, request, to: output, in: session, data: data)
        } catch let error as HuibaoError {
            throw Self.locatedInData(error, rendered, markupFile: markupFile)
        }
    }

    /// The markup's name in messages. Markup made by a template is not a file of the user's:
    /// its lines are named as such (`huibao render --markup OUT.md` writes it out to look at).
    private func markupName(_ request: RenderRequest) -> String {
        request.isTemplate ? request.input + " (rendered markup)" : request.input
    }

    /// A problem at a value the template took from the data is shown where that value is in
    /// the data, the markup line after it.
    private static func locatedInData(_ error: HuibaoError, _ rendered: RenderedTemplate, markupFile: String) -> HuibaoError {
        guard let location = error.location, location.file == markupFile,
              let origin = rendered.dataLocation(line: location.line, column: location.column) else { return error }
        return HuibaoError(error.kind, error.message + " (written by the template at \(location))", at: origin, hint: error.hint)
    }

    private func render(_ markup: String, file markupFile: String, _ request: RenderRequest, to output: String,
                        in session: RenderSession, data: DataNode?) throws -> RenderResult {
        let document = try MarkupParser.parse(markup, file: markupFile)
        let styleName = request.style ?? document.meta.style ?? "report"
        let style = try session.style(styleName, at: request.style == nil ? document.meta.styleLocation : nil)
        let fonts = try session.fonts()
        try fonts.verify(roleKeys: usedRoles(style))
        let composer = ParagraphComposer(fonts: fonts, allowFontFallback: options.allowFontFallback)
        let baseDirectory = (request.input as NSString).deletingLastPathComponent
        let layout = DocumentLayout(style: style, composer: composer, data: data, baseDirectory: baseDirectory.isEmpty ? "." : baseDirectory)
        let writer = PDFWriter(creationDate: options.creationDate)
        let laidOut: LaidOutDocument
        if layout.canHandOverPages(document) {
            // Another core draws pages while this one lays out the next.
            let stream = try PDFStream(writer: writer, path: output, pageWidthPt: style.page.widthPt,
                                       pageHeightPt: style.page.heightPt, meta: document.meta, concurrent: options.drawOnAnotherThread)
            do {
                laidOut = try layout.layout(document, pages: stream)
                if stream.isDiscarded { try writer.write(laidOut, to: output) } else { try stream.finish(laidOut) }
            } catch {
                stream.discard()
                throw error
            }
        } else {
            laidOut = try layout.layout(document)
            try writer.write(laidOut, to: output)
        }
        return RenderResult(pageCount: laidOut.pages.count, fallbacks: laidOut.fallbacks.map(\.description))
    }

    /// The report markup: the input itself for `.md`, else the template filled with the data.
    /// Templates it includes or extends are found beside it, then among the built-in templates.
    public func markupText(for request: RenderRequest, data: DataNode?) throws -> String {
        try renderedMarkup(for: request, data: data).text
    }

    /// The markup with where the template put each value of the data (none for `.md` input).
    func renderedMarkup(for request: RenderRequest, data: DataNode?) throws -> RenderedTemplate {
        let source = try readText(request.input)
        guard request.isTemplate else { return RenderedTemplate(text: source, insertions: []) }
        let template = try Template(source: source, file: request.input,
                                    library: .fileSystem(searchDirectories: [resources.templatesDirectory]))
        return try template.renderTracked(context: data ?? DataNode(.object([])), escape: MarkupEscaper.escape)
    }

    /// The merged data files (and manifests) of the request, checked against the template's
    /// schema when it has one; the first problem is thrown. Nil when no data is given.
    public func data(for request: RenderRequest) throws -> DataNode? {
        guard !request.data.isEmpty else { return nil }
        let data = try DataLoader.load(paths: request.data)
        if let path = schemaPath(for: request), let problem = try DataSchema(path: path).check(data).problems.first {
            throw problem
        }
        return data
    }

    /// Checks a template and its data without typesetting: loads the data, checks it against
    /// the schema and lists every problem; when the data fits, also runs the template and
    /// reads the markup it makes, so that a template error is found too.
    ///
    /// - Throws: a `HuibaoError` when a data or schema file cannot be read at all.
    public func check(_ request: RenderRequest) throws -> CheckResult {
        let data = try DataLoader.load(paths: request.data)
        let schema = schemaPath(for: request)
        var result = CheckResult(problems: [], checkedValues: Self.count(data), schema: schema)
        if let schema {
            let report = try DataSchema(path: schema).check(data)
            result.problems = report.problems
            result.checkedValues = report.checkedValues
        }
        guard result.problems.isEmpty else { return result }
        let markupFile = markupName(request)
        var rendered = RenderedTemplate(text: "", insertions: [])
        do {
            rendered = try renderedMarkup(for: request, data: data)
            _ = try MarkupParser.parse(rendered.text, file: markupFile)
        } catch let error as HuibaoError {
            result.problems.append(Self.locatedInData(error, rendered, markupFile: markupFile))
        }
        return result
    }

    private func schemaPath(for request: RenderRequest) -> String? {
        guard request.isTemplate else { return request.schema }
        return DataSchema.path(forTemplate: request.input, explicit: request.schema)
    }

    /// Every value below the top-level mapping.
    private static func count(_ node: DataNode) -> Int {
        switch node.value {
        case .array(let items): return items.reduce(0) { $0 + 1 + count($1) }
        case .object(let pairs): return pairs.reduce(0) { $0 + 1 + count($1.value) }
        default: return 0
        }
    }

    private func readText(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw HuibaoError(.data, "no such file: \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HuibaoError(.data, "cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HuibaoError(.markup, "\(path) is not UTF-8 text", hint: "save the file as UTF-8 (Word/WPS: 另存为 → 编码 UTF-8)")
        }
        return text
    }

    private func usedRoles(_ style: Style) -> [String] {
        var roles = [style.body.role, style.title.role, style.subtitle.role, style.table.cell.role,
                     style.table.header.role, style.table.caption.role, style.footer.text.role]
        roles += style.headings.map(\.text.role)
        var seen = Set<String>()
        return roles.filter { seen.insert($0).inserted }
    }
}

public struct RenderOptions: Sendable {
    /// Draw characters that no font of their role has in another installed face (warned).
    public var allowFontFallback = false
    /// The PDF creation date; fixed unless asked otherwise, so the same input gives the same bytes.
    public var creationDate = PDFWriter.fixedCreationDate
    /// Draw pages on another thread while the layout goes on (PDFStream). A batch with several
    /// workers turns it off (its cores are busy already); the bytes are the same either way.
    public var drawOnAnotherThread = true

    public init() {}
}

public struct RenderRequest: Sendable {
    /// A markup file (`.md`) or a template (any other extension, e.g. `.md.j2`).
    public var input: String
    public var data: [String]
    /// Overrides the style named in the front matter.
    public var style: String?
    /// The schema the data must fit; nil to use `schema.yaml` beside the template, if any.
    public var schema: String?

    public init(input: String, data: [String] = [], style: String? = nil, schema: String? = nil) {
        self.input = input
        self.data = data
        self.style = style
        self.schema = schema
    }

    /// A template when data is given or the file is not plain `.md`.
    public var isTemplate: Bool { !data.isEmpty || !input.hasSuffix(".md") }
}

/// What `Renderer.check` found.
public struct CheckResult: Sendable {
    /// Every schema problem, or the template's first error; empty when all is well.
    public var problems: [HuibaoError]
    /// The values the schema described (every value of the data when there is no schema).
    public var checkedValues: Int
    /// The schema used, if any.
    public var schema: String?
}

public struct RenderResult: Sendable {
    public var pageCount: Int
    /// Characters set in a fallback face, one line each.
    public var fallbacks: [String]
}
