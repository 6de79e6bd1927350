import Foundation
import HuibaoTestSupport
import Testing
@testable import Huibao

/// Tables in the finished PDF: decimal alignment, header rows on every page, long rows, notes.
@Suite struct TableTests {
    func render(_ markup: String, name: String = "t") throws -> (PDFProbe, RenderResult) {
        let dir = try ProjectPaths.temporaryDirectory()
        let input = dir + "/\(name).md"
        try markup.write(toFile: input, atomically: true, encoding: .utf8)
        let renderer = try Renderer(resources: Resources(root: ProjectPaths.root))
        let result = try renderer.render(RenderRequest(input: input), to: dir + "/\(name).pdf")
        return (PDFProbe(dir + "/\(name).pdf"), result)
    }

    @Test func figuresInARightAlignedColumnLineUpOnTheirDecimalPoint() throws {
        let (probe, _) = try render("""
        Table: 收入
        | 项目 | 金额（万元） |
        |------|------:|
        | 甲 | 1,234.5 |
        | 乙 | 12.25 |
        | 丙 | 7 |
        | 丁 | 100.0 |
        """)
        // The figures are lines of their own (far from their row's label).
        let lines = try probe.lines().filter { $0.glyphs[0].char.isNumber }
        #expect(lines.count == 4)
        // The x where each figure's decimal point is (for 7: where its point would be).
        let points = lines.map { line -> Double in
            let figure = line.glyphs
            if let dot = figure.first(where: { $0.char == "." }) { return dot.x }
            let last = figure.last!
            return last.x + last.width
        }
        for p in points { #expect(abs(p - points[0]) < 0.1, "decimal points at \(points)") }
    }

    @Test func aLongTableRepeatsItsHeaderRowOnEveryPageItSpans() throws {
        let rows = (1...80).map { "| 第\($0)项 | \($0 * 37).5 | 说明文字 |" }.joined(separator: "\n")
        let (probe, result) = try render("Table: 长表\n| 序号 | 数值 | 备注 |\n|---|--:|---|\n" + rows, name: "long")
        #expect(result.pageCount >= 3)
        var seen = Set<Int>()
        for page in 1...result.pageCount {
            let text = try probe.text(page: page).filter { !$0.isWhitespace }
            #expect(text.contains("序号数值备注"), "page \(page) has no header row")
            for n in 1...80 where text.contains("第\(n)项") { seen.insert(n) }
        }
        #expect(seen.count == 80)
        // Rows are not split: every row's three cells are on the same page.
        for page in 1...result.pageCount {
            let text = try probe.text(page: page).filter { !$0.isWhitespace }
            for n in 1...80 where text.contains("第\(n)项\(n * 37).5") {
                #expect(text.contains("第\(n)项\(n * 37).5说明文字"))
            }
        }
    }

    @Test func aRowTallerThanAPageIsCutAndNothingIsLost() throws {
        let long = String(repeating: "这是一段很长的单元格文字，用来检验超过一页高度的行会被分到后面几页而不丢失内容。", count: 60)
        let (probe, result) = try render("| 项目 | 说明 |\n|---|---|\n| 甲 | \(long) |\n| 乙 | 短 |", name: "tall")
        #expect(result.pageCount >= 2)
        let text = try probe.text().filter { !$0.isWhitespace }
        #expect(text.components(separatedBy: "这是一段很长的单元格文字").count - 1 == 60)
        #expect(text.contains("乙短"))
    }

    @Test func notesUnderATableAreSetSmall() throws {
        let (probe, _) = try render("| 项目 | 数值 |\n|---|--:|\n| 甲 | 1 |\n注：单位为万元。\n资料来源：市统计局。\n\n正文段落。", name: "notes")
        let glyphs = try probe.glyphs()
        let note = try #require(glyphs.first { $0.char == "注" })
        let body = try #require(glyphs.first { $0.char == "正" })
        #expect(abs(note.size - 9) < 0.01)
        #expect(abs(body.size - 12) < 0.01)
        #expect(note.y < body.y)
        #expect(try probe.text().contains("资料来源：市统计局。"))
    }

    @Test func mergedHeaderCellsSpanTheirColumns() throws {
        let (probe, _) = try render("| 指标 | 2025年 || \n| | 实际 | 目标 |\n|---|--:|--:|\n| 收入 | 10 | 12 |", name: "merged")
        let lines = try probe.lines()
        let year = try #require(lines.first { $0.text.hasPrefix("2025") })
        let actual = try #require(lines.flatMap(\.glyphs).first { $0.char == "实" })
        let target = try #require(lines.flatMap(\.glyphs).first { $0.char == "目" })
        // 2025年 is centred over 实际 and 目标.
        let mid = (year.glyphs.first!.x + year.glyphs.last!.x + year.glyphs.last!.width) / 2
        #expect(mid > actual.x && mid < target.x + 2 * target.width)
    }
}
