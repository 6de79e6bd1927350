import Foundation
import HuibaoCore

/// The elements of an official document (公文) as GB/T 9704-2012 places them: the 版头 (份号,
/// 密级, 紧急程度, 发文机关标志, 发文字号 and 签发人, the red separator), the title and 主送机关,
/// 附件说明, 署名 and 成文日期 with room for the seal, 附注, attachment pages, and the 版记 on
/// the last even page.
///
/// Everything sits on the text block's grid: line k's em box starts (k − 1) line pitches
/// below the block's top edge (5.2.3: 22 lines in 225 mm), so body text placed after any
/// element continues on the grid.
struct GongwenLayout {
    let style: Style
    let gongwen: GongwenStyle
    let layout: DocumentLayout
    /// Attachment pages in order (for 附件N and for checking the 附件说明 against them).
    let attachmentTitles: [String]

    /// Nil for a style without a `gongwen:` section; such a style refuses 公文 elements.
    init?(style: Style, layout: DocumentLayout, document: Document) throws {
        let blocks = document.blocks.flatMap(\.flattened)
        guard let gongwen = style.gongwen else {
            try Self.refuse(document, blocks, style: style)
            return nil
        }
        self.style = style
        self.gongwen = gongwen
        self.layout = layout
        attachmentTitles = blocks.compactMap { if case .attachment(let a) = $0 { return a.title.plainText } else { return nil } }
        try Self.checkStructure(document.blocks, attachmentTitles: attachmentTitles)
    }

    /// 公文 elements need a 公文 style: say where the first one is.
    private static func refuse(_ document: Document, _ blocks: [Block], style: Style) throws {
        let hint = "use `style: gongwen` in the front matter (or a style with a `gongwen:` section)"
        if let head = document.meta.gongwen {
            let location = GongwenHead.keys.compactMap { head.locations[$0] }.first
            throw HuibaoError(.layout, "the 公文 front-matter keys (doc_number, issuer …) need a 公文 style; '\(style.name)' has none",
                              at: location, hint: hint)
        }
        for block in blocks {
            switch block {
            case .attachments(let a): throw HuibaoError(.layout, "an attachments block (附件说明) needs a 公文 style", at: a.location, hint: hint)
            case .attachment(let a): throw HuibaoError(.layout, "an attachment page needs a 公文 style", at: a.location, hint: hint)
            case .banji(let b): throw HuibaoError(.layout, "a banji (版记) needs a 公文 style", at: b.location, hint: hint)
            case .signature(let s) where s.sealed || s.note != nil || !s.otherNames.isEmpty:
                throw HuibaoError(.layout, "a signature with seal, note or several names needs a 公文 style", at: s.location, hint: hint)
            default: continue
            }
        }
    }

    /// The 版记 comes last (7.4); attachments come after the body and match the 附件说明 (7.3.7).
    private static func checkStructure(_ blocks: [Block], attachmentTitles: [String]) throws {
        for (index, block) in blocks.enumerated() {
            if case .banji(let banji) = block, index != blocks.count - 1 {
                throw HuibaoError(.layout, "the banji (版记) must be the last block of the document", at: banji.location,
                                  hint: "GB/T 9704-2012 7.4 puts the 版记 on the last page, after any attachment")
            }
        }
        var seenAttachment = false
        for block in blocks {
            switch block {
            case .attachment: seenAttachment = true
            case .attachments(let list):
                if seenAttachment {
                    throw HuibaoError(.layout, "the attachments block (附件说明) stands after an attachment page", at: list.location,
                                      hint: "the 附件说明 follows the body; attachment pages come after the signature")
                }
                guard !attachmentTitles.isEmpty else { continue }
                guard list.names.count == attachmentTitles.count else {
                    throw HuibaoError(.layout, "the 附件说明 lists \(list.names.count) attachment(s) but the document has \(attachmentTitles.count) attachment page(s)",
                                      at: list.location, hint: "附件说明 and attachment pages must agree (GB/T 9704-2012 7.3.7)")
                }
                for (k, name) in list.names.enumerated() where name.plainText != attachmentTitles[k] {
                    throw HuibaoError(.layout, "附件\(k + 1) is named '\(name.plainText)' in the 附件说明 but its page is titled '\(attachmentTitles[k])'",
                                      at: name.first?.location ?? list.location,
                                      hint: "附件顺序号和附件标题应当与附件说明的表述一致 (GB/T 9704-2012 7.3.7)")
                }
            default: continue
            }
        }
    }

