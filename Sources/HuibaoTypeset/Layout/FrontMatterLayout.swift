import Foundation
import HuibaoCore

/// The headings a contents page lists, numbered as the body numbers them.
struct TOCEntry {
    var level: Int
    /// 一、 /（一）…, empty when the heading is not numbered.
    var number: String
    var title: String
    var label: String { number + title }
    /// Index into the outline (every heading has one entry there, in order).
    var outlineIndex: Int
}

enum TOCEntries {
    /// `numbers`: every heading's number in document order (`HeadingNumbers`).
    static func of(_ document: Document, style: Style, numbers: [String]) -> [TOCEntry] {
        var entries: [TOCEntry] = []
        var index = 0
        for case .heading(let heading) in document.blocks {
            if heading.level <= style.toc.depth {
                entries.append(TOCEntry(level: heading.level, number: numbers[index], title: heading.runs.plainText, outlineIndex: index))
            }
            index += 1
        }
        return entries
    }
}

/// The number each heading carries (一、（一）1.（1）…) in document order, "" when it has
/// none: counted once, for the body and the contents alike. An attachment page is a
/// document of its own, so its headings count from 一、 again (GB/T 9704 7.3.7).
enum HeadingNumbers {
    static func of(_ document: Document, style: Style) -> [String] {
        var counter = HeadingCounter()
        var numbers: [String] = []
        for block in document.blocks {
            switch block {
            case .attachment:
                counter = HeadingCounter()
            case .heading(let heading):
                let format = style.headings.last(where: { $0.level <= heading.level })?.numbering ?? ""
                numbers.append(heading.numbered && !format.isEmpty ? counter.next(level: heading.level, format: format) : "")
            default:
                break
            }
        }
        return numbers
    }
}

/// Cover page, the title block of a report without cover, and the table of contents.
struct FrontMatterLayout {
    let style: Style
    let layout: DocumentLayout

    /// Title and subtitle centred at the top of the first page (no cover).
    func titleBlock(_ meta: DocumentMeta, _ state: inout LayoutState) throws {
        guard let title = meta.title, !title.isEmpty else { return }
        var lines: [(String, TextStyle)] = [(title, style.title)]
        if let subtitle = meta.subtitle { lines.append((subtitle, style.subtitle)) }
        for (text, textStyle) in lines {
            for composed in try layout.composeTitle(text, textStyle, what: "title", measure: state.flow.measure) {
                state.fallbacks += composed.fallbacks
                state.flow.placeLines(composed, 0..<composed.lines.count, x: state.flow.left, text: textStyle)
            }
            state.flow.advance(textStyle.spaceAfterPt)
        }
    }

    /// A cover: title (and subtitle) a third of the way down, organisation and date in the
    /// lower quarter; no running heads, no page number.
    func cover(_ meta: DocumentMeta, _ state: inout LayoutState) throws {
        if !state.flow.atPageTop { state.flow.newPage() }
        let cover = style.cover
        let height = style.page.textHeightPt
        var top = style.page.textTopPt + height * 0.28
        for (text, textStyle) in [(meta.title, cover.title), (meta.subtitle, cover.subtitle)] {
            guard let text, !text.isEmpty else { continue }
            top = try place(text, textStyle, top: top, &state) + textStyle.linePitchPt * 0.5
        }
        var bottomTop = style.page.textTopPt + height * 0.78
        for (text, textStyle) in [(meta.author, cover.org), (meta.date, cover.date)] {
            guard let text, !text.isEmpty else { continue }
            bottomTop = try place(text, textStyle, top: bottomTop, &state)
        }
        state.unnumbered.insert(state.flow.pageIndex)
        state.flow.newPage()
    }

    /// Places centred lines with their first line box at `top`; returns the y below them.
    private func place(_ text: String, _ textStyle: TextStyle, top: Double, _ state: inout LayoutState) throws -> Double {
        var y = top
        for composed in try layout.composeTitle(text, textStyle, what: "cover", measure: state.flow.measure) {
            state.fallbacks += composed.fallbacks
            for line in 0..<composed.lines.count {
                state.flow.add(.text(composed, line: line, x: state.flow.left, baseline: PageFlow.baseline(boxTop: y, text: textStyle)))
                y += textStyle.linePitchPt
            }
        }
        return y
    }

    /// The contents: each entry linked to its heading, dot leaders, the page number at the
    /// right edge. `pageNumbers` (by outline index) is nil in the first pass.
    func contents(_ entries: [TOCEntry], pageNumbers: [Int?]?, _ state: inout LayoutState) throws {
        if !state.flow.atPageTop { state.flow.newPage() }
        let firstPage = state.flow.pageIndex
        let toc = style.toc
        let title = try layout.composeGenerated(toc.title, toc.titleText, what: "contents", measure: state.flow.measure, align: .center)
        state.flow.placeLines(title, 0..<title.lines.count, x: state.flow.left, text: toc.titleText)
        state.flow.advance(toc.titleText.spaceAfterPt)
        for entry in entries {
            let text = toc.entries[min(entry.level, toc.entries.count) - 1]
            let indent = Double(entry.level - 1) * 2 * text.sizePt
            // The number's box is three digits wide in both passes, so the second pass only
            // changes the digits.
            let numberBox = 3 * text.sizePt * 0.6
            let leaderRoom = 2.5 * text.sizePt
            // A wrapped entry continues under its title, not under its number.
            let hang = entry.number.isEmpty ? 0
                : try layout.composeGenerated(entry.number, text, what: "contents", measure: 1000).lines.first?.naturalWidth ?? 0
            let composed = try layout.composeGenerated(entry.label, text, what: "contents",
                                                       measure: state.flow.measure - indent - hang - numberBox - leaderRoom,
                                                       hangingIndent: hang)
            let height = Double(composed.lines.count) * text.linePitchPt
            if height > state.flow.remaining { state.flow.newPage() }
            let top = state.flow.y
            let x = state.flow.left + indent + hang
            state.flow.placeLines(composed, 0..<composed.lines.count, x: x, text: text)
            let baseline = PageFlow.baseline(boxTop: state.flow.y - text.linePitchPt, text: text)
            let right = state.flow.left + state.flow.measure
            var leaderEnd = right - numberBox
            if let number = pageNumbers?[entry.outlineIndex] {
                let digits = try layout.composeGenerated(String(number), text, what: "contents", measure: numberBox, align: .right)
                state.flow.add(.text(digits, line: 0, x: right - numberBox, baseline: baseline))
                leaderEnd = right - (digits.lines.first?.width ?? numberBox) - text.sizePt * 0.2
            }
            // Leader dots as text, as a reader's eye (and a checker) follows them: a run of
            // full stops from the title to the number.
            let lastWidth = composed.lines.last.map { $0.width + $0.indent } ?? 0
            let leaderStart = x + lastWidth + text.sizePt * 0.1
            let dot = try layout.composeGenerated(".", text, what: "contents", measure: 100).lines.first?.naturalWidth ?? 3
            let count = Int((leaderEnd - leaderStart) / dot)
            if count > 1 {
                let dots = try layout.composeGenerated(String(repeating: ".", count: count), text, what: "contents",
                                                       measure: leaderEnd - leaderStart, align: .right)
                state.flow.add(.text(dots, line: 0, x: leaderStart, baseline: baseline))
            }
            state.flow.add(.link(destination: "h\(entry.outlineIndex)", x: state.flow.left, y: top,
                                 width: state.flow.measure, height: height))
        }
        for page in firstPage...state.flow.pageIndex { state.unnumbered.insert(page) }
        state.flow.newPage()
    }
}
