import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import HuibaoTypeset

/// Chart text read back from the PDF: every label the chart drew can be extracted, it is set
/// in the chart's font role and embedded, no two glyphs overlap anywhere in the gallery, and
/// text a font cannot show is an error at its place in the markup.
@Suite struct ChartTextTests {
    static let gallery = ProjectPaths.root + "/samples/chart-gallery"

    /// One chart of each kind, with units, legends, negative values and data labels.
    static let kinds: [String] = [
        "kind: bar\nunit: \"%\"\ncategories: [东湖区, 西山区, 南湾区]\nvalues: [9.0, 4.9, -6.0]",
        "kind: bar\nunit: 万元\ncategories: [东湖区, 临江经济技术开发区]\nseries:\n  - {name: 2024年, values: [1286.4, 533]}\n  - {name: 2025年, values: [1402.7, 621.4]}",
        "kind: hbar\nunit: 万次\ncategories: [市公安局人口与出入境管理支队, 市民政局]\nvalues: [2846.3, 455.9]",
        "kind: stacked\nunit: 万件\ncategories: [第一季度, 第二季度]\nseries:\n  - {name: 网上办理, values: [86.2, 94.5]}\n  - {name: 窗口办理, values: [38.7, 35.2]}\noptions: {labels: true}",
        "kind: stacked100\ncategories: [东湖区, 西山区]\nseries:\n  - {name: 接口调用, values: [620, 410]}\n  - {name: 文件传输, values: [70, 96]}\noptions: {labels: true}",
        "kind: line\nunit: 万件\ncategories: [1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月]\nseries:\n  - {name: 2024年, values: [18.2, 15.6, 19.8, 20.4, 21.9, 24.6, 27.3, 28.1, 23.5, 21.0, 19.7, 20.8]}\n  - {name: 2025年, values: [19.5, 16.1, 21.2, 22.8, 23.0, 26.4, 29.8, 30.5, 25.1, 22.6, 20.9, 22.3]}",
        "kind: area\nunit: 万核时\ncategories: [1月, 2月, 3月]\nseries:\n  - {name: 市级部门, values: [120, 126, 131]}\n  - {name: 区县, values: [48, 50, 55]}\noptions: {stacked: true}",
        "kind: pie\ncategories: [社会保障, 市场监管, 其他]\nvalues: [1842, 1536, 233]",
        "kind: donut\nunit: 万元\ncategories: [基础设施, 应用系统]\nvalues: [4860, 3920]",
        "kind: combo\nunit: 万人次\ncategories: [1月, 2月, 3月]\nseries:\n  - {name: 门诊人次, values: [412.6, 356.8, 430.2]}\n  - {name: 同比增速, unit: \"%\", values: [5.2, -3.1, 6.8]}\noptions: {labels: true}",
        "kind: progress\nitems:\n  - {name: 一般公共预算收入, value: 86.42, target: 90, unit: 亿元}",
        "kind: bar\nunit: 件\ncategories: [东湖街道, 西山街道, 南湾街道, 北岭镇, 青石镇, 白沙镇, 临江街道, 望海街道, 桃源乡, 柳溪镇, 石门镇, 金桥街道, 新港街道, 龙泉镇, 云岭乡, 高新区管委会]\nvalues: [18620, 15230, 12875, 9640, 7325, 6980, 14410, 11260, 4315, 6120, 5870, 13045, 10390, 7760, 3620, 16880]",
    ]

    func drawings(_ laidOut: LaidOutDocument) -> [ChartDrawing] {
        laidOut.pages.flatMap(\.items).compactMap { item in
            if case .drawing(let d, _, _) = item { return d as? ChartDrawing }
            return nil
        }
    }