    // MARK: the grid

    var body: TextStyle { style.body }
    var pitch: Double { body.linePitchPt }
    var left: Double { style.page.textLeftPt }
    var measure: Double { style.page.textWidthPt }
    var right: Double { left + measure }
    /// One 字 of body text: the grid pitch when the style sets a grid, else the body size.
    var cell: Double {
        style.typography.gridCharsPerLine.map { measure / Double($0) } ?? body.sizePt
    }
    static let mm = PageGeometry.pointsPerMm

    /// Lines on a page (22).
    var linesPerPage: Int { Int((style.page.textHeightPt / pitch).rounded()) }
    /// Top of line k's em box (k from 1).
    func emTop(_ k: Int) -> Double { style.page.blockTopPt + Double(k - 1) * pitch }
    /// Line k's baseline (body text; larger type placed on line k shares it).
    func baseline(_ k: Int) -> Double { emTop(k) + body.sizePt * 0.88 }
    /// The first line whose em box starts at or below `y`.
    func firstLine(below y: Double) -> Int {
        max(1, Int(((y - style.page.blockTopPt) / pitch - 0.001).rounded(.up)) + 1)
    }
    /// The next free line of the flow.
    func nextLine(_ flow: PageFlow) -> Int {
        Int(((flow.y - flow.top) / pitch).rounded()) + 1
    }
    /// Moves the flow's cursor to the line box of line k.
    func move(_ flow: inout PageFlow, toLine k: Int) {
        flow.advance(flow.top + Double(k - 1) * pitch - flow.y)
    }

    /// After a block that is not on the grid (a table, a figure), the next line box starts on it.
    func snapToGrid(_ flow: inout PageFlow) {
        guard !flow.atPageTop else { return }
        let offset = (flow.y - flow.top).truncatingRemainder(dividingBy: pitch)
        if offset > 0.01, pitch - offset > 0.01 { flow.advance(pitch - offset) }
    }

    // MARK: composing

    private func runs(_ text: String, _ key: String, _ meta: DocumentMeta) -> [TextRun] {
        let location = meta.gongwen?.locations[key] ?? SourceLocation(file: "front matter", line: 1, column: 1)
        return [TextRun(text: text, location: location)]
    }

    func line(_ runs: [TextRun], _ text: TextStyle, measure: Double? = nil, align: Alignment = .left,
                      _ state: inout LayoutState) throws -> ComposedParagraph {
        let composed = try layout.compose(runs, text, measure: measure ?? self.measure, align: align)
        state.fallbacks += composed.fallbacks
        return composed
    }

    /// Places every line of `p` from the baseline of line `k` down, `pitch` apart; returns the
    /// last line used.
    @discardableResult
    func put(_ p: ComposedParagraph, x: Double, line k: Int, pitch: Double? = nil, _ flow: inout PageFlow) -> Int {
        let step = pitch ?? self.pitch
        for i in 0..<p.lines.count {
            flow.add(.text(p, line: i, x: x, baseline: baseline(k) + Double(i) * step))
        }
        return k + Int((Double(p.lines.count - 1) * step / self.pitch).rounded(.up))
    }

    func width(_ p: ComposedParagraph) -> Double { p.lines.map { $0.width + $0.indent }.max() ?? 0 }

    /// The grid pitch, when the style sets a grid.
    var gridPitch: Double? { style.typography.gridCharsPerLine.map { _ in cell } }

