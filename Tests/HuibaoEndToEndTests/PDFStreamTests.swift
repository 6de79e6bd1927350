import Foundation
import HuibaoTestSupport
import Testing

/// Pages are drawn on another thread while the layout goes on, the contents pages last
/// (PDFStream); the reader must still get the pages in order, with their labels, and the same
/// bytes whether the pages were drawn on one thread or two.
@Suite struct PDFStreamTests {
    static let sample = ProjectPaths.root + "/samples/annual-report"

    func huibao(_ arguments: [String]) throws -> String {
        let (status, output) = try PDFProbe.runStatus(CommandLineTests.binary, arguments)
        try #require(status == 0, "\(output)")
        return output
    }

    /// The sample rendered alone (pages drawn on a second thread) and, twice, by a batch of two
    /// workers (pages drawn on each worker's own thread).
    func renders() throws -> (single: String, batch: [String]) {
        let dir = try ProjectPaths.temporaryDirectory()
        let single = dir + "/single.pdf"
        _ = try huibao(["render", Self.sample + "/report.md.j2", "--data", Self.sample + "/data.yaml", "-o", single])
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        for name in ["a", "b"] {
            try FileManager.default.copyItem(atPath: Self.sample + "/data.yaml", toPath: dir + "/data/\(name).yaml")
        }
        _ = try huibao(["batch", Self.sample + "/report.md.j2", "--data", dir + "/data/*.yaml", "--out", dir + "/{stem}.pdf", "-j", "2"])
        return (single, [dir + "/a.pdf", dir + "/b.pdf"])
    }

    /// Page labels from qpdf, in page order.
    func labels(_ pdf: String) throws -> [String] {
        let json = try PDFProbe.run("qpdf", ["--json", "--json-key=pagelabels", pdf])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(root["pagelabels"] as? [[String: Any]])
        return entries.compactMap { ($0["label"] as? [String: Any])?["/P"] as? String }.map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 }
    }

    @Test func theContentsDrawnLastStandAfterTheCoverInTheFile() throws {
        let pdf = try renders().single
        #expect(try PDFProbe(pdf).qpdfCheck().ok)
        let probe = PDFProbe(pdf)
        let pages = try probe.pageCount()
        #expect(pages > 4)
        // Page 2 holds the contents (leader dots to the page numbers), page 3 starts the body.
        #expect(try probe.text(page: 2).contains("........"))
        #expect(try !probe.text(page: 3).contains("........"))
        #expect(try probe.text(page: 3).hasPrefix("一、"))
        let labels = try labels(pdf)
        #expect(labels.count == pages)
        #expect(labels.first == "i")
        #expect(labels.contains("1"))
        // After the cover and contents (i, ii …) the labels count 1, 2, 3 … in page order.
        let numbered = labels.drop { Int($0) == nil }.compactMap(Int.init)
        #expect(numbered == Array(1...numbered.count))
    }

    @Test func aBatchWritesTheSameBytesAsASingleRender() throws {
        let (single, batch) = try renders()
        let expected = try Data(contentsOf: URL(fileURLWithPath: single))
        for pdf in batch { #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == expected, "\(pdf) differs from the single render") }
    }
}
