import Foundation
import HuibaoTestSupport
import Testing
import HuibaoCore

/// The samples measured as GB/T 9704-2012 measures a document: margins and text block, the
/// 28 × 22 grid, the 发文机关标志 and the red separator, page numbers, the 版记's rules.
@Suite struct GongwenGeometryTests {
    typealias H = GongwenHarness

    @Test(arguments: H.Sample.allCases)
    func theTextBlockStartsTwentyEightMillimetresInAndThirtySevenDown(_ sample: H.Sample) throws {
        let pdf = try H.render(sample)
        // Page 2 starts with body text: its first line's em box sits on the block's top edge.
        let first = try #require(pdf.bodyBaselines(page: 2).first)
        #expect(abs(first - 16 * 0.88 - H.top) < 0.05, "first em box top at \((first - 16 * 0.88) / H.mm) mm")
        let lefts = pdf.glyphs.filter { $0.page == 2 && abs($0.sizeY - 16) < 0.05 }.map(\.x)
        #expect(abs((lefts.min() ?? 0) - H.left) < 0.05)
        for page in 1...pdf.pageCount {
            for g in pdf.glyphs where g.page == page && abs(g.sizeY - 16) < 0.05 {
                // A mark at a line end may be set at half its width: its glyph box reaches out.
                let ink = "，。、；：？！”’）》〕".contains(g.char) ? g.sizeX / 2 : g.advance
                #expect(g.x >= H.left - 0.05 && g.x + ink <= H.right + 0.3, "\(g.char) on page \(page) at \(g.x) outside the block")
                #expect(g.y - 0.88 * 16 >= H.top - 0.05 && g.y + 0.12 * 16 <= H.bottom + 0.05, "\(g.char) on page \(page) above or below")
            }
        }
    }

    @Test func aFullPageHoldsTwentyTwoLinesOnTheGrid() throws {
        let pdf = try H.render(.notice)
        let baselines = pdf.bodyBaselines(page: 1).filter { $0 > H.baseline(12) - 1 }
        let last = try #require(baselines.last)
        #expect(abs(last - H.baseline(22)) < 0.05, "the last line is the 22nd")
        #expect(abs(last + 0.12 * 16 - H.bottom) < 0.05, "its em box ends on the block's bottom edge")
        for y in baselines {
            let k = (y - H.baseline(1)) / H.pitch
            #expect(abs(k - k.rounded()) < 0.01, "a line off the grid at \(y)")
        }
    }

    /// Three paragraphs of 公文 prose with quotes, book-title marks, enumerations and numbers.
    static let prose = """
        各地区各部门要坚持把数据质量作为数据工作的生命线，健全数据采集、校核、更新和纠错的全流程管理制度，推动数据质量问题由“事后纠错”向“源头治理”转变。要落实数据源头部门的主体责任，凡是由本部门采集的数据，一律由本部门负责更新和纠错，不得推诿扯皮。对群众和企业反映的数据错误，要建立快速响应机制，做到件件有回音、事事有着落。

        各级数据资源管理部门要按照《江临市公共数据管理办法》的规定，定期组织开展数据质量评估，评估结果向社会公开，接受群众监督。对数据质量长期不达标的单位，要约谈其主要负责同志，督促限期整改；情节严重的，按照有关规定追究责任。要把数据质量纳入年度考核，考核结果作为评先评优的重要依据。

        今年以来，全市共归集政务数据12.6亿条，比上年增长18.3%，共享调用次数达到3.2亿次。下一步，我们将聚焦人口、法人、电子证照等基础数据，持续开展数据治理专项行动，力争到年底数据准确率达到99%以上，为“高效办成一件事”提供有力支撑。
        """

    @Test func fullLinesHoldTwentyEightCharactersAtAPitchOfAOneTwentyEighthOfTheBlock() throws {
        let pdf = try H.render(markup: H.notice(Self.prose))
        let noStart = Set("，。、；：？！”’）》〕"), noEnd = Set("“‘（《〔")
        var full = 0
        let lines = (1...pdf.pageCount).flatMap { page in pdf.bodyBaselines(page: page).map { pdf.line(page: page, baseline: $0) } }.filter { abs($0[0].sizeY - 16) < 0.05 }
        for (index, line) in lines.enumerated().dropLast() {
            let next = lines[index + 1]
            // Non-final lines of a paragraph: the next line is not a paragraph's indented start.
            guard abs(next[0].x - H.left) < 0.05, line.allSatisfy({ !$0.char.isASCII }) else { continue }
            let indent = Int(((line[0].x - H.left) / H.cell).rounded())
            let count = line.count + indent
            let pushed = next.count > 1 && noStart.contains(next[1].char) || noEnd.contains(next[0].char)
            #expect(count == 28 || (count == 27 && pushed), "\(count): \(String(line.map(\.char)))")
            full += 1
            // Between two Han characters the pitch is one cell plus the line's share of the
            // slack a compressed mark left: the same all along the line.
            let han = zip(line, line.dropFirst()).filter { !noStart.contains($0.char) && !noEnd.contains($0.char)
                && !noStart.contains($1.char) && !noEnd.contains($1.char) }.map { $1.x - $0.x }
            #expect((han.max() ?? 0) - (han.min() ?? 0) < 0.02 && (han.min() ?? H.cell) >= H.cell - 0.02)
        }
        #expect(full >= 5, "\(full) full lines")
    }

