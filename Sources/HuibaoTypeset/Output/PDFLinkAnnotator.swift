import Foundation
import HuibaoCore

/// Adds internal links (contents entry → heading) to a finished PDF as an incremental
/// update. cairo 1.16.0's own links (`CAIRO_TAG_LINK`) write a damaged file on Debian 12:
/// the page's /Annots array names object numbers that are never written, and the annotations
/// lack their /Dest (seen with a two-page C test; `qpdf --check` reports "file is damaged").
/// So the PDF is written without them and the links are appended here: new Link annotations,
/// the linking pages re-written with their /Annots, a new xref section pointing back (/Prev)
/// at cairo's.
enum PDFLinkAnnotator {
    struct Link {
        /// 0-based page that holds the link, and its area (points, top-left origin).
        var page: Int
        var x: Double, y: Double, width: Double, height: Double
        /// 0-based page and y (top-left origin) of the target.
        var targetPage: Int
        var targetY: Double
    }

    static func annotate(_ path: String, links: [Link], pageHeight: Double) throws {
        guard !links.isEmpty else { return }
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: original, as: UTF8.self)
        guard let startxref = lastNumber(after: "startxref", in: text),
              let size = lastNumber(after: "/Size", in: text),
              let root = lastReference(after: "/Root", in: text) else {
            throw HuibaoError(.output, "cannot add links to \(path): unexpected PDF structure from cairo")
        }
        let info = lastReference(after: "/Info", in: text)
        let pages = try pageObjects(text, path: path)
        var appended = "\n"
        var offsets: [(object: Int, offset: Int)] = []
        func add(_ object: Int, _ body: String) {
            offsets.append((object, original.count + appended.utf8.count))
            appended += "\(object) 0 obj\n\(body)\nendobj\n"
        }
        var next = size
        for (page, pageLinks) in Dictionary(grouping: links, by: \.page).sorted(by: { $0.key < $1.key }) {
            guard page < pages.count else { continue }
            var annots: [Int] = []
            for link in pageLinks where link.targetPage < pages.count {
                let rect = String(format: "[%.2f %.2f %.2f %.2f]", link.x, pageHeight - link.y - link.height,
                                  link.x + link.width, pageHeight - link.y)
                let dest = String(format: "[%d 0 R /XYZ 0 %.2f null]", pages[link.targetPage], pageHeight - link.targetY)
                add(next, "<< /Type /Annot /Subtype /Link /Rect \(rect) /Border [0 0 0] /Dest \(dest) >>")
                annots.append(next)
                next += 1
            }
            let object = pages[page]
            guard var dictionary = objectBody(object, in: text), let close = dictionary.range(of: ">>", options: .backwards) else {
                throw HuibaoError(.output, "cannot add links to \(path): page object \(object) not found")
            }
            dictionary.insert(contentsOf: "   /Annots [ " + annots.map { "\($0) 0 R" }.joined(separator: " ") + " ]\n",
                              at: close.lowerBound)
            add(object, dictionary)
        }
        let xrefOffset = original.count + appended.utf8.count
        appended += "xref\n"
        for entry in offsets.sorted(by: { $0.object < $1.object }) {
            appended += "\(entry.object) 1\n" + String(format: "%010d 00000 n \n", entry.offset)
        }
        appended += "trailer\n<< /Size \(next)\n   /Root \(root) 0 R\n"
        if let info { appended += "   /Info \(info) 0 R\n" }
        appended += "   /Prev \(startxref)\n>>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        var data = original
        data.append(Data(appended.utf8))
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// The page objects in order, from the /Pages tree cairo writes (one flat /Kids array).
    private static func pageObjects(_ text: String, path: String) throws -> [Int] {
        guard let pagesRange = text.range(of: "/Type /Pages"),
              let kidsStart = text.range(of: "/Kids [", range: pagesRange.upperBound..<text.endIndex),
              let kidsEnd = text.range(of: "]", range: kidsStart.upperBound..<text.endIndex) else {
            throw HuibaoError(.output, "cannot add links to \(path): no page tree")
        }
        let parts = text[kidsStart.upperBound..<kidsEnd.lowerBound].split(separator: " ")
        return stride(from: 0, to: parts.count - 2, by: 3).compactMap { Int(parts[$0]) }
    }

    private static func objectBody(_ object: Int, in text: String) -> String? {
        guard let start = text.range(of: "\n\(object) 0 obj\n"),
              let end = text.range(of: "\nendobj", range: start.upperBound..<text.endIndex) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    private static func lastNumber(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key, options: .backwards) else { return nil }
        return Int(text[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isNumber })
    }

    private static func lastReference(after key: String, in text: String) -> Int? { lastNumber(after: key, in: text) }
}
