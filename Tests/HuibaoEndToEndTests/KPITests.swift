import Foundation
import HuibaoTestSupport
import Testing
@testable import Huibao

/// ```kpis``` cards in a real PDF: figures large on a common baseline with their units,
/// changes with ▲▼ in the colour of their direction (flippable in a style), 个百分点 kept
/// apart from %, cards of a row as wide and as high as each other, a strip never split.
@Suite struct KPICardTests {
    static let strip = """
        ---
        title: 指标
        ---
        # 主要指标

        ```kpis
        - {label: 门急诊人次, value: 4862.7, unit: 万人次, change: 5.2, change_unit: "%"}
        - {label: 基层诊疗量占比, value: 53.1, unit: "%", change: -0.3, change_unit: 个百分点}
        - {label: 平均住院日, value: 6.8, unit: 天, change: 0, change_unit: 天}
        - {label: 出院人次, value: 1.03, unit: 万人次, change: 2.4, change_unit: "%", compare: 环比}
        ```
        """

    static let up = DrawingProbe.rgb("#C0392B"), down = DrawingProbe.rgb("#1E8449"), flat = DrawingProbe.rgb("#595959")

    @Test func eachCardSetsItsFigureLargeWithTheUnitOnTheSameBaseline() throws {
        let drawing = try DrawingProbe(try StyleRender.markup(Self.strip))
        let value = try #require(drawing.runs(of: "4,862.7").first)
        let unit = try #require(drawing.runs(of: "万人次").first)
        let label = try #require(drawing.runs(of: "门急诊人次").first)
        #expect(value.allSatisfy { $0.size > 1.5 * 10.5 && abs($0.size - value[0].size) < 0.01 })
        #expect(unit.allSatisfy { abs($0.size - 10.5) < 0.01 })
        #expect(abs(value[0].y - unit[0].y) < 0.01, "the unit stands on the figure's baseline")
        #expect(unit[0].x > value.last!.x, "after the figure")
        #expect(label[0].y < value[0].y, "the label above the figure")
        // Every card's figure on one baseline, at one size.
        let figures = ["4,862.7", "53.1", "6.8", "1.03"].compactMap { drawing.runs(of: $0).first?.first }
        #expect(figures.count == 4 && Set(figures.map { ($0.y * 100).rounded() }).count == 1)
        #expect(Set(figures.map { ($0.size * 100).rounded() }).count == 1)
    }

    @Test func shortFiguresAreSetAtTheStylesSize() throws {
        let markup = "```kpis\n- {label: 归集量, value: 86.4, unit: 亿条}\n- {label: 网办率, value: 97.3, unit: \"%\"}\n- {label: 事项, value: 13, unit: 个}\n```\n"
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        for figure in ["86.4", "97.3", "13"] {
            let run = try #require(drawing.runs(of: figure).first)
            #expect(run.allSatisfy { abs($0.size - 22) < 0.01 }, "\(figure) at 22 pt")
        }
    }

    @Test func aRiseIsRedWithAnUpArrowAFallGreenWithADownArrowAndNoChangeGrey() throws {
        let drawing = try DrawingProbe(try StyleRender.markup(Self.strip))
        let rise = try #require(drawing.runs(of: "▲5.2%").first)
        let fall = try #require(drawing.runs(of: "▼0.3个百分点").first)
        let same = try #require(drawing.runs(of: "持平").first)
        #expect(rise.allSatisfy { DrawingProbe.same($0.color, Self.up) })
        #expect(fall.allSatisfy { DrawingProbe.same($0.color, Self.down) })
        #expect(same.allSatisfy { DrawingProbe.same($0.color, Self.flat) })
        // The compare word stands before the change, in the card's grey, as the item names it.
        #expect(drawing.runs(of: "同比").count == 3)
        let month = try #require(drawing.runs(of: "环比").first)
        #expect(!DrawingProbe.same(month[0].color, Self.up))
    }

    @Test func percentagePointsAreWrittenOutAndPercentStaysPercent() throws {
        let text = try PDFProbe(try StyleRender.markup(Self.strip)).text().filter { !$0.isWhitespace }
        #expect(text.contains("▼0.3个百分点"))
        #expect(text.contains("▲5.2%"))
        #expect(!text.contains("0.3%"))
        #expect(text.contains("53.1%"), "a sign unit follows its figure without a space")
    }

