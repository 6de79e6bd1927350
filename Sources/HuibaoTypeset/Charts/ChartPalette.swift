import HuibaoCore

/// How one series looks: colour first, and then what keeps it apart in grey print — a dash
/// pattern and a marker shape for lines.
struct SeriesLook {
    enum Kind { case bar, line, area }
    var kind: Kind
    var color: RGBColor
    var dash: [Double] = []
    var marker: MarkerShape = .circle
    /// White-filled markers (the 同比 line of a combo chart).
    var hollow = false
    var lineWidth = 1.5
}

/// Series colours from the style's palette, in order; beyond its end the colours come round
/// again lighter, so that neighbours still differ in grey.
struct ChartPalette {
    let style: ChartStyle

    func color(_ index: Int) -> RGBColor {
        let base = style.palette[index % style.palette.count]
        let round = index / style.palette.count
        guard round > 0 else { return base }
        let t = min(0.6, 0.35 * Double(round))
        return RGBColor(red: base.red + (1 - base.red) * t, green: base.green + (1 - base.green) * t, blue: base.blue + (1 - base.blue) * t)
    }

    static let dashes: [[Double]] = [[], [5, 2.5], [1.2, 2.2], [7, 2, 1.5, 2]]

    /// The look of line series `index` of a line chart.
    func line(_ index: Int) -> SeriesLook {
        SeriesLook(kind: .line, color: color(index), dash: Self.dashes[index % Self.dashes.count],
                   marker: MarkerShape.allCases[index % MarkerShape.allCases.count])
    }

    /// The line of a combo chart: the style's contrasting line colour, solid, hollow markers;
    /// a second line takes a dash and another shape.
    func comboLine(_ index: Int, after bars: Int) -> SeriesLook {
        let color = index == 0 ? style.lineColor : self.color(bars + index - 1)
        return SeriesLook(kind: .line, color: color, dash: Self.dashes[index % Self.dashes.count],
                          marker: MarkerShape.allCases[index % MarkerShape.allCases.count], hollow: true, lineWidth: 1.75)
    }

    /// The grey a colour prints as (ITU-R BT.601 luma, 0 black … 1 white).
    static func grey(_ c: RGBColor) -> Double { 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue }

    /// Text on a filled shape: white on dark fills, the label colour on light ones.
    func text(on fill: RGBColor) -> RGBColor {
        Self.grey(fill) < 0.55 ? RGBColor(red: 1, green: 1, blue: 1) : style.textColor
    }

    static let white = RGBColor(red: 1, green: 1, blue: 1)
}
