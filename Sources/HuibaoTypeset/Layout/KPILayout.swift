import HuibaoCore

/// Sets a ```kpis``` block as a strip of cards: per card its label, the figure large with
/// its unit on the same baseline, the change (同比 ▲5.2%) in the colour of its direction,
/// and an optional note; cards of a row share one height, and their figures one baseline.
/// A strip is never split across pages.
struct KPILayout {
    let style: Style
    let layout: DocumentLayout

    private var ks: KPIStyle { style.kpi }

    /// A piece of text in a card: a composed line, its style and its x from the card's inner left.
    private struct Piece {
        var text: ComposedParagraph
        var style: TextStyle
        var x: Double
    }

    /// One card, composed for an inner width.
    private struct Card {
        var label: ComposedParagraph
        var value: Piece
        var unit: Piece?
        var change: [Piece]
        var note: ComposedParagraph?
        var fallbacks: [FontFallback]
    }

    /// The strip, ready to place: cards in rows, each row's height and label lines.
    private struct Strip {
        var rows: [[Card]]
        var cardWidth: Double
        var rowHeights: [Double]
        var labelLines: [Int]
        var gap: Double
        var height: Double { rowHeights.reduce(0, +) + Double(max(rowHeights.count - 1, 0)) * gap }
    }

    func place(_ block: KPIBlock, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        let strip = try build(block, measure: flow.measure)
        for row in strip.rows { for card in row { fallbacks += card.fallbacks } }
        guard strip.height <= flow.bottom - flow.top else {
            throw HuibaoError(.layout, "the KPI cards are \(Int(strip.height)) pt tall and do not fit on a page", at: block.location,
                              hint: "give fewer indicators, or more cards per row (columns:)")
        }
        if !flow.atPageTop, ks.spaceBeforePt + strip.height > flow.remaining { flow.newPage() }
        flow.addSpace(ks.spaceBeforePt)
        for (index, row) in strip.rows.enumerated() {
            if index > 0 { flow.advance(ks.gapPt) }
            let top = flow.y
            for (column, card) in row.enumerated() {
                let x = flow.left + Double(column) * (strip.cardWidth + ks.gapPt)
                draw(card, x: x, top: top, width: strip.cardWidth, height: strip.rowHeights[index],
                     labelLines: strip.labelLines[index], &flow)
            }
            flow.advance(strip.rowHeights[index])
        }
        flow.addSpace(ks.spaceAfterPt)
    }

    /// The room the strip takes with the space before it (what a heading keeps with it).
    func height(of block: KPIBlock, measure: Double) throws -> Double {
        ks.spaceBeforePt + (try build(block, measure: measure)).height
    }

    private func build(_ block: KPIBlock, measure: Double) throws -> Strip {
        let perRow = min(block.columns ?? ks.columns, block.items.count)
        let width = (measure - Double(perRow - 1) * ks.gapPt) / Double(perRow)
        let inner = width - 2 * ks.paddingPt - ks.borderWidthPt
        guard inner > 2 * ks.value.sizePt else {
            throw HuibaoError(.layout, "\(perRow) KPI cards in a row leave each only \(Int(width)) pt", at: block.location,
                              hint: "set fewer cards per row with columns:")
        }
        // Figures of neighbouring cards stand on one baseline: two em of white between them
        // keeps a reader (and a text extractor) from reading them as one line.
        let reserve = perRow > 1 ? max(0, 2 * ks.value.sizePt - 2 * ks.paddingPt - ks.gapPt - ks.borderWidthPt) : 0
        let rows = try stride(from: 0, to: block.items.count, by: perRow).map { start in
            let items = block.items[start..<min(start + perRow, block.items.count)]
            // The figures of a row share one size: the largest at which every one fits its
            // card (without that white when it would make them small).
            var scale = try items.map { try fit($0, room: inner - reserve) }.min() ?? 1
            if scale < 0.75, reserve > 0 { scale = try items.map { try fit($0, room: inner) }.min() ?? 1 }
            return try items.map { try card($0, inner: inner, valueSize: ks.value.sizePt * scale) }
        }
        var heights: [Double] = [], labels: [Int] = []
        for row in rows {
            let labelLines = row.map(\.label.lines.count).max() ?? 1
            let noteLines = row.map { $0.note?.lines.count ?? 0 }.max() ?? 0
            let hasChange = row.contains { !$0.change.isEmpty }
            let height = (ks.accentColor == nil ? 0 : ks.accentWidthPt) + 2 * ks.paddingPt
                + Double(labelLines) * ks.label.linePitchPt + ks.value.linePitchPt
                + (hasChange ? ks.change.linePitchPt : 0) + Double(noteLines) * ks.note.linePitchPt
            heights.append(height)
            labels.append(labelLines)
        }
        return Strip(rows: rows, cardWidth: width, rowHeights: heights, labelLines: labels, gap: ks.gapPt)
    }

    /// The figure and its unit on one baseline, a quarter em of the unit apart (clreq's space
    /// between a figure and Han text), none before a sign (53.1%, as in the text).
    private func unitGap(_ item: KPIItem) -> Double {
        item.unit?.unicodeScalars.first.map { $0.properties.isIdeographic } == true ? ks.unit.sizePt / 4 : 0
    }