    @Test func theMastheadIsRedCentredAndItsTopThirtyFiveMillimetresUnderTheBlockTop() throws {
        let pdf = try H.render(.notice)
        let masthead = try #require(pdf.find("江临市数据资源管理局文件", page: 1))
        #expect(masthead.allSatisfy { pdf.isRed($0.color) && $0.font.contains("Serif") && $0.font.contains("Bold") })
        let size = masthead[0].sizeY
        #expect(abs(masthead[0].y - 0.88 * size - (H.top + 35 * H.mm)) < 0.05)
        let l = masthead.first!.x, r = masthead.last!.x + masthead.last!.sizeX
        #expect(abs((l + r) / 2 - (H.left + H.right) / 2) < 0.05, "centred")
        #expect(r - l <= 150 * H.mm + 0.05, "narrowed to fit")
    }

    @Test func theRedSeparatorIsAsWideAsTheBlockAndFourMillimetresUnderTheDocumentNumber() throws {
        let pdf = try H.render(.notice)
        let rule = try #require(pdf.strokes.first { $0.page == 1 && pdf.isRed($0.color) && $0.isHorizontalLine })
        #expect(abs(rule.points[0].x - H.left) < 0.05 && abs(rule.length - 156 * H.mm) < 0.05)
        #expect(abs(rule.width - 0.5 * H.mm) < 0.01)
        let number = try #require(pdf.find("江数资〔2025〕6号", page: 1))
        let emBottom = number[0].y + 0.12 * 16
        #expect(abs(rule.points[0].y - rule.width / 2 - emBottom - 4 * H.mm) < 0.05, "its top 4 mm under the 发文字号")
        let middle = (number.first!.x + number.last!.x + number.last!.sizeX) / 2
        #expect(abs(middle - (H.left + H.right) / 2) < 0.5, "the 发文字号 is centred")
    }

    @Test func theTitleIsCentredTwoBlankLinesUnderTheRedLine() throws {
        let pdf = try H.render(.notice)
        let title = try #require(pdf.find("江临市数据资源管理局关于开展2025年度", page: 1))
        #expect(title.allSatisfy { abs($0.sizeY - 22) < 0.05 && $0.font.contains("Bold") })
        let l = title.first!.x, r = title.last!.x + 22
        #expect(abs((l + r) / 2 - (H.left + H.right) / 2) < 0.5)
        let rule = try #require(pdf.strokes.first { $0.page == 1 && pdf.isRed($0.color) })
        let gap = title[0].y - 0.88 * 22 - rule.points[0].y
        #expect(gap > 1.5 * H.pitch && gap < 2.5 * H.pitch, "two 行 between the red line and the title: \(gap / H.pitch)")
    }

    @Test(arguments: H.Sample.allCases)
    func pageNumbersAreDashedSevenMillimetresUnderTheBlockOnTheOuterSideOneCharacterIn(_ sample: H.Sample) throws {
        let pdf = try H.render(sample)
        for page in 1...pdf.pageCount {
            let folio = pdf.glyphs.filter { $0.page == page && $0.y > H.bottom + 10 }.sorted { $0.x < $1.x }
            let text = String(folio.map(\.char)).replacingOccurrences(of: " ", with: "")
            #expect(text == "—\(page)—", "page \(page): \(text)")
            guard let first = folio.first, let last = folio.last else { continue }
            #expect(folio.allSatisfy { abs($0.sizeY - 14) < 0.05 && $0.font.contains("NotoSerifCJK") }, "4号宋体")
            // The 一字线 (the em box's middle, where the dash sits) 7 mm under the block.
            #expect(abs(first.y - 0.38 * 14 - H.bottom - 7 * H.mm) < 0.05)
            if page % 2 == 1 {
                #expect(abs(H.right - last.right - 14) < 0.3, "odd page \(page): right, one character in")
            } else {
                #expect(abs(first.x - H.left - 14) < 0.3, "even page \(page): left, one character in")
            }
        }
    }

    @Test func theBanjiSitsOnTheLastEvenPageBetweenThickAndThinRulesEndingOnTheBlockBottom() throws {
        let pdf = try H.render(.notice)
        #expect(pdf.pageCount % 2 == 0)
        let rules = pdf.strokes.filter { $0.page == pdf.pageCount && $0.isHorizontalLine && $0.length > 150 * H.mm
            && $0.points[0].y > H.bottom - 4 * H.pitch }.sorted { $0.points[0].y < $1.points[0].y }
        #expect(rules.count == 3)
        #expect(rules.allSatisfy { abs($0.length - 156 * H.mm) < 0.05 && abs($0.points[0].x - H.left) < 0.05 })
        #expect(rules.allSatisfy { $0.color.allSatisfy { $0 == 0 } }, "black")
        #expect(abs(rules[0].width - 0.35 * H.mm) < 0.01 && abs(rules[2].width - 0.35 * H.mm) < 0.01, "first and last thick")
        #expect(abs(rules[1].width - 0.25 * H.mm) < 0.01, "the middle one thin")
        #expect(abs(rules[2].points[0].y - H.bottom) < 0.05, "the last on the block's bottom edge")
        let cc = try #require(pdf.find("抄送：", page: pdf.pageCount))
        #expect(abs(cc[0].sizeY - 14) < 0.05 && cc[0].font.contains("Fandol"))
        #expect(abs(cc[0].x - H.left - 14) < 0.05, "抄送 one character in")
        #expect(cc[0].y > rules[0].points[0].y && cc[0].y < rules[1].points[0].y)
        let printed = try #require(pdf.find("2025年3月12日印发", page: pdf.pageCount))
        #expect(abs(printed.last!.x + 14 - (H.right - 14)) < 0.05, "印发日期 one character in from the right")
        #expect(printed[0].y > rules[1].points[0].y && printed[0].y < rules[2].points[0].y)
    }
}
