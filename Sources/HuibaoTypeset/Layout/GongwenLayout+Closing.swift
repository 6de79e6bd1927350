import Foundation
import HuibaoCore

/// The end of a 公文 (GB/T 9704-2012 7.3.4–7.4): 附件说明, 署名 and 成文日期 with room for the
/// seal, 附注, attachment pages and the 版记.
extension GongwenLayout {
    // MARK: 附件说明

    /// 附件说明 (7.3.4): one blank line under the body, 2 字 in, "附件：" and the names; several
    /// are numbered 1. 2. …, and a wrapped name continues under its first character.
    func place(_ list: AttachmentList, _ state: inout LayoutState) throws {
        var k = nextLine(state.flow) + (state.flow.atPageTop ? 0 : 1)
        let numbered = list.names.count > 1
        let start = left + 2 * cell
        let nameX0 = start + (try advance([TextRun(text: "附件：", location: list.location)], body, &state))
        // "附件：" and the number set apart from the name, so that the name's first character
        // and its wrapped lines start at one x.
        var items: [(prefix: ComposedParagraph?, prefixX: Double, name: ComposedParagraph, x: Double)] = []
        for (i, name) in list.names.enumerated() {
            let location = name.first?.location ?? list.location
            let prefix = (i == 0 ? [TextRun(text: "附件：", location: location)] : [])
                + (numbered ? [TextRun(text: "\(i + 1).", location: location)] : [])
            let prefixX = i == 0 ? start : nameX0
            let x = prefixX + (prefix.isEmpty ? 0 : try advance(prefix, body, &state))
            let format = ParagraphFormat(measurePt: right - x, align: .justify, typography: style.typography, gridPitchPt: gridPitch)
            let composed = try layout.composer.compose(layout.spans(name, body), format: format)
            state.fallbacks += composed.fallbacks
            items.append((prefix.isEmpty ? nil : try line(prefix, body, &state), prefixX, composed, x))
        }
        let total = items.reduce(0) { $0 + $1.name.lines.count }
        if k + total - 1 > linesPerPage || state.flow.remaining < Double(total + 1) * pitch {
            state.flow.newPage()
            k = 1
        }
        for item in items {
            if let prefix = item.prefix { put(prefix, x: item.prefixX, line: k, &state.flow) }
            k = put(item.name, x: item.x, line: k, &state.flow) + 1
        }
        move(&state.flow, toLine: k)
    }

    // MARK: 署名, 成文日期, 印章, 附注

    /// 7.3.5: with a seal, the date 右空四字 and the name centred over it, two blank lines under
    /// the text so that the seal (its top within one line of the text) presses on both; without,
    /// one blank line, the name 右空二字 and the date under it two 字 further right.
    func place(_ signature: Signature, _ state: inout LayoutState) throws {
        try GongwenForms.date(signature.date.plainText, what: "成文日期", at: signature.date.first?.location ?? signature.location)
        let names = try ([signature.name] + signature.otherNames).map { try line($0, body, &state) }
        let date = try line(signature.date, body, &state)
        let note = try signature.note.map { runs -> ComposedParagraph in
            let text = runs.plainText
            let wrapped = text.hasPrefix("（") && text.hasSuffix("）") ? runs
                : [TextRun(text: "（", location: runs.first?.location ?? signature.location)] + runs
                    + [TextRun(text: "）", location: runs.last?.location ?? signature.location)]
            return try layout.compose(wrapped, body, measure: measure, indentEm: 2)
        }
        if signature.sealed && names.count > 3 {
            throw HuibaoError(.layout, "a sealed signature of more than three issuing organisations is not supported",
                              at: signature.location, hint: "GB/T 9704-2012 7.3.5.1 rows of seals: set them by hand, or give at most three names")
        }
        let sealedRows = signature.sealed ? 1 : 0
        let nameLines = signature.sealed ? sealedRows : names.count
        let needed = (signature.sealed ? 2 : 1) + nameLines + 1 + (note?.lines.count ?? 0)
        var k = nextLine(state.flow)
        if k - 1 + needed > linesPerPage {
            // 7.3.5.5 would tighten the spacing; a new page keeps the grid.
            state.flow.newPage()
            k = 1
        }
        let dateWidth = width(date)
        let dateLine: Int
        if signature.sealed {
            let nameLine = k + 2
            dateLine = nameLine + 1
            let dateRight = right - 4 * cell
            let dateCentre = dateRight - dateWidth / 2
            put(date, x: dateRight - dateWidth, line: dateLine, &state.flow)
            // The last name is centred over the date; the others to its left, a seal apart.
            let spacing = gongwen.sealDiameterMm * Self.mm + 3 * Self.mm
            for (i, p) in names.enumerated() {
                let centre = dateCentre - Double(names.count - 1 - i) * spacing
                put(p, x: centre - width(p) / 2, line: nameLine, &state.flow)
                if gongwen.sealOutline {
                    state.flow.add(.drawing(SealOutline(diameter: gongwen.sealDiameterMm * Self.mm, color: gongwen.red),
                                            x: centre - gongwen.sealDiameterMm * Self.mm / 2,
                                            y: emTop(nameLine) - (pitch - body.sizePt) / 2 - gongwen.sealDiameterMm * Self.mm / 2))
                }
            }
        } else {
            let nameLine = k + 1
            dateLine = nameLine + names.count
            let namesWidth = names.map(width).max() ?? 0
            // Name 右空二字, date two 字 further right than the name; a longer date 右空二字
            // and the names moved left as far (7.3.5.2).
            var namesStart = right - 2 * cell - namesWidth
            var dateX = namesStart + 2 * cell
            if dateX + dateWidth > right - 2 * cell {
                dateX = right - 2 * cell - dateWidth
                namesStart = dateX - 2 * cell
            }
            for (i, p) in names.enumerated() {
                put(p, x: namesStart + namesWidth - width(p), line: nameLine + i, &state.flow)
            }
            put(date, x: dateX, line: dateLine, &state.flow)
        }
        var end = dateLine + 1
        if let note {
            state.fallbacks += note.fallbacks
            end = put(note, x: left, line: end, &state.flow) + 1
        }
        move(&state.flow, toLine: end)
    }

