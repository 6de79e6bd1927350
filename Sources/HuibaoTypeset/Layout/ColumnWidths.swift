import HuibaoCore

/// Column widths of a table from its content (and the template's relative widths, when it
/// gives them): a figure never wraps, header cells and texts may wrap down to two or four
/// characters; the table fills the measure.
struct ColumnWidths {
    let table: Table
    let style: Style
    let layout: DocumentLayout

    struct Result {
        var widths: [Double]
        /// Per column, the widest body cell's text: the block a right-aligned column's figures
        /// are set in.
        var bodyNatural: [Double]
        /// Space between a cell's rules and its text, left and right: the style's padding
        /// when the table has room, less (down to 1/3 em) in a dense table.
        var padding: Double
    }

    func widths(measure: Double) throws -> Result {
        let ts = style.table
        let columns = table.alignments.count
        var natural = Array(repeating: 0.0, count: columns)
        var minimum = Array(repeating: 0.0, count: columns)
        var bodyNatural = Array(repeating: 0.0, count: columns)
        let rows = table.headerRows.map { (cells: $0, isHeader: true) } + table.bodyRows.map { (cells: $0, isHeader: false) }
        for (cells, isHeader) in rows {
            let text = isHeader ? ts.header : ts.cell
            var column = 0
            for cell in cells {
                defer { column += cell.span }
                // A merged cell does not decide the width of the columns under it.
                guard cell.span == 1 else { continue }
                let width = try layout.compose(cell.runs, text, measure: 10_000, align: .left).lines.map(\.naturalWidth).max() ?? 0
                natural[column] = max(natural[column], width)
                if !isHeader { bodyNatural[column] = max(bodyNatural[column], width) }
                let isFigure = !isHeader && cell.runs.plainText.contains { $0.isASCII && $0.isNumber }
                let floor = isFigure ? width : (isHeader ? 2 : 4) * text.sizePt
                minimum[column] = max(minimum[column], min(width, floor))
            }
        }
        // Figures of a right-aligned column line up on their decimal points in a block as wide
        // as the widest figure plus the longest decimal tail (TableLayout): that block must
        // fit, or a figure without a tail (3,120 under 1.33) would wrap.
        for (column, alignment) in table.alignments.enumerated() where alignment == .right {
            var longestTail = 0.0, hasFigure = false
            for cells in table.bodyRows {
                let starts = cells.indices.map { index in cells[..<index].reduce(0) { $0 + $1.span } }
                guard let index = starts.firstIndex(of: column), cells[index].span == 1,
                      let tail = TableLayout.decimalTail(cells[index].runs.plainText) else { continue }
                hasFigure = true
                guard !tail.isEmpty else { continue }
                let width = try layout.compose([TextRun(text: tail, location: table.location)], ts.cell, measure: 10_000, align: .left)
                    .lines.first?.naturalWidth ?? 0
                longestTail = max(longestTail, width)
            }
            guard hasFigure else { continue }
            minimum[column] = max(minimum[column], bodyNatural[column] + longestTail)
            natural[column] = max(natural[column], bodyNatural[column] + longestTail)
        }
        let minimumPad = ts.cell.sizePt / 3
        // The style's padding, less when the columns' minimum widths leave no room for it.
        // With widths given by the template, padding takes at most 40 % of that room, so that
        // the columns can keep the proportions asked for.
        let room = (measure - minimum.reduce(0, +)) / Double(2 * columns)
        let pad = max(min(ts.cellPaddingXPt, table.widths == nil ? room : room * 0.4), minimumPad)
        natural = natural.map { $0 + 2 * pad }
        minimum = minimum.map { $0 + 2 * pad }
        let result = { (widths: [Double]) in Result(widths: widths, bodyNatural: bodyNatural, padding: pad) }
        if let weights = table.widths {
            return result(Self.fill(measure, weights: weights, minimum: minimum))
        }
        let totalNatural = natural.reduce(0, +)
        if totalNatural <= measure {
            let extra = (measure - totalNatural) / Double(columns)
            return result(natural.map { $0 + extra })
        }
        let totalMinimum = minimum.reduce(0, +)
        guard totalMinimum < measure else { return result(minimum.map { $0 * measure / totalMinimum }) }
        let share = (measure - totalMinimum) / (totalNatural - totalMinimum)
        return result(zip(minimum, natural).map { $0 + ($1 - $0) * share })
    }

    /// Widths in proportion to the template's weights, but never below a column's minimum:
    /// a column held at its minimum leaves the rest to be shared by the others' weights.
    static func fill(_ measure: Double, weights: [Double], minimum: [Double]) -> [Double] {
        var widths = Array(repeating: 0.0, count: weights.count)
        var free = Set(weights.indices)
        var room = measure
        while !free.isEmpty {
            let total = free.reduce(0) { $0 + weights[$1] }
            let held = free.filter { room * weights[$0] / total < minimum[$0] }
            guard !held.isEmpty else {
                for i in free { widths[i] = room * weights[i] / total }
                break
            }
            for i in held {
                widths[i] = minimum[i]
                room -= minimum[i]
                free.remove(i)
            }
        }
        return widths
    }
}
