import Foundation
import HuibaoTestSupport
import Testing
@testable import Huibao
import HuibaoCore

/// `[^label]` references and `[^label]: text` notes at the bottom of the referring page.
@Suite struct FootnoteTests {
    func render(_ markup: String) throws -> (PDFProbe, RenderResult) {
        let dir = try ProjectPaths.temporaryDirectory()
        try markup.write(toFile: dir + "/f.md", atomically: true, encoding: .utf8)
        let renderer = try Renderer(resources: Resources(root: ProjectPaths.root))
        return (PDFProbe(dir + "/f.pdf"), try renderer.render(RenderRequest(input: dir + "/f.md"), to: dir + "/f.pdf"))
    }

    static let filler = String(repeating: "全市统筹推进数据资源整合共享和开发利用工作取得明显成效。", count: 12)

    @Test func aNoteStandsAtTheBottomOfThePageOfItsFirstReference() throws {
        let pages = Array(repeating: Self.filler, count: 8).joined(separator: "\n\n")
        let (probe, result) = try render("""
        # 标题

        \(pages)

        全年接待咨询4862.7万人次[^a]，线上占比过半[^b]。后文再次提到[^a]。

        \(pages)

        [^a]: 含热线和网站留言。
        [^b]: 据平台统计。
        """)
        #expect(result.pageCount >= 3)
        let glyphs = try probe.glyphs()
        let noteStart = try #require(glyphs.first { $0.char == "含" && abs($0.size - 9) < 0.01 })
        let notePage = noteStart.page
        // The reference: 次 of 万人次 on the same page, in body size.
        let reference = try #require(glyphs.first { $0.page == notePage && $0.char == "次" && abs($0.size - 12) < 0.01 })
        // 9 pt glyphs below the running head (also 9 pt, above the text block).
        let noteGlyphs = glyphs.filter { $0.page == notePage && $0.size < 9.5 && $0.size > 8.5 && $0.y > 200 }
        #expect(!noteGlyphs.isEmpty)
        let bodyBottom = glyphs.filter { $0.page == notePage && abs($0.size - 12) < 0.01 }.map(\.y).max() ?? 0
        #expect(noteGlyphs.allSatisfy { $0.y > bodyBottom }, "notes sit below all body text")
        let text = try probe.text(page: notePage).filter { !$0.isWhitespace }
        #expect(text.contains("1含热线和网站留言。"))
        #expect(text.contains("2据平台统计。"))
        // A label referred to twice has one note.
        #expect(try probe.text().components(separatedBy: "含热线和网站留言").count == 2)
        // The mark is small and raised.
        let mark = try #require(glyphs.first { $0.page == notePage && $0.char == "1" && $0.size < 8 })
        #expect(mark.y < reference.y - 3)
    }

    @Test func anUndefinedReferenceIsAnErrorAtItsPlace() throws {
        #expect(throws: HuibaoError.self) { try render("正文[^missing]。") }
        do {
            _ = try render("正文[^missing]。")
        } catch let error as HuibaoError {
            #expect(error.message.contains("[^missing]"))
            #expect(error.location?.line == 1)
            #expect(error.location?.column == 3)
        }
    }
}
