import HuibaoCore

/// Tables: caption above (表1 …), column widths from content, cells composed like paragraphs,
/// rows kept whole, the header row repeated on every page the table spans.
struct TableLayout {
    let style: Style
    let composer: ParagraphComposer
    let layout: DocumentLayout

    private struct Row {
        var cells: [ComposedParagraph]
        /// Where each cell's text starts, from the cell's left edge.
        var insets: [Double]
        var height: Double
    }

    func place(_ table: Table, number: Int, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        let ts = style.table
        let (widths, bodyNatural) = try columnWidths(table, measure: flow.measure)
        let header = try row(table.header, widths: widths, blockWidths: nil, text: ts.header, alignments: nil)
        let rows = try table.rows.map {
            try row($0, widths: widths, blockWidths: bodyNatural, text: ts.cell, alignments: table.alignments)
        }
        for r in [header] + rows { for c in r.cells { fallbacks += c.fallbacks } }

        var caption: ComposedParagraph?
        if let runs = table.caption {
            let label = TextRun(text: "表\(number) ", location: runs.first?.location ?? table.location)
            caption = try layout.compose([label] + runs, ts.caption, measure: flow.measure, align: .center)
        }
        let captionHeight = caption.map { Double($0.lines.count) * ts.caption.linePitchPt + ts.caption.spaceBeforePt + ts.caption.spaceAfterPt } ?? 0
        let firstRow = rows.first?.height ?? 0
        if !flow.atPageTop, captionHeight + header.height + firstRow > flow.remaining { flow.newPage() }
        flow.addSpace(ts.caption.spaceBeforePt)
        if let caption {
            flow.placeLines(caption, 0..<caption.lines.count, x: flow.left, text: ts.caption)
            flow.advance(ts.caption.spaceAfterPt)
        }
        draw(header, widths: widths, text: ts.header, fill: ts.headerFill, &flow)
        for r in rows {
            if r.height > flow.remaining, !flow.atPageTop {
                flow.newPage()
                draw(header, widths: widths, text: ts.header, fill: ts.headerFill, &flow)
            }
            draw(r, widths: widths, text: ts.cell, fill: nil, &flow)
        }
        flow.addSpace(style.body.linePitchPt / 2)
    }

    /// A right-aligned (numeric) column is set as a block as wide as its widest cell, centred
    /// in the column: the figures align on their right edge and keep clear of the neighbours.
    private func row(_ cells: [[TextRun]], widths: [Double], blockWidths: [Double]?, text: TextStyle,
                     alignments: [Table.ColumnAlignment]?) throws -> Row {
        var composed: [ComposedParagraph] = []
        var insets: [Double] = []
        let pad = style.table.cellPaddingXPt
        for (i, runs) in cells.enumerated() {
            let inner = widths[i] - 2 * pad
            var measure = inner
            let align: Alignment
            // A placeholder (— or …) stands in the middle of its cell, whatever the column.
            let isPlaceholder = !runs.plainText.isEmpty && runs.plainText.allSatisfy { "—–-…".contains($0) }
            switch isPlaceholder ? .center : alignments?[i] {
            case .right?:
                align = .right
                measure = min(inner, blockWidths?[i] ?? inner)
            case .center?: align = .center
            case .left?: align = .justify
            case nil: align = text.align
            }
            composed.append(try layout.compose(runs, text, measure: measure, align: align))
            insets.append(pad + (inner - measure) / 2)
        }
        let lines = composed.map(\.lines.count).max() ?? 1
        return Row(cells: composed, insets: insets, height: Double(max(lines, 1)) * text.linePitchPt + 2 * style.table.cellPaddingYPt)
    }

    private func draw(_ row: Row, widths: [Double], text: TextStyle, fill: RGBColor?, _ flow: inout PageFlow) {
        let ts = style.table
        let top = flow.y
        let totalWidth = widths.reduce(0, +)
        if let fill { flow.add(.fill(x: flow.left, y: top, width: totalWidth, height: row.height, color: fill)) }
        var x = flow.left
        let lineColor = RGBColor(red: 0.25, green: 0.25, blue: 0.25)
        for (i, cell) in row.cells.enumerated() {
            // Vertically centred in the row.
            let cellHeight = Double(cell.lines.count) * text.linePitchPt
            var boxTop = top + (row.height - cellHeight) / 2
            for line in 0..<cell.lines.count {
                flow.add(.text(cell, line: line, x: x + row.insets[i], baseline: PageFlow.baseline(boxTop: boxTop, text: text)))
                boxTop += text.linePitchPt
            }
            flow.add(.rule(from: (x, top), to: (x, top + row.height), width: ts.ruleWidthPt, color: lineColor))
            x += widths[i]
        }
        flow.add(.rule(from: (x, top), to: (x, top + row.height), width: ts.ruleWidthPt, color: lineColor))
        flow.add(.rule(from: (flow.left, top), to: (x, top), width: ts.ruleWidthPt, color: lineColor))
        flow.add(.rule(from: (flow.left, top + row.height), to: (x, top + row.height), width: ts.ruleWidthPt, color: lineColor))
        flow.advance(row.height)
    }

    /// Each column gets at least its longest word and, room permitting, its longest line;
    /// the table fills the measure.
    private func columnWidths(_ table: Table, measure: Double) throws -> (widths: [Double], bodyNatural: [Double]) {
        let ts = style.table
        let pad = 2 * ts.cellPaddingXPt
        let columns = table.alignments.count
        var natural = Array(repeating: 0.0, count: columns)
        var minimum = Array(repeating: 0.0, count: columns)
        var bodyNatural = Array(repeating: 0.0, count: columns)
        for (rowIndex, cells) in ([table.header] + table.rows).enumerated() {
            let text = rowIndex == 0 ? ts.header : ts.cell
            for (i, runs) in cells.enumerated() {
                let one = try layout.compose(runs, text, measure: 10_000, align: .left)
                let width = one.lines.map(\.naturalWidth).max() ?? 0
                natural[i] = max(natural[i], width + pad)
                if rowIndex > 0 { bodyNatural[i] = max(bodyNatural[i], width) }
                // A figure never wraps (增长42.2%, 4,862.7); header cells and texts may, down
                // to two or four characters.
                let isFigure = rowIndex > 0 && runs.plainText.contains { $0.isASCII && $0.isNumber }
                let floor = isFigure ? width : (rowIndex == 0 ? 2 : 4) * text.sizePt
                minimum[i] = max(minimum[i], min(width, floor) + pad)
            }
        }
        let totalNatural = natural.reduce(0, +)
        if totalNatural <= measure {
            let extra = (measure - totalNatural) / Double(columns)
            return (natural.map { $0 + extra }, bodyNatural)
        }
        let totalMinimum = minimum.reduce(0, +)
        guard totalMinimum < measure else { return (minimum.map { $0 * measure / totalMinimum }, bodyNatural) }
        let share = (measure - totalMinimum) / (totalNatural - totalMinimum)
        return (zip(minimum, natural).map { $0 + ($1 - $0) * share }, bodyNatural)
    }
}