    /// How far `runs` advance at the start of a line: a closing mark at their end (附件：,
    /// 抄送：) keeps its blank half, which a line of its own would trim.
    func advance(_ runs: [TextRun], _ text: TextStyle, _ state: inout LayoutState) throws -> Double {
        let sentinel = [TextRun(text: "一", location: runs.first?.location ?? SourceLocation(file: "", line: 1, column: 1))]
        return width(try line(runs + sentinel, text, &state)) - width(try line(sentinel, text, &state))
    }

    // MARK: 版头, title, 主送机关

    /// The first page's head (7.2, 7.3.1–7.3.2); the body starts on the line after 主送机关.
    func head(_ meta: DocumentMeta, _ state: inout LayoutState) throws {
        let head = meta.gongwen ?? GongwenHead()
        var k = 1
        // 份号, 密级和保密期限, 紧急程度: flush left from the first line, in this order (7.2.1–7.2.3).
        if let copy = head.copyNumber {
            put(try line(runs(copy, "copy_number", meta), body, &state), x: left, line: k, &state.flow)
            k += 1
        }
        for (value, key) in [(head.secrecy, "secrecy"), (head.urgency, "urgency")] {
            guard let value else { continue }
            put(try line(runs(value, key, meta), gongwen.label, &state), x: left, line: k, &state.flow)
            k += 1
        }
        var below = k == 1 ? nil : emTop(k - 1) + body.sizePt      // bottom of what is placed
        if !head.issuers.isEmpty {
            below = try masthead(head, meta, &state)
        }
        if let number = head.docNumber {
            // Two blank lines under the 标志 (7.2.5).
            k = below.map { firstLine(below: $0) + 2 } ?? k
            k = try docNumber(number, head, line: k, meta, &state)
            // The separator: 4 mm under the 发文字号, as wide as the text block (7.2.7).
            let top = emTop(k) + body.sizePt + gongwen.ruleDropMm * Self.mm
            let w = gongwen.ruleWidthMm * Self.mm
            state.flow.add(.rule(from: (left, top + w / 2), to: (right, top + w / 2), width: w, color: gongwen.red))
            below = top + w
        }
        if let title = meta.title, !title.isEmpty {
            // Two blank lines under the red line (7.3.1); without a 版头, the first line.
            k = below.map { firstLine(below: $0) + (head.docNumber == nil ? 1 : 2) } ?? 1
            let titleStyle = style.title
            var lineIndex = 0
            for composed in try layout.composeTitle(title, titleStyle, what: "title", measure: measure) {
                state.fallbacks += composed.fallbacks
                for i in 0..<composed.lines.count {
                    state.flow.add(.text(composed, line: i, x: left,
                                         baseline: baseline(k) + Double(lineIndex) * titleStyle.linePitchPt))
                    lineIndex += 1
                }
            }
            let lastBaseline = baseline(k) + Double(lineIndex - 1) * titleStyle.linePitchPt
            below = lastBaseline + titleStyle.sizePt * 0.12
        }
        k = below.map { firstLine(below: $0) + 1 } ?? 1
        if let addressee = head.addressee {
            // One blank line under the title, flush left, wrapped lines flush left too (7.3.2).
            k = put(try line(runs(addressee, "addressee", meta), body, &state), x: left, line: k, &state.flow) + 1
        }
        move(&state.flow, toLine: k)
    }

