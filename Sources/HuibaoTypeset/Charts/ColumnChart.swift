import Foundation
import HuibaoCore

/// Charts over a horizontal category axis: bar (single, grouped, stacked, 100 %), line, area
/// and combo (bars on the left axis, lines on a right axis whose ticks share the left grid).
///
/// Layout: the unit titles on top, the plot, the category names under it, the legend at the
/// bottom. The plot's size depends on the labels around it and the labels on the plot's size
/// (ticks follow its height, names wrap or turn to its slots), so the fit is repeated until
/// it settles.
struct ColumnChart {
    let spec: ChartSpec
    let typesetter: ChartTypesetter
    let palette: ChartPalette
    let width: Double
    let height: Double

    var numbers: ChartNumbers { ChartNumbers(spec: spec) }
    var isCombo: Bool { spec.kind == .combo }
    /// Series on the left axis (all but a combo's lines).
    var leftSeries: [Int] { spec.series.indices.filter { spec.series[$0].axis == .left } }
    var rightSeries: [Int] { spec.series.indices.filter { spec.series[$0].axis == .right } }

    /// The finished geometry the series are drawn into.
    struct Frame {
        var plot: ChartRect
        var left: NiceScale
        var right: NiceScale?
        var categories: CategoryLabels
        var slot: Double { plot.width / Double(count) }
        var count: Int
        /// Room under the plot for the labels of negative bars, above the category names.
        var footroom: Double

        func y(_ v: Double, _ scale: NiceScale) -> Double { plot.maxY - scale.fraction(v) * plot.height }
        func x(_ category: Int) -> Double { plot.x + (Double(category) + 0.5) * slot }
    }

    func build() throws -> ChartDrawing {
        let legend = try makeLegend()
        let placement = spec.options.legend == .auto ? .bottom : spec.options.legend
        let legendBand = legend.map { placement == .top || placement == .bottom ? $0.height + 10 : 0 } ?? 0
        let legendColumn = legend.map { placement == .right ? $0.width + 14 : 0 } ?? 0

        let leftUnit = spec.percent ? nil : ChartNumbers.unitTitle(spec.unit)
        let rightUnit = isCombo ? ChartNumbers.unitTitle(rightSeries.first.flatMap { spec.series[$0].unit }) : nil
        let unitLabels = (try leftUnit.map { try typesetter.line($0) }, try rightUnit.map { try typesetter.line($0) })
        let unitRow = leftUnit != nil || rightUnit != nil ? typesetter.pitch + 4 : 0

        // Data labels depend on the bars' width, the bars on the plot, the plot on the room the
        // labels take: fitted together until nothing changes.
        var slot = (width - legendColumn - 50) / Double(spec.categories.count)
        var dataLabels = try makeDataLabels(slot: slot)
        var frame: Frame?
        var plotHeight = height - unitRow - typesetter.pitch - CategoryLabels.gap - legendBand - 2 * typesetter.pitch
        for _ in 0..<5 {
            let labelRoom = dataLabels.room()
            let headroom = max(typesetter.pitch / 2 + 1, labelRoom.above)
            let footroom = labelRoom.below
            let (left, right) = scales(plotHeight: plotHeight)
            let leftTicks = try left.ticks.map { try typesetter.line(numbers.tick($0, left, percentSuffix: spec.percent)) }
            let rightTicks = try right.map { r in try r.ticks.map { try typesetter.line(numbers.tick($0, r)) } } ?? []
            var plotLeft = (leftTicks.map(\.width).max() ?? 0) + 6
            let plotRight = width - legendColumn - (right != nil ? (rightTicks.map(\.width).max() ?? 0) + 6 : 4)
            var cats = try CategoryLabels(spec.categories, slot: (plotRight - plotLeft) / Double(spec.categories.count), typesetter: typesetter)
            if cats.leftOverhang > plotLeft {
                plotLeft = cats.leftOverhang + 2
                cats = try CategoryLabels(spec.categories, slot: (plotRight - plotLeft) / Double(spec.categories.count), typesetter: typesetter)
            }
            let newHeight = height - unitRow - headroom - footroom - cats.height - CategoryLabels.gap - legendBand
            let top = unitRow + headroom + (placement == .top ? legendBand : 0)
            frame = Frame(plot: ChartRect(x: plotLeft, y: top, width: plotRight - plotLeft, height: newHeight),
                          left: left, right: right, categories: cats, count: spec.categories.count, footroom: footroom)
            let newSlot = (plotRight - plotLeft) / Double(spec.categories.count)
            let settled = abs(newHeight - plotHeight) < 0.5 && abs(newSlot - slot) < 0.5
            plotHeight = newHeight
            if abs(newSlot - slot) >= 0.5 {
                slot = newSlot
                dataLabels = try makeDataLabels(slot: slot)
            }
            if settled { break }
        }
        guard let frame, frame.plot.height >= 40, frame.plot.width >= 40 else {
            throw HuibaoError(.layout, "the chart is too small for its labels (the plot would be under 40 pt)", at: spec.location,
                              hint: "make it taller (height: 90) or shorten the category names")
        }

        var marks: [ChartMark] = []
        marks += grid(frame)
        marks += try seriesMarks(frame)
        marks += zeroLine(frame)
        marks += try lineMarks(frame)
        marks += try dataLabels.marks(frame, chart: self)
        marks += try tickLabels(frame)
        marks += frame.categories.marks(plotLeft: frame.plot.x, slot: frame.slot, top: frame.plot.maxY + frame.footroom + CategoryLabels.gap)
        if let l = unitLabels.0 { marks.append(.text(PlacedLabel(label: l, origin: ChartPoint(x: 0, y: 0)))) }
        if let r = unitLabels.1 { marks.append(.text(PlacedLabel(label: r, origin: ChartPoint(x: width - legendColumn - r.width, y: 0)))) }
        if let legend {
            switch placement {
            case .top: marks += legend.marks(x: 0, y: unitRow, boxWidth: width)
            case .right: marks += legend.marks(x: width - legend.width, y: frame.plot.y, boxWidth: legend.width)
            default: marks += legend.marks(x: 0, y: height - legend.height, boxWidth: width)
            }
        }
        return ChartDrawing(width: width, height: height, marks: marks)
    }

