import HuibaoCore

/// Column widths of a table from its content: a figure never wraps, header cells and texts
/// may wrap down to two or four characters; the table fills the measure.
struct ColumnWidths {
    let table: Table
    let style: Style
    let layout: DocumentLayout

    /// The widths, and per column the width of its widest body cell (the block a right-aligned
    /// column's figures are set in).
    func widths(measure: Double) throws -> (widths: [Double], bodyNatural: [Double]) {
        let ts = style.table
        let pad = 2 * ts.cellPaddingXPt
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
                natural[column] = max(natural[column], width + pad)
                if !isHeader { bodyNatural[column] = max(bodyNatural[column], width) }
                let isFigure = !isHeader && cell.runs.plainText.contains { $0.isASCII && $0.isNumber }
                let floor = isFigure ? width : (isHeader ? 2 : 4) * text.sizePt
                minimum[column] = max(minimum[column], min(width, floor) + pad)
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
