import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import Huibao

/// The samples of the three jobs as readers get them: the briefing pack (landscape, one
/// topic a page under its title bar, the chart beside the points, the meeting in the
/// footer), the monthly report (two pages, the charts side by side, the unit and month in
/// the head) and the annual report (its KPI summary), measured in the PDFs.
enum StyleSamples {
    static let root = ProjectPaths.root

    static var briefing: RenderRequest {
        RenderRequest(input: root + "/templates/briefing/report.md.j2",
                      data: [root + "/samples/briefing/data.yaml", root + "/samples/briefing/districts.xlsx"])
    }

    static func monthly(_ data: String = root + "/samples/monthly/data.json") -> RenderRequest {
        RenderRequest(input: root + "/templates/monthly/report.md.j2", data: [data])
    }

    static var annual: RenderRequest {
        RenderRequest(input: root + "/samples/annual-report/report.md.j2", data: [root + "/samples/annual-report/data.yaml"])
    }

    /// The topic titles of the briefing sample, in order.
    static func briefingTopics() throws -> [String] {
        let data = try DataLoader.load(path: root + "/samples/briefing/data.yaml")
        guard case .array(let topics)? = data["topics"]?.value else { return [] }
        return topics.compactMap { $0["title"]?.description }
    }

    static func pageTexts(_ path: String) throws -> [String] {
        let count = try PDFProbe(path).pageCount()
        return try (1...count).map { try PDFProbe(path).text(page: $0).filter { !$0.isWhitespace } }
    }
}

@Suite struct BriefingStyleTests {
    static let accent = DrawingProbe.rgb("#1F3A5F")

    @Test func everyPageIsA4LandscapeAndTheSixteenByNineOptionIsAsWide() throws {
        let a4 = try DrawingProbe(try StyleRender.render(StyleSamples.briefing))
        #expect(!a4.pageSizes.isEmpty)
        for size in a4.pageSizes {
            #expect(abs(size.width - 841.89) < 0.1 && abs(size.height - 595.28) < 0.1, "\(size)")
        }
        var wide = StyleSamples.briefing
        wide.style = "briefing-16x9"
        let sixteenByNine = try DrawingProbe(try StyleRender.render(wide))
        for size in sixteenByNine.pageSizes {
            #expect(abs(size.width - 841.89) < 0.1 && abs(size.width / size.height - 16.0 / 9.0) < 0.002, "\(size)")
        }
        // One topic a page on the lower page too: cover, contents and the five topics.
        #expect(sixteenByNine.pageSizes.count == a4.pageSizes.count)
    }

    @Test func eachTopicHasAPageOfItsOwnUnderATitleBar() throws {
        let path = try StyleRender.render(StyleSamples.briefing)
        let topics = try StyleSamples.briefingTopics()
        let pages = try StyleSamples.pageTexts(path)
        #expect(pages.count == topics.count + 2, "a cover, the contents and one page per topic")
        let drawing = try DrawingProbe(path)
        let textWidth = (297.0 - 36) * 72 / 25.4
        for (index, title) in topics.enumerated() {
            let page = index + 3
            #expect(pages[page - 1].hasPrefix(title), "page \(page) starts with \(title)")
            #expect(pages.enumerated().filter { $0.element.contains(title) && $0.offset != 1 }.count == 1, "\(title) stands on one page")
            // The bar across the text block at the top, the title in white inside it.
            let bar = try #require(drawing.rects(Self.accent, page: page).first { abs($0.width - textWidth) < 1 })
            #expect(abs(bar.y - 14 * 72 / 25.4) < 0.5)
            let first = try #require(drawing.runs(of: String(title.prefix(4)), page: page).first?.first)
            #expect(first.y > bar.y && first.y < bar.y + bar.height)
            #expect(DrawingProbe.same(first.color, (1, 1, 1)))
        }
    }

    @Test func theFooterNamesTheMeetingAndItsDateAndCountsTheTopics() throws {
        let pages = try StyleSamples.pageTexts(try StyleRender.render(StyleSamples.briefing))
        let topics = pages.count - 2
        for (index, text) in pages.enumerated().dropFirst(2) {
            #expect(text.contains("市政府第十五次常务会议·2026年4月8日"), "page \(index + 1)")
            #expect(text.contains("\(index - 1)/\(topics)"), "page \(index + 1)")
        }
        #expect(!pages[0].contains("·") && !pages[1].contains("·"), "no footer on the cover and the contents")
    }

    @Test func theContentsListEveryTopicWithItsPageNumber() throws {
        let pages = try StyleSamples.pageTexts(try StyleRender.render(StyleSamples.briefing))
        for (index, title) in try StyleSamples.briefingTopics().enumerated() {
            #expect(pages[1].contains(title.filter { !$0.isWhitespace }), "\(title)")
            #expect(pages[1].contains(".\(index + 1)"), "entry \(index + 1)")
        }
    }

    @Test func theChartStandsLeftOfThePointsAndBothStartAtTheTopOfTheRegion() throws {
        let path = try StyleRender.render(StyleSamples.briefing)
        let drawing = try DrawingProbe(path)
        let page = 3
        let bars = drawing.rects(Self.accent, page: page).filter { $0.width < 100 && $0.height > 5 }
        #expect(bars.count >= 12, "the combo chart's monthly bars")
        let bullets = drawing.glyphs.filter { $0.page == page && $0.char == "■" }
        #expect(bullets.count == 4)
        let chartRight = try #require(bars.map(\.maxX).max())
        #expect(bullets.allSatisfy { $0.x > chartRight + 20 }, "points right of the chart, past the gap")
        // The chart's unit label and the first point both open the region.
        let unit = try #require(drawing.runs(of: "单位：万次", page: page).first?.first)
        let firstPoint = try #require(bullets.min { $0.y < $1.y })
        #expect(abs(unit.y - firstPoint.y) < 14, "unit \(unit.y), first point \(firstPoint.y)")
    }
}