    // MARK: scales

    /// The left scale, and a combo's right scale on the same grid lines. The combo's grid
    /// is the one (of three to eight intervals, none under 24 pt) on which both the bars
    /// and the line fill their axis best.
    private func scales(plotHeight: Double) -> (NiceScale, NiceScale?) {
        let left = leftScale(plotHeight: plotHeight)
        guard isCombo else { return (left, nil) }
        let (lo, hi) = leftRange()
        let values = rightSeries.flatMap { spec.series[$0].values.compactMap { $0?.double } }
        let rlo = min(0, values.min() ?? 0), rhi = max(0, values.max() ?? 1)
        var best = (left, rightScale(intervals: max(1, left.ticks.count - 1)), -1.0)
        let fixed = spec.options.min != nil || spec.options.max != nil
        for n in 3...8 where !fixed && plotHeight / Double(n) >= 24 {
            let l = NiceScale(dataMin: lo, dataMax: hi, includeZero: true, intervals: n)
            let intervals = l.ticks.count - 1
            guard intervals >= 2, plotHeight / Double(intervals) >= 24 else { continue }
            let r = rightScale(intervals: intervals)
            let fill = (max(hi, 0) - min(lo, 0)) / (l.hi - l.lo) + (rhi - rlo) / (r.hi - r.lo)
            if fill > best.2 + 1e-9 { best = (l, r, fill) }
        }
        return (best.0, best.1)
    }

    private func leftScale(plotHeight: Double) -> NiceScale {
        let intervals = min(8, max(2, Int(plotHeight / 38)))
        let fixedMin = spec.options.min.map { NSDecimalNumber(decimal: $0).doubleValue }
        let fixedMax = spec.options.max.map { NSDecimalNumber(decimal: $0).doubleValue }
        if spec.percent {
            return NiceScale(dataMin: 0, dataMax: 100, includeZero: true, maxIntervals: min(intervals, 5), fixedMin: 0, fixedMax: 100)
        }
        let (lo, hi) = leftRange()
        var includeZero = spec.kind != .line
        if spec.kind == .line {
            // A line need not start at zero, but a line well away from it reads as a big change
            // when it is not; zero is kept when the data come within half their size of it.
            includeZero = (lo >= 0 && lo <= hi * 0.5) || (hi <= 0 && hi >= lo * 0.5) || (lo < 0 && hi > 0)
        }
        return NiceScale(dataMin: lo, dataMax: hi, includeZero: includeZero, maxIntervals: intervals, fixedMin: fixedMin, fixedMax: fixedMax)
    }

