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
    /// Set while `prepareFonts` is at work.
    private var preparing: DispatchGroup?
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
        if let preparing {
            preparing.wait()
            self.preparing = nil
        }
        if let fontSystem { return fontSystem }
        let fonts = try makeFontSystem()
        fontSystem = fonts
        return fonts
    }

    private func makeFontSystem() throws -> FontSystem {
        let directory = renderer.resources.fontsDirectory
        return try FontSystem(fontsDirectory: directory, roles: try FontRoles.load(path: directory + "/roles.yaml"))
    }

    /// Starts setting up the fonts on another thread (a few milliseconds of fontconfig, Pango
    /// and face loading) while the caller reads the data and runs the template; `fonts()`
    /// waits for it. Nothing else touches the font system meanwhile. A failure is left for
    /// `fonts()` to meet again and report.
    func prepareFonts() {
        // `preparing` first: while it is set, the other thread may be writing `fontSystem`.
        guard preparing == nil, fontSystem == nil else { return }
        let group = DispatchGroup()
        let box = SessionBox(self)
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            let session = box.session
            guard let fonts = try? session.makeFontSystem() else { return }
            fonts.warmUp()
            session.fontSystem = fonts
        }
        preparing = group
    }

    func style(_ name: String, at location: SourceLocation?) throws -> Style {
        if let style = styles[name] { return style }
        let style = try StyleLoader(builtInDirectory: renderer.resources.templatesDirectory).load(name, at: location)
        styles[name] = style
        return style
    }
}

/// Hands the session to the thread that prepares its fonts; the session waits for that thread
/// before it uses the fonts itself, so the two never touch it at once.
private struct SessionBox: @unchecked Sendable {
    let session: RenderSession
    init(_ session: RenderSession) { self.session = session }
}
