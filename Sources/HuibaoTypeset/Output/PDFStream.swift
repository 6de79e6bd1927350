import CPangoCairo
import Foundation
import HuibaoCore

/// Draws pages into the PDF on a thread of its own while the layout goes on, so that a single
/// report uses both cores: cairo's drawing and writing of a page is a third of a render.
///
/// The layout hands over each page as soon as it is final (`DocumentLayout.layout(_:pages:)`);
/// the contents pages, whose numbers are known only at the end, come last through `finish`,
/// which then puts the pages in reading order in the page tree and writes the page labels
/// (PDFLinkAnnotator.reorder). The order pages are drawn in depends only on the document, so
/// the bytes are the same on every run, on one thread or two; a document without contents
/// pages comes out as PDFWriter writes it.
///
/// The drawing thread only reads what the layout made: composed paragraphs, Pango fonts whose
/// cairo fonts were made while shaping (ShapedParagraph), the common glyph faces (locked).
public final class PDFStream: PageSink, @unchecked Sendable {
    private let writer: PDFWriter
    private let path: String
    private let temporary: String
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let condition = NSCondition()
    private var queue: [(page: Page, index: Int)] = []
    private var closed = false
    private let done = DispatchSemaphore(value: 0)
    /// The pages' indices in the order drawn; the drawing thread's until `done`.
    private var drawn: [Int] = []
    private var ended = false

    /// Whether pages are drawn on a thread of their own; else as they are handed over, on the
    /// caller's (a batch's workers keep the cores busy already). The bytes are the same.
    private let concurrent: Bool

    /// Opens the PDF for `path` (written to a temporary file and renamed at `finish`).
    public init(writer: PDFWriter, path: String, pageWidthPt: Double, pageHeightPt: Double, meta: DocumentMeta,
                concurrent: Bool = true) throws {
        self.concurrent = concurrent
        self.writer = writer
        self.path = path
        temporary = try PDFWriter.temporaryPath(for: path)
        guard let surface = cairo_pdf_surface_create(temporary, pageWidthPt, pageHeightPt),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw HuibaoError(.output, "cannot create the PDF file \(temporary)")
        }
        self.surface = surface
        cr = cairo_create(surface)
        writer.setMetadata(meta, surface)
        guard concurrent else {
            closed = true
            return
        }
        let thread = Thread { [unowned self] in self.drawQueuedPages() }
        thread.name = "huibao-pdf"
        thread.start()
    }

    deinit {
        if !ended { end(keep: false) }
    }

    public func take(_ page: Page, at index: Int) {
        guard concurrent else {
            drawPage(page)
            drawn.append(index)
            return
        }
        condition.lock()
        queue.append((page, index))
        condition.signal()
        condition.unlock()
    }

    /// The pages handed over were not the document's after all: nothing is written.
    public func discard() {
        isDiscarded = true
        end(keep: false)
    }

    /// Set by `discard`: the caller writes the document another way (PDFWriter).
    public private(set) var isDiscarded = false

    /// Draws the pages not handed over yet, in order, then the outline and links, puts the
    /// pages in reading order and renames the file into place.
    public func finish(_ document: LaidOutDocument) throws {
        stopDrawing()
        let given = Set(drawn)
        for (index, page) in document.pages.enumerated() where !given.contains(index) {
            drawPage(page)
            drawn.append(index)
        }
        guard drawn.count == document.pages.count else {
            end(keep: false)
            throw HuibaoError(.output, "cannot write \(path): the layout handed over \(drawn.count) pages for \(document.pages.count)")
        }
        var position = [Int](repeating: 0, count: drawn.count)
        for (drawnAt, index) in drawn.enumerated() { position[index] = drawnAt }
        writer.addOutline(document.outline, surface) { position[$0] }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        ended = true
        do {
            guard status == CAIRO_STATUS_SUCCESS else {
                throw HuibaoError(.output, "cairo could not write \(path): \(String(cString: cairo_status_to_string(status)))")
            }
            let links = writer.links(document).map { link in
                var moved = link
                moved.page = position[link.page]
                moved.targetPage = position[link.targetPage]
                return moved
            }
            try PDFLinkAnnotator.annotate(temporary, links: links, pageHeight: document.pageHeightPt)
            // Drawn in reading order (no contents pages, or none handed over): cairo's page tree
            // and labels are right as they are, and the file is what PDFWriter writes.
            if drawn != Array(drawn.indices) {
                try PDFLinkAnnotator.reorder(temporary, order: position, labels: document.pages.map(PDFWriter.label))
            }
            guard rename(temporary, path) == 0 else {
                throw HuibaoError(.output, "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private func drawQueuedPages() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                break
            }
            let (page, index) = queue.removeFirst()
            condition.unlock()
            drawPage(page)
            drawn.append(index)
        }
        done.signal()
    }

    private func drawPage(_ page: Page) {
        cairo_pdf_surface_set_page_label(surface, PDFWriter.label(page))
        for item in page.items { writer.draw(item, cr) }
        cairo_show_page(cr)
    }

    private func stopDrawing() {
        guard concurrent else { return }
        condition.lock()
        let wasClosed = closed
        closed = true
        condition.signal()
        condition.unlock()
        if !wasClosed { done.wait() }
    }

    private func end(keep: Bool) {
        guard !ended else { return }
        stopDrawing()
        ended = true
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        if !keep { unlink(temporary) }
    }
}
