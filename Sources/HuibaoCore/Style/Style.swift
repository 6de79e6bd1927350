/// Everything about how a report looks, resolved once from a style file (`templates/NAME.yaml`).
///
/// Lengths carry their unit in the name (`Pt`, `Mm`, `Em`); the layout works in points.
public struct Style: Sendable {
    public var name: String
    public var page: PageGeometry
    public var body: TextStyle
    public var typography: Typography
    public var title: TextStyle
    public var subtitle: TextStyle
    public var headings: [HeadingStyle]
    public var table: TableStyle
    /// Running header (none when nil); never on the cover or the contents pages.
    public var header: RunningHeadStyle?
    public var footer: RunningHeadStyle
    public var toc: TOCStyle
    public var cover: CoverStyle
    /// Footnotes at the bottom of the page (小五 by default).
    public var footnote: TextStyle
    public var accentColor: RGBColor
    public var chart: ChartStyle
    /// KPI cards (```kpis```).
    public var kpi: KPIStyle
    /// `::: columns` regions.
    public var columns: ColumnsStyle
    /// `::: box` regions.
    public var box: BoxStyle
    /// Bullet and numbered lists.
    public var list: ListStyle
    /// Official documents (GB/T 9704-2012): 版头, 版记 and the other 公文 elements; nil: none.
    public var gongwen: GongwenStyle? = nil
}

/// Page size and margins (GB/T 9704 speaks of 天头 = top and 订口 = left).
public struct PageGeometry: Sendable {
    public var widthMm: Double
    public var heightMm: Double
    public var marginTopMm: Double
    public var marginBottomMm: Double
    public var marginLeftMm: Double
    public var marginRightMm: Double
    /// How far the line boxes reach above and below the text block: 0 when the margins bound
    /// the line boxes; half a leading for GB/T 9704, whose 版心 runs from the first line's em
    /// box to the last one's (22 行 = 22 characters and 21 gaps of 7/8 字 in 225 mm).
    public var lineBoxOverhangPt = 0.0

    public static let pointsPerMm = 72.0 / 25.4
    public var widthPt: Double { widthMm * Self.pointsPerMm }
    public var heightPt: Double { heightMm * Self.pointsPerMm }
    public var textLeftPt: Double { marginLeftMm * Self.pointsPerMm }
    /// Top of the first line box.
    public var textTopPt: Double { marginTopMm * Self.pointsPerMm - lineBoxOverhangPt }
    public var textWidthPt: Double { (widthMm - marginLeftMm - marginRightMm) * Self.pointsPerMm }
    /// From the top of the first line box to the bottom of the last.
    public var textHeightPt: Double { (heightMm - marginTopMm - marginBottomMm) * Self.pointsPerMm + 2 * lineBoxOverhangPt }
    /// The text block's edges as the margins give them (天头 and 版心 bottom).
    public var blockTopPt: Double { marginTopMm * Self.pointsPerMm }
    public var blockBottomPt: Double { (heightMm - marginBottomMm) * Self.pointsPerMm }
}

/// A font role with size, weight and leading; used for body text, titles, table cells.
public struct TextStyle: Sendable {
    public var role: String
    public var sizePt: Double
    public var bold: Bool
    /// Baseline-to-baseline distance; fixed so that lines sit on a regular grid.
    public var linePitchPt: Double
    public var firstLineIndentEm: Double
    public var spaceBeforePt: Double
    public var spaceAfterPt: Double
    public var align: Alignment
    public var color: RGBColor
}

public enum Alignment: String, Sendable, CaseIterable {
    case justify, left, center, right
}

/// The rules of the paragraph composer (TYPOGRAPHY.md §2).
public struct Typography: Sendable, Hashable {
    /// Line-start/line-end prohibition level (clreq): basic, gb, strict.
    public var kinsoku: KinsokuLevel
    /// Quarter-em between Han and Latin letters/digits (clreq §3.2.2); off sets them solid.
    public var cjkLatinSpacing: Bool
    /// An opening bracket at a line start loses its blank half (clreq 2.3 c).
    public var compressLineStartBracket: Bool
    /// Avoid a last line of one character (or one character and a mark).
    public var avoidOrphanLastLine: Bool
    /// Grid mode: exactly this many characters fill a body line (GB/T 9704: 28).
    public var gridCharsPerLine: Int?
    /// Bold asked of a face that has none (仿宋, 楷体) is drawn by stroking the glyph outlines
    /// over the text; off: such text stays regular.
    public var syntheticBold = false
}

