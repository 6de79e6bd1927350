import HuibaoCore

/// The key of a chart: a swatch (a square for bars and areas, a short line with its marker
/// for lines) and the series name, in rows centred under the chart or in a column beside it.
struct ChartLegend {
    struct Entry {
        var look: SeriesLook
        var label: ChartLabel
    }

    let entries: [Entry]
    let typesetter: ChartTypesetter
    /// Rows of entry indices, as laid out for the width given.
    private(set) var rows: [[Int]]
    /// Width of the widest row (or of the column).
    private(set) var width: Double
    let vertical: Bool

    static let swatch = 8.0
    static let lineSwatch = 18.0
    static let entryGap = 16.0
    static let swatchGap = 4.0

    init(entries: [Entry], typesetter: ChartTypesetter, maxWidth: Double, vertical: Bool) {
        self.entries = entries
        self.typesetter = typesetter
        self.vertical = vertical
        rows = []
        width = 0
        if vertical {
            rows = entries.indices.map { [$0] }
            width = entries.indices.map(entryWidth).max() ?? 0
            return
        }
        var row: [Int] = [], rowWidth = 0.0
        for i in entries.indices {
            let w = entryWidth(i)
            if !row.isEmpty, rowWidth + Self.entryGap + w > maxWidth {
                rows.append(row)
                width = max(width, rowWidth)
                row = []
                rowWidth = 0
            }
            rowWidth += (row.isEmpty ? 0 : Self.entryGap) + w
            row.append(i)
        }
        if !row.isEmpty {
            rows.append(row)
            width = max(width, rowWidth)
        }
    }

    var rowPitch: Double { typesetter.pitch + 3 }
    var height: Double { Double(rows.count) * rowPitch - 3 }

    private func swatchWidth(_ i: Int) -> Double {
        entries[i].look.kind == .line ? Self.lineSwatch : Self.swatch
    }

    private func entryWidth(_ i: Int) -> Double {
        swatchWidth(i) + Self.swatchGap + entries[i].label.width
    }

    /// The legend's marks with its top left at (x, y); rows are centred in `boxWidth`.
    func marks(x: Double, y: Double, boxWidth: Double) -> [ChartMark] {
        var marks: [ChartMark] = []
        for (r, row) in rows.enumerated() {
            let rowWidth = row.map(entryWidth).reduce(0, +) + Self.entryGap * Double(row.count - 1)
            var cx = vertical ? x : x + (boxWidth - rowWidth) / 2
            let top = y + Double(r) * rowPitch
            let mid = top + typesetter.pitch / 2
            for i in row {
                let e = entries[i]
                switch e.look.kind {
                case .bar, .area:
                    marks.append(.rect(ChartRect(x: cx, y: mid - Self.swatch / 2, width: Self.swatch, height: Self.swatch), fill: e.look.color))
                case .line:
                    let points = [ChartPoint(x: cx, y: mid), ChartPoint(x: cx + Self.lineSwatch, y: mid)]
                    marks.append(.line(points, color: e.look.color, width: e.look.lineWidth, dash: e.look.dash))
                    marks.append(.marker(ChartPoint(x: cx + Self.lineSwatch / 2, y: mid), shape: e.look.marker, size: 5,
                                         fill: e.look.hollow ? ChartPalette.white : e.look.color, stroke: e.look.color, lineWidth: 1))
                }
                cx += swatchWidth(i) + Self.swatchGap
                marks.append(.text(PlacedLabel(label: e.label, origin: ChartPoint(x: cx, y: top))))
                cx += e.label.width + Self.entryGap
            }
        }
        return marks
    }
}
