import HuibaoCore

/// The running state of pagination: pages so far, the current page, the vertical cursor, and
/// the footnotes the current page has to carry at its bottom.
struct PageFlow {
    let style: Style
    private(set) var pages: [Page] = []
    private(set) var current: Page
    /// Top of the next free line box, in points from the page top.
    private(set) var y: Double
    /// Every footnote's composed text, by label (set before the first block).
    var footnotes: [String: ComposedParagraph] = [:]
    /// Footnotes already set (a note appears once, on the page of its first reference).
    private var placedNotes: Set<String> = []
    /// The notes of the current page, in order.
    private var pageNotes: [ComposedParagraph] = []

    init(style: Style) {
        self.style = style
        current = Page(number: 1)
        y = style.page.textTopPt
    }

    var top: Double { style.page.textTopPt }
    var bottom: Double { style.page.textTopPt + style.page.textHeightPt }
    var left: Double { region?.left ?? style.page.textLeftPt }
    var measure: Double { region?.measure ?? style.page.textWidthPt }
    /// A column of a `::: columns` region, or the inside of a box, while it is set; nil: the
    /// whole text block.
    private(set) var region: Region?

    /// Part of the text block: `measure` wide from `left`, its first line box at `top`.
    struct Region {
        var left: Double
        var measure: Double
        var top: Double
    }
    /// Room left for text above the page's footnotes.
    var remaining: Double { bottom - y - notesHeight(pageNotes) }
    /// At the top of the page, or of the region being set (where space before a block is dropped).
    var atPageTop: Bool { current.items.isEmpty || y <= (region?.top ?? top) + 0.01 }
    var pageIndex: Int { pages.count }

    /// Space before the first note: the short rule and a little air.
    private var noteSeparation: Double { style.footnote.linePitchPt * 0.8 }

    private func notesHeight(_ notes: [ComposedParagraph]) -> Double {
        notes.isEmpty ? 0 : noteSeparation + notes.reduce(0) { $0 + Double($1.lines.count) * style.footnote.linePitchPt }
    }

    mutating func newPage() {
        flushNotes()
        pages.append(current)
        current = Page(number: pages.count + 1)
        y = top
    }

    /// Space before a block, dropped at the top of a page; it never takes the cursor past
    /// the bottom, nor back up from below it (a column that ran over must show that it did).
    mutating func addSpace(_ pt: Double) {
        guard !atPageTop else { return }
        y = max(y, min(y + pt, bottom))
    }

    mutating func advance(_ pt: Double) { y += pt }

    mutating func add(_ item: PageItem) { current.items.append(item) }

    /// How many items the current page holds (where a box's fill is inserted later).
    var itemCount: Int { current.items.count }

    /// Puts an item under those placed after `index` (a fill behind text already placed).
    mutating func insert(_ item: PageItem, at index: Int) { current.items.insert(item, at: index) }

    /// Sets what follows in `region` (nil: the whole text block), the cursor at `y`: a column
    /// starts at its region's top, and the flow leaves the columns below the tallest one.
    mutating func setRegion(_ region: Region?, y: Double) {
        self.region = region
        self.y = y
    }

    /// Baseline of a line of `text` style whose line box starts at `boxTop`: the em box is
    /// centred in the line pitch (0.88 em above the baseline for CJK fonts).
    static func baseline(boxTop: Double, text: TextStyle) -> Double {
        boxTop + (text.linePitchPt - text.sizePt) / 2 + text.sizePt * 0.88
    }

    /// The notes first referred to in these lines of a paragraph.
    private func newNotes(_ paragraph: ComposedParagraph, _ lines: Range<Int>) -> [ComposedParagraph] {
        var seen = placedNotes
        var result: [ComposedParagraph] = []
        for line in lines {
            for label in paragraph.footnotes(inLine: line) where seen.insert(label).inserted {
                if let note = footnotes[label] { result.append(note) }
            }
        }
        return result
    }

    /// How many lines of `paragraph` from `start` fit on this page, each with its footnotes.
    func linesThatFit(_ paragraph: ComposedParagraph, from start: Int, pitch: Double) -> Int {
        var count = 0
        while start + count < paragraph.lines.count {
            let notes = pageNotes + newNotes(paragraph, start..<(start + count + 1))
            guard y + Double(count + 1) * pitch + notesHeight(notes) <= bottom + 0.01 else { break }
            count += 1
        }
        return count
    }

    /// Places lines of a composed paragraph at the cursor, and their footnotes on this page.
    mutating func placeLines(_ paragraph: ComposedParagraph, _ range: Range<Int>, x: Double, text: TextStyle) {
        for line in range {
            add(.text(paragraph, line: line, x: x, baseline: Self.baseline(boxTop: y, text: text)))
            y += text.linePitchPt
        }
        takeNotes(of: paragraph, range)
    }

    /// Puts the footnotes first referred to in these lines on this page (table cells, which
    /// are drawn without `placeLines`).
    mutating func takeNotes(of paragraph: ComposedParagraph, _ lines: Range<Int>) {
        for note in newNotes(paragraph, lines) { pageNotes.append(note) }
        for line in lines { placedNotes.formUnion(paragraph.footnotes(inLine: line)) }
    }

    /// Sets the page's footnotes at the bottom of the text block, under a short rule.
    private mutating func flushNotes() {
        guard !pageNotes.isEmpty else { return }
        let note = style.footnote
        var boxTop = bottom - notesHeight(pageNotes) + noteSeparation
        let ruleY = boxTop - noteSeparation / 2
        add(.rule(from: (left, ruleY), to: (left + measure / 4, ruleY), width: 0.5, color: RGBColor(red: 0.3, green: 0.3, blue: 0.3)))
        for paragraph in pageNotes {
            for line in 0..<paragraph.lines.count {
                add(.text(paragraph, line: line, x: left, baseline: Self.baseline(boxTop: boxTop, text: note)))
                boxTop += note.linePitchPt
            }
        }
        pageNotes = []
    }

    mutating func finish() -> [Page] {
        flushNotes()
        if !current.items.isEmpty || pages.isEmpty { pages.append(current) }
        current = Page(number: pages.count + 1)
        return pages
    }
}
