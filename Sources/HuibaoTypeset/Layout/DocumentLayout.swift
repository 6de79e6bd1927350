import Foundation
import HuibaoCore

/// Lays a `Document` out on pages in a `Style`: cover, contents with real page numbers (a
/// second pass), numbered headings kept with what follows, justified paragraphs with
/// widow/orphan control, lists, tables with repeated header rows, figures, running heads.
public struct DocumentLayout {
    let style: Style
    let composer: ParagraphComposer
    /// The template's data, for charts that name a path into it.
    let data: DataNode?
    /// The folder of the input file, for charts that read a CSV file.
    let baseDirectory: String
    /// Footnote numbers by label, in the order of first reference.
    private(set) var footnoteNumbers: [String: Int] = [:]
    /// Every heading's number, in document order (`HeadingNumbers`).
    private var headingNumbers: [String] = []

    public init(style: Style, composer: ParagraphComposer, data: DataNode? = nil, baseDirectory: String = ".") {
        self.style = style
        self.composer = composer
        self.data = data
        self.baseDirectory = baseDirectory
    }

    /// - Parameter sink: given each page as soon as it is final (all but the contents pages, in
    ///   order), when `canHandOverPages` says the document allows it; told to discard them if
    ///   the second pass moves them after all.
    public func layout(_ document: Document, pages sink: PageSink? = nil) throws -> LaidOutDocument {
        var layout = self
        layout.footnoteNumbers = Self.numberFootnotes(document)
        layout.headingNumbers = HeadingNumbers.of(document, style: style)
        return try layout.twoPasses(document, sink: canHandOverPages(document) ? sink : nil)
    }

    /// Whether pages can be handed over one by one as they are laid out: not a 公文 (its 版记
    /// page is placed after the fact), no running head that needs the page count, at most one
    /// contents block.
    public func canHandOverPages(_ document: Document) -> Bool {
        style.gongwen == nil && Self.contentsBlocks(document) <= 1 && !PageFurniture(style: style, layout: self).needsPageCount
    }

    /// How many ```toc blocks the document has.
    private static func contentsBlocks(_ document: Document) -> Int {
        document.blocks.filter { if case .toc = $0 { return true } else { return false } }.count
    }

    private static func numberFootnotes(_ document: Document) -> [String: Int] {
        var numbers: [String: Int] = [:]
        func visit(_ runs: [TextRun]) {
            for run in runs { if let label = run.footnote, numbers[label] == nil { numbers[label] = numbers.count + 1 } }
        }
        for block in document.blocks.flatMap(\.flattened) {
            switch block {
            case .paragraph(let p): visit(p.runs)
            case .heading(let h): visit(h.runs)
            case .list(let l): l.items.forEach { visit($0.runs) }
            case .table(let t):
                (t.headerRows + t.bodyRows).forEach { $0.forEach { visit($0.runs) } }
                t.notes.forEach(visit)
            case .pageBreak, .chart, .toc, .cover, .signature, .kpis, .columns, .box: break
            case .attachments, .attachment, .banji: break
            }
        }
        return numbers
    }

    private func twoPasses(_ document: Document, sink: PageSink?) throws -> LaidOutDocument {
        let (draft, contents) = try pass(document, tocPageNumbers: nil, sink: sink)
        guard Self.contentsBlocks(document) > 0 else { return draft }
        // Second pass: the contents now show where each heading really is. The contents
        // reserve the same room for a number either way, so nothing else moves: only the
        // contents' own pages are set again, and the draft's other pages stay. (When that
        // cannot be shown — several contents blocks, or a different page count — the whole
        // document is laid out again.)
        let numbers = draft.outline.map { draft.pages[$0.pageIndex].displayNumber }
        if let contents, let pages = try contentsPages(document, numbers: numbers, as: contents) {
            var final = draft
            for (page, index) in contents.pages.enumerated() { final.pages[index].items = pages[page].items }
            return final
        }
        sink?.discard()
        return try pass(document, tocPageNumbers: numbers, sink: nil).laidOut
    }

    /// Where the contents stand in the first pass: whole pages, from a page top.
    struct ContentsPlace {
        var pages: Range<Int>
        var topY: Double
    }