    // MARK: attachment pages

    /// 7.3.7: a new page; 附件N in 3号黑体 flush left on line 1, the title centred on line 3;
    /// the attachment's text after one blank line.
    func place(_ attachment: AttachmentPage, _ state: inout LayoutState) throws {
        if !state.flow.atPageTop { state.flow.newPage() }
        let index = attachmentTitles.firstIndex(of: attachment.title.plainText) ?? 0
        let number = attachment.number ?? index + 1
        let label = attachmentTitles.count == 1 && attachment.number == nil ? "附件" : "附件\(number)"
        put(try line([TextRun(text: label, location: attachment.location)], gongwen.label, &state), x: left, line: 1, &state.flow)
        let titleStyle = gongwen.attachmentTitle
        var lineIndex = 0
        for composed in try layout.composeTitle(attachment.title.plainText, titleStyle, what: "attachment title", measure: measure) {
            state.fallbacks += composed.fallbacks
            for i in 0..<composed.lines.count {
                state.flow.add(.text(composed, line: i, x: left, baseline: baseline(3) + Double(lineIndex) * titleStyle.linePitchPt))
                lineIndex += 1
            }
        }
        let bottom = baseline(3) + Double(lineIndex - 1) * titleStyle.linePitchPt + titleStyle.sizePt * 0.12
        move(&state.flow, toLine: firstLine(below: bottom) + 1)
    }

    // MARK: 版记

    /// 7.4: on the last page, which is even (the back of the last sheet): 抄送 (4号仿宋, 1 字
    /// in from both sides, wrapped lines under the first organ) and 印发机关 + 印发日期 "印发",
    /// between a thick rule above and a thick rule on the block's bottom edge, thin rules
    /// between the rows. A blank page before it, and the 版记 page then, carry no number.
    func place(_ banji: Banji, _ state: inout LayoutState) throws {
        let text = gongwen.banji
        let em = text.sizePt
        var rows: [(ComposedParagraph, Double)] = []
        var ccLabel: ComposedParagraph?
        if let cc = banji.copiedTo {
            // "抄送：" apart from the organs, whose wrapped lines start under the first one.
            let label = [TextRun(text: "抄送：", location: cc.first?.location ?? banji.location)]
            let hang = try advance(label, text, &state)
            let format = ParagraphFormat(measurePt: measure - 2 * em - hang, align: .justify, typography: style.typography)
            let composed = try layout.composer.compose(layout.spans(cc, text), format: format)
            state.fallbacks += composed.fallbacks
            rows.append((composed, left + em + hang))
            ccLabel = try line(label, text, &state)
        }
        let by = try line(banji.printedBy, text, &state)
        let dateRuns = banji.printedOn + [TextRun(text: "印发", location: banji.printedOn.last?.location ?? banji.location)]
        let on = try line(dateRuns, text, measure: measure - 2 * em, align: .right, &state)
        let ccLines = rows.reduce(0) { $0 + $1.0.lines.count }
        let rowCount = ccLines + 1
        let height = Double(rowCount) * text.linePitchPt
        // The page: the current one if it is even and has room, else the next even one.
        let physical = state.flow.pageIndex + 1
        let room = state.flow.remaining >= height + pitch
        if physical % 2 == 1 {
            state.flow.newPage()
        } else if !room {
            state.flow.newPage()
            state.unnumbered.insert(state.flow.pageIndex)      // the blank page (7.5)
            state.flow.newPage()
            state.unnumbered.insert(state.flow.pageIndex)
        }
        let bottom = style.page.blockBottomPt
        let top = bottom - height
        let thick = gongwen.banjiThickMm * Self.mm, thin = gongwen.banjiThinMm * Self.mm
        func rule(_ y: Double, _ w: Double) {
            state.flow.add(.rule(from: (left, y), to: (right, y), width: w, color: .black))
        }
        func rowBaseline(_ r: Int) -> Double { top + Double(r) * text.linePitchPt + (text.linePitchPt - em) / 2 + em * 0.88 }
        rule(top, thick)
        if let ccLabel { state.flow.add(.text(ccLabel, line: 0, x: left + em, baseline: rowBaseline(0))) }
        var r = 0
        for (composed, x) in rows {
            for i in 0..<composed.lines.count {
                state.flow.add(.text(composed, line: i, x: x, baseline: rowBaseline(r)))
                r += 1
            }
            rule(top + Double(r) * text.linePitchPt, thin)
        }
        state.flow.add(.text(by, line: 0, x: left + em, baseline: rowBaseline(r)))
        state.flow.add(.text(on, line: 0, x: left + em, baseline: rowBaseline(r)))
        rule(bottom, thick)
        state.flow.advance(max(state.flow.remaining, 0))
    }
}
