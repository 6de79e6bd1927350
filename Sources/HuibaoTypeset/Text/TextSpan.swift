import HuibaoCore

/// A piece of a paragraph with one font and colour: the composer's input.
public struct TextSpan: Sendable, Hashable {
    public var text: String
    public var role: String
    public var sizePt: Double
    public var bold: Bool
    public var color: RGBColor
    public var location: SourceLocation?
    /// Raised above the baseline by this much (a footnote mark); such a span sits tight
    /// against its neighbours and never starts a line.
    public var risePt: Double
    /// The footnote this span refers to.
    public var footnote: String?

    public init(text: String, role: String, sizePt: Double, bold: Bool = false, color: RGBColor = .black,
                location: SourceLocation? = nil, risePt: Double = 0, footnote: String? = nil) {
        self.text = text
        self.role = role
        self.sizePt = sizePt
        self.bold = bold
        self.color = color
        self.location = location
        self.risePt = risePt
        self.footnote = footnote
    }
}

/// How one paragraph is to be set.
public struct ParagraphFormat: Sendable, Hashable {
    /// Line length in points.
    public var measurePt: Double
    public var firstLineIndentPt: Double
    public var align: Alignment
    public var typography: Typography
    /// Grid mode: the advance of every full-width character (GB/T 9704: 156 mm / 28).
    public var gridPitchPt: Double?
    /// Shifts every line right (a narrower measure centred in a wider column).
    public var offsetPt: Double

    /// A negative `firstLineIndentPt` is a hanging indent: the paragraph is drawn that much
    /// further right and its first line starts at the left edge.
    public init(measurePt: Double, firstLineIndentPt: Double = 0, align: Alignment = .justify,
                typography: Typography, gridPitchPt: Double? = nil, offsetPt: Double = 0) {
        self.measurePt = measurePt
        self.firstLineIndentPt = firstLineIndentPt
        self.align = align
        self.typography = typography
        self.gridPitchPt = gridPitchPt
        self.offsetPt = offsetPt
    }
}
