import Foundation
import HuibaoCore

/// Tables: caption above (表1 …), column widths from content, cells composed like paragraphs,
/// figures right-aligned on their decimal point, merged header cells, optional zebra rows,
/// header rows repeated on every page the table spans, rows kept whole unless taller than a
/// page, notes (注：/资料来源：) below.
struct TableLayout {
    let style: Style
    let composer: ParagraphComposer
    let layout: DocumentLayout

    /// A composed row: each cell with its column range and where its text starts.
    private struct Row {
        struct Cell {
            var text: ComposedParagraph
            var firstColumn: Int
            var span: Int
            /// From the cell's left edge to its text.
            var inset: Double
        }
        var cells: [Cell]
        var lines: Int
        var textStyle: TextStyle
        var fill: RGBColor?
    }

    private var ts: TableStyle { style.table }

    func place(_ table: Table, number: Int, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        let layoutOfColumns = try ColumnWidths(table: table, style: style, layout: layout).widths(measure: flow.measure)
        let columns = layoutOfColumns.widths, blocks = layoutOfColumns.bodyNatural
        let pad = layoutOfColumns.padding
        let header = try table.headerRows.map { try row($0, columns, pad: pad, text: ts.header, alignments: nil, fill: ts.headerFill) }
        let tails = try decimalTails(table)
        let rows = try table.bodyRows.enumerated().map { index, cells in
            try row(cells, columns, pad: pad, text: ts.cell, alignments: table.alignments,
                    fill: index % 2 == 1 ? ts.zebraFill : nil, figures: (blocks, tails, index))
        }
        for r in header + rows { for c in r.cells { fallbacks += c.text.fallbacks } }

        var caption: ComposedParagraph?
        if let runs = table.caption {
            let label = TextRun(text: "表\(number) ", location: runs.first?.location ?? table.location)
            caption = try layout.compose([label] + runs, ts.caption, measure: flow.measure, align: .center)
        }
        let captionHeight = (caption.map { Double($0.lines.count) * ts.caption.linePitchPt + ts.caption.spaceBeforePt + ts.caption.spaceAfterPt } ?? 0)
            + (table.unit == nil ? 0 : ts.note.linePitchPt)
        let headerHeight = header.reduce(0) { $0 + height($1) }
        if !flow.atPageTop, captionHeight + headerHeight + (rows.first.map(height) ?? 0) > flow.remaining { flow.newPage() }
        flow.addSpace(ts.caption.spaceBeforePt)
        if let caption {
            flow.placeLines(caption, 0..<caption.lines.count, x: flow.left, text: ts.caption)
            flow.advance(ts.caption.spaceAfterPt)
        }
        if let unit = table.unit {
            // 单位：万元, set small at the table's top right.
            let line = try layout.compose([TextRun(text: unit, location: table.location)], ts.note, measure: flow.measure, align: .right)
            flow.placeLines(line, 0..<line.lines.count, x: flow.left, text: ts.note)
        }
        for h in header { draw(h, columns, lines: 0..<h.lines, &flow) }
        let pageCapacity = style.page.textHeightPt - headerHeight
        for r in rows {
            var line = 0
            while line < r.lines {
                let left = r.lines - line
                let needed = Double(left) * r.textStyle.linePitchPt + 2 * ts.cellPaddingYPt
                if needed <= flow.remaining || (flow.remaining >= pageCapacity - 0.01 && needed <= pageCapacity) {
                    draw(r, columns, lines: line..<r.lines, &flow)
                    break
                }
                // Rows stay whole; only a row taller than a whole page is cut, at a line.
                let fit = Int((flow.remaining - 2 * ts.cellPaddingYPt) / r.textStyle.linePitchPt)
                if needed > pageCapacity, fit >= 1 {
                    draw(r, columns, lines: line..<(line + fit), &flow)
                    line += fit
                }
                flow.newPage()
                for h in header { draw(h, columns, lines: 0..<h.lines, &flow) }
            }
        }
        for note in table.notes {
            let composed = try layout.compose(note, ts.note, measure: flow.measure)
            fallbacks += composed.fallbacks
            flow.advance(ts.note.spaceBeforePt)
            layout.placeParagraph(composed, x: flow.left, text: ts.note, &flow)
        }
        flow.addSpace(style.body.linePitchPt / 2)
    }

    private func height(_ row: Row) -> Double {
        Double(row.lines) * row.textStyle.linePitchPt + 2 * ts.cellPaddingYPt
    }

    /// The width of the part of a figure from its decimal point on (".5%", "" for "1,200"),
    /// per right-aligned column: what each cell is padded by so the points line up.
    private func decimalTails(_ table: Table) throws -> [Int: [Double]] {
        var result: [Int: [Double]] = [:]
        for (column, alignment) in table.alignments.enumerated() where alignment == .right {
            result[column] = try table.bodyRows.map { cells in
                guard let cell = cellStarting(at: column, in: cells), cell.span == 1,
                      let tail = Self.decimalTail(cell.runs.plainText) else { return -1 }
                guard !tail.isEmpty else { return 0 }
                return try layout.compose([TextRun(text: tail, location: table.location)], ts.cell, measure: 1000, align: .left)
                    .lines.first?.naturalWidth ?? 0
            }
        }
        return result
    }

