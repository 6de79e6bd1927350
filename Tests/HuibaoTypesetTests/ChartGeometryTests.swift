import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import HuibaoTypeset

/// Bars, segments, points and progress fills measured in the finished PDF: every length is
/// proportional to its value on the axis as drawn (grid lines and tick labels read back from
/// the file), within 0.5 pt.
@Suite struct ChartGeometryTests {
    static let tolerance = 0.5

    /// Horizontal grid lines on `page` with the tick label beside each: value → y.
    func valueAxis(_ pdf: PDFProbe, _ h: ChartHarness, page: Int = 1, right: Bool = false) throws -> MeasuredAxis {
        let grid = try pdf.paths().filter {
            !$0.filled && $0.page == page && $0.hasColor(h.style.chart.gridColor) && $0.points.count == 2 && abs($0.points[0].y - $0.points[1].y) < 0.01
        }
        let left = try #require(grid.map { min($0.points[0].x, $0.points[1].x) }.min())
        let end = try #require(grid.map { max($0.points[0].x, $0.points[1].x) }.max())
        let ys = grid.map(\.points[0].y)
        let glyphs = try pdf.glyphBoxes()
        let labels = MeasuredAxis.read(glyphs, page: page, xRange: right ? (end + 1)...10_000 : 0...(left - 1),
                                       yRange: (ys.min()! - 10)...(ys.max()! + 10))
        // Each label sits on its grid line: take the line's exact y.
        let ticks = try labels.ticks.map { tick -> (Double, Double) in
            let y = try #require(ys.min { abs($0 - tick.y) < abs($1 - tick.y) })
            #expect(abs(y - tick.y) < 1, "tick label \(tick.value) is \(abs(y - tick.y)) pt off its grid line")
            return (tick.value, y)
        }
        #expect(ticks.count >= 3)
        return MeasuredAxis(ticks: ticks)
    }

