import Foundation
import HuibaoCore

/// Pie and donut charts: slices clockwise from 12 o'clock in the data's order, white joints,
/// each slice named with its share outside the circle on a leader line (labels on each side
/// pushed apart so that none overlap). A donut shows the total in its hole. With
/// `labels: false` the names and shares go into a legend beside the pie instead.
struct PieChart {
    let spec: ChartSpec
    let typesetter: ChartTypesetter
    let palette: ChartPalette
    let width: Double
    let height: Double

    private var numbers: ChartNumbers { ChartNumbers(spec: spec) }

    private struct Slice {
        var index: Int
        var start: Double
        var end: Double
        var share: Double
        var mid: Double { (start + end) / 2 }
    }

    func build() throws -> ChartDrawing {
        let series = spec.series[0]
        let values = series.values.map { $0?.double ?? 0 }
        let total = values.reduce(0, +)
        var slices: [Slice] = []
        var angle = 0.0
        for (i, v) in values.enumerated() {
            let sweep = v / total * 2 * .pi
            slices.append(Slice(index: i, start: angle, end: angle + sweep, share: v / total * 100))
            angle += sweep
        }
        let texts = slices.map { spec.categories[$0.index].text + " " + numbers.percent($0.share) }
        let direct = numbers.showsLabels
        let labels = try slices.map { try typesetter.line(texts[$0.index], at: spec.categories[$0.index].location) }
        let pitch = typesetter.pitch

        var marks: [ChartMark] = []
        let widest = labels.map(\.width).max() ?? 0
        let legend: ChartLegend? = direct ? nil : ChartLegend(
            entries: slices.map { ChartLegend.Entry(look: SeriesLook(kind: .bar, color: palette.color($0.index)), label: labels[$0.index]) },
            typesetter: typesetter, maxWidth: width, vertical: true)
        let radius: Double
        let center: ChartPoint
        if let legend {
            radius = min(height / 2 - 4, (width - legend.width - 30) / 2, 110)
            let block = 2 * radius + 24 + legend.width
            center = ChartPoint(x: (width - block) / 2 + radius, y: height / 2)
            marks += legend.marks(x: center.x + radius + 24, y: height / 2 - legend.height / 2, boxWidth: legend.width)
        } else {
            radius = min(height / 2 - pitch, width / 2 - widest - Self.column - 4, 110)
            center = ChartPoint(x: width / 2, y: height / 2)
        }
        guard radius >= 30 else {
            throw HuibaoError(.layout, "the \(spec.kind.rawValue) chart is too small for its labels", at: spec.location,
                              hint: "make it larger, or shorten the category names")
        }
        let inner = spec.kind == .donut ? radius * 0.56 : 0
        for s in slices where s.end - s.start > 1e-9 {
            marks.append(.wedge(center: center, outer: radius, inner: inner, start: s.start, end: s.end, fill: palette.color(s.index),
                                stroke: ChartPalette.white, strokeWidth: slices.count > 1 ? 1 : 0))
        }
        if direct { marks += try leaderLabels(slices, labels, center: center, radius: radius) }
        // A donut's hole shows the total, unless the values are already shares (a unit of %).
        if spec.kind == .donut, spec.unit != "%" { marks += try hole(total: series, center: center, inner: inner) }
        return ChartDrawing(width: width, height: height, marks: marks)
    }

    /// Names outside the circle, in a column on each side: each as high as its slice's
    /// middle, pushed apart so that neighbours keep a line's distance, joined to its slice by
    /// a short radial stub and a straight leader. Sorted by height and kept in order, the
    /// leaders never cross each other or a label.
    private func leaderLabels(_ slices: [Slice], _ labels: [ChartLabel], center: ChartPoint, radius: Double) throws -> [ChartMark] {
        let pitch = typesetter.pitch
        var marks: [ChartMark] = []
        for right in [true, false] {
            var side = slices.filter { (sin($0.mid) >= 0) == right }
            side.sort { -cos($0.mid) < -cos($1.mid) }
            var ys = side.map { center.y - cos($0.mid) * (radius + Self.stub) }
            for k in ys.indices.dropFirst() where ys[k] < ys[k - 1] + pitch { ys[k] = ys[k - 1] + pitch }
            if let last = ys.last, last > height - pitch / 2 {
                ys[ys.count - 1] = height - pitch / 2
                for k in ys.indices.dropLast().reversed() where ys[k] > ys[k + 1] - pitch { ys[k] = ys[k + 1] - pitch }
            }
            if let first = ys.first, first < pitch / 2 {
                let shift = pitch / 2 - first
                ys = ys.map { $0 + shift }
            }
            let column = center.x + (right ? 1 : -1) * (radius + Self.column)
            for (k, s) in side.enumerated() {
                let label = labels[s.index]
                let edge = ChartPoint(x: center.x + sin(s.mid) * radius, y: center.y - cos(s.mid) * radius)
                let stub = ChartPoint(x: center.x + sin(s.mid) * (radius + Self.stub), y: center.y - cos(s.mid) * (radius + Self.stub))
                let end = ChartPoint(x: column, y: ys[k])
                marks.append(.line([edge, stub, end], color: typesetter.style.axisColor, width: 0.5))
                let x = right ? column + 3 : column - 3 - label.width
                marks.append(.text(PlacedLabel(label: label, origin: ChartPoint(x: x, y: ys[k] - label.pitch / 2))))
            }
        }
        return marks
    }

    /// Leader geometry: the radial stub out of the slice, and where the label column stands.
    static let stub = 7.0
    static let column = 22.0

    /// 合计 and the total in a donut's hole, when they fit.
    private func hole(total series: ChartSeries, center: ChartPoint, inner: Double) throws -> [ChartMark] {
        let sum = series.values.compactMap { $0?.decimal }.reduce(Decimal(0), +)
        let unit = spec.unit ?? ""
        let value = try typesetter.line(ChartNumberFormat.text(sum, decimals: numbers.decimals(series), grouping: spec.options.grouping) + unit,
                                 size: typesetter.size + 1.5)
        let caption = try typesetter.line("合计")
        guard value.width <= inner * 1.7 else { return [] }
        let top = center.y - (caption.pitch + value.pitch) / 2
        return [.text(PlacedLabel(label: caption, origin: ChartPoint(x: center.x - caption.width / 2, y: top))),
                .text(PlacedLabel(label: value, origin: ChartPoint(x: center.x - value.width / 2, y: top + caption.pitch)))]
    }
}