public enum KinsokuLevel: String, Sendable, CaseIterable {
    case basic, gb, strict
}

public struct HeadingStyle: Sendable {
    public var level: Int
    public var text: TextStyle
    /// Number format: `{cn}` Chinese numeral, `{n}` Arabic; e.g. `{cn}、`, `（{cn}）`, `{n}.`, `（{n}）`.
    /// Empty: not numbered.
    public var numbering: String
    /// The heading starts a new page (one topic per page in a briefing pack).
    public var pageBreakBefore = false
    /// A band of this colour behind the heading, across the text block (a title bar); nil: none.
    public var barFill: RGBColor?
    /// Inside the band, between its edges and the heading's text.
    public var barPaddingPt = 0.0

    public init(level: Int, text: TextStyle, numbering: String) {
        self.level = level
        self.text = text
        self.numbering = numbering
    }
}

public struct TableStyle: Sendable {
    public var cell: TextStyle
    public var header: TextStyle
    public var caption: TextStyle
    /// Space between a cell's rules and its text, left and right.
    public var cellPaddingXPt: Double
    /// Space above and below a cell's text.
    public var cellPaddingYPt: Double
    public var ruleWidthPt: Double
    public var headerFill: RGBColor?
    /// Fill of every second body row (zebra striping); nil: none.
    public var zebraFill: RGBColor?
    /// 注：/资料来源： lines under a table.
    public var note: TextStyle
}

/// A running header or footer line.
public struct RunningHeadStyle: Sendable {
    /// `{page}` page number, `{pages}` number of numbered pages, `{title}` the report title,
    /// `{section}` the current level-1 heading. Empty: no line.
    public var format: String
    /// The format on even pages (odd/even variants); nil: the same as odd pages.
    public var formatEven: String?
    public var text: TextStyle
    /// Footer: from the bottom of the text block down to the footer's baseline.
    /// Header: from the header's baseline down to the top of the text block.
    public var dropMm: Double
    public var align: HeadAlignment
    /// Distance from the text block's edge for left/right/outside/inside alignment, in em.
    public var insetEm: Double
    /// A thin rule between the head line and the text block.
    public var rule: Bool
    /// A second text on the same line, flush right (e.g. the page number beside a meeting's
    /// name); the same placeholders as `format`. Nil: none.
    public var formatRight: String? = nil
    /// Also on the page with the title block (a monthly report's masthead); by default the
    /// title stands alone there.
    public var onTitlePage = false

    public func format(onPage number: Int) -> String {
        number % 2 == 0 ? (formatEven ?? format) : format
    }
}

/// `outside` is right on odd pages and left on even ones (as GB/T 9704 page numbers).
public enum HeadAlignment: String, Sendable, CaseIterable {
    case left, center, right, outside, inside
}

/// The table of contents (```toc```).
public struct TOCStyle: Sendable {
    public var title: String
    /// Deepest heading level listed.
    public var depth: Int
    public var titleText: TextStyle
    /// Entry text by heading level (index 0 is level 1); deeper levels use the last.
    public var entries: [TextStyle]
}

/// The cover page (```cover```): title, subtitle, organisation, date.
public struct CoverStyle: Sendable {
    public var title: TextStyle
    public var subtitle: TextStyle
    public var org: TextStyle
    public var date: TextStyle
}

public struct RGBColor: Sendable, Hashable {
    public var red: Double, green: Double, blue: Double
    public init(red: Double, green: Double, blue: Double) {
        self.red = red; self.green = green; self.blue = blue
    }
    public static let black = RGBColor(red: 0, green: 0, blue: 0)

    /// `#RRGGBB`.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        red = Double((v >> 16) & 0xFF) / 255
        green = Double((v >> 8) & 0xFF) / 255
        blue = Double(v & 0xFF) / 255
    }
}

/// How charts look: the font role and size of their labels, the palette (print-friendly and
/// distinguishable in grey), the colours of lines, axes, grid and text, the default height,
/// and the caption (图N …) and source-note styles.
public struct ChartStyle: Sendable {
    public var role: String
    public var sizePt: Double
    public var palette: [RGBColor]
    public var lineColor: RGBColor
    public var axisColor: RGBColor
    public var gridColor: RGBColor
    public var textColor: RGBColor
    /// Height over width when a chart gives no size.
    public var heightRatio: Double
    public var caption: TextStyle
    public var source: TextStyle
    public var spaceBeforePt: Double
    public var spaceAfterPt: Double
}