    @Test func barHeightsAreProportionalToTheValuesAndStandOnTheZeroLine() throws {
        let h = try ChartHarness()
        let values = [12.5, 30, 7.25, 48, 21]
        let pdf = try h.render(ChartHarness.chart("kind: bar\ncategories: [甲, 乙, 丙, 丁, 戊]\nvalues: [12.5, 30, 7.25, 48, 21]"))
        let bars = try pdf.rects(h.firstColor)
        try #require(bars.count == 5)
        let axis = try valueAxis(pdf, h)
        for (bar, v) in zip(bars, values) {
            #expect(abs(bar.y + bar.height - axis.y(0)) <= Self.tolerance)
            #expect(abs(bar.height - v * axis.pointsPerUnit) <= Self.tolerance, "bar of \(v): \(bar.height) pt")
        }
        // Equal slots: the bars' centres are evenly spaced and each stands over its name.
        let centres = bars.map { $0.x + $0.width / 2 }
        let pitch = centres[1] - centres[0]
        for k in 1..<centres.count { #expect(abs(centres[k] - centres[k - 1] - pitch) <= Self.tolerance) }
        let glyphs = try pdf.glyphBoxes()
        for (name, centre) in zip(["甲", "乙", "丙", "丁", "戊"], centres) {
            let g = try #require(glyphs.first { String($0.char) == name })
            #expect(abs(g.center.x - centre) <= Self.tolerance, "\(name) is not centred under its bar")
        }
    }

    @Test func negativeBarsHangFromTheZeroLine() throws {
        let h = try ChartHarness()
        let values = [9.0, -6.0, 12.1, -2.4]
        let pdf = try h.render(ChartHarness.chart("kind: bar\ncategories: [甲, 乙, 丙, 丁]\nvalues: [9.0, -6.0, 12.1, -2.4]\nunit: \"%\""))
        let bars = try pdf.rects(h.firstColor)
        try #require(bars.count == 4)
        let axis = try valueAxis(pdf, h)
        #expect(axis.ticks.contains { $0.value < 0 })
        for (bar, v) in zip(bars, values) {
            let zeroEdge = v < 0 ? bar.y : bar.y + bar.height
            #expect(abs(zeroEdge - axis.y(0)) <= Self.tolerance)
            #expect(abs(bar.height - abs(v) * axis.pointsPerUnit) <= Self.tolerance)
        }
        // Their labels are below them: "-6.0%" under the bar of −6.
        let text = try pdf.compactText()
        #expect(text.contains("-6.0%") && text.contains("-2.4%"))
    }

    @Test func groupedBarsStandSideBySideInEachSlot() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart("""
            kind: bar
            categories: [东湖区, 西山区, 南湾区]
            series:
              - {name: 2024年, values: [1286.4, 968.2, 742.5]}
              - {name: 2025年, values: [1402.7, 1015.9, 698.3]}
            """))
        let axis = try valueAxis(pdf, h)
        let first = try pdf.rects(h.firstColor).filter { $0.height > 9 }
        let second = try pdf.rects(h.style.chart.palette[1]).filter { $0.height > 9 }
        try #require(first.count == 3 && second.count == 3)
        for (bar, v) in zip(first, [1286.4, 968.2, 742.5]) { #expect(abs(bar.height - v * axis.pointsPerUnit) <= Self.tolerance) }
        for (bar, v) in zip(second, [1402.7, 1015.9, 698.3]) { #expect(abs(bar.height - v * axis.pointsPerUnit) <= Self.tolerance) }
        for (a, b) in zip(first, second) {
            #expect(a.x + a.width <= b.x + 0.01, "2025 is right of 2024")
            #expect(b.x - (a.x + a.width) < 3, "a group's bars touch or nearly")
        }
    }

    @Test func stackedSegmentsSitOnEachOtherAndAddUp() throws {
        let h = try ChartHarness()
        let series = [[86.2, 94.5], [21.4, 23.0], [38.7, 35.2]]
        let pdf = try h.render(ChartHarness.chart("""
            kind: stacked
            categories: [第一季度, 第二季度]
            series:
              - {name: 网上, values: [86.2, 94.5]}
              - {name: 自助, values: [21.4, 23.0]}
              - {name: 窗口, values: [38.7, 35.2]}
            """))
        let axis = try valueAxis(pdf, h)
        let segments = try (0..<3).map { s in try pdf.rects(h.style.chart.palette[s]).filter { $0.height > 9 } }
        for c in 0..<2 {
            var base = axis.y(0)
            for s in 0..<3 {
                let r = segments[s][c]
                #expect(abs(r.y + r.height - base) <= Self.tolerance, "segment \(s) of category \(c) sits on the one below")
                #expect(abs(r.height - series[s][c] * axis.pointsPerUnit) <= Self.tolerance)
                base = r.y
            }
        }
    }

    @Test func percentStacksAllReachOneHundred() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart("""
            kind: stacked100
            categories: [东湖区, 西山区, 南湾区]
            series:
              - {name: 接口调用, values: [620, 410, 305]}
              - {name: 库表交换, values: [210, 230, 190]}
            """))
        let axis = try valueAxis(pdf, h)
        let a = try pdf.rects(h.firstColor).filter { $0.height > 9 }, b = try pdf.rects(h.style.chart.palette[1]).filter { $0.height > 9 }
        let shares: [Double] = [620.0 / 830, 410.0 / 640, 305.0 / 495]
        try #require(a.count == 3 && b.count == 3)
        for c in 0..<3 {
            let top: Double = b[c].y
            #expect(abs(top - axis.y(100)) <= Self.tolerance, "stack \(c) ends at 100%")
            let expected: Double = shares[c] * 100 * axis.pointsPerUnit
            #expect(abs(a[c].height - expected) <= Self.tolerance)
        }
        #expect(try pdf.compactText().contains("100%"))
    }

    @Test func horizontalBarWidthsAreProportionalFromTheZeroLine() throws {
        let h = try ChartHarness()
        let values = [2846.3, 1932.8, 455.9, -120]
        let pdf = try h.render(ChartHarness.chart("""
            kind: hbar
            categories: [市公安局人口与出入境管理支队, 市市场监督管理局, 市民政局, 市档案馆]
            values: [2846.3, 1932.8, 455.9, -120]
            """))
        let bars = try pdf.rects(h.firstColor).sorted { $0.y < $1.y }
        try #require(bars.count == 4)
        // The value axis along the bottom: vertical grid lines, labels centred under them.
        let grid = try pdf.paths().filter { !$0.filled && $0.hasColor(h.style.chart.gridColor) && $0.points.count == 2 }
        let xs = grid.map(\.points[0].x).sorted()
        let glyphs = try pdf.glyphBoxes()
        let bottom = try #require(grid.map { max($0.points[0].y, $0.points[1].y) }.max())
        var rows: [[GlyphBox]] = []
        for g in glyphs.filter({ $0.origin.y > bottom && $0.origin.y < bottom + 20 && "0123456789,-".contains($0.char) })
            .sorted(by: { $0.origin.x < $1.origin.x }) {
            if let last = rows.last?.last, g.origin.x - (last.origin.x + last.advance) < 1 { rows[rows.count - 1].append(g) } else { rows.append([g]) }
        }
        let ticks = try rows.map { row -> (value: Double, x: Double) in
            let value = try #require(Double(String(row.map(\.char)).replacingOccurrences(of: ",", with: "")))
            let mid = (row.first!.origin.x + row.last!.origin.x + row.last!.advance) / 2
            let x = try #require(xs.min { abs($0 - mid) < abs($1 - mid) })
            #expect(abs(x - mid) <= Self.tolerance, "tick label \(value) is centred under its grid line")
            return (value, x)
        }
        try #require(ticks.count >= 3)
        let perUnit = (ticks.last!.x - ticks.first!.x) / (ticks.last!.value - ticks.first!.value)
        let zero = ticks.first!.x - ticks.first!.value * perUnit
        for (bar, v) in zip(bars, values) {
            #expect(abs((v < 0 ? bar.x + bar.width : bar.x) - zero) <= Self.tolerance)
            #expect(abs(bar.width - abs(v) * perUnit) <= Self.tolerance, "bar of \(v)")
        }
        // Each name is right of nothing and left of its bar, at the bar's height.
        let name = try #require(glyphs.first { $0.char == "民" })
        #expect(name.origin.x < zero)
        #expect(abs(name.center.y - (bars[2].y + bars[2].height / 2)) < 1)
    }

    @Test func theComboLineFollowsItsOwnRightAxis() throws {
        let h = try ChartHarness()
        let growth = [5.2, -3.1, 6.8, 4.4, 3.9, 2.6]
        let pdf = try h.render(ChartHarness.chart("""
            kind: combo
            unit: 万人次
            categories: [1月, 2月, 3月, 4月, 5月, 6月]
            series:
              - {name: 门诊人次, values: [412.6, 356.8, 430.2, 425.9, 438.1, 421.7]}
              - {name: 同比增速, unit: "%", values: [5.2, -3.1, 6.8, 4.4, 3.9, 2.6]}
            """))
        let left = try valueAxis(pdf, h)
        let right = try valueAxis(pdf, h, right: true)
        #expect(right.ticks.contains { $0.value < 0 })
        // The right axis's ticks sit on the left axis's grid lines.
        #expect(Set(right.ticks.map { ($0.y * 10).rounded() }).isSubset(of: Set(left.ticks.map { ($0.y * 10).rounded() })))
        let bars = try pdf.rects(h.firstColor).filter { $0.height > 9 }
        for (bar, v) in zip(bars, [412.6, 356.8, 430.2, 425.9, 438.1, 421.7]) {
            #expect(abs(bar.height - v * left.pointsPerUnit) <= Self.tolerance)
        }
        let line = try #require(try pdf.paths().first { !$0.filled && $0.hasColor(h.style.chart.lineColor) && $0.points.count == growth.count })
        for (k, (p, v)) in zip(line.points, growth).enumerated() {
            #expect(abs(p.y - right.y(v)) <= Self.tolerance, "point \(k) at \(p.y), expected \(right.y(v))")
            #expect(abs(p.x - (bars[k].x + bars[k].width / 2)) <= Self.tolerance, "point \(k) above its bar")
        }
        let text = try pdf.compactText()
        #expect(text.contains("单位：万人次") && text.contains("单位：%"))
    }

    @Test func lineChartPointsAreOnTheAxisAndSkipMissingMonths() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart("""
            kind: line
            categories: [1月, 2月, 3月, 4月, 5月, 6月]
            series:
              - {name: 2025年, values: [19.5, 16.1, 21.2, ~, 23.0, 26.4]}
            """))
        let axis = try valueAxis(pdf, h)
        let strokes = try pdf.paths().filter { !$0.filled && $0.hasColor(h.firstColor) && $0.points.count >= 2 }
        // A missing April breaks the line in two: Jan–Mar and May–Jun.
        let runs = strokes.map(\.points.count).sorted()
        #expect(runs == [2, 3])
        for (p, v) in zip(strokes.flatMap(\.points).sorted { $0.x < $1.x }, [19.5, 16.1, 21.2, 23.0, 26.4]) {
            #expect(abs(p.y - axis.y(v)) <= Self.tolerance)
        }
    }

    @Test func progressFillsAreTheirShareOfTheTarget() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart("""
            kind: progress
            items:
              - {name: 一般公共预算收入, value: 86.42, target: 90, unit: 亿元}
              - {name: 公共数据开放数据集, value: 1260, target: 1500, unit: 个}
              - {name: 按时办结率, value: 96.2, target: 100, unit: "%"}
            """))
        let tracks = try pdf.rects(ProgressChart.track).sorted { $0.y < $1.y }
        let fills = try pdf.rects(h.firstColor).sorted { $0.y < $1.y }
        try #require(tracks.count == 3 && fills.count == 3)
        for (k, ratio) in [86.42 / 90, 1260.0 / 1500, 96.2 / 100].enumerated() {
            #expect(abs(fills[k].x - tracks[k].x) <= 0.01)
            #expect(abs(fills[k].width - ratio * tracks[k].width) <= Self.tolerance)
        }
        let text = try pdf.compactText()
        #expect(text.contains("86.42/90亿元") && text.contains("96.0%") && text.contains("1,260/1,500个") && text.contains("84.0%"))
    }

    @Test func aRateOverTheTargetRunsPastTheTargetTick() throws {
        let h = try ChartHarness()
        let pdf = try h.render(ChartHarness.chart("kind: progress\nitems:\n  - {name: 甲, value: 120, target: 100}\n  - {name: 乙, value: 50, target: 100}"))
        let tracks = try pdf.rects(ProgressChart.track).sorted { $0.y < $1.y }
        let fills = try pdf.rects(h.firstColor).sorted { $0.y < $1.y }
        try #require(tracks.count == 2 && fills.count == 2)
        #expect(abs(fills[0].width - 1.2 * tracks[0].width) <= Self.tolerance)
        #expect(abs(fills[1].width - 0.5 * tracks[1].width) <= Self.tolerance)
        #expect(try pdf.compactText().contains("120.0%"))
    }
}
