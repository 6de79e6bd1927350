import HuibaoCore

/// The running state of pagination: pages so far, the current page, and the vertical cursor.
struct PageFlow {
    let style: Style
    private(set) var pages: [Page] = []
    private(set) var current: Page
    /// Top of the next free line box, in points from the page top.
    private(set) var y: Double

    init(style: Style) {
        self.style = style
        current = Page(number: 1)
        y = style.page.textTopPt
    }

    var top: Double { style.page.textTopPt }
    var bottom: Double { style.page.textTopPt + style.page.textHeightPt }
    var left: Double { style.page.textLeftPt }
    var measure: Double { style.page.textWidthPt }
    var remaining: Double { bottom - y }
    var atPageTop: Bool { current.items.isEmpty || y <= top + 0.01 }
    var pageIndex: Int { pages.count }

    mutating func newPage() {
        pages.append(current)
        current = Page(number: pages.count + 1)
        y = top
    }

    /// Space before a block, dropped at the top of a page.
    mutating func addSpace(_ pt: Double) {
        guard !atPageTop else { return }
        y = min(y + pt, bottom)
    }

    mutating func advance(_ pt: Double) { y += pt }

    mutating func add(_ item: PageItem) { current.items.append(item) }

    /// Baseline of a line of `text` style whose line box starts at `boxTop`: the em box is
    /// centred in the line pitch (0.88 em above the baseline for CJK fonts).
    static func baseline(boxTop: Double, text: TextStyle) -> Double {
        boxTop + (text.linePitchPt - text.sizePt) / 2 + text.sizePt * 0.88
    }

    /// Places `lines` lines of a composed paragraph at the cursor, starting with line `from`.
    mutating func placeLines(_ paragraph: ComposedParagraph, _ range: Range<Int>, x: Double, text: TextStyle) {
        for line in range {
            add(.text(paragraph, line: line, x: x, baseline: Self.baseline(boxTop: y, text: text)))
            y += text.linePitchPt
        }
    }

    mutating func finish() -> [Page] {
        if !current.items.isEmpty || pages.isEmpty { pages.append(current) }
        current = Page(number: pages.count + 1)
        return pages
    }
}
