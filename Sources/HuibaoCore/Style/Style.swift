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
    public var footer: FooterStyle
    public var accentColor: RGBColor
}

/// Page size and margins (GB/T 9704 speaks of 天头 = top and 订口 = left).
public struct PageGeometry: Sendable {
    public var widthMm: Double
    public var heightMm: Double
    public var marginTopMm: Double
    public var marginBottomMm: Double
    public var marginLeftMm: Double
    public var marginRightMm: Double

    public static let pointsPerMm = 72.0 / 25.4
    public var widthPt: Double { widthMm * Self.pointsPerMm }
    public var heightPt: Double { heightMm * Self.pointsPerMm }
    public var textLeftPt: Double { marginLeftMm * Self.pointsPerMm }
    public var textTopPt: Double { marginTopMm * Self.pointsPerMm }
    public var textWidthPt: Double { (widthMm - marginLeftMm - marginRightMm) * Self.pointsPerMm }
    public var textHeightPt: Double { (heightMm - marginTopMm - marginBottomMm) * Self.pointsPerMm }
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
public struct Typography: Sendable {
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
}

public struct FooterStyle: Sendable {
    /// `{page}` is replaced by the page number, `{pages}` by the page count.
    public var format: String
    public var text: TextStyle
    /// Distance from the bottom of the text block to the footer's baseline.
    public var dropMm: Double
}

public struct RGBColor: Sendable, Equatable {
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