    /// The 发文机关标志 (7.2.4): red, centred, its top 35 mm under the block's top edge; joint
    /// issuers stacked (the lead organ first, names spread to one width) with the suffix (文件)
    /// to their right, centred on them. Returns the y of its bottom.
    private func masthead(_ head: GongwenHead, _ meta: DocumentMeta, _ state: inout LayoutState) throws -> Double {
        let text = gongwen.masthead
        func glyphs(_ s: String) throws -> [ComposedParagraph] {
            try s.map { c in
                let p = try layout.composeGenerated(String(c), text, what: "issuer", measure: 10 * text.sizePt)
                state.fallbacks += p.fallbacks
                return p
            }
        }
        var rows: [[ComposedParagraph]] = []
        for name in head.issuers { rows.append(try glyphs(name)) }
        let suffix = try glyphs(head.issuerSuffix)
        let widths = rows.map { $0.reduce(0) { $0 + (self.width($1)) } }
        let suffixWidth = suffix.reduce(0) { $0 + self.width($1) }
        let single = rows.count == 1
        let namesWidth = widths.max() ?? 0
        let gap = single || suffix.isEmpty ? 0 : text.sizePt * 0.5
        let natural = namesWidth + gap + suffixWidth
        let maxWidth = gongwen.mastheadMaxWidthMm * Self.mm
        let scale = natural > maxWidth ? maxWidth / natural : 1
        let top = style.page.blockTopPt + gongwen.mastheadTopMm * Self.mm
        let ascent = text.sizePt * 0.88
        var glyphsAt: [(ComposedParagraph, Double, Double)] = []
        if single {
            var x = 0.0
            for g in rows[0] + suffix { glyphsAt.append((g, x, ascent)); x += width(g) }
        } else {
            for (r, row) in rows.enumerated() {
                // Spread each name over the longest one's width (分散对齐).
                let spare = namesWidth - widths[r]
                let step = row.count > 1 ? spare / Double(row.count - 1) : 0
                var x = row.count > 1 ? 0 : spare / 2
                for g in row { glyphsAt.append((g, x, ascent + Double(r) * text.linePitchPt)); x += width(g) + step }
            }
            let middle = (Double(rows.count - 1) * text.linePitchPt) / 2
            var x = namesWidth + gap
            for g in suffix { glyphsAt.append((g, x, ascent + middle)); x += width(g) }
        }
        let drawing = MastheadDrawing(glyphs: glyphsAt, scale: scale, width: natural * scale,
                                      height: Double(rows.count - 1) * text.linePitchPt + text.sizePt)
        state.flow.add(.drawing(drawing, x: left + (measure - drawing.width) / 2, y: top))
        return top + drawing.height
    }

    /// The 发文字号 on line `k`, centred; with 签发人 (upward documents, 7.2.6) the 发文字号
    /// 左空一字 and "签发人：" + the names in 楷体 右空一字, two names a line. Returns its line.
    private func docNumber(_ number: GongwenForms.DocumentNumber, _ head: GongwenHead, line k: Int, _ meta: DocumentMeta,
                           _ state: inout LayoutState) throws -> Int {
        let numberRuns = runs(number.text, "doc_number", meta)
        guard !head.signers.isEmpty else {
            put(try line(numberRuns, body, align: .center, &state), x: left, line: k, &state.flow)
            return k
        }
        let location = head.locations["signer"] ?? numberRuns[0].location
        let label = [TextRun(text: "签发人：", location: location)]
        let rows = stride(from: 0, to: head.signers.count, by: 2).map {
            [TextRun(text: head.signers[$0..<min($0 + 2, head.signers.count)].joined(separator: "　"), location: location)]
        }
        // "签发人：" in 仿宋 and the names in 楷体 on one line; further names under the first.
        let first = try layout.composer.compose(layout.spans(label, body) + layout.spans(rows[0], gongwen.signer),
                                                format: ParagraphFormat(measurePt: measure, align: .left, typography: style.typography,
                                                                        gridPitchPt: gridPitch))
        state.fallbacks += first.fallbacks
        let x = right - cell - width(first)
        put(first, x: x, line: k, &state.flow)
        let namesX = x + (try advance(label, body, &state))
        for (r, names) in rows.enumerated().dropFirst() {
            put(try line(names, gongwen.signer, &state), x: namesX, line: k + r, &state.flow)
        }
        let last = k + rows.count - 1
        put(try line(numberRuns, body, &state), x: left + cell, line: last, &state.flow)
        return last
    }
}

