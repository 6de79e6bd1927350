import HuibaoCore

/// Sets a `::: box` region: a shaded panel across the column with a bar down its left edge,
/// its optional title in the accent colour, then its paragraphs and lists in the box's text
/// style, inside the padding. A box is kept on one page.
struct BoxLayout {
    let style: Style
    let layout: DocumentLayout

    func place(_ box: BoxBlock, _ state: inout LayoutState) throws {
        try RegionPlacement.keepTogether(at: box.location, what: "the box and its text", &state) { try set(box, &$0) }
    }

    /// The room the box takes at the top of a page (what a heading keeps with it).
    func height(of box: BoxBlock) throws -> Double {
        try RegionPlacement.height(style: style) { try set(box, &$0) }
    }

    /// Sets the box from the cursor; false when it ran past the page.
    private func set(_ box: BoxBlock, _ state: inout LayoutState) throws -> Bool {
        let bs = style.box
        state.flow.addSpace(bs.spaceBeforePt)
        let outer = state.flow.region
        let left = state.flow.left, width = state.flow.measure
        let top = state.flow.y, page = state.flow.pageIndex
        let bar = bs.accentColor == nil ? 0 : bs.accentWidthPt
        let firstItem = state.flow.itemCount
        state.flow.setRegion(PageFlow.Region(left: left + bar + bs.paddingPt, measure: width - bar - 2 * bs.paddingPt,
                                             top: top + bs.paddingPt), y: top + bs.paddingPt)
        if let title = box.title {
            let composed = try layout.compose(title, bs.title, measure: state.flow.measure, align: .left)
            state.fallbacks += composed.fallbacks
            state.flow.placeLines(composed, 0..<composed.lines.count, x: state.flow.left, text: bs.title)
            state.flow.advance(bs.title.spaceAfterPt)
        }
        for block in box.blocks { try layout.placeInRegion(block, text: bs.text, &state) }
        let bottom = state.flow.y + bs.paddingPt
        guard state.flow.pageIndex == page, bottom <= state.flow.bottom + 0.01 else { return false }
        state.flow.setRegion(outer, y: bottom)
        // The panel goes under the text already placed on it.
        if let fill = bs.fill {
            state.flow.insert(.fill(x: left, y: top, width: width, height: bottom - top, color: fill), at: firstItem)
        }
        if let accent = bs.accentColor {
            state.flow.insert(.fill(x: left, y: top, width: bar, height: bottom - top, color: accent), at: firstItem + (bs.fill == nil ? 0 : 1))
        }
        if let border = bs.borderColor, bs.borderWidthPt > 0 {
            let w = bs.borderWidthPt, h = w / 2, right = left + width
            state.flow.add(.rule(from: (left + h, top + h), to: (right - h, top + h), width: w, color: border))
            state.flow.add(.rule(from: (right - h, top + h), to: (right - h, bottom - h), width: w, color: border))
            state.flow.add(.rule(from: (right - h, bottom - h), to: (left + h, bottom - h), width: w, color: border))
            state.flow.add(.rule(from: (left + h, bottom - h), to: (left + h, top + h), width: w, color: border))
        }
        state.flow.addSpace(bs.spaceAfterPt)
        return true
    }
}