    @Test func aStyleOfOnesOwnFlipsTheColours() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        try "extends: report\nkpi:\n  up_color: \"#1E8449\"\n  down_color: \"#C0392B\"\n"
            .write(toFile: dir + "/west.yaml", atomically: true, encoding: .utf8)
        let markup = Self.strip.replacingOccurrences(of: "title: 指标", with: "title: 指标\nstyle: \(dir)/west.yaml")
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        #expect(try #require(drawing.runs(of: "▲5.2%").first).allSatisfy { DrawingProbe.same($0.color, Self.down) })
        #expect(try #require(drawing.runs(of: "▼0.3个百分点").first).allSatisfy { DrawingProbe.same($0.color, Self.up) })
    }

    @Test func theCardsOfARowShareTopWidthAndHeightAndFillTheMeasure() throws {
        let drawing = try DrawingProbe(try StyleRender.markup(Self.strip))
        let cards = drawing.rects(DrawingProbe.rgb("#F4F6F9"), page: 1).sorted { $0.x < $1.x }
        #expect(cards.count == 4)
        #expect(Set(cards.map { ($0.y * 100).rounded() }).count == 1)
        #expect(Set(cards.map { ($0.width * 100).rounded() }).count == 1)
        #expect(Set(cards.map { ($0.height * 100).rounded() }).count == 1)
        let measure = (210 - 27 - 26.4) * 72 / 25.4
        #expect(abs(cards.last!.maxX - cards.first!.x - measure) < 0.1)
        // The accent bar along each card's top.
        let bars = drawing.rects(DrawingProbe.rgb("#1F3A5F"), page: 1).filter { abs($0.height - 2.5) < 0.01 }
        #expect(bars.count == 4 && zip(bars.sorted { $0.x < $1.x }, cards).allSatisfy { abs($0.0.y - $0.1.y) < 0.01 })
    }

    @Test func moreCardsThanColumnsStartAnotherRow() throws {
        let markup = Self.strip.replacingOccurrences(of: "```kpis\n", with: "```kpis\ncolumns: 3\nitems:\n")
            .replacingOccurrences(of: "\n- {", with: "\n  - {")
        let cards = try DrawingProbe(try StyleRender.markup(markup)).rects(DrawingProbe.rgb("#F4F6F9"), page: 1)
        let rows = Dictionary(grouping: cards) { ($0.y * 10).rounded() }
        #expect(rows.count == 2)
        #expect(rows.values.map(\.count).sorted() == [1, 3])
    }

    @Test func aStripThatDoesNotFitMovesToTheNextPageWhole() throws {
        let filler = String(repeating: "这是用来占满版面的正文段落，一行一行排下去，直到页面底部只剩下不到一组卡片的高度。", count: 3)
        let paragraphs = Array(repeating: filler, count: 8).joined(separator: "\n\n")
        let markup = Self.strip.replacingOccurrences(of: "# 主要指标\n", with: "# 主要指标\n\n" + paragraphs + "\n")
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        #expect(drawing.rects(DrawingProbe.rgb("#F4F6F9"), page: 1).isEmpty, "no card left behind on page 1")
        #expect(drawing.rects(DrawingProbe.rgb("#F4F6F9"), page: 2).count == 4)
    }

    @Test func aFigureTooWideForItsCardIsSetSmallerOnTheSameBaseline() throws {
        let markup = Self.strip.replacingOccurrences(of: "value: 6.8, unit: 天", with: "value: 123456789.12, unit: 人次")
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        let wide = try #require(drawing.runs(of: "123,456,789.12").first)
        let normal = try #require(drawing.runs(of: "53.1").first)
        #expect(wide[0].size < 22 && wide[0].size > 8)
        #expect(abs(wide[0].y - normal[0].y) < 0.01)
        #expect(abs(wide[0].size - normal[0].size) < 0.01, "the row's figures share one size")
        let cards = drawing.rects(DrawingProbe.rgb("#F4F6F9"), page: 1).sorted { $0.x < $1.x }
        let third = cards[2]
        let unit = try #require(drawing.runs(of: "人次").first { $0[0].y == wide[0].y && $0[0].x > third.x })
        #expect(unit.last!.x + 10.5 < third.maxX, "the unit stays inside its card")
    }
}
