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
        let file = try Update(path)
        let pages = try pageObjects(file.original, path: path)
        for (page, pageLinks) in Dictionary(grouping: links, by: \.page).sorted(by: { $0.key < $1.key }) {
            guard page < pages.count else { continue }
            var annots: [Int] = []
            for link in pageLinks where link.targetPage < pages.count {
                let rect = String(format: "[%.2f %.2f %.2f %.2f]", link.x, pageHeight - link.y - link.height,
                                  link.x + link.width, pageHeight - link.y)
                let dest = String(format: "[%d 0 R /XYZ 0 %.2f null]", pages[link.targetPage], pageHeight - link.targetY)
                annots.append(file.add("<< /Type /Annot /Subtype /Link /Rect \(rect) /Border [0 0 0] /Dest \(dest) >>"))
            }
            let object = pages[page]
            guard var dictionary = objectBody(object, in: file.original), let close = dictionary.range(of: ">>", options: .backwards) else {
                throw HuibaoError(.output, "cannot add links to \(path): page object \(object) not found")
            }
            dictionary.insert(contentsOf: "   /Annots [ " + annots.map { "\($0) 0 R" }.joined(separator: " ") + " ]\n",
                              at: close.lowerBound)
            file.replace(object, dictionary)
        }
        try file.write()
    }

    /// Puts the pages in their reading order when they were drawn in another (PDFStream draws
    /// the contents pages last): `order[k]` is the drawn position of the k-th page. Writes the
    /// page labels too, `labels[k]` for the k-th page.
    static func reorder(_ path: String, order: [Int], labels: [String]) throws {
        let file = try Update(path)
        let pages = try pageObjects(file.original, path: path)
        guard order.count == pages.count, let pagesObject = pageTreeObject(file.original),
              var tree = objectBody(pagesObject, in: file.original),
              let kidsStart = tree.range(of: "/Kids ["), let kidsEnd = tree.range(of: "]", range: kidsStart.upperBound..<tree.endIndex),
              var catalog = objectBody(file.root, in: file.original), let close = catalog.range(of: ">>", options: .backwards) else {
            throw HuibaoError(.output, "cannot order the pages of \(path): unexpected PDF structure from cairo")
        }
        tree.replaceSubrange(kidsStart.upperBound..<kidsEnd.lowerBound, with: " " + order.map { "\(pages[$0]) 0 R" }.joined(separator: " ") + " ")
        file.replace(pagesObject, tree)
        let nums = labels.enumerated().map { "\($0.offset) << /P (\($0.element)) >>" }.joined(separator: " ")
        let labelsObject = file.add("<< /Nums [ \(nums) ] >>")
        if let old = catalog.range(of: #"/PageLabels \d+ 0 R"#, options: .regularExpression) {
            catalog.replaceSubrange(old, with: "/PageLabels \(labelsObject) 0 R")   // cairo's, in drawing order
        } else {
            catalog.insert(contentsOf: "   /PageLabels \(labelsObject) 0 R\n", at: close.lowerBound)
        }
        file.replace(file.root, catalog)
        try file.write()
    }

    /// An incremental update of a PDF: new and re-written objects appended, with a new xref
    /// section pointing back (/Prev) at the last one; the bytes before stay as they are.
    private final class Update {
        let path: String
        let original: Data
        let root: Int
        private let startxref: Int, info: Int?
        private var next: Int
        private var appended = "\n"
        private var offsets: [(object: Int, offset: Int)] = []

        init(_ path: String) throws {
            self.path = path
            original = try Data(contentsOf: URL(fileURLWithPath: path))
            // The trailer is in the last bytes; only small slices are turned into text.
            let tail = String(decoding: original.suffix(4096), as: UTF8.self)
            guard let startxref = lastNumber(after: "startxref", in: tail),
                  let size = lastNumber(after: "/Size", in: tail),
                  let root = lastNumber(after: "/Root", in: tail) else {
                throw HuibaoError(.output, "cannot update \(path): unexpected PDF structure from cairo")
            }
            self.startxref = startxref
            self.root = root
            next = size
            info = lastNumber(after: "/Info", in: tail)
        }

        /// A new object; its number.
        func add(_ body: String) -> Int {
            replace(next, body)
            next += 1
            return next - 1
        }

        func replace(_ object: Int, _ body: String) {
            offsets.append((object, original.count + appended.utf8.count))
            appended += "\(object) 0 obj\n\(body)\nendobj\n"
        }

        func write() throws {
            let xrefOffset = original.count + appended.utf8.count
            appended += "xref\n"
            for entry in offsets.sorted(by: { $0.object < $1.object }) {
                appended += "\(entry.object) 1\n" + String(format: "%010d 00000 n \n", entry.offset)
            }
            appended += "trailer\n<< /Size \(next)\n   /Root \(root) 0 R\n"
            if let info { appended += "   /Info \(info) 0 R\n" }
            appended += "   /Prev \(startxref)\n>>\nstartxref\n\(xrefOffset)\n%%EOF\n"
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw HuibaoError(.output, "cannot update \(path): the file cannot be opened for writing")
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(appended.utf8))
        }
    }

    /// The object number of the /Pages tree.
    private static func pageTreeObject(_ data: Data) -> Int? {
        guard let pagesRange = data.range(of: Data("/Type /Pages".utf8)),
              let objStart = data.range(of: Data(" 0 obj".utf8), options: .backwards, in: data.startIndex..<pagesRange.lowerBound) else { return nil }
        let before = data[data.startIndex..<objStart.lowerBound]
        let digits = before.reversed().prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return Int(String(decoding: digits.reversed(), as: UTF8.self))
    }

    /// The page objects in order, from the /Pages tree cairo writes (one flat /Kids array).
    private static func pageObjects(_ data: Data, path: String) throws -> [Int] {
        guard let pagesRange = data.range(of: Data("/Type /Pages".utf8)),
              let kidsStart = data.range(of: Data("/Kids [".utf8), in: pagesRange.upperBound..<data.endIndex),
              let kidsEnd = data.range(of: Data("]".utf8), in: kidsStart.upperBound..<data.endIndex) else {
            throw HuibaoError(.output, "cannot add links to \(path): no page tree")
        }
        let parts = String(decoding: data[kidsStart.upperBound..<kidsEnd.lowerBound], as: UTF8.self).split(separator: " ")
        return stride(from: 0, to: parts.count - 2, by: 3).compactMap { Int(parts[$0]) }
    }

    private static func objectBody(_ object: Int, in data: Data) -> String? {
        guard let start = data.range(of: Data("\n\(object) 0 obj\n".utf8)),
              let end = data.range(of: Data("\nendobj".utf8), in: start.upperBound..<data.endIndex) else { return nil }
        return String(decoding: data[start.upperBound..<end.lowerBound], as: UTF8.self)
    }

    private static func lastNumber(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key, options: .backwards) else { return nil }
        return Int(text[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isNumber })
    }
}
