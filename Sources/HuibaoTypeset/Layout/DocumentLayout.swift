import Foundation
import HuibaoCore

/// Lays a `Document` out on pages in a `Style`: title block, numbered headings kept with what
/// follows, justified paragraphs with widow/orphan control, lists, tables with repeated header
/// rows, page numbers.
public struct DocumentLayout {
    let style: Style
    let composer: ParagraphComposer
    /// The template's data, for charts that name a path into it.
    let data: DataNode?
    /// The folder of the input file, for charts that read a CSV file.
    let baseDirectory: String

    public init(style: Style, composer: ParagraphComposer, data: DataNode? = nil, baseDirectory: String = ".") {
        self.style = style
        self.composer = composer
        self.data = data
        self.baseDirectory = baseDirectory
    }

    public func layout(_ document: Document) throws -> LaidOutDocument {
        var flow = PageFlow(style: style)
        var outline: [OutlineEntry] = []
        var fallbacks: [FontFallback] = []
        var counter = HeadingCounter()
        var tableNumber = 0
        var figureNumber = 0
        try titleBlock(document.meta, &flow, &fallbacks)
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let heading):
                let next = document.blocks.dropFirst(index + 1).first
                try place(heading, followedBy: next, &flow, &counter, &outline, &fallbacks)
            case .paragraph(let paragraph):
                let composed = try compose(paragraph.runs, style.body, measure: flow.measure, indentEm: style.body.firstLineIndentEm)
                fallbacks += composed.fallbacks
                placeParagraph(composed, x: flow.left, text: style.body, &flow)
            case .list(let list):
                try place(list, &flow, &fallbacks)
            case .table(let table):
                tableNumber += 1
                try TableLayout(style: style, composer: composer, layout: self).place(table, number: tableNumber, &flow, &fallbacks)
            case .pageBreak:
                if !flow.atPageTop { flow.newPage() }
            case .chart(let block):
                figureNumber += 1
                try FigureLayout(style: style, composer: composer, layout: self)
                    .place(block, number: figureNumber, &flow, &fallbacks)
            }
        }
        var pages = flow.finish()
        try addFooters(&pages, &fallbacks)
        return LaidOutDocument(pages: pages, outline: outline, meta: document.meta,
                               pageWidthPt: style.page.widthPt, pageHeightPt: style.page.heightPt, fallbacks: fallbacks)
    }

    func spans(_ runs: [TextRun], _ text: TextStyle) -> [TextSpan] {
        runs.map { TextSpan(text: $0.text, role: text.role, sizePt: text.sizePt, bold: text.bold || $0.strong,
                            color: text.color, location: $0.location) }
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

    private func titleBlock(_ meta: DocumentMeta, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        guard let title = meta.title, !title.isEmpty else { return }
        let location = SourceLocation(file: "front matter", line: 1, column: 1)
        var lines: [(String, TextStyle)] = [(title, style.title)]
        if let subtitle = meta.subtitle { lines.append((subtitle, style.subtitle)) }
        for (text, textStyle) in lines {
            let composed = try compose([TextRun(text: text, location: location)], textStyle, measure: flow.measure, align: .center)
            fallbacks += composed.fallbacks
            flow.placeLines(composed, 0..<composed.lines.count, x: flow.left, text: textStyle)
            flow.advance(textStyle.spaceAfterPt)
        }
    }

    private func headingStyle(_ level: Int) -> HeadingStyle {
        style.headings.last(where: { $0.level <= level }) ?? HeadingStyle(level: level, text: style.body, numbering: "")
    }

    private func place(_ heading: Heading, followedBy next: Block?, _ flow: inout PageFlow, _ counter: inout HeadingCounter,
                       _ outline: inout [OutlineEntry], _ fallbacks: inout [FontFallback]) throws {
        let hs = headingStyle(heading.level)
        var runs = heading.runs
        if heading.numbered, !hs.numbering.isEmpty, let first = runs.first {
            let number = counter.next(level: heading.level, format: hs.numbering)
            runs.insert(TextRun(text: number, strong: first.strong, location: first.location), at: 0)
        }
        let composed = try compose(runs, hs.text, measure: flow.measure)
        fallbacks += composed.fallbacks
        // Keep with next: the heading and the first two lines of what follows share a page.
        let height = hs.text.spaceBeforePt + Double(composed.lines.count) * hs.text.linePitchPt + hs.text.spaceAfterPt
        let following = next.map { followingHeight($0) } ?? 0
        if !flow.atPageTop, height + following > flow.remaining { flow.newPage() }
        flow.addSpace(hs.text.spaceBeforePt)
        outline.append(OutlineEntry(level: heading.level, title: runs.plainText, pageIndex: flow.pageIndex, y: flow.y))
        flow.placeLines(composed, 0..<composed.lines.count, x: flow.left, text: hs.text)
        flow.advance(hs.text.spaceAfterPt)
    }

    /// Room the start of a block needs on the heading's page (two body lines, a table's
    /// caption, header and first row).
    private func followingHeight(_ block: Block) -> Double {
        switch block {
        case .heading(let h): return headingStyle(h.level).text.linePitchPt + style.body.linePitchPt
        case .paragraph, .list: return 2 * style.body.linePitchPt
        case .table: return style.table.caption.linePitchPt + 2 * (style.table.cell.linePitchPt + 2 * style.table.cellPaddingYPt)
        case .pageBreak: return 0
        case .chart: return 6 * style.body.linePitchPt
        }
    }

    /// Places a paragraph, breaking it across pages without leaving one line of it alone at
    /// a page bottom (orphan) or top (widow).
    func placeParagraph(_ composed: ComposedParagraph, x: Double, text: TextStyle, _ flow: inout PageFlow) {
        var line = 0
        let total = composed.lines.count
        while line < total {
            let fit = Int((flow.remaining + 0.01) / text.linePitchPt)
            let left = total - line
            if fit >= left {
                flow.placeLines(composed, line..<total, x: x, text: text)
                return
            }
            var take = fit
            if take == left - 1, take > 1 { take -= 1 }      // no widow on the next page
            if take < 2, left > 1 { take = 0 }                // no orphan at the bottom
            if take == 0 && flow.atPageTop { take = max(fit, 1) }
            flow.placeLines(composed, line..<(line + take), x: x, text: text)
            line += take
            flow.newPage()
        }
    }

    /// List items are set as Chinese documents set them: each item a paragraph with the usual
    /// 2-字 first-line indent and its marker (1. or •) in front, wrapped lines at the margin.
    private func place(_ list: ListBlock, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        let body = style.body
        for (index, item) in list.items.enumerated() {
            let marker = list.ordered ? "\(list.start + index)." : "• "
            let runs = [TextRun(text: marker, location: item.location)] + item.runs
            let composed = try compose(runs, body, measure: flow.measure, indentEm: body.firstLineIndentEm)
            fallbacks += composed.fallbacks
            placeParagraph(composed, x: flow.left, text: body, &flow)
        }
    }

    private func addFooters(_ pages: inout [Page], _ fallbacks: inout [FontFallback]) throws {
        let footer = style.footer
        guard !footer.format.isEmpty else { return }
        let baseline = style.page.textTopPt + style.page.textHeightPt + footer.dropMm * PageGeometry.pointsPerMm
        for i in pages.indices {
            let text = footer.format.replacingOccurrences(of: "{page}", with: String(pages[i].number))
                .replacingOccurrences(of: "{pages}", with: String(pages.count))
            let location = SourceLocation(file: "style '\(style.name)' footer", line: 1, column: 1)
            let composed = try compose([TextRun(text: text, location: location)], footer.text, measure: style.page.textWidthPt)
            fallbacks += composed.fallbacks
            pages[i].items.append(.text(composed, line: 0, x: style.page.textLeftPt, baseline: baseline))
        }
    }
}