    /// The contents with page numbers, laid out alone where the first pass put them; nil when
    /// they do not fill the same number of pages.
    private func contentsPages(_ document: Document, numbers: [Int?], as place: ContentsPlace) throws -> [Page]? {
        var state = LayoutState(style: style)
        state.flow.advance(place.topY - state.flow.y)
        try FrontMatterLayout(style: style, layout: self)
            .contents(TOCEntries.of(document, style: style, numbers: headingNumbers), pageNumbers: numbers, &state)
        var pages = state.flow.finish()
        guard pages.count == place.pages.count else { return nil }
        if style.typography.syntheticBold { SyntheticBold.add(to: &pages) }
        return pages
    }

    private func pass(_ document: Document, tocPageNumbers: [Int?]?, sink: PageSink?) throws -> (laidOut: LaidOutDocument, contents: ContentsPlace?) {
        var state = LayoutState(style: style)
        var contents: ContentsPlace?
        state.flow.footnotes = try composeFootnotes(document)
        let front = FrontMatterLayout(style: style, layout: self)
        let startsWithCover = document.blocks.first.map { if case .cover = $0 { return true } else { return false } } ?? false
        // The page with the title block carries no running head (the title is on it).
        let headless: Set<Int> = startsWithCover || document.meta.title == nil || style.header?.onTitlePage == true ? [] : [0]
        let furniture = PageFurniture(style: style, layout: self)
        let fields = Self.furnitureFields(document.meta)
        var handedOver = 0
        let gongwen = try GongwenLayout(style: style, layout: self, document: document)
        if let gongwen { try gongwen.head(document.meta, &state) } else if !startsWithCover { try front.titleBlock(document.meta, &state) }
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let heading):
                try place(heading, followedBy: document.blocks.dropFirst(index + 1).first, at: index + 1, &state)
            case .paragraph(let paragraph):
                let composed = try composeBody(paragraph)
                state.fallbacks += composed.fallbacks
                placeParagraph(composed, x: state.flow.left, text: style.body, &state.flow)
            case .list(let list):
                try place(list, &state)
            case .table(let table):
                state.tableNumber += 1
                try TableLayout(style: style, composer: composer, layout: self)
                    .place(table, number: state.tableNumber, &state.flow, &state.fallbacks)
            case .pageBreak:
                if !state.flow.atPageTop { state.flow.newPage() }
            case .chart(let block):
                state.figureNumber += 1
                try FigureLayout(style: style, composer: composer, layout: self)
                    .place(block, number: state.figureNumber, &state.flow, &state.fallbacks)
            case .toc:
                if !state.flow.atPageTop { state.flow.newPage() }
                let first = state.flow.pageIndex, topY = state.flow.y
                try front.contents(TOCEntries.of(document, style: style, numbers: headingNumbers), pageNumbers: tocPageNumbers, &state)
                contents = ContentsPlace(pages: first..<state.flow.pageIndex, topY: topY)
            case .cover:
                try front.cover(document.meta, &state)
            case .signature(let signature):
                if let gongwen { try gongwen.place(signature, &state) } else { try place(signature, &state) }
            case .attachments(let list):
                try gongwen?.place(list, &state)
            case .attachment(let attachment):
                try gongwen?.place(attachment, &state)
            case .banji(let banji):
                try gongwen?.place(banji, &state)
            case .kpis(let block):
                try KPILayout(style: style, layout: self).place(block, &state.flow, &state.fallbacks)
            case .columns(let region):
                try ColumnsLayout(style: style, layout: self).place(region, &state)
            case .box(let box):
                try BoxLayout(style: style, layout: self).place(box, &state)
            }
            gongwen?.snapToGrid(&state.flow)
            if let sink {
                try handOver(state, from: &handedOver, contents: contents, to: sink, furniture: furniture, headless: headless,
                             title: document.meta.plainTitle, fields: fields)
            }
        }
        var pages = state.flow.finish()
        if style.typography.syntheticBold { SyntheticBold.add(to: &pages) }
        try furniture.add(to: &pages, unnumbered: state.unnumbered, headless: headless, sections: state.sectionStarts,
                          title: document.meta.plainTitle, fields: fields, fallbacks: &state.fallbacks)
        let laidOut = LaidOutDocument(pages: pages, outline: state.outline, meta: document.meta,
                                      pageWidthPt: style.page.widthPt, pageHeightPt: style.page.heightPt, fallbacks: state.fallbacks)
        return (laidOut, Self.contentsBlocks(document) == 1 ? contents : nil)
    }

    /// Hands the pages finished since the last block, but the contents pages, to the sink,
    /// numbered and with their running heads.
    private func handOver(_ state: LayoutState, from handedOver: inout Int, contents: ContentsPlace?, to sink: PageSink,
                          furniture: PageFurniture, headless: Set<Int>, title: String?, fields: [String: String]) throws {
        while handedOver < state.flow.pages.count {
            defer { handedOver += 1 }
            if let contents, contents.pages.contains(handedOver) { continue }
            var page = [state.flow.pages[handedOver]]
            if style.typography.syntheticBold { SyntheticBold.add(to: &page) }
            var ignored: [FontFallback] = []   // counted when the whole document is finished
            try furniture.decorate(&page[0], at: handedOver, unnumbered: state.unnumbered, headless: headless,
                                   sections: state.sectionStarts, title: title, total: nil, fields: fields, fallbacks: &ignored)
            sink.take(page[0], at: handedOver)
        }
    }

    func spans(_ runs: [TextRun], _ text: TextStyle) -> [TextSpan] {
        runs.map { run in
            if let label = run.footnote {
                // The footnote mark: its number, small and raised.
                return TextSpan(text: String(footnoteNumbers[label] ?? 0), role: text.role, sizePt: text.sizePt * 0.6,
                                color: text.color, location: run.location, risePt: text.sizePt * 0.38, footnote: label)
            }
            return TextSpan(text: run.text, role: text.role, sizePt: text.sizePt, bold: text.bold || run.strong,
                            color: text.color, location: run.location)
        }
    }

    /// Each footnote as it stands at the page bottom: its raised number, then its text,
    /// wrapped lines under the text.
    private func composeFootnotes(_ document: Document) throws -> [String: ComposedParagraph] {
        var result: [String: ComposedParagraph] = [:]
        let note = style.footnote
        for (label, footnote) in document.footnotes {
            guard let number = footnoteNumbers[label] else { continue }
            let mark = TextSpan(text: String(number), role: note.role, sizePt: note.sizePt * 0.7, color: note.color,
                                location: footnote.location, risePt: note.sizePt * 0.3)
            let gap = TextSpan(text: " ", role: note.role, sizePt: note.sizePt, color: note.color, location: footnote.location)
            let format = ParagraphFormat(measurePt: style.page.textWidthPt, align: .justify, typography: style.typography)
            result[label] = try composer.compose([mark, gap] + spans(footnote.runs, note), format: format)
        }
        return result
    }

    func compose(_ runs: [TextRun], _ text: TextStyle, measure: Double, indentEm: Double = 0,
                 align: Alignment? = nil) throws -> ComposedParagraph {
        // Grid mode (GB/T 9704 5.2.3): text of the body size sits on a fixed character pitch,
        // the text block width over the characters per line.
        var grid: Double?
        if let chars = style.typography.gridCharsPerLine, text.sizePt == style.body.sizePt {
            grid = style.page.textWidthPt / Double(chars)
        }
        let indent = indentEm * (grid ?? text.sizePt)
        let format = ParagraphFormat(measurePt: measure, firstLineIndentPt: indent,
                                     align: align ?? text.align, typography: style.typography, gridPitchPt: grid)
        return try composer.compose(spans(runs, text), format: format)
    }

    /// One line of generated text (page numbers, contents entries) in a text style.
    /// `lineMeasure`: break lines at this width but centre them in `measure`.
    func composeGenerated(_ text: String, _ textStyle: TextStyle, what: String, measure: Double,
                          align: Alignment = .left, lineMeasure: Double? = nil, hangingIndent: Double = 0) throws -> ComposedParagraph {
        let location = SourceLocation(file: "style '\(style.name)' \(what)", line: 1, column: 1)
        let format = ParagraphFormat(measurePt: lineMeasure ?? measure, firstLineIndentPt: -hangingIndent, align: align,
                                     typography: style.typography, offsetPt: lineMeasure.map { (measure - $0) / 2 } ?? 0)
        return try composer.compose(spans([TextRun(text: text, location: location)], textStyle), format: format)
    }

    /// A centred title: a line break in the text is kept; a title that still wraps is set in
    /// lines of even length (GB/T 9704 7.3.1 asks for a balanced shape, not a long line and a
    /// short remainder).
    func composeTitle(_ text: String, _ textStyle: TextStyle, what: String, measure: Double) throws -> [ComposedParagraph] {
        try text.split(separator: "\n").map { part in
            var composed = try composeGenerated(String(part), textStyle, what: what, measure: measure, align: .center)
            let count = composed.lines.count
            guard count > 1 else { return composed }
            let total = composed.lines.reduce(0) { $0 + $1.naturalWidth }
            var balanced = total / Double(count) + textStyle.sizePt
            while balanced < measure {
                let attempt = try composeGenerated(String(part), textStyle, what: what, measure: balanced, align: .center)
                if attempt.lines.count == count {
                    composed = try composeGenerated(String(part), textStyle, what: what, measure: measure, align: .center,
                                                    lineMeasure: balanced)
                    break
                }
                balanced += textStyle.sizePt
            }
            return composed
        }
    }

    func headingStyle(_ level: Int) -> HeadingStyle {
        style.headings.last(where: { $0.level <= level }) ?? HeadingStyle(level: level, text: style.body, numbering: "")
    }

    private func composeBody(_ paragraph: Paragraph) throws -> ComposedParagraph {
        try compose(paragraph.runs, style.body, measure: style.page.textWidthPt, indentEm: style.body.firstLineIndentEm)
    }

    private func place(_ heading: Heading, followedBy next: Block?, at nextIndex: Int, _ state: inout LayoutState) throws {
        let hs = headingStyle(heading.level)
        var runs = heading.runs
        let number = headingNumbers[state.outline.count]
        if !number.isEmpty, let first = runs.first {
            runs.insert(TextRun(text: number, strong: first.strong, location: first.location), at: 0)
        }
        // A title bar (`bar_fill`) holds the heading inside its padding.
        let pad = hs.barPaddingPt
        let composed = try compose(runs, hs.text, measure: state.flow.measure - 2 * pad, indentEm: hs.text.firstLineIndentEm)
        state.fallbacks += composed.fallbacks
        if hs.pageBreakBefore, !state.flow.atPageTop { state.flow.newPage() }
        // Keep with next: the heading and the first lines of what follows share a page, so a
        // page never ends with a heading.
        let height = hs.text.spaceBeforePt + Double(composed.lines.count) * hs.text.linePitchPt + 2 * pad + hs.text.spaceAfterPt
        var following = next.map { followingHeight($0) } ?? 0
        // The first part of what follows as widow/orphan control will place it: all of a
        // paragraph of up to three lines, else two lines.
        var nextLines: Int?
        if case .paragraph(let paragraph)? = next {
            nextLines = try composeBody(paragraph).lines.count
        } else if case .list(let list)? = next, !list.items.isEmpty {
            nextLines = try composeItem(of: list, at: 0).lines.count
        }
        if let lines = nextLines {
            // On the grid one line of it is enough: the paragraph then fills the page (`placeParagraph`).
            let kept = fillsGrid(style.body) ? 1 : (lines <= 3 ? lines : 2)
            following = Double(kept) * style.body.linePitchPt
        }
        if !state.flow.atPageTop, height + following > state.flow.remaining { state.flow.newPage() }
        state.flow.addSpace(hs.text.spaceBeforePt)
        let destination = "h\(state.outline.count)"
        state.outline.append(OutlineEntry(level: heading.level, title: runs.plainText, pageIndex: state.flow.pageIndex,
                                          y: state.flow.y, destination: destination))
        if heading.level == 1, state.sectionStarts[state.flow.pageIndex] == nil {
            state.sectionStarts[state.flow.pageIndex] = runs.plainText
        }
        if let fill = hs.barFill {
            state.flow.add(.fill(x: state.flow.left, y: state.flow.y, width: state.flow.measure,
                                 height: Double(composed.lines.count) * hs.text.linePitchPt + 2 * pad, color: fill))
        }
        state.flow.advance(pad)
        state.flow.placeLines(composed, 0..<composed.lines.count, x: state.flow.left + pad, text: hs.text)
        state.flow.advance(pad + hs.text.spaceAfterPt)
    }

    /// Room the start of a block needs on the heading's page (two body lines, a table's
    /// caption, header and first row, a figure).
    private func followingHeight(_ block: Block) -> Double {
        switch block {
        case .heading(let h):
            // The next heading with the lines it keeps with it: else it moves on and
            // leaves this one alone at the page bottom.
            let next = headingStyle(h.level)
            return next.text.spaceBeforePt + next.text.linePitchPt + 2 * next.barPaddingPt + next.text.spaceAfterPt
                + keptLines * style.body.linePitchPt
        case .paragraph, .list: return keptLines * style.body.linePitchPt
        case .table: return style.table.caption.linePitchPt + 2 * (style.table.cell.linePitchPt + 2 * style.table.cellPaddingYPt)
        case .pageBreak, .toc, .cover: return 0
        case .signature: return 3 * style.body.linePitchPt
        case .attachments: return 2 * style.body.linePitchPt
        case .attachment, .banji: return 0
        case .chart(let block):
            return (try? FigureLayout(style: style, composer: composer, layout: self).height(of: block, measure: style.page.textWidthPt))
                ?? 6 * style.body.linePitchPt
        case .kpis(let block):
            return (try? KPILayout(style: style, layout: self).height(of: block, measure: style.page.textWidthPt)) ?? 0
        case .columns(let region):
            return (try? ColumnsLayout(style: style, layout: self).height(of: region)) ?? 0
        case .box(let box):
            return (try? BoxLayout(style: style, layout: self).height(of: box)) ?? 0
        }
    }

    /// Text on the character grid (GB/T 9704 5.2.3: 22 lines of 28 characters "撑满版心"):
    /// body-sized text at the body pitch in a style with `grid_chars_per_line`.
    func fillsGrid(_ text: TextStyle) -> Bool {
        style.typography.gridCharsPerLine != nil && text.sizePt == style.body.sizePt
            && abs(text.linePitchPt - style.body.linePitchPt) < 0.01
    }

    /// Body lines a heading keeps on its page: two (no orphan after it), one on the grid.
    private var keptLines: Double { fillsGrid(style.body) ? 1 : 2 }

    /// Places a paragraph, breaking it across pages without leaving one line of it alone at
    /// a page bottom (orphan) or top (widow). On the grid every page is filled to its last
    /// line instead: a line held back would leave the page a line short, which 5.2.3 does
    /// not allow (the grid comes before orphan control, as within a paragraph).
    func placeParagraph(_ composed: ComposedParagraph, x: Double, text: TextStyle, _ flow: inout PageFlow) {
        var line = 0
        let total = composed.lines.count
        let control = !fillsGrid(text)
        while line < total {
            let fit = flow.linesThatFit(composed, from: line, pitch: text.linePitchPt)
            let left = total - line
            if fit >= left {
                flow.placeLines(composed, line..<total, x: x, text: text)
                return
            }
            var take = fit
            if control, take == left - 1, take > 1 { take -= 1 }      // no widow on the next page
            if control, take < 2, left > 1 { take = 0 }                // no orphan at the bottom
            if take == 0 && flow.atPageTop { take = max(fit, 1) }
            flow.placeLines(composed, line..<(line + take), x: x, text: text)
            line += take
            flow.newPage()
        }
    }

    /// List items are set as Chinese documents set them: each item a paragraph with the usual
    /// 2-字 first-line indent and its marker (1. or •) in front, wrapped lines at the margin.
    private func place(_ list: ListBlock, _ state: inout LayoutState) throws {
        try placeItems(of: list, text: style.body, &state.flow, &state.fallbacks)
    }

    /// The organisation and the date at the end, right-aligned two characters in from the
    /// right edge, after a blank line; the date centred under the name.
    private func place(_ signature: Signature, _ state: inout LayoutState) throws {
        let body = style.body
        let inset = 2 * body.sizePt
        let name = try compose(signature.name, body, measure: state.flow.measure - inset, align: .right)
        let nameWidth = name.lines.map(\.width).max() ?? 0
        let date = try compose(signature.date, body, measure: state.flow.measure, align: .left)
        let dateWidth = date.lines.first?.width ?? 0
        state.fallbacks += name.fallbacks + date.fallbacks
        if state.flow.remaining < 3 * body.linePitchPt { state.flow.newPage() } else { state.flow.addSpace(body.linePitchPt) }
        state.flow.placeLines(name, 0..<name.lines.count, x: state.flow.left, text: body)
        let right = state.flow.left + state.flow.measure - inset
        let dateX = max(right - nameWidth / 2 - dateWidth / 2, state.flow.left)
        state.flow.placeLines(date, 0..<date.lines.count, x: min(dateX, right - dateWidth), text: body)
    }

    private func composeItem(of list: ListBlock, at index: Int) throws -> ComposedParagraph {
        try composeItem(of: list, at: index, text: style.body, measure: style.page.textWidthPt).paragraph
    }
}

/// What one layout pass accumulates.
struct LayoutState {
    var flow: PageFlow
    var outline: [OutlineEntry] = []
    var fallbacks: [FontFallback] = []
    var tableNumber = 0
    var figureNumber = 0
    /// Page indices without running heads or numbers (cover, contents).
    var unnumbered: Set<Int> = []
    /// The first level-1 heading that starts on a page, by page index (for `{section}`).
    var sectionStarts: [Int: String] = [:]

    init(style: Style) {
        flow = PageFlow(style: style)
    }
}

