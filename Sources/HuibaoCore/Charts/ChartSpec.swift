import Foundation

/// A ```chart``` block as the report asks for it: kind, texts, size, the data already read
/// (from inline lists, a path into the data tree or a CSV file) and checked, and the options.
///
/// Built by `ChartSpecReader`; every value keeps the place it was written, so the drawing
/// stage can still point at the markup when something cannot be drawn.
public struct ChartSpec: Sendable {
    public var kind: ChartKind
    /// Stacked bars or areas (`stacked: true`, or kind `stacked`).
    public var stacked: Bool
    /// 100 % stacked: each category's values as shares of its total.
    public var percent: Bool
    /// The figure's title, printed in the caption as 图N 标题.
    public var title: String?
    /// The unit of the (left) value axis: 万元, 亿元, %, 人次 …
    public var unit: String?
    /// 资料来源：… under the caption.
    public var source: String?
    /// 注：… under the caption.
    public var note: String?
    public var width: ChartLength?
    public var height: ChartLength?
    /// Width over height, when no height is given.
    public var aspect: Double?
    public var categories: [ChartCategory]
    public var series: [ChartSeries]
    /// Progress charts: the target of each category (same order as the categories).
    public var targets: [ChartValue]
    /// Progress charts: a unit per category where the items differ (亿元, %, 人次).
    public var itemUnits: [String?]
    public var options: ChartOptions
    /// The opening fence.
    public var location: SourceLocation
}

public enum ChartKind: String, Sendable, CaseIterable {
    case bar, hbar, line, area, pie, donut, combo, progress

    /// Every name a chart may be asked for by, with what it means: the English kinds, the
    /// grouped/stacked shorthands and the names Chinese office software uses.
    static let names: [(name: String, kind: ChartKind, stacked: Bool, percent: Bool)] = [
        ("bar", .bar, false, false), ("grouped", .bar, false, false), ("stacked", .bar, true, false),
        ("stacked100", .bar, true, true), ("hbar", .hbar, false, false), ("line", .line, false, false),
        ("area", .area, false, false), ("pie", .pie, false, false), ("donut", .donut, false, false),
        ("combo", .combo, false, false), ("progress", .progress, false, false),
        ("柱状图", .bar, false, false), ("柱形图", .bar, false, false), ("簇状柱形图", .bar, false, false),
        ("堆积柱形图", .bar, true, false), ("百分比堆积柱形图", .bar, true, true), ("条形图", .hbar, false, false),
        ("折线图", .line, false, false), ("面积图", .area, false, false), ("饼图", .pie, false, false),
        ("环形图", .donut, false, false), ("圆环图", .donut, false, false), ("组合图", .combo, false, false),
        ("进度条", .progress, false, false), ("完成率", .progress, false, false),
    ]
}

/// A length as a clerk writes it: `120` or `"120mm"` (millimetres), `"80%"` of the text width.
public enum ChartLength: Sendable, Equatable {
    case mm(Double)
    /// A share of the text width (0…1).
    case fraction(Double)

    /// In points, for a text block `measurePt` wide.
    public func points(measurePt: Double) -> Double {
        switch self {
        case .mm(let mm): return mm * PageGeometry.pointsPerMm
        case .fraction(let f): return f * measurePt
        }
    }
}

public struct ChartCategory: Sendable {
    public var text: String
    public var location: SourceLocation?
}

/// A number from the data with where it was written.
public struct ChartValue: Sendable {
    /// Exact, for the labels (the same digits the template filters would print).
    public var decimal: Decimal
    public var location: SourceLocation?

    public init(_ decimal: Decimal, at location: SourceLocation? = nil) {
        self.decimal = decimal
        self.location = location
    }

    /// For geometry.
    public var double: Double { NSDecimalNumber(decimal: decimal).doubleValue }
}

public struct ChartSeries: Sendable {
    public enum Axis: String, Sendable, CaseIterable { case left, right }
    public var name: String
    /// One per category; nil where the data has no value yet (a gap, e.g. months to come).
    public var values: [ChartValue?]
    /// Combo charts: `right` series are lines on the second value axis.
    public var axis: Axis
    /// The unit of this series when it differs from the chart's (the right axis of a combo).
    public var unit: String?
    public var location: SourceLocation?
}

public struct ChartOptions: Sendable {
    public enum Legend: String, Sendable, CaseIterable { case auto, top, bottom, right, none }
    /// Data labels on bars, points and slices; nil: the kind's default (on for pie, donut,
    /// progress and single-series bars of up to 12 categories).
    public var labels: Bool?
    /// Point markers on lines; nil: on for lines (they keep series apart in grey print), off
    /// for areas.
    public var markers: Bool?
    public var legend: Legend
    /// Decimals of data labels; nil: as many as the data has, at most 2.
    public var decimals: Int?
    /// Thousands separators in ticks and labels (as the `number` filter writes them).
    public var grouping: Bool
    /// Fixed ends of the value axis; nil: chosen from the data.
    public var min: Decimal?
    public var max: Decimal?
    /// Decimals of pie and 100 % percentages.
    public var percentDecimals: Int

    public init(labels: Bool? = nil, markers: Bool? = nil, legend: Legend = .auto, decimals: Int? = nil,
                grouping: Bool = true, min: Decimal? = nil, max: Decimal? = nil, percentDecimals: Int = 1) {
        self.labels = labels
        self.markers = markers
        self.legend = legend
        self.decimals = decimals
        self.grouping = grouping
        self.min = min
        self.max = max
        self.percentDecimals = percentDecimals
    }
}

/// Numbers in charts are written the way the template filters write them (`number(2)`:
/// exact decimal rounding half up, thousands grouped), so a figure reads the same in the text,
/// the table and the chart.
public enum ChartNumberFormat {
    public static func text(_ value: Decimal, decimals: Int, grouping: Bool = true) -> String {
        value.fixedText(decimals: decimals, grouping: grouping)
    }

    public static func text(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        text(Decimal(string: String(format: "%.\(Swift.max(decimals + 2, 6))f", value)) ?? Decimal(value),
             decimals: decimals, grouping: grouping)
    }

    /// The places after the point a value needs (12.50 → 1, 3 → 0).
    public static func decimals(of value: Decimal) -> Int {
        let plain = value.plainText
        guard let dot = plain.firstIndex(of: ".") else { return 0 }
        return plain.distance(from: dot, to: plain.endIndex) - 1
    }
}
