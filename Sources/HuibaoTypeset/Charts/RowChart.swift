import Foundation
import HuibaoCore

/// Horizontal bars (hbar): one row per category, names right-aligned on the left (wrapped
/// when long), the value axis along the bottom, data labels at the bar ends. Grouped,
/// stacked and 100 % stacked like the vertical kind. Without a given height the chart is as
/// tall as its rows need.
struct RowChart {
    let spec: ChartSpec
    let typesetter: ChartTypesetter
    let palette: ChartPalette
    let width: Double
    let height: Double?

    private var numbers: ChartNumbers { ChartNumbers(spec: spec) }

    func build() throws -> ChartDrawing {
        let n = spec.categories.count, m = spec.series.count
        let pitch = typesetter.pitch
        let legend = try makeLegend()
        let legendBand = legend.map { $0.height + 10 } ?? 0
        let unit = spec.percent ? nil : try ChartNumbers.unitTitle(spec.unit).map { try typesetter.line($0) }
        let unitRow = unit != nil ? pitch + 4 : pitch / 2

        // Category names: at most 30 % of the width, wrapped and right-aligned.
        let natural = try spec.categories.map { try typesetter.line($0.text, at: $0.location).width }.max() ?? 0
        let column = min(natural, width * 0.3)
        let names = try spec.categories.map { try typesetter.wrapped($0.text, measure: column, align: .right, at: $0.location) }
        let column2 = max(column, names.map(\.width).max() ?? 0)
        let lines = names.map(\.lineCount).max() ?? 1

        let labels = try dataLabels()
        let widest = labels.flatMap { $0.compactMap { $0?.width } }.max() ?? 0
        let inside = spec.stacked
        let anyNegative = spec.series.contains { $0.values.contains { ($0?.double ?? 0) < 0 } }
        let rightPad = !labels.isEmpty && !inside ? widest + 6 : 8
        let negativePad = !labels.isEmpty && !inside && anyNegative ? widest + 6 : 0
        let plotLeft = column2 + 8 + negativePad
        let plotRight = width - rightPad
        guard plotRight - plotLeft >= 60 else {
            throw HuibaoError(.layout, "the chart is too narrow for its category names and labels", at: spec.location,
                              hint: "make it wider or shorten the category names")
        }

        let tickRow = pitch + 4
        let minBand = max(Double(lines) * pitch + 8, spec.stacked || m == 1 ? 22 : 10 * Double(m) + 10)
        let plotHeight: Double
        if let height {
            plotHeight = height - unitRow - tickRow - legendBand
            guard plotHeight / Double(n) >= Double(lines) * pitch + 2 else {
                throw HuibaoError(.layout, "the chart is too short for \(n) rows of names (each needs \(Int(Double(lines) * pitch + 2)) pt)",
                                  at: spec.location, hint: "leave out height: (the chart then takes the height its rows need)")
            }
        } else {
            plotHeight = minBand * Double(n)
        }
        let totalHeight = height ?? (unitRow + plotHeight + tickRow + legendBand)
        let plot = ChartRect(x: plotLeft, y: unitRow, width: plotRight - plotLeft, height: plotHeight)
        let scale = try valueScale(plotWidth: plot.width)
        func x(_ v: Double) -> Double { plot.x + scale.fraction(v) * plot.width }
        let band = plot.height / Double(n)

        var marks: [ChartMark] = []
        for t in scale.ticks {
            let tx = x(NSDecimalNumber(decimal: t).doubleValue)
            marks.append(.line([ChartPoint(x: tx, y: plot.y), ChartPoint(x: tx, y: plot.maxY)], color: typesetter.style.gridColor, width: 0.5))
            let label = try typesetter.line(numbers.tick(t, scale, percentSuffix: spec.percent))
            marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: tx - label.width / 2, y: plot.maxY + 4))))
        }

        // Bars.
        var pieces: [(s: Int, c: Int, rect: ChartRect, negative: Bool)] = []
        let zero = x(0)
        for c in 0..<n {
            let mid = plot.y + (Double(c) + 0.5) * band
            if spec.stacked {
                let thick = min(band * 0.62, 24)
                var above = 0.0, below = 0.0
                let total = spec.series.compactMap { $0.values[c]?.double }.reduce(0, +)
                for s in 0..<m {
                    guard var d = spec.series[s].values[c]?.double else { continue }
                    if spec.percent { d = total > 0 ? d / total * 100 : 0 }
                    let base = d >= 0 ? above : below
                    if d >= 0 { above += d } else { below += d }
                    let x0 = x(base), x1 = x(base + d)
                    pieces.append((s, c, ChartRect(x: min(x0, x1), y: mid - thick / 2, width: abs(x1 - x0), height: thick), d < 0))
                }
            } else {
                let group = m == 1 ? min(band * 0.62, 24) : min(band * 0.76, 16 * Double(m))
                let gap = m > 1 ? min(1.5, group * 0.04) : 0
                let thick = (group - gap * Double(m - 1)) / Double(m)
                for s in 0..<m {
                    guard let v = spec.series[s].values[c]?.double else { continue }
                    let y = mid - group / 2 + Double(s) * (thick + gap)
                    pieces.append((s, c, ChartRect(x: min(zero, x(v)), y: y, width: abs(x(v) - zero), height: thick), v < 0))
                }
            }
            let name = names[c]
            marks.append(.text(PlacedLabel(label: name, origin: ChartPoint(x: column2 - name.measure, y: mid - name.height / 2))))
        }
        for p in pieces where p.rect.width > 0.01 { marks.append(.rect(p.rect, fill: palette.color(p.s))) }
        if spec.stacked {
            for p in pieces where p.rect.width > 0.01 {
                let jx = p.negative ? p.rect.x : p.rect.maxX
                marks.append(.line([ChartPoint(x: jx, y: p.rect.y), ChartPoint(x: jx, y: p.rect.maxY)], color: ChartPalette.white, width: 0.6))
            }
        }
        let axisX = scale.includesZero ? zero : plot.x
        marks.append(.line([ChartPoint(x: axisX, y: plot.y), ChartPoint(x: axisX, y: plot.maxY)], color: typesetter.style.axisColor, width: 0.8))

        // Data labels: after the bar end (before it for negative bars); inside stacked segments.
        for p in pieces {
            guard !labels.isEmpty, let label = labels[p.s][p.c] else { continue }
            let top = p.rect.midY - label.pitch / 2
            if inside {
                guard label.width <= p.rect.width - 3, p.rect.height >= label.sizePt else { continue }
                let colored = try typesetter.line(label.text, size: label.sizePt, color: palette.text(on: palette.color(p.s)))
                marks.append(.text(PlacedLabel(label: colored, origin: ChartPoint(x: p.rect.midX - colored.width / 2, y: top))))
            } else if p.negative {
                marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: p.rect.x - 3 - label.width, y: top))))
            } else {
                marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: p.rect.maxX + 3, y: top))))
            }
        }
        if let unit { marks.append(.text(PlacedLabel(label: unit, origin: ChartPoint(x: width - unit.width, y: 0)))) }
        if let legend { marks += legend.marks(x: 0, y: totalHeight - legend.height, boxWidth: width) }
        return ChartDrawing(width: width, height: totalHeight, marks: marks)
    }

    /// Ticks along the bottom: as many as fit with their labels apart.
    private func valueScale(plotWidth: Double) throws -> NiceScale {
        var intervals = min(8, max(2, Int(plotWidth / 55)))
        while true {
            let scale: NiceScale
            if spec.percent {
                scale = NiceScale(dataMin: 0, dataMax: 100, includeZero: true, maxIntervals: min(intervals, 5), fixedMin: 0, fixedMax: 100)
            } else {
                let (lo, hi) = range()
                scale = NiceScale(dataMin: lo, dataMax: hi, includeZero: true, maxIntervals: intervals,
                                  fixedMin: spec.options.min.map { NSDecimalNumber(decimal: $0).doubleValue },
                                  fixedMax: spec.options.max.map { NSDecimalNumber(decimal: $0).doubleValue })
            }
            let widest = try scale.ticks.map { try typesetter.line(numbers.tick($0, scale, percentSuffix: spec.percent)).width }.max() ?? 0
            let spacing = plotWidth / Double(max(scale.ticks.count - 1, 1))
            if widest + 8 <= spacing || intervals <= 2 { return scale }
            intervals -= 1
        }
    }

    private func range() -> (Double, Double) {
        if spec.stacked {
            var lo = 0.0, hi = 0.0
            for c in spec.categories.indices {
                let vs = spec.series.compactMap { $0.values[c]?.double }
                hi = max(hi, vs.filter { $0 > 0 }.reduce(0, +))
                lo = min(lo, vs.filter { $0 < 0 }.reduce(0, +))
            }
            return (lo, hi)
        }
        let vs = spec.series.flatMap { $0.values.compactMap { $0?.double } }
        return (vs.min() ?? 0, vs.max() ?? 1)
    }

    private func dataLabels() throws -> [[ChartLabel?]] {
        guard numbers.showsLabels else { return [] }
        return try spec.series.map { series in
            try spec.categories.indices.map { c in
                guard let v = series.values[c] else { return nil }
                if spec.percent {
                    let total = spec.series.compactMap { $0.values[c]?.double }.reduce(0, +)
                    return try typesetter.line(numbers.percent(total > 0 ? v.double / total * 100 : 0))
                }
                return try typesetter.line(numbers.value(v, in: series))
            }
        }
    }

    private func makeLegend() throws -> ChartLegend? {
        guard spec.options.legend != .none, spec.series.count > 1 || spec.options.legend != .auto else { return nil }
        let entries = try spec.series.indices.map { i in
            ChartLegend.Entry(look: SeriesLook(kind: .bar, color: palette.color(i)), label: try typesetter.line(spec.series[i].name, at: spec.series[i].location))
        }
        return ChartLegend(entries: entries, typesetter: typesetter, maxWidth: width, vertical: false)
    }
}
