import HuibaoCore

/// A laid-out page: positioned lines of text and drawings, in points from the top left.
public struct Page {
    public var items: [PageItem] = []
    /// 1-based position in the PDF.
    public var number: Int
    /// The number printed on the page (body pages count from 1); nil on the cover and the
    /// contents pages, which carry no running heads.
    public var displayNumber: Int?
}

public enum PageItem {
    /// Line `line` of a composed paragraph, its left edge at `x`, its baseline at `baseline`.
    case text(ComposedParagraph, line: Int, x: Double, baseline: Double)
    case rule(from: (x: Double, y: Double), to: (x: Double, y: Double), width: Double, color: RGBColor)
    case fill(x: Double, y: Double, width: Double, height: Double, color: RGBColor)
    /// A drawing (a chart) whose top left corner is at (x, y).
    case drawing(any PageDrawing, x: Double, y: Double)
    /// A clickable area leading to a destination (a contents entry).
    case link(destination: String, x: Double, y: Double, width: Double, height: Double)
}

/// Something that draws itself with cairo in its own coordinates (origin top left, points).
public protocol PageDrawing {
    var width: Double { get }
    var height: Double { get }
    /// Draws at the current origin; the caller has translated cairo to the drawing's corner.
    func draw(on cr: OpaquePointer)
}

/// A heading as it appears in the PDF outline (bookmarks).
public struct OutlineEntry: Sendable {
    public var level: Int
    public var title: String
    /// 0-based page index.
    public var pageIndex: Int
    public var y: Double
    /// The destination name of the heading (`h0`, `h1` …).
    public var destination: String
}

/// What the layout stage hands to the output stage.
public struct LaidOutDocument {
    public var pages: [Page]
    public var outline: [OutlineEntry]
    public var meta: DocumentMeta
    public var pageWidthPt: Double
    public var pageHeightPt: Double
    public var fallbacks: [FontFallback]
}

/// Takes pages as soon as the layout knows them to be final, to draw them while it goes on
/// (PDFStream).
public protocol PageSink: AnyObject {
    /// Page `index` (0-based), numbered and with its running heads.
    func take(_ page: Page, at index: Int)
    /// The pages handed over are not the document's after all (the contents took another
    /// number of pages, so everything after them moved).
    func discard()
}
