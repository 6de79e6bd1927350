import HuibaoCore

/// Sets a `::: columns` region: each column is the text block narrowed to its share of the
/// width (less the style's gap), every column starts at the same height, and the flow goes
/// on below the tallest. A region is kept on one page: when a column does not fit, the
/// region moves to the next page whole.
struct ColumnsLayout {
    let style: Style
    let layout: DocumentLayout

    func place(_ region: ColumnsBlock, _ state: inout LayoutState) throws {
        try RegionPlacement.keepTogether(at: region.location, what: "the columns", &state) { try set(region, &$0) }
    }

    /// The room the region takes at the top of a page (what a heading keeps with it).
    func height(of region: ColumnsBlock) throws -> Double {
        try RegionPlacement.height(style: style) { try set(region, &$0) }
    }

    /// Sets the columns from the cursor; false when one of them ran past the page.
    private func set(_ region: ColumnsBlock, _ state: inout LayoutState) throws -> Bool {
        let cs = style.columns
        state.flow.addSpace(cs.spaceBeforePt)
        let gap = cs.gapMm * PageGeometry.pointsPerMm
        let outer = state.flow.region
        let room = state.flow.measure - gap * Double(region.columns.count - 1)
        let total = region.widths.reduce(0, +)
        let top = state.flow.y, page = state.flow.pageIndex
        var x = state.flow.left, bottom = top
        var gaps: [Double] = []
        for (index, blocks) in region.columns.enumerated() {
            let width = room * region.widths[index] / total
            state.flow.setRegion(PageFlow.Region(left: x, measure: width, top: top), y: top)
            for block in blocks { try layout.placeInRegion(block, text: cs.text, &state) }
            guard state.flow.pageIndex == page, state.flow.y <= state.flow.bottom + 0.01 else { return false }
            bottom = max(bottom, state.flow.y)
            x += width + gap
            gaps.append(x - gap / 2)
        }
        state.flow.setRegion(outer, y: bottom)
        if cs.rule {
            for middle in gaps.dropLast() {
                state.flow.add(.rule(from: (middle, top), to: (middle, bottom), width: 0.5, color: cs.ruleColor))
            }
        }
        state.flow.addSpace(cs.spaceAfterPt)
        return true
    }
}

/// What keeps a region (columns, a box) whole on one page.
enum RegionPlacement {
    /// Runs `set` on a copy of the layout state; when it reports that the region ran past
    /// the page, moves to a new page and runs it again there. A region taller than a page
    /// is an error, never a region cut in two.
    static func keepTogether(at location: SourceLocation, what: String, _ state: inout LayoutState,
                             _ set: (inout LayoutState) throws -> Bool) throws {
        var attempt = state
        if try set(&attempt) { state = attempt; return }
        let tooTall = HuibaoError(.layout, "\(what) do not fit on one page", at: location,
                                  hint: "shorten what stands in them, or split the region in two")
        // A region inside a column: the column's own region moves to the next page.
        guard state.flow.region == nil else { state = attempt; return }
        guard !state.flow.atPageTop else { throw tooTall }
        state.flow.newPage()
        attempt = state
        guard try set(&attempt) else { throw tooTall }
        state = attempt
    }

    /// The room a region takes at the top of a page (what a heading keeps with it): `set`
    /// run on an empty page of the style.
    static func height(style: Style, _ set: (inout LayoutState) throws -> Bool) throws -> Double {
        var state = LayoutState(style: style)
        let top = state.flow.y
        _ = try set(&state)
        return state.flow.y - top
    }
}

extension DocumentLayout {
    /// Places a block that stands inside a region, in the flow's current column: text in
    /// the region's text style, tables, figures, KPI cards and boxes as in the body.
    func placeInRegion(_ block: Block, text: TextStyle, _ state: inout LayoutState) throws {
        switch block {
        case .paragraph(let paragraph):
            let composed = try compose(paragraph.runs, text, measure: state.flow.measure, indentEm: text.firstLineIndentEm)
            state.fallbacks += composed.fallbacks
            placeParagraph(composed, x: state.flow.left, text: text, &state.flow)
        case .list(let list):
            try placeItems(of: list, text: text, &state.flow, &state.fallbacks)
        case .table(let table):
            state.tableNumber += 1
            try TableLayout(style: style, composer: composer, layout: self)
                .place(table, number: state.tableNumber, &state.flow, &state.fallbacks)
        case .chart(let block):
            state.figureNumber += 1
            try FigureLayout(style: style, composer: composer, layout: self)
                .place(block, number: state.figureNumber, &state.flow, &state.fallbacks)
        case .kpis(let block):
            try KPILayout(style: style, layout: self).place(block, &state.flow, &state.fallbacks)
        case .box(let box):
            try BoxLayout(style: style, layout: self).place(box, &state)
        default:
            // The parser keeps headings, page breaks, covers, contents and signatures out.
            break
        }
    }
}
