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

    /// Runs the whole pipeline and writes the PDF atomically to `output`.
    @discardableResult
    public func render(_ request: RenderRequest, to output: String) throws -> RenderResult {
        let data = try request.data.isEmpty ? nil : DataLoader.merge(try request.data.map { try DataLoader.load(path: $0) })
        let markup = try markupText(for: request, data: data)
        let document = try MarkupParser.parse(markup, file: request.input)
        let styleName = request.style ?? document.meta.style ?? "report"
        let style = try StyleLoader(builtInDirectory: resources.templatesDirectory)
            .load(styleName, at: request.style == nil ? document.meta.styleLocation : nil)
        let roles = try FontRoles.load(path: resources.fontsDirectory + "/roles.yaml")
        let fonts = try FontSystem(fontsDirectory: resources.fontsDirectory, roles: roles)
        try fonts.verify(roleKeys: usedRoles(style))
        let composer = ParagraphComposer(fonts: fonts, allowFontFallback: options.allowFontFallback)
        let baseDirectory = (request.input as NSString).deletingLastPathComponent
        let laidOut = try DocumentLayout(style: style, composer: composer, data: data,
                                         baseDirectory: baseDirectory.isEmpty ? "." : baseDirectory).layout(document)
        try PDFWriter(creationDate: options.creationDate).write(laidOut, to: output)
        return RenderResult(pageCount: laidOut.pages.count, fallbacks: laidOut.fallbacks.map(\.description))
    }

    /// The report markup: the input itself for `.md`, else the template filled with the data.
    public func markupText(for request: RenderRequest, data: DataNode?) throws -> String {
        let source = try readText(request.input)
        guard request.isTemplate else { return source }
        let template = try Template(source: source, file: request.input)
        return try template.render(context: data ?? DataNode(.object([])), escape: MarkupEscaper.escape)
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

    public init() {}
}

public struct RenderRequest: Sendable {
    /// A markup file (`.md`) or a template (any other extension, e.g. `.md.j2`).
    public var input: String
    public var data: [String]
    /// Overrides the style named in the front matter.
    public var style: String?

    public init(input: String, data: [String] = [], style: String? = nil) {
        self.input = input
        self.data = data
        self.style = style
    }

    /// A template when data is given or the file is not plain `.md`.
    public var isTemplate: Bool { !data.isEmpty || !input.hasSuffix(".md") }
}

public struct RenderResult: Sendable {
    public var pageCount: Int
    /// Characters set in a fallback face, one line each.
    public var fallbacks: [String]
}
