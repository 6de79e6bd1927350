/// How KPI cards look (```kpis```, the style's `kpi:` section).
///
/// Colours of change follow Chinese practice by default: red for a rise, green for a fall
/// (swap `up_color` and `down_color` for readers who take red as bad news). The arrows ▲▼
/// carry the direction by themselves, so a card reads the same printed in grey.
public struct KPIStyle: Sendable {
    /// The most cards in one row; more items start another row.
    public var columns: Int
    /// Between two cards, across and down.
    public var gapPt: Double
    /// Inside a card, between its edge and its text.
    public var paddingPt: Double
    public var fill: RGBColor?
    public var borderColor: RGBColor?
    public var borderWidthPt: Double
    /// A bar along the top of each card; nil: none.
    public var accentColor: RGBColor?
    public var accentWidthPt: Double
    /// `left` or `center`: where a card's lines stand.
    public var align: Alignment
    public var label: TextStyle
    /// The figure, set large.
    public var value: TextStyle
    /// The unit after the figure, on its baseline.
    public var unit: TextStyle
    /// The change line; its colour is that of the compare word (同比).
    public var change: TextStyle
    public var note: TextStyle
    public var upColor: RGBColor
    public var downColor: RGBColor
    public var flatColor: RGBColor
    /// The word in front of the change when an item names none: 同比, 比上年, 环比.
    public var compare: String
    public var spaceBeforePt: Double
    public var spaceAfterPt: Double

    public init(columns: Int, gapPt: Double, paddingPt: Double, fill: RGBColor?, borderColor: RGBColor?, borderWidthPt: Double,
                accentColor: RGBColor?, accentWidthPt: Double, align: Alignment, label: TextStyle, value: TextStyle,
                unit: TextStyle, change: TextStyle, note: TextStyle, upColor: RGBColor, downColor: RGBColor,
                flatColor: RGBColor, compare: String, spaceBeforePt: Double, spaceAfterPt: Double) {
        self.columns = columns
        self.gapPt = gapPt
        self.paddingPt = paddingPt
        self.fill = fill
        self.borderColor = borderColor
        self.borderWidthPt = borderWidthPt
        self.accentColor = accentColor
        self.accentWidthPt = accentWidthPt
        self.align = align
        self.label = label
        self.value = value
        self.unit = unit
        self.change = change
        self.note = note
        self.upColor = upColor
        self.downColor = downColor
        self.flatColor = flatColor
        self.compare = compare
        self.spaceBeforePt = spaceBeforePt
        self.spaceAfterPt = spaceAfterPt
    }
}

/// `::: columns` regions (the style's `columns:` section).
public struct ColumnsStyle: Sendable {
    /// Between two columns.
    public var gapMm: Double
    /// A thin vertical rule in the middle of each gap.
    public var rule: Bool
    public var ruleColor: RGBColor
    /// Text of paragraphs and list items inside columns (the body style by default).
    public var text: TextStyle
    public var spaceBeforePt: Double
    public var spaceAfterPt: Double
}

/// `::: box` regions (the style's `box:` section): a commentary set off from the body.
public struct BoxStyle: Sendable {
    public var fill: RGBColor?
    public var borderColor: RGBColor?
    public var borderWidthPt: Double
    /// A bar down the box's left edge; nil: none.
    public var accentColor: RGBColor?
    public var accentWidthPt: Double
    public var paddingPt: Double
    public var title: TextStyle
    /// Paragraphs and list items inside the box.
    public var text: TextStyle
    public var spaceBeforePt: Double
    public var spaceAfterPt: Double
}

/// Bullet lists (the style's `list:` section).
public struct ListStyle: Sendable {
    /// The mark in front of a bullet item.
    public var bullet: String
    /// Wrapped lines start under the item's text, not under its mark (slides, briefing packs);
    /// false: Chinese document practice, the first line indented, wrapped lines at the margin.
    public var hanging: Bool
    /// Extra space between two items.
    public var itemSpacePt: Double
}