    /// "12,345.67" → ".67", "5.2%" → ".2%", "1,200" → "", text that is not a figure → nil.
    static func decimalTail(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let first = t.first, first.isNumber || ((first == "-" || first == "−" || first == "+") && t.count > 1) else { return nil }
        let digits = t.drop { !$0.isNumber }
        guard digits.prefix(while: { $0.isNumber || $0 == "," }).count > 0 else { return nil }
        if let point = t.firstIndex(of: "."), t[t.index(after: point)...].first?.isNumber == true { return String(t[point...]) }
        let afterNumber = t.drop { $0.isNumber || $0 == "," || "+-−".contains($0) }
        return String(afterNumber)
    }

    private func cellStarting(at column: Int, in cells: [TableCell]) -> TableCell? {
        var c = 0
        for cell in cells {
            if c == column { return cell }
            c += cell.span
        }
        return nil
    }

    /// A right-aligned column is set as a block as wide as its widest cell, centred in the
    /// column: figures align on their decimal points and keep clear of the neighbours.
    /// `figures`: per column the width of its widest body cell, per column and row the width
    /// of each figure's decimal tail (-1: not a figure), and this row's index.
    private func row(_ cells: [TableCell], _ columns: [Double], pad: Double, text: TextStyle, alignments: [Table.ColumnAlignment]?,
                     fill: RGBColor?, figures: (blocks: [Double], tails: [Int: [Double]], row: Int)? = nil) throws -> Row {
        var composed: [Row.Cell] = []
        var column = 0
        for cell in cells {
            let width = columns[column..<(column + cell.span)].reduce(0, +)
            let inner = width - 2 * pad
            let plain = cell.runs.plainText
            // A placeholder (— or …) stands in the middle of its cell, whatever the column.
            let isPlaceholder = !plain.isEmpty && plain.allSatisfy { "—–-…".contains($0) }
            var measure = inner, inset = pad
            let align: Alignment
            switch isPlaceholder || cell.span > 1 ? (alignments == nil ? nil : .center) : alignments?[column] {
            case .right?:
                align = .right
                let tails = figures?.tails[column] ?? []
                // -1 marks a cell that is not a figure: it has no tail to make room for.
                let maxTail = max(tails.max() ?? 0, 0)
                measure = min(inner, figures.map { $0.blocks[column] + maxTail } ?? inner)
                inset = pad + (inner - measure) / 2
                // Pad a figure on the right so that its decimal point sits where the widest
                // tail's does (1,200 under 1,234.5 ends where the point is).
                if let row = figures?.row, row < tails.count, tails[row] >= 0 { measure -= maxTail - tails[row] }
            case .center?: align = .center
            case .left?: align = .justify
            case nil: align = text.align
            }
            let paragraph = try layout.compose(cell.runs, text, measure: max(measure, text.sizePt), align: align)
            composed.append(Row.Cell(text: paragraph, firstColumn: column, span: cell.span, inset: inset))
            column += cell.span
        }
        return Row(cells: composed, lines: max(composed.map(\.text.lines.count).max() ?? 1, 1), textStyle: text, fill: fill)
    }

    private func draw(_ row: Row, _ columns: [Double], lines: Range<Int>, _ flow: inout PageFlow) {
        let text = row.textStyle
        let top = flow.y
        let rowHeight = Double(lines.count) * text.linePitchPt + 2 * ts.cellPaddingYPt
        let totalWidth = columns.reduce(0, +)
        if let fill = row.fill { flow.add(.fill(x: flow.left, y: top, width: totalWidth, height: rowHeight, color: fill)) }
        let lineColor = RGBColor(red: 0.25, green: 0.25, blue: 0.25)
        let whole = lines.count == row.lines
        for cell in row.cells {
            let x = flow.left + columns[..<cell.firstColumn].reduce(0, +)
            let shown = cell.text.lines.indices.clamped(to: lines)
            // A whole row is centred vertically; a row cut across pages starts at the top.
            let cellHeight = Double(shown.count) * text.linePitchPt
            var boxTop = whole ? top + (rowHeight - cellHeight) / 2 : top + ts.cellPaddingYPt
            for line in shown {
                flow.add(.text(cell.text, line: line, x: x + cell.inset, baseline: PageFlow.baseline(boxTop: boxTop, text: text)))
                boxTop += text.linePitchPt
            }
            flow.takeNotes(of: cell.text, shown)
            flow.add(.rule(from: (x, top), to: (x, top + rowHeight), width: ts.ruleWidthPt, color: lineColor))
        }
        let right = flow.left + totalWidth
        flow.add(.rule(from: (right, top), to: (right, top + rowHeight), width: ts.ruleWidthPt, color: lineColor))
        flow.add(.rule(from: (flow.left, top), to: (right, top), width: ts.ruleWidthPt, color: lineColor))
        flow.add(.rule(from: (flow.left, top + rowHeight), to: (right, top + rowHeight), width: ts.ruleWidthPt, color: lineColor))
        flow.advance(rowHeight)
    }
}
