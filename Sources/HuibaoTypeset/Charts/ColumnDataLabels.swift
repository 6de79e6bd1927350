import Foundation
import HuibaoCore

extension ColumnChart {
    /// The data labels for bars in slots `slot` wide: a label wider than the distance to the
    /// next bar is set smaller, turned upright when even that does not fit, and left out when
    /// the bars are too narrow for upright labels.
    func makeDataLabels(slot: Double) throws -> ColumnDataLabels {
        let none = ColumnDataLabels(labels: [], size: typesetter.size, rotated: false, inside: false)
        guard numbers.showsLabels else { return none }
        let inside = spec.stacked && spec.kind != .area
        let texts: [[String?]] = spec.series.indices.map { s in
            let series = spec.series[s]
            return spec.categories.indices.map { c in
                guard let v = series.values[c] else { return nil }
                if spec.percent {
                    let total = leftSeries.compactMap { spec.series[$0].values[c]?.double }.reduce(0, +)
                    return numbers.percent(total > 0 ? v.double / total * 100 : 0)
                }
                return numbers.value(v, in: series)
            }
        }
        func compose(_ size: Double) throws -> [[ChartLabel?]] {
            try texts.map { row in try row.map { try $0.map { try typesetter.line($0, size: size) } } }
        }
        var size = typesetter.size
        var labels = try compose(size)
        var rotated = false
        let barLike = (spec.kind == .bar || spec.kind == .combo) && !spec.stacked
        if barLike {
            let bars = leftSeries
            let g = Self.groupGeometry(slot: slot, bars: bars.count)
            let room = bars.count == 1 ? slot - 4 : g.bar + g.gap - 2
            func widest(_ l: [[ChartLabel?]]) -> Double { bars.compactMap { s in l[s].compactMap { $0?.width }.max() }.max() ?? 0 }
            if widest(labels) > room {
                size = max(7, typesetter.size - 1.5)
                labels = try compose(size)
                if widest(labels) > room {
                    guard g.bar + g.gap >= size * ChartTypesetter.pitchRatio else { return none }
                    rotated = true
                }
            }
        }
        // Stacked areas carry no point labels: their tops are sums, not the series' values.
        if spec.stacked && spec.kind == .area { return none }
        let lines = spec.series.indices.filter { spec.kind == .line || spec.kind == .area || spec.series[$0].axis == .right }
        let negative = spec.series.map { $0.values.map { ($0?.double ?? 0) < 0 } }
        return ColumnDataLabels(labels: labels, size: size, rotated: rotated, inside: inside, lineSeries: Set(lines), negative: negative)
    }
}

/// The numbers written on bars, points and segments.
struct ColumnDataLabels {
    /// `labels[series][category]`.
    var labels: [[ChartLabel?]]
    var size: Double
    /// Upright labels above narrow bars.
    var rotated: Bool
    /// Inside the segments of stacked bars.
    var inside: Bool
    /// Series drawn as lines: labels above their points.
    var lineSeries: Set<Int> = []
    /// `negative[series][category]`: the value is below zero.
    var negative: [[Bool]] = []

    var isEmpty: Bool { labels.isEmpty }
    private var pitch: Double { size * ChartTypesetter.pitchRatio }
    private var widest: Double { labels.flatMap { $0.compactMap { $0?.width } }.max() ?? 0 }

    /// Room the labels need above the plot (over the tallest bar or point) and below it
    /// (under the deepest negative bar).
    func room() -> (above: Double, below: Double) {
        guard !isEmpty, !inside else { return (0, 0) }
        let one = rotated ? widest + 4 : pitch + 3
        let anyNegative = negative.enumerated().contains { s, row in !lineSeries.contains(s) && row.contains(true) }
        return (lineSeries.isEmpty ? one : max(one, pitch + 6), anyNegative ? one : 0)
    }

    func marks(_ f: ColumnChart.Frame, chart: ColumnChart) throws -> [ChartMark] {
        guard !isEmpty else { return [] }
        var marks: [ChartMark] = []
        for p in chart.bars(f) {
            guard let label = labels[p.series][p.category] else { continue }
            if inside {
                // Inside the segment when it fits; a segment too small for its number stays unlabelled.
                guard p.rect.height >= label.pitch, label.width <= p.rect.width - 2 else { continue }
                let fill = chart.look(ofSeries: p.series).color
                let colored = try chart.typesetter.line(label.text, size: size, color: chart.palette.text(on: fill))
                marks.append(.text(PlacedLabel(label: colored, origin: ChartPoint(x: p.rect.midX - colored.width / 2, y: p.rect.midY - colored.pitch / 2))))
                continue
            }
            let cx = p.rect.midX
            if rotated {
                if p.negative {
                    let pivot = ChartPoint(x: cx, y: p.rect.maxY + 3)
                    marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: pivot.x - label.width, y: pivot.y - label.pitch / 2),
                                                   rotation: .pi / 2, pivot: pivot)))
                } else {
                    let pivot = ChartPoint(x: cx, y: p.rect.y - 3)
                    marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: pivot.x, y: pivot.y - label.pitch / 2),
                                                   rotation: .pi / 2, pivot: pivot)))
                }
            } else {
                let top = p.negative ? p.rect.maxY + 2 : p.rect.y - 2 - label.pitch
                marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: cx - label.width / 2, y: top))))
            }
        }
        // Point labels go above their point, or below it when that would cover a label
        // already placed; a label with no free place is left out rather than overprinted.
        var taken = marks.compactMap { mark -> ChartRect? in if case .text(let p) = mark { return p.bounds } else { return nil } }
        for s in lineSeries.sorted() {
            let scale = chart.spec.series[s].axis == .right ? f.right ?? f.left : f.left
            for c in chart.spec.categories.indices {
                guard let label = labels[s][c], let v = chart.spec.series[s].values[c] else { continue }
                let y = f.y(v.double, scale)
                let x = f.x(c) - label.width / 2
                for top in [y - 5 - label.pitch, y + 5] {
                    let placed = PlacedLabel(label: label, origin: ChartPoint(x: x, y: top))
                    guard !taken.contains(where: { $0.intersects(placed.bounds, margin: 2) }) else { continue }
                    if chart.isCombo {
                        // Over the bars of a combo the number stands on a white plate, so it reads in grey print.
                        let b = placed.bounds
                        marks.append(.rect(ChartRect(x: b.x - 1.5, y: b.y - 1, width: b.width + 3, height: b.height + 2), fill: ChartPalette.white))
                    }
                    marks.append(.text(placed))
                    taken.append(placed.bounds)
                    break
                }
            }
        }
        return marks
    }
}