@Suite struct MonthlyStyleTests {
    /// The sample, the data `huibao new monthly` writes, and (when ../shared is beside this
    /// checkout) one report of each second-chart kind of the shared generator.
    static func monthlyData() throws -> [String] {
        var files = [StyleSamples.root + "/samples/monthly/data.json", StyleSamples.root + "/templates/monthly/new/data.yaml"]
        let generator = StyleSamples.root + "/../shared/bench/make_monthly.py"
        if FileManager.default.fileExists(atPath: generator) {
            let dir = try ProjectPaths.temporaryDirectory()
            _ = try PDFProbe.run("python3", [generator, dir, "-n", "12"])
            files += try FileManager.default.contentsOfDirectory(atPath: dir).sorted().suffix(6).map { dir + "/" + $0 }
        }
        return files
    }

    @Test func everyMonthlyReportTakesTwoPages() throws {
        for data in try Self.monthlyData() {
            let path = try StyleRender.render(StyleSamples.monthly(data))
            #expect(try PDFProbe(path).pageCount() == 2, "\(data)")
            let pages = try StyleSamples.pageTexts(path)
            #expect(pages[0].contains("图1") && pages[0].contains("图2"), "both charts on page one: \(data)")
            #expect(pages[1].contains("表1"), "the table on page two: \(data)")
        }
    }

    @Test func theTwoChartsStandSideBySideWithTheirCaptionsLevel() throws {
        let drawing = try DrawingProbe(try StyleRender.render(StyleSamples.monthly()))
        let first = try #require(drawing.runs(of: "图1", page: 1).first)
        let second = try #require(drawing.runs(of: "图2", page: 1).first)
        #expect(abs(first[0].y - second[0].y) < 0.1, "captions on one baseline")
        // What the charts draw in the palette's colours: the bars left, the pie's legend right.
        let palette = ["#1F3A5F", "#EB9A48", "#647F68", "#BCD8F0", "#6E4A2E"].map(DrawingProbe.rgb)
        let marks = drawing.rects.filter { r in r.page == 1 && r.height > 1 && palette.contains { DrawingProbe.same(r.color, $0) } }
            .filter { $0.y > first[0].y - 300 && $0.y < first[0].y }
        // The second caption is centred in its column: everything of the first chart is left of it.
        let middle = second[0].x
        let left = marks.filter { $0.x < middle }, right = marks.filter { $0.x >= middle }
        #expect(left.count >= 12 && right.count >= 4, "\(left.count) bars, \(right.count) legend keys")
        let leftEdge = try #require(left.map(\.maxX).max()), rightEdge = try #require(right.map(\.x).min())
        #expect(leftEdge < rightEdge, "the charts' x ranges are disjoint")
    }

    @Test func theHeadShowsTheUnitAndTheMonthOnBothPages() throws {
        let drawing = try DrawingProbe(try StyleRender.render(StyleSamples.monthly()))
        let textTop = 24 * 72 / 25.4
        for page in 1...2 {
            let unit = try #require(drawing.runs(of: "河口县卫生健康局", page: page).first?.first)
            let month = try #require(drawing.runs(of: "2025年1月", page: page).first { $0[0].y < textTop }?.first)
            #expect(unit.y < textTop && abs(unit.y - month.y) < 0.01, "one head line above the text block")
            #expect(month.x > unit.x + 300, "the month flush right")
        }
    }

    @Test func theMonthsCommentaryStandsInAShadedBox() throws {
        let drawing = try DrawingProbe(try StyleRender.render(StyleSamples.monthly()))
        let box = try #require(drawing.rects(DrawingProbe.rgb("#F4F6F9"), page: 1).first)
        let title = try #require(drawing.runs(of: "本月概况", page: 1).first?.first)
        #expect(title.y > box.y && title.y < box.y + box.height && title.x > box.x)
        let bar = try #require(drawing.rects(DrawingProbe.rgb("#1F3A5F"), page: 1).first { abs($0.y - box.y) < 0.1 && $0.width < 5 })
        #expect(abs(bar.height - box.height) < 0.1, "the accent bar runs down the box's left edge")
    }
}

@Suite struct AnnualReportStyleTests {
    @Test func theSummaryOpensWithSixKPICardsInTwoRowsOfThree() throws {
        let drawing = try DrawingProbe(try StyleRender.render(StyleSamples.annual))
        let cards = drawing.rects(DrawingProbe.rgb("#F4F6F9"), page: 3).filter { $0.width > 100 }
        #expect(cards.count == 6)
        let rows = Dictionary(grouping: cards) { ($0.y * 10).rounded() }
        #expect(rows.count == 2 && rows.values.allSatisfy { $0.count == 3 })
        #expect(Set(cards.map { ($0.width * 100).rounded() }).count == 1, "cards of one width")
        #expect(!drawing.runs(of: "4,862.7", page: 3).isEmpty)
    }

    @Test func figuresInATableKeepToOneLine() throws {
        let drawing = try DrawingProbe(try StyleRender.render(StyleSamples.annual))
        for figure in ["3,120", "3,846", "4,618.0", "4,862.7", "9,826.4"] {
            let runs = drawing.runs(of: figure)
            #expect(!runs.isEmpty, "\(figure) is drawn in one piece")
            for run in runs { #expect(Set(run.map { ($0.y * 10).rounded() }).count == 1, "\(figure) on one baseline") }
        }
    }
}
