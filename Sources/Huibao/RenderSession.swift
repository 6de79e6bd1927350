import Foundation
import HuibaoCore
import HuibaoTypeset

/// One worker's renders: the font system (fontconfig, Pango font map, the loaded faces) and
/// the styles are set up once and shared by every document the session renders, which is
/// what makes a batch fast (ENGINEERING-NOTES: the first page's font loading is the largest
/// cost of a small report). Not for use from two threads at once: a batch gives each worker
/// its own session.
public final class RenderSession {
    public let renderer: Renderer
    private var fontSystem: FontSystem?
    private var styles: [String: Style] = [:]

    public init(renderer: Renderer) {
        self.renderer = renderer
    }

    @discardableResult
    public func render(_ request: RenderRequest, to output: String) throws -> RenderResult {
        try renderer.render(request, to: output, in: self)
    }

    /// Renders with data already loaded (and checked) by the caller.
    @discardableResult
    public func render(_ request: RenderRequest, data: DataNode?, to output: String) throws -> RenderResult {
        try renderer.render(request, to: output, in: self, preloaded: data)
    }

    func fonts() throws -> FontSystem {
        if let fontSystem { return fontSystem }
        let directory = renderer.resources.fontsDirectory
        let fonts = try FontSystem(fontsDirectory: directory, roles: try FontRoles.load(path: directory + "/roles.yaml"))
        fontSystem = fonts
        return fonts
    }

    func style(_ name: String, at location: SourceLocation?) throws -> Style {
        if let style = styles[name] { return style }
        let style = try StyleLoader(builtInDirectory: renderer.resources.templatesDirectory).load(name, at: location)
        styles[name] = style
        return style
    }
}
