import Foundation
import HuibaoTestSupport
import Testing
@testable import Huibao

/// `::: columns` and `::: box` regions in the report style, measured in the PDF: columns start
/// at one height and never overlap, the flow goes on below the tallest, a region is never
/// split, and the body outside regions is set as before.
@Suite struct ColumnsRegionTests {
    static let barColor = DrawingProbe.rgb("#1F3A5F")

    static func chart(_ title: String) -> String {
        "```chart\nkind: bar\ntitle: \(title)\ncategories: [甲, 乙, 丙]\nvalues: [30, 20, 10]\n```\n"
    }

    @Test func twoChartsInColumnsStandSideBySideWithTheSameTop() throws {
        let markup = "# 两图并排\n\n::: columns\n" + Self.chart("左图") + "::: column\n" + Self.chart("右图") + ":::\n\n下文。\n"
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        let bars = drawing.rects(Self.barColor, page: 1).filter { $0.height > 5 }.sorted { $0.x < $1.x }
        #expect(bars.count == 6)
        let left = Array(bars.prefix(3)), right = Array(bars.suffix(3))
        #expect(left.map(\.maxX).max()! < right.map(\.x).min()!, "x ranges disjoint")
        #expect(abs(left[0].y - right[0].y) < 0.01, "the tallest bars start at one height")
        let measure = (210 - 27 - 26.4) * 72 / 25.4
        #expect(right.map(\.maxX).max()! - left.map(\.x).min()! <= measure + 0.5, "both inside the text block")
        // The paragraph after the region starts below both figures and their captions.
        let after = try #require(drawing.runs(of: "下文。").first?.first)
        let captions = drawing.runs(of: "图1").map { $0[0].y } + drawing.runs(of: "图2").map { $0[0].y }
        #expect(captions.count == 2 && abs(captions[0] - captions[1]) < 0.01)
        #expect(after.y > captions.max()!)
        #expect(after.x < left[0].x, "back at the margin, with the first-line indent")
    }

    @Test func theRatioSetsTheColumnsWidths() throws {
        let markup = "::: columns 2:1\n" + Self.chart("宽") + "::: column\n" + Self.chart("窄") + ":::\n"
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        let bars = drawing.rects(Self.barColor, page: 1).filter { $0.height > 5 }.sorted { $0.x < $1.x }
        let wide = bars.prefix(3).map(\.width).max()!, narrow = bars.suffix(3).map(\.width).max()!
        #expect(wide > 1.6 * narrow, "bars of a chart twice as wide: \(wide) against \(narrow)")
    }

    @Test func aRegionThatDoesNotFitMovesToTheNextPageWhole() throws {
        let filler = Array(repeating: "正文段落占去版面的大部分高度，留下的空间放不下并排的两张图。", count: 20).joined()
        let tall = { (title: String) in Self.chart(title).replacingOccurrences(of: "kind: bar\n", with: "kind: bar\nheight: 120\n") }
        let markup = "# 标题\n\n" + filler + "\n\n::: columns\n" + tall("左图") + "::: column\n" + tall("右图") + ":::\n"
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        let pages = Set(drawing.rects(Self.barColor, page: 2).filter { $0.height > 5 }.map(\.page))
        #expect(drawing.rects(Self.barColor, page: 1).filter { $0.height > 5 }.isEmpty)
        #expect(pages == [2])
        #expect(drawing.rects(Self.barColor, page: 2).filter { $0.height > 5 }.count == 6)
    }

    @Test func aBoxShadesItsTextWithABarDownItsLeftEdge() throws {
        let markup = "# 标题\n\n::: box 本月点评\n门急诊量同比增长，运行平稳。\n:::\n"
        let drawing = try DrawingProbe(try StyleRender.markup(markup))
        let panel = try #require(drawing.rects(DrawingProbe.rgb("#F3F6FA"), page: 1).first)
        let bar = try #require(drawing.rects(Self.barColor, page: 1).first { $0.width < 5 })
        #expect(abs(bar.height - panel.height) < 0.01 && abs(bar.x - panel.x) < 0.01)
        for text in ["本月点评", "门急诊量"] {
            let glyph = try #require(drawing.runs(of: text, page: 1).first?.first)
            #expect(glyph.x > panel.x + 10 && glyph.y > panel.y && glyph.y < panel.y + panel.height, "\(text) inside the box")
        }
    }
}
