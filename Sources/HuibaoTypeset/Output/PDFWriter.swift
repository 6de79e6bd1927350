import CPangoCairo
import Foundation
import HuibaoCore

/// Draws laid-out pages into a PDF with cairo: fonts embedded as subsets (cairo does that),
/// outline from the headings, Title/Author/Subject, a fixed creation date for reproducible
/// bytes, and an atomic write (temporary file, then rename).
public struct PDFWriter {
    /// The creation date written into the PDF (ISO 8601). Fixed by default so that the same
    /// input gives the same bytes; `SOURCE_DATE_EPOCH` or a real date may replace it.
    public var creationDate: String

    public static let fixedCreationDate = "2000-01-01T00:00:00Z"

    public init(creationDate: String = PDFWriter.fixedCreationDate) {
        self.creationDate = creationDate
    }

    /// Writes the PDF to `path`; on any failure nothing is left at `path` (an existing
    /// file there is untouched). The pages are drawn in order on this thread: PDFStream with
    /// nothing handed over, the one place that opens, draws and finishes a PDF.
    public func write(_ document: LaidOutDocument, to path: String) throws {
        try PDFStream(writer: self, path: path, pageWidthPt: document.pageWidthPt, pageHeightPt: document.pageHeightPt,
                      meta: document.meta, concurrent: false).finish(document)
    }

    /// Where the PDF for `path` is written before it is renamed into place; fails, naming the
    /// folder, when the folder is missing or not writable.
    static func temporaryPath(for path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HuibaoError(.output, "cannot write \(path): the folder \(directory) does not exist",
                              hint: "create it first (mkdir -p \(directory)) or choose another -o path")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw HuibaoError(.output, "cannot write \(path): the folder \(directory) is not writable")
        }
        return directory + "/." + url.lastPathComponent + ".\(getpid()).tmp"
    }

    /// The label of a page: its printed number, or i, ii … for the cover and contents.
    static func label(_ page: Page) -> String {
        page.displayNumber.map(String.init) ?? roman(page.number)
    }

    /// The links of all pages, resolved to the page and place of their destination.
    func links(_ document: LaidOutDocument) -> [PDFLinkAnnotator.Link] {
        var targets: [String: OutlineEntry] = [:]
        for entry in document.outline { targets[entry.destination] = entry }
        var result: [PDFLinkAnnotator.Link] = []
        for (index, page) in document.pages.enumerated() {
            for case .link(let destination, let x, let y, let width, let height) in page.items {
                guard let target = targets[destination] else { continue }
                result.append(.init(page: index, x: x, y: y, width: width, height: height,
                                    targetPage: target.pageIndex, targetY: target.y))
            }
        }
        return result
    }

    func draw(_ item: PageItem, _ cr: OpaquePointer) {
        switch item {
        case .text(let paragraph, let line, let x, let baseline):
            GlyphRunPainter.draw(paragraph, line: line, x: x, baseline: baseline, on: cr)
        case .rule(let from, let to, let width, let color):
            cairo_set_source_rgb(cr, color.red, color.green, color.blue)
            cairo_set_line_width(cr, width)
            cairo_move_to(cr, from.x, from.y)
            cairo_line_to(cr, to.x, to.y)
            cairo_stroke(cr)
        case .fill(let x, let y, let width, let height, let color):
            cairo_set_source_rgb(cr, color.red, color.green, color.blue)
            cairo_rectangle(cr, x, y, width, height)
            cairo_fill(cr)
        case .drawing(let drawing, let x, let y):
            cairo_save(cr)
            cairo_translate(cr, x, y)
            drawing.draw(on: cr)
            cairo_restore(cr)
        case .link:
            break   // added after cairo is done (PDFLinkAnnotator)
        }
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n, result = ""
        for (value, letters) in table { while n >= value { result += letters; n -= value } }
        return result
    }

    func setMetadata(_ meta: DocumentMeta, _ surface: OpaquePointer) {
        if let title = meta.plainTitle { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let author = meta.author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let subject = meta.subject ?? meta.subtitle { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Huibao")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate)
    }

    /// Bookmarks mirror the heading tree: each entry's parent is the nearest shallower one.
    /// `position` gives the drawn position of a page (PDFStream draws the contents last).
    func addOutline(_ entries: [OutlineEntry], _ surface: OpaquePointer, position: (Int) -> Int = { $0 }) {
        var stack: [(level: Int, id: Int32)] = []
        for entry in entries {
            while let last = stack.last, last.level >= entry.level { stack.removeLast() }
            let parent = stack.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let target = String(format: "page=%d pos=[0 %.2f]", position(entry.pageIndex) + 1, entry.y)
            let flags = entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, target, flags)
            stack.append((entry.level, id))
        }
    }
}