    @Test(arguments: kinds.indices)
    func everyLabelTickAndLegendTextTheChartDrawsCanBeExtracted(_ index: Int) throws {
        let h = try ChartHarness()
        let markup = ChartHarness.chart(Self.kinds[index] + "\ntitle: 测试图表\nsource: 江临市统计局")
        let laidOut = try h.layout(markup)
        let drawing = try #require(drawings(laidOut).first)
        let path = try ProjectPaths.temporaryDirectory() + "/kind\(index).pdf"
        try PDFWriter().write(laidOut, to: path)
        let text = try PDFProbe(path).compactText()
        let labels = drawing.labels.map { $0.label.text.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        #expect(labels.count >= 3)
        for label in labels {
            #expect(text.contains(label), "'\(label)' is drawn but pdftotext does not give it back")
        }
        #expect(text.contains("图1测试图表"))
        #expect(text.contains("资料来源：江临市统计局"))
    }

    @Test func legendsNameEverySeriesAndUnitsStandAboveTheAxis() throws {
        let h = try ChartHarness()
        let text = try h.render(ChartHarness.chart(Self.kinds[1])).compactText()
        #expect(text.contains("2024年") && text.contains("2025年"))
        #expect(text.contains("单位：万元"))
        // Ticks are grouped like the number filter: 1,500.
        #expect(text.contains("1,500") || text.contains("1,000"))
    }

    @Test func chartTextIsSetInTheChartRoleAndEmbedded() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart(Self.kinds[1]))
        let fonts = try pdf.fonts()
        #expect(fonts.allSatisfy { $0.embedded && $0.subset })
        let glyphs = try pdf.glyphs()
        for name in ["东", "湖", "2", "年"] {
            let g = try #require(glyphs.first { String($0.char) == name && $0.size < 10 })
            #expect(g.font.contains("NotoSansCJKsc"), "'\(name)' is set in \(g.font), not the 黑体 role")
            #expect(abs(g.size - h.style.chart.sizePt) < 0.01)
        }
        let caption = try #require(glyphs.first { $0.char == "图" })
        #expect(caption.font.contains("NotoSansCJKsc") && abs(caption.size - 10.5) < 0.01)
    }

    @Test func rotatedCategoryNamesAreTurnedAndStillExtractable() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart(Self.kinds[11]))
        let turned = try pdf.glyphBoxes().filter { $0.char == "街" }
        #expect(!turned.isEmpty)
        for g in turned {
            // 45°: up and to the right.
            #expect(abs(g.direction.x - 0.7071) < 0.01 && abs(g.direction.y + 0.7071) < 0.01)
        }
        let text = try pdf.compactText()
        for name in ["东湖街道", "高新区管委会", "云岭乡"] { #expect(text.contains(name)) }
    }

    @Test func noTwoGlyphsOfTheGalleryOverlapAndNoneLeavesTheTextBlock() throws {
        let h = try ChartHarness()
        let markup = try String(contentsOfFile: Self.gallery + "/gallery.md", encoding: .utf8)
        let document = try MarkupParser.parse(markup, file: "gallery.md")
        let laidOut = try DocumentLayout(style: h.style, composer: ParagraphComposer(fonts: h.fonts), baseDirectory: Self.gallery).layout(document)
        #expect(drawings(laidOut).count >= 12)
        let path = try ProjectPaths.temporaryDirectory() + "/gallery.pdf"
        try PDFWriter().write(laidOut, to: path)
        let glyphs = try PDFProbe(path).glyphBoxes()
        let left = h.style.page.textLeftPt, right = left + h.style.page.textWidthPt
        for g in glyphs {
            for c in g.corners {
                #expect(c.x >= left - 0.5 && c.x <= right + 0.5, "'\(g.char)' on page \(g.page) reaches outside the text block (x \(c.x))")
            }
        }
        // Chart text is the small text (labels 9 pt, captions 10.5 pt); body lines are checked by the composer tests.
        let small = glyphs.filter { $0.size < 11 }
        #expect(small.count > 1000)
        var overlaps: [String] = []
        for page in Set(small.map(\.page)) {
            let onPage = small.filter { $0.page == page }
            for i in onPage.indices {
                for j in onPage.indices where j > i && onPage[i].overlaps(onPage[j]) {
                    overlaps.append("p\(page) '\(onPage[i].char)'@\(Int(onPage[i].origin.x)),\(Int(onPage[i].origin.y)) × '\(onPage[j].char)'@\(Int(onPage[j].origin.x)),\(Int(onPage[j].origin.y))")
                }
            }
        }
        #expect(overlaps.isEmpty, "\(overlaps.prefix(10))")
    }

    /// Charts that crowd their labels: long numbers on narrow bars, three series with labels,
    /// 40 categories, a dozen pie slices most of them tiny, a combo with every label on.
    static let crowded: [String] = [
        "kind: bar\ncategories: [甲区, 乙区, 丙区, 丁区, 戊区, 己区, 庚区, 辛区, 壬区, 癸区, 子区, 丑区]\nvalues: [1234567.89, 2345678.12, 345678.5, 4567890.25, 567890.75, 678901.5, 789012.25, 890123.5, 901234.75, 1012345.5, 1123456.25, 1234567.5]",
        "kind: bar\ncategories: [东湖区, 西山区, 南湾区, 北岭县]\nseries:\n  - {name: 2023年, values: [1286.4, 968.2, 742.5, 415.8]}\n  - {name: 2024年, values: [1352.1, 990.4, 720.0, 440.2]}\n  - {name: 2025年, values: [1402.7, 1015.9, 698.3, 466.1]}\noptions: {labels: true, legend: right}",
        "kind: line\ncategories: [" + (1...40).map { "D\($0)" }.joined(separator: ", ") + "]\nvalues: [" + (1...40).map { String(5 + $0 % 9) }.joined(separator: ", ") + "]\noptions: {labels: true}",
        "kind: pie\ncategories: [社会保障, 市场监管, 自然资源, 交通运输, 卫生健康, 教育, 文化旅游, 农业农村, 水利, 气象, 地震, 其他]\nvalues: [1842, 1536, 980, 766, 702, 415, 120, 95, 60, 40, 22, 233]",
        "kind: combo\nunit: 亿元\ncategories: [2021年, 2022年, 2023年, 2024年, 2025年]\nseries:\n  - {name: 收入, values: [62.4, 68.1, 73.9, 80.2, 86.4]}\n  - {name: 支出, values: [70.1, 74.6, 79.8, 84.3, 90.0]}\n  - {name: 收入增速, unit: \"%\", values: [6.1, 9.1, 8.5, 8.5, 7.7], axis: right}\noptions: {labels: true}",
        "kind: hbar\nunit: 万件\ncategories: [东湖区, 西山区, 南湾区]\nseries:\n  - {name: 网上办理, values: [86.2, 94.5, 60.1]}\n  - {name: 自助终端, values: [21.4, 23.0, 10.2]}\n  - {name: 窗口办理, values: [38.7, 35.2, 40.0]}\noptions: {stacked: true, labels: true}",
        "kind: bar\ncategories: [Shanghai-Pudong-International, Beijing-Capital-International, Guangzhou-Baiyun, Shenzhen-Baoan]\nvalues: [76.2, 65.3, 63.2, 52.9]",
    ]

    @Test(arguments: crowded.indices)
    func crowdedLabelsNeverOverlap(_ index: Int) throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart(Self.crowded[index]), name: "crowded\(index)")
        let glyphs = try pdf.glyphBoxes()
        var overlaps: [String] = []
        for i in glyphs.indices {
            for j in glyphs.indices where j > i && glyphs[i].page == glyphs[j].page && glyphs[i].overlaps(glyphs[j]) {
                overlaps.append("'\(glyphs[i].char)'@\(Int(glyphs[i].origin.x)),\(Int(glyphs[i].origin.y)) × '\(glyphs[j].char)'@\(Int(glyphs[j].origin.x)),\(Int(glyphs[j].origin.y))")
            }
        }
        #expect(overlaps.isEmpty, "\(overlaps.prefix(10))")
        let left = h.style.page.textLeftPt, right = left + h.style.page.textWidthPt
        #expect(glyphs.allSatisfy { g in g.corners.allSatisfy { $0.x >= left - 0.5 && $0.x <= right + 0.5 } })
    }

    @Test func theOverlapCheckSeesTurnedAndUprightGlyphsThatCollide() {
        let upright = GlyphBox(char: "甲", origin: (100, 100), direction: (1, 0), advance: 9, size: 9, page: 1)
        let next = GlyphBox(char: "乙", origin: (109, 100), direction: (1, 0), advance: 9, size: 9, page: 1)
        let below = GlyphBox(char: "丙", origin: (100, 111.7), direction: (1, 0), advance: 9, size: 9, page: 1)
        let turned = GlyphBox(char: "丁", origin: (98, 104), direction: (0.7071, -0.7071), advance: 9, size: 9, page: 1)
        #expect(!upright.overlaps(next) && !upright.overlaps(below))
        #expect(upright.overlaps(turned))
    }

    @Test func aCharacterNoFontHasIsAnErrorAtItsCategory() throws {
        let h = try ChartHarness()
        let e = try #require(h.error(ChartHarness.chart("kind: bar\ncategories: [东湖区, \"西\u{E000}区\"]\nvalues: [1, 2]")))
        #expect(e.kind == .font)
        #expect(e.message.contains("U+E000"))
        #expect(e.location == HuibaoCore.SourceLocation(file: "report.md", line: 3, column: 19))
    }

    @Test func captionAndSourceFollowTheDrawingOnItsPage() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart("kind: bar\ntitle: 各区县收入\nsource: 江临市财政局\nnote: 按可比口径计算\ncategories: [甲, 乙]\nvalues: [3, 4]"))
        let lines = try pdf.lines()
        let bars = try pdf.rects(h.firstColor)
        let caption = try #require(lines.first { $0.text.hasPrefix("图1") })
        let source = try #require(lines.first { $0.text.hasPrefix("资料来源：") })
        let note = try #require(lines.first { $0.text.hasPrefix("注：") })
        #expect(caption.text == "图1各区县收入")
        #expect(caption.y > (bars.map { $0.y + $0.height }.max() ?? 0) + 10)
        #expect(source.y > caption.y && note.y > source.y)
        // Centred caption (五号), source at the figure's left edge (小五).
        let middle = h.style.page.textLeftPt + h.style.page.textWidthPt / 2
        let first = caption.glyphs.first!, last = caption.glyphs.last!
        #expect(abs((first.x + last.x + last.width) / 2 - middle) < 1)
        #expect(abs(source.glyphs[0].x - h.style.page.textLeftPt) < 0.5 && abs(source.glyphs[0].size - 9) < 0.01)
    }

    @Test func aFigureThatDoesNotFitMovesToTheNextPageWithItsHeading() throws {
        let h = try ChartHarness()
        let filler = String(repeating: "各地区各部门认真贯彻落实数据资源管理工作部署，推动公共数据共享开放取得明显成效。", count: 14)
        let markup = filler + "\n\n# 图表一节\n\n" + ChartHarness.chart("kind: bar\ntitle: 放不下的图\nheight: 110\ncategories: [甲, 乙]\nvalues: [3, 4]")
        let laidOut = try h.layout(markup)
        try #require(laidOut.pages.count == 2)
        let second = laidOut.pages[1].items
        #expect(second.contains { if case .drawing = $0 { return true } else { return false } })
        #expect(!laidOut.pages[0].items.contains { if case .drawing = $0 { return true } else { return false } })
        // The heading went with its figure.
        #expect(laidOut.outline.first?.pageIndex == 1)
    }

    @Test func aChartTooSmallForItsLabelsIsAnErrorAtItsFence() throws {
        let h = try ChartHarness()
        let e = try #require(h.error("前文。\n\n" + ChartHarness.chart("kind: bar\nheight: 20\nunit: 万元\ncategories: [甲, 乙]\nseries:\n  - {name: 一, values: [1, 2]}\n  - {name: 二, values: [1, 2]}")))
        #expect(e.location == HuibaoCore.SourceLocation(file: "report.md", line: 3, column: 1))
        #expect(e.message.contains("too small"))
    }

    @Test func anErrorInTheChartStopsTheLayoutWithItsPlace() throws {
        let h = try ChartHarness()
        let e = try #require(h.error("前文。\n\n" + ChartHarness.chart("kind: bar\ncategories: [甲, 乙]\nvalues: [1, 二]")))
        #expect(e.location == HuibaoCore.SourceLocation(file: "report.md", line: 6, column: 13))
        #expect(e.message.contains("must be a number"))
    }

    @Test func chartsReadTheTemplateDataByPath() throws {
        let h = try ChartHarness()
        let data = try DataLoader.load(text: "hospital:\n  monthly:\n    - {month: 1月, visits: 412.6}\n    - {month: 2月, visits: 356.8}\n",
                                       file: "data.yaml", format: .yaml)
        let pdf = try h.render(ChartHarness.chart("kind: bar\ndata: hospital.monthly\nx: month\ny: visits"), data: data)
        let bars = try pdf.rects(h.firstColor)
        try #require(bars.count == 2)
        #expect(abs(bars[0].height / bars[1].height - 412.6 / 356.8) < 0.01)
        let text = try pdf.compactText()
        #expect(text.contains("1月") && text.contains("412.6"))
    }
}
