import Foundation
import HuibaoCore

/// One bar, or one segment of a stacked bar.
struct BarPiece {
    var series: Int
    var category: Int
    var rect: ChartRect
    var value: ChartValue
    /// The share of its category's total, in percent (100 % stacked bars).
    var share: Double?
    var negative: Bool
}

extension ColumnChart {
    // MARK: bars

    /// The bars of bar and combo charts: side by side (grouped) or stacked, from zero.
    func bars(_ f: Frame) -> [BarPiece] {
        guard spec.kind == .bar || spec.kind == .combo else { return [] }
        let series = leftSeries
        var pieces: [BarPiece] = []
        if spec.stacked {
            let w = min(f.slot * 0.56, 44)
            for c in spec.categories.indices {
                var above = 0.0, below = 0.0
                let total = series.compactMap { spec.series[$0].values[c]?.double }.reduce(0, +)
                for s in series {
                    guard let v = spec.series[s].values[c] else { continue }
                    var d = v.double
                    var share: Double?
                    if spec.percent {
                        d = total > 0 ? d / total * 100 : 0
                        share = d
                    }
                    let base = d >= 0 ? above : below
                    let top = base + d
                    if d >= 0 { above = top } else { below = top }
                    let y0 = f.y(base, f.left), y1 = f.y(top, f.left)
                    pieces.append(BarPiece(series: s, category: c, rect: ChartRect(x: f.x(c) - w / 2, y: min(y0, y1), width: w, height: abs(y1 - y0)),
                                           value: v, share: share, negative: d < 0))
                }
            }
            return pieces
        }
        let (group, gap, w) = Self.groupGeometry(slot: f.slot, bars: series.count)
        let zero = f.y(0, f.left)
        for c in spec.categories.indices {
            for (k, s) in series.enumerated() {
                guard let v = spec.series[s].values[c] else { continue }
                let y = f.y(v.double, f.left)
                let x = f.x(c) - group / 2 + Double(k) * (w + gap)
                pieces.append(BarPiece(series: s, category: c, rect: ChartRect(x: x, y: min(y, zero), width: w, height: abs(zero - y)),
                                       value: v, share: nil, negative: v.double < 0))
            }
        }
        return pieces
    }

    /// Grouped bars: the group's width in its slot, the gap between bars, each bar's width.
    static func groupGeometry(slot: Double, bars m: Int) -> (group: Double, gap: Double, bar: Double) {
        let n = Double(max(m, 1))
        let group = min(slot * (m == 1 ? 0.56 : 0.74), m == 1 ? 40 : 26 * n)
        let gap = m > 1 ? min(1.5, group * 0.04) : 0
        return (group, gap, (group - gap * (n - 1)) / n)
    }

    func seriesMarks(_ f: Frame) throws -> [ChartMark] {
        var marks: [ChartMark] = []
        if spec.kind == .area { marks += areas(f) }
        let pieces = bars(f)
        for p in pieces where p.rect.height > 0.01 {
            marks.append(.rect(p.rect, fill: look(ofSeries: p.series).color))
        }
        if spec.stacked {
            // Thin white joints between the segments of a stack keep neighbours apart in grey.
            for p in pieces where p.rect.height > 0.01 {
                let y = p.negative ? p.rect.maxY : p.rect.y
                marks.append(.line([ChartPoint(x: p.rect.x, y: y), ChartPoint(x: p.rect.maxX, y: y)], color: ChartPalette.white, width: 0.6))
            }
        }
        return marks
    }

    // MARK: areas and lines

    /// Runs of consecutive categories that have a value (a missing value breaks a line).
    private func runs(_ values: [ChartValue?]) -> [[Int]] {
        var result: [[Int]] = [], run: [Int] = []
        for (c, v) in values.enumerated() {
            if v != nil { run.append(c) } else if !run.isEmpty { result.append(run); run = [] }
        }
        if !run.isEmpty { result.append(run) }
        return result
    }

    /// Cumulative tops of stacked areas: `tops[s][c]`.
    private func stackedTops() -> [[Double]] {
        var base = Array(repeating: 0.0, count: spec.categories.count)
        return spec.series.map { s in
            for c in base.indices { base[c] += s.values[c]?.double ?? 0 }
            return base
        }
    }

    private func areas(_ f: Frame) -> [ChartMark] {
        var marks: [ChartMark] = []
        let zero = f.y(0, f.left)
        if spec.stacked {
            let tops = stackedTops()
            for s in spec.series.indices {
                let upper = spec.categories.indices.map { ChartPoint(x: f.x($0), y: f.y(tops[s][$0], f.left)) }
                let lower = spec.categories.indices.reversed().map { ChartPoint(x: f.x($0), y: s == 0 ? zero : f.y(tops[s - 1][$0], f.left)) }
                marks.append(.polygon(upper + lower, fill: look(ofSeries: s).color, opacity: 1))
            }
            return marks
        }
        let opacity = spec.series.count == 1 ? 0.35 : 0.22
        for s in spec.series.indices {
            for run in runs(spec.series[s].values) where run.count > 1 {
                let top = run.map { ChartPoint(x: f.x($0), y: f.y(spec.series[s].values[$0]!.double, f.left)) }
                let base = [ChartPoint(x: f.x(run.last!), y: zero), ChartPoint(x: f.x(run.first!), y: zero)]
                marks.append(.polygon(top + base, fill: look(ofSeries: s).color, opacity: opacity))
            }
        }
        return marks
    }

    /// Lines of line charts, the tops of areas and the lines of a combo, with their markers.
    func lineMarks(_ f: Frame) throws -> [ChartMark] {
        var marks: [ChartMark] = []
        let series: [Int]
        switch spec.kind {
        case .line, .area: series = Array(spec.series.indices)
        case .combo: series = rightSeries
        default: return []
        }
        let tops = spec.kind == .area && spec.stacked ? stackedTops() : nil
        let showMarkers = spec.options.markers ?? (spec.kind != .area)
        let markerSize = spec.categories.count > 24 ? 3.5 : 5
        for s in series {
            let look = look(ofSeries: s)
            let scale = spec.series[s].axis == .right ? f.right ?? f.left : f.left
            let points = spec.categories.indices.map { c -> ChartPoint? in
                if let tops { return ChartPoint(x: f.x(c), y: f.y(tops[s][c], scale)) }
                return spec.series[s].values[c].map { ChartPoint(x: f.x(c), y: f.y($0.double, scale)) }
            }
            let pieces = tops != nil ? [Array(spec.categories.indices)] : runs(spec.series[s].values)
            for run in pieces {
                let line = run.compactMap { points[$0] }
                if tops != nil {
                    marks.append(.line(line, color: ChartPalette.white, width: 0.75))
                    continue
                }
                if isCombo { marks.append(.line(line, color: ChartPalette.white, width: look.lineWidth + 2.5)) }
                if line.count > 1 { marks.append(.line(line, color: look.color, width: look.lineWidth, dash: look.dash)) }
            }
            guard showMarkers, tops == nil else { continue }
            for p in points.compactMap({ $0 }) {
                marks.append(.marker(p, shape: look.marker, size: markerSize, fill: look.hollow ? ChartPalette.white : look.color,
                                     stroke: look.color, lineWidth: look.hollow ? 1.25 : 0.75))
            }
        }
        return marks
    }
}
