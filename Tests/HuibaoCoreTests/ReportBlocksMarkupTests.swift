import Foundation
import Testing
@testable import HuibaoCore

/// ```kpis``` blocks: indicators read with their values, units and changes, and the errors
/// a clerk's KPI list gets.
@Suite struct KPIMarkupTests {
    @Test func aListBodyGivesOneItemPerIndicatorWithItsChangeAndArrow() throws {
        let block = try kpis("""
            - {label: 门急诊人次, value: 4862.7, unit: 万人次, change: 5.2, change_unit: "%"}
            - {label: 基层诊疗量占比, value: 53.1, unit: "%", change: -0.3, change_unit: 个百分点}
            - {label: 平均住院日, value: 6.8, unit: 天, change: 0, change_unit: 天}
            - {label: 数据安全事件, value: 0, unit: 起}
            """)
        #expect(block.items.map(\.label) == ["门急诊人次", "基层诊疗量占比", "平均住院日", "数据安全事件"])
        #expect(block.items.map(\.value) == ["4,862.7", "53.1", "6.8", "0"])
        #expect(block.items.map(\.direction) == [.up, .down, .flat, nil])
        #expect(block.items.map(\.changeText) == ["▲5.2%", "▼0.3个百分点", "持平", nil])
    }

    @Test func ratesOfChangeArePrintedToOnePlaceAndOtherChangesAsWritten() throws {
        let block = try kpis("""
            - {label: 甲, value: 1, change: 5, change_unit: "%"}
            - {label: 乙, value: 1, change: 2, change_unit: 个}
            - {label: 丙, value: 1, change: 5.25, change_unit: "%", change_decimals: 1}
            """)
        #expect(block.items.map(\.changeText) == ["▲5.0%", "▲2个", "▲5.3%"])
    }

    @Test func aMappingBodyGivesColumnsCompareAndDecimalsToAllItems() throws {
        let block = try kpis("""
            columns: 3
            compare: 比上年
            decimals: 1
            items:
              - {label: 归集量, value: 312, unit: 亿条, change: 29.3, change_unit: "%"}
              - {label: 用证率, value: "83.6", unit: "%", change: 5.4, change_unit: 个百分点, compare: 同比}
            """)
        #expect(block.columns == 3)
        #expect(block.items.map(\.value) == ["312.0", "83.6"])
        #expect(block.items.map(\.compare) == ["比上年", "同比"])
    }

    @Test func aRateWithoutAChangeUnitIsAnErrorAtItsChange() throws {
        let error = try #require(markupError("# 指标\n\n```kpis\n- {label: 网办率, value: 96.8, unit: \"%\", change: 3.3}\n```\n"))
        #expect(error.message.contains("needs `change_unit:`"))
        #expect(error.location?.line == 4)
        #expect(error.hint?.contains("个百分点") == true)
    }

    @Test func anUnknownKeyIsReportedAtItsLine() throws {
        let error = try #require(markupError("```kpis\n- label: 甲\n  value: 1\n  chnage: 2\n```\n"))
        #expect(error.message.contains("unknown key 'chnage'"))
        #expect(error.location?.line == 4)
    }

    @Test func anItemWithoutAValueIsAnError() throws {
        let error = try #require(markupError("```kpis\n- {label: 甲}\n```\n"))
        #expect(error.message.contains("needs `value:`"))
        #expect(error.location?.line == 2)
    }

    private func kpis(_ body: String) throws -> KPIBlock {
        let doc = try MarkupParser.parse("```kpis\n" + body + "\n```\n", file: "report.md")
        guard case .kpis(let block) = try #require(doc.blocks.first) else {
            Issue.record("no kpis block")
            throw HuibaoError(.markup, "no kpis block")
        }
        return block
    }
}