    private func rightScale(intervals: Int) -> NiceScale {
        let values = rightSeries.flatMap { spec.series[$0].values.compactMap { $0?.double } }
        return NiceScale(dataMin: values.min() ?? 0, dataMax: values.max() ?? 1, includeZero: true, intervals: intervals)
    }

    /// The data's extent on the left axis: stacked kinds by their sums above and below zero.
    private func leftRange() -> (Double, Double) {
        let series = leftSeries.map { spec.series[$0] }
        if spec.stacked {
            var lo = 0.0, hi = 0.0
            for c in spec.categories.indices {
                let vs = series.compactMap { $0.values[c]?.double }
                hi = max(hi, vs.filter { $0 > 0 }.reduce(0, +))
                lo = min(lo, vs.filter { $0 < 0 }.reduce(0, +))
            }
            return (lo, hi)
        }
        let vs = series.flatMap { $0.values.compactMap { $0?.double } }
        return (vs.min() ?? 0, vs.max() ?? 1)
    }

    // MARK: axes

    private func grid(_ f: Frame) -> [ChartMark] {
        f.left.ticks.map { t in
            let y = f.y(NSDecimalNumber(decimal: t).doubleValue, f.left)
            return .line([ChartPoint(x: f.plot.x, y: y), ChartPoint(x: f.plot.maxX, y: y)], color: typesetter.style.gridColor, width: 0.5)
        }
    }

    /// The zero line (or the bottom of the plot when zero is not on the axis), over the bars.
    private func zeroLine(_ f: Frame) -> [ChartMark] {
        let y = f.left.includesZero ? f.y(0, f.left) : f.plot.maxY
        return [.line([ChartPoint(x: f.plot.x, y: y), ChartPoint(x: f.plot.maxX, y: y)], color: typesetter.style.axisColor, width: 0.8)]
    }

    private func tickLabels(_ f: Frame) throws -> [ChartMark] {
        var marks: [ChartMark] = []
        for t in f.left.ticks {
            let label = try typesetter.line(numbers.tick(t, f.left, percentSuffix: spec.percent))
            let y = f.y(NSDecimalNumber(decimal: t).doubleValue, f.left)
            marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: f.plot.x - 6 - label.width, y: y - label.pitch / 2))))
        }
        if let right = f.right {
            for t in right.ticks {
                let label = try typesetter.line(numbers.tick(t, right))
                let y = f.y(NSDecimalNumber(decimal: t).doubleValue, right)
                marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: f.plot.maxX + 6, y: y - label.pitch / 2))))
            }
        }
        return marks
    }

    // MARK: legend

    func look(ofSeries i: Int) -> SeriesLook {
        switch spec.kind {
        case .line: return palette.line(i)
        case .area:
            var look = palette.line(i)
            look.kind = .area
            return look
        case .combo:
            if let k = rightSeries.firstIndex(of: i) { return palette.comboLine(k, after: leftSeries.count) }
            return SeriesLook(kind: .bar, color: palette.color(leftSeries.firstIndex(of: i) ?? i))
        default:
            return SeriesLook(kind: .bar, color: palette.color(i))
        }
    }

    private func makeLegend() throws -> ChartLegend? {
        guard spec.options.legend != .none, spec.series.count > 1 || (spec.options.legend != .auto && !spec.series[0].name.isEmpty) else {
            return nil
        }
        let entries = try spec.series.indices.map { i in
            ChartLegend.Entry(look: look(ofSeries: i), label: try typesetter.line(spec.series[i].name, at: spec.series[i].location))
        }
        return ChartLegend(entries: entries, typesetter: typesetter, maxWidth: width, vertical: spec.options.legend == .right)
    }
}
