import Foundation
import HuibaoCore

/// The texts of a chart's numbers: ticks, data labels, percentages, all written as the
/// template's `number` filter writes them (exact rounding half up, thousands grouped).
struct ChartNumbers {
    let spec: ChartSpec

    /// Decimals of a series' data labels: as asked, else as many as its data has (at most 2).
    func decimals(_ series: ChartSeries) -> Int {
        if let d = spec.options.decimals { return d }
        return min(2, series.values.compactMap { $0.map { ChartNumberFormat.decimals(of: $0.decimal) } }.max() ?? 0)
    }

    func value(_ v: ChartValue, in series: ChartSeries) -> String {
        let text = ChartNumberFormat.text(v.decimal, decimals: decimals(series), grouping: spec.options.grouping)
        return (series.unit ?? spec.unit) == "%" ? text + "%" : text
    }

    func tick(_ t: Decimal, _ scale: NiceScale, percentSuffix: Bool = false) -> String {
        ChartNumberFormat.text(t, decimals: scale.decimals, grouping: spec.options.grouping) + (percentSuffix ? "%" : "")
    }

    func percent(_ share: Double) -> String {
        ChartNumberFormat.text(share, decimals: spec.options.percentDecimals, grouping: false) + "%"
    }

    /// Whether data labels are drawn: as asked, else on for pies, donuts and progress bars,
    /// and for bars of one series with up to 12 categories.
    var showsLabels: Bool {
        if let asked = spec.options.labels { return asked }
        switch spec.kind {
        case .pie, .donut, .progress: return true
        case .bar, .hbar: return spec.series.count == 1 && spec.categories.count <= 12
        case .line, .area, .combo: return false
        }
    }

    /// "单位：万元", or nil without a unit.
    static func unitTitle(_ unit: String?) -> String? {
        guard let unit, !unit.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return "单位：" + unit
    }
}