/// `:::` regions: columns and boxes, what may stand in them, and their errors.
@Suite struct RegionMarkupTests {
    @Test func aColumnsRegionSplitsItsBlocksAtEachColumnMarker() throws {
        let doc = try MarkupParser.parse("""
            # 议题

            ::: columns 3:2
            第一栏的段落。

            ```chart
            kind: bar
            values: [1, 2]
            categories: [甲, 乙]
            ```
            ::: column
            - 要点一
            - 要点二
            :::

            后面的段落。
            """, file: "report.md")
        #expect(doc.blocks.count == 3)
        guard case .columns(let region) = doc.blocks[1] else { Issue.record("no columns region"); return }
        #expect(region.widths == [3, 2])
        #expect(region.columns.count == 2)
        #expect(region.columns[0].count == 2)
        if case .chart = region.columns[0][1] {} else { Issue.record("the chart is not in the first column") }
        if case .list(let list) = region.columns[1][0] { #expect(list.items.count == 2) } else { Issue.record("no list") }
        #expect(region.location.line == 3)
        if case .paragraph = doc.blocks[2] {} else { Issue.record("the region does not end at :::") }
    }

    @Test func columnsWithoutARatioAreEqual() throws {
        let doc = try MarkupParser.parse("::: columns\n甲。\n::: column\n乙。\n::: column\n丙。\n:::\n", file: "r.md")
        guard case .columns(let region) = doc.blocks[0] else { Issue.record("no columns region"); return }
        #expect(region.widths == [1, 1, 1])
    }

    @Test func aBoxKeepsItsTitleAndMayStandInAColumn() throws {
        let doc = try MarkupParser.parse("""
            ::: columns
            甲。
            ::: column
            ::: box 请市政府协调事项
            一是资金；二是数据。
            :::
            :::
            """, file: "r.md")
        guard case .columns(let region) = doc.blocks[0], case .box(let box) = region.columns[1][0] else {
            Issue.record("no box in the second column")
            return
        }
        #expect(box.title?.plainText == "请市政府协调事项")
        #expect(box.blocks.count == 1)
    }

    @Test func aRegionLineEndsTheParagraphAboveIt() throws {
        let doc = try MarkupParser.parse("一段话\n::: box\n框里。\n:::\n", file: "r.md")
        #expect(doc.blocks.count == 2)
        if case .box = doc.blocks[1] {} else { Issue.record("no box") }
    }

    @Test func footnotesInsideARegionMustBeDefined() throws {
        let error = try #require(markupError("::: box\n见注[^a]。\n:::\n"))
        #expect(error.message.contains("[^a] is never defined"))
    }

    @Test(arguments: [
        ("::: columns\n# 标题\n::: column\n乙。\n:::\n", "a heading cannot stand inside a region", 2),
        ("::: columns\n甲。\n::: column\n乙。\n", "never closed", 1),
        ("甲。\n::: column\n", "none is open here", 2),
        (":::\n", "none is open", 1),
        ("::: columns 3:2:1\n甲。\n::: column\n乙。\n:::\n", "gives 3 widths", 1),
        ("::: columns\n甲。\n:::\n", "two columns at least", 1),
        ("::: columns 3-2\n甲。\n::: column\n乙。\n:::\n", "not a ratio", 1),
        ("::: box\n::: box\n甲。\n:::\n:::\n", "inside another box", 2),
        ("::: box\n::: columns\n甲。\n::: column\n乙。\n:::\n:::\n", "inside another region", 2),
        ("::: panel\n甲。\n:::\n", "unknown region", 1),
    ] as [(String, String, Int)])
    func aMisplacedRegionLineIsAnErrorAtItsLine(_ source: String, _ message: String, _ line: Int) throws {
        let error = try #require(markupError(source))
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == line)
    }
}

private func markupError(_ source: String) -> HuibaoError? {
    do {
        _ = try MarkupParser.parse(source, file: "report.md")
        return nil
    } catch let error as HuibaoError {
        return error
    } catch {
        return HuibaoError(.markup, "unexpected \(error)")
    }
}