    /// The share of the style's size at which the item's figure and unit fit `room` (1 when
    /// they fit as they are).
    private func fit(_ item: KPIItem, room: Double) throws -> Double {
        let figure = width(try compose(item.value, ks.value, item, measure: 10_000))
        let unit = try item.unit.map { width(try compose($0, ks.unit, item, measure: 10_000)) } ?? 0
        guard figure + unitGap(item) + unit > room else { return 1 }
        return max((room - unitGap(item) - unit) / figure, 0.2)
    }

    private func card(_ item: KPIItem, inner: Double, valueSize: Double) throws -> Card {
        let label = try compose(item.label, ks.label, item, measure: inner)
        var valueStyle = ks.value
        valueStyle.sizePt = valueSize
        valueStyle.linePitchPt = ks.value.linePitchPt * valueSize / ks.value.sizePt
        let value = try compose(item.value, valueStyle, item, measure: 10_000)
        let unit = try item.unit.map { try compose($0, ks.unit, item, measure: 10_000) }
        let gap = unitGap(item)
        let unitWidth = unit.map(width) ?? 0
        let figureWidth = width(value) + gap + unitWidth
        let figureX = ks.align == .center ? max((inner - figureWidth) / 2, 0) : 0
        var change: [Piece] = []
        if let text = item.changeText, let direction = item.direction {
            var colored = ks.change
            colored.color = direction == .up ? ks.upColor : direction == .down ? ks.downColor : ks.flatColor
            let word = item.compare ?? ks.compare
            let compare = word.isEmpty ? nil : try compose(word, ks.change, item, measure: 10_000)
            let amount = try compose(text, colored, item, measure: 10_000)
            let space = compare == nil ? 0 : ks.change.sizePt / 3
            let total = (compare.map(width) ?? 0) + space + width(amount)
            var x = ks.align == .center ? max((inner - total) / 2, 0) : 0
            if let compare {
                change.append(Piece(text: compare, style: ks.change, x: x))
                x += width(compare) + space
            }
            change.append(Piece(text: amount, style: colored, x: x))
        }
        let note = try item.note.map { try compose($0, ks.note, item, measure: inner) }
        let all = [label, value] + [unit, note].compactMap { $0 } + change.map(\.text)
        return Card(label: label, value: Piece(text: value, style: valueStyle, x: figureX),
                    unit: unit.map { Piece(text: $0, style: ks.unit, x: figureX + width(value) + gap) },
                    change: change, note: note, fallbacks: all.flatMap(\.fallbacks))
    }

    private func compose(_ text: String, _ textStyle: TextStyle, _ item: KPIItem, measure: Double) throws -> ComposedParagraph {
        let align: Alignment = ks.align == .center ? .center : .left
        return try layout.compose([TextRun(text: text, location: item.location)], textStyle, measure: measure,
                                  align: measure >= 10_000 ? .left : align)
    }

    private func width(_ composed: ComposedParagraph) -> Double {
        composed.lines.map(\.naturalWidth).max() ?? 0
    }

    private func draw(_ card: Card, x: Double, top: Double, width: Double, height: Double, labelLines: Int, _ flow: inout PageFlow) {
        if let fill = ks.fill { flow.add(.fill(x: x, y: top, width: width, height: height, color: fill)) }
        if let border = ks.borderColor, ks.borderWidthPt > 0 {
            let w = ks.borderWidthPt, h = w / 2
            flow.add(.rule(from: (x + h, top + h), to: (x + width - h, top + h), width: w, color: border))
            flow.add(.rule(from: (x + width - h, top + h), to: (x + width - h, top + height - h), width: w, color: border))
            flow.add(.rule(from: (x + width - h, top + height - h), to: (x + h, top + height - h), width: w, color: border))
            flow.add(.rule(from: (x + h, top + height - h), to: (x + h, top + h), width: w, color: border))
        }
        var y = top + ks.paddingPt
        if let accent = ks.accentColor {
            flow.add(.fill(x: x, y: top, width: width, height: ks.accentWidthPt, color: accent))
            y += ks.accentWidthPt
        }
        let left = x + ks.paddingPt + ks.borderWidthPt / 2
        for line in card.label.lines.indices {
            flow.add(.text(card.label, line: line, x: left, baseline: PageFlow.baseline(boxTop: y, text: ks.label)))
            y += ks.label.linePitchPt
        }
        y += Double(labelLines - card.label.lines.count) * ks.label.linePitchPt
        // The unit stands on the figure's baseline, and a figure set smaller to fit stands on
        // the baseline of the others.
        let pitch = ks.value.linePitchPt
        let baseline = PageFlow.baseline(boxTop: y, text: ks.value)
        flow.add(.text(card.value.text, line: 0, x: left + card.value.x, baseline: baseline))
        if let unit = card.unit { flow.add(.text(unit.text, line: 0, x: left + unit.x, baseline: baseline)) }
        y += pitch
        for piece in card.change {
            flow.add(.text(piece.text, line: 0, x: left + piece.x, baseline: PageFlow.baseline(boxTop: y, text: piece.style)))
        }
        if !card.change.isEmpty { y += ks.change.linePitchPt }
        if let note = card.note {
            for line in note.lines.indices {
                flow.add(.text(note, line: line, x: left, baseline: PageFlow.baseline(boxTop: y, text: ks.note)))
                y += ks.note.linePitchPt
            }
        }
    }
}
