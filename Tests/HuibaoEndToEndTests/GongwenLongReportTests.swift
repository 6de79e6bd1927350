import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import Huibao

/// A 公文 of twelve pages, ten of body (Tests/Fixtures/gongwen/long-report.yaml, a 通报 through the
/// 通知 template): every page of the body is full, 22 lines on the grid, every full line 28
/// characters, and the independent checker passes it as it passes the samples.
@Suite struct GongwenLongReportTests {
    typealias H = GongwenHarness

    static let data = ProjectPaths.root + "/Tests/Fixtures/gongwen/long-report.yaml"

    static func render() throws -> Traced {
        let path = try ProjectPaths.temporaryDirectory() + "/long-report.pdf"
        _ = try Renderer(resources: Resources(root: ProjectPaths.root))
            .render(RenderRequest(input: ProjectPaths.templates + "/gongwen/notice.md.j2", data: [data]), to: path)
        return try Traced(path)
    }

    /// The 16 pt lines of the body, page by page, from the first after the 主送机关 to 特此通报。
    static func bodyLines(_ pdf: Traced) throws -> [(page: Int, glyphs: [Traced.Glyph])] {
        let start = try #require(pdf.find("各区县卫生健康局，委直属各单位："))
        let end = try #require(pdf.find("特此通报。"))
        return (1...end[0].page).flatMap { page in
            pdf.bodyBaselines(page: page).map { (page: page, glyphs: pdf.line(page: page, baseline: $0)) }
        }.filter { line in
            let g = line.glyphs[0]
            return abs(g.sizeY - 16) < 0.05 && (g.page, g.y) > (start[0].page, start[0].y + 1) && (g.page, g.y) <= (end[0].page, end[0].y)
        }
    }

    @Test func theReportRunsToNinePagesOrMoreWithTheBanjiOnTheLastEvenOne() throws {
        let pdf = try Self.render()
        #expect(pdf.pageCount >= 9 && pdf.pageCount % 2 == 0, "\(pdf.pageCount) pages")
        #expect(pdf.find("某市卫生健康委员会办公室", page: pdf.pageCount) != nil)
        let text = try pdf.probe.text().filter { !$0.isWhitespace }
        for piece in ["一、坚持人民至上", "（一）优质医疗资源", "1.运行机制", "（1）评价指标", "——", "……", "《某市爱国卫生运动条例》",
                      "5G", "GDP", "PM2.5", "附件：2025年各县紧密型县域医共体主要监测指标", "2026年1月12日"] {
            #expect(text.contains(piece), "\(piece)")
        }
    }

    /// GB/T 9704 5.2.3: 22 lines a page "撑满版心". A paragraph runs on to the page's last line
    /// (no line held back for widow or orphan control), so only the page where the body ends
    /// may hold fewer.
    @Test func everyPageOfTheBodyBeforeItsLastHoldsTwentyTwoLinesOnTheGrid() throws {
        let pdf = try Self.render()
        let last = try #require(pdf.find("特此通报。"))[0].page
        #expect(last >= 9)
        for page in 2..<last {
            let baselines = pdf.bodyBaselines(page: page)
            #expect(baselines.count == 22, "page \(page): \(baselines.count) lines")
            for (k, y) in baselines.enumerated() {
                #expect(abs(y - H.baseline(k + 1)) < 0.05, "page \(page), line \(k + 1) off the grid at \(y)")
            }
            let pitches = zip(baselines, baselines.dropFirst()).map { $1 - $0 }
            #expect(pitches.allSatisfy { $0 > 28.9 && $0 < 29.7 }, "page \(page): \(pitches)")
        }
        // Page 1: the 版头 and title, then body lines down to line 22.
        #expect(abs((pdf.bodyBaselines(page: 1).last ?? 0) - H.baseline(22)) < 0.05)
    }

    /// Every line of a paragraph but its last: a Han-only line holds 28 characters (counting
    /// the 2-字 indent), 27 only when a mark may not start the next line or a bracket end this
    /// one; a line with digits or Latin letters reaches the right edge.
    @Test func everyFullLineHoldsTwentyEightCharactersOrReachesTheRightEdge() throws {
        let pdf = try Self.render()
        let lines = try Self.bodyLines(pdf)
        let noStart = Set("，。、；：？！”’）》〕%"), noEnd = Set("“‘（《〔")
        let halfAtEnd = Set("，。、；：？！”’）》〕")
        var han = 0, mixed = 0
        for (index, line) in lines.enumerated().dropLast() {
            let next = lines[index + 1].glyphs
            // The next line continues the paragraph: it starts at the margin.
            guard abs(next[0].x - H.left) < 0.05 else { continue }
            let glyphs = line.glyphs
            if glyphs.allSatisfy({ !$0.char.isASCII }) {
                let indent = Int(((glyphs[0].x - H.left) / H.cell).rounded())
                let count = glyphs.count + indent
                let pushed = next.count > 1 && noStart.contains(next[1].char) || noEnd.contains(next[0].char)
                #expect(count == 28 || (count == 27 && pushed), "page \(line.page): \(count) \(String(glyphs.map(\.char)))")
                han += 1
            } else {
                let end = glyphs.last!
                let right = halfAtEnd.contains(end.char) ? end.x + end.sizeX / 2 : end.right
                #expect(abs(right - H.right) < 0.5, "page \(line.page): ends at \(right), not \(H.right): \(String(glyphs.map(\.char)))")
                mixed += 1
            }
        }
        #expect(han >= 60 && mixed >= 40, "\(han) Han-only and \(mixed) mixed full lines")
    }

    /// The checker of ../shared, both ways the issue runs it: the GB/T 9704 profile (geometry,
    /// 28 × 22 grid, fonts by role) and GB-level kinsoku with justified lines that never open a
    /// gap over half an em.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: GongwenSampleTests.pdfcheck)))
    func theIndependentCheckerPassesTheReport() throws {
        let pdf = try Self.render()
        for arguments in [["--profile", "gbt9704", "--outline", "off"], ["--kinsoku-level", "gb", "--justify-max-gap", "0.5"]] {
            let (status, output) = try PDFProbe.runStatus(GongwenSampleTests.pdfcheck, [pdf.probe.path, "--json"] + arguments)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output.prefix(500))")
            let checks = try #require(json["checks"] as? [String: [String: Any]])
            let required = arguments.contains("gbt9704") ? ["gbt9704", "fonts-by-role", "kinsoku", "justify", "glyphs"]
                : ["kinsoku", "justify", "glyphs", "pdf"]
            for name in required {
                #expect(checks[name]?["status"] as? String == "pass", "\(name): \(checks[name]?["summary"] ?? "missing")")
            }
            #expect(status == 0, "\(arguments): \(checks.mapValues { $0["summary"] ?? "" })")
            if let items = (checks["gbt9704"]?["items"] as? [String: [String: Any]]) {
                let histogram = items["chars_per_line"]?["histogram"] as? [String: Int] ?? [:]
                #expect(Set(histogram.keys).isSubset(of: ["27", "28"]) && (histogram["28"] ?? 0) >= 60, "\(histogram)")
                let slots = items["lines_per_page"]?["slots_per_page"] as? [String: Int] ?? [:]
                #expect(slots.filter { $0.value == 22 }.count >= 9, "\(slots)")
            }
        }
    }
}
