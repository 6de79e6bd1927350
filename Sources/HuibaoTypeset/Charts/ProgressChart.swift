import Foundation
import HuibaoCore

/// KPI bars (完成率 against target): one row per indicator — its name and "完成值 / 目标 单位"
/// on top, then a grey track standing for the target with the completed part filled, a tick
/// at the target, and the rate after the track. A rate over 100 % runs past the tick (the
/// track is scaled to the largest rate, so lengths stay proportional).
struct ProgressChart {
    let spec: ChartSpec
    let typesetter: ChartTypesetter
    let palette: ChartPalette
    let width: Double
    let height: Double?

    private var numbers: ChartNumbers { ChartNumbers(spec: spec) }
    static let barHeight = 9.0
    static let track = RGBColor(red: 0.9, green: 0.9, blue: 0.9)

    func build() throws -> ChartDrawing {
        let series = spec.series[0]
        let ratios = spec.categories.indices.map { series.values[$0]!.double / spec.targets[$0].double }
        let scaleMax = max(1, ratios.max() ?? 1)
        let rates = try ratios.map { try typesetter.line(numbers.percent($0 * 100), size: typesetter.size + 0.5) }
        let rateColumn = (rates.map(\.width).max() ?? 0) + 8
        let trackWidth = width - rateColumn
        let figures = try spec.categories.indices.map { i -> ChartLabel in
            let unit = spec.itemUnits.indices.contains(i) ? spec.itemUnits[i] ?? spec.unit ?? "" : spec.unit ?? ""
            // Each figure keeps its own decimals: 86.42 against 90, not 90.00.
            let value = series.values[i]!.decimal, goal = spec.targets[i].decimal
            let actual = ChartNumberFormat.text(value, decimals: spec.options.decimals ?? min(2, ChartNumberFormat.decimals(of: value)),
                                                grouping: spec.options.grouping)
            let target = ChartNumberFormat.text(goal, decimals: spec.options.decimals ?? min(2, ChartNumberFormat.decimals(of: goal)),
                                                grouping: spec.options.grouping)
            return try typesetter.line("\(actual) / \(target)\(unit)", color: palette.style.axisColor)
        }
        let names = try spec.categories.indices.map { i in
            try typesetter.wrapped(spec.categories[i].text, measure: max(trackWidth - figures[i].width - 12, 4 * typesetter.size), align: .left,
                            at: spec.categories[i].location)
        }
        let rowHeights = names.map { $0.height + 3 + Self.barHeight }
        let gap = 12.0
        let natural = rowHeights.reduce(0, +) + gap * Double(names.count - 1)
        var spacing = gap
        if let height {
            guard height >= natural else {
                throw HuibaoError(.layout, "the chart is too short for its \(names.count) items (they need \(Int(natural)) pt)", at: spec.location,
                                  hint: "leave out height: (the chart then takes the height its items need)")
            }
            spacing = names.count > 1 ? gap + (height - natural) / Double(names.count - 1) : gap
        }

        var marks: [ChartMark] = []
        var y = 0.0
        let fill = palette.color(0)
        let targetX = trackWidth / scaleMax
        for i in spec.categories.indices {
            marks.append(.text(PlacedLabel(label: names[i], origin: ChartPoint(x: 0, y: y))))
            let nameBottom = y + names[i].height
            marks.append(.text(PlacedLabel(label: figures[i], origin: ChartPoint(x: trackWidth - figures[i].width, y: nameBottom - figures[i].pitch))))
            let barTop = nameBottom + 3
            marks.append(.rect(ChartRect(x: 0, y: barTop, width: targetX, height: Self.barHeight), fill: Self.track))
            marks.append(.rect(ChartRect(x: 0, y: barTop, width: ratios[i] / scaleMax * trackWidth, height: Self.barHeight), fill: fill))
            if scaleMax > 1 {
                marks.append(.line([ChartPoint(x: targetX, y: barTop - 2), ChartPoint(x: targetX, y: barTop + Self.barHeight + 2)],
                                   color: typesetter.style.textColor, width: 1))
            }
            let rate = rates[i]
            marks.append(.text(PlacedLabel(label: rate, origin: ChartPoint(x: trackWidth + 8, y: barTop + Self.barHeight / 2 - rate.pitch / 2))))
            y = barTop + Self.barHeight + spacing
        }
        return ChartDrawing(width: width, height: height ?? natural, marks: marks)
    }
}
