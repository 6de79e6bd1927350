import Foundation
import HuibaoCore

/// Page numbers and running heads, added once the pages are known: body pages are numbered
/// from 1; the cover and contents pages carry neither.
struct PageFurniture {
    let style: Style
    let layout: DocumentLayout

    /// `fields`: more placeholders from the front matter (`{date}`, `{subject}`, `{author}`,
    /// `{subtitle}`).
    func add(to pages: inout [Page], unnumbered: Set<Int>, headless: Set<Int>, sections: [Int: String], title: String?,
             fields: [String: String] = [:], fallbacks: inout [FontFallback]) throws {
        let total = pages.indices.filter { !unnumbered.contains($0) }.count
        for i in pages.indices {
            try decorate(&pages[i], at: i, unnumbered: unnumbered, headless: headless, sections: sections, title: title,
                         total: total, fields: fields, fallbacks: &fallbacks)
        }
    }

    /// Whether pages can be finished one by one as they are laid out: no head or foot asks for
    /// the page count.
    var needsPageCount: Bool {
        [style.footer, style.header].compactMap { $0 }.contains { head in
            ([head.format(onPage: 1), head.format(onPage: 2)] + [head.formatRight].compactMap { $0 }).contains { $0.contains("{pages}") }
        }
    }

    /// Page `index`'s number and running heads, from what is known of the pages up to it;
    /// `total` is the page count for `{pages}` (nil only when no head asks for it).
    func decorate(_ page: inout Page, at index: Int, unnumbered: Set<Int>, headless: Set<Int>, sections: [Int: String],
                  title: String?, total: Int?, fields: [String: String] = [:], fallbacks: inout [FontFallback]) throws {
        guard !unnumbered.contains(index) else { return }
        let displayNumber = (0...index).filter { !unnumbered.contains($0) }.count
        page.displayNumber = displayNumber
        let section = sections.filter { $0.key <= index }.max { $0.key < $1.key }?.value
        let values = ["{page}": String(displayNumber), "{pages}": total.map(String.init) ?? "",
                      "{title}": title ?? "", "{section}": section ?? title ?? ""].merging(fields) { given, _ in given }
        let bottom = style.page.blockBottomPt
        try place(style.footer, values, page: &page, baseline: bottom + style.footer.dropMm * PageGeometry.pointsPerMm,
                  ruleY: nil, &fallbacks)
        if let header = style.header, !headless.contains(index) {
            let baseline = style.page.blockTopPt - header.dropMm * PageGeometry.pointsPerMm
            try place(header, values, page: &page, baseline: baseline,
                      ruleY: header.rule ? baseline + header.text.sizePt * 0.35 : nil, &fallbacks)
        }
    }

    private func place(_ head: RunningHeadStyle, _ values: [String: String], page: inout Page, baseline: Double,
                       ruleY: Double?, _ fallbacks: inout [FontFallback]) throws {
        var text = head.format(onPage: page.displayNumber ?? page.number)
        for (key, value) in values { text = text.replacingOccurrences(of: key, with: value) }
        guard !text.isEmpty else { return }
        let measure = style.page.textWidthPt
        let odd = (page.displayNumber ?? page.number) % 2 == 1
        let align: Alignment
        switch head.align {
        case .left: align = .left
        case .right: align = .right
        case .center: align = .center
        case .outside: align = odd ? .right : .left
        case .inside: align = odd ? .left : .right
        }
        let inset = head.insetEm * head.text.sizePt
        let composed = try layout.composeGenerated(text, head.text, what: "running head", measure: measure - 2 * inset, align: align)
        fallbacks += composed.fallbacks
        page.items.append(.text(composed, line: 0, x: style.page.textLeftPt + inset, baseline: baseline))
        if var right = head.formatRight {
            for (key, value) in values { right = right.replacingOccurrences(of: key, with: value) }
            let composed = try layout.composeGenerated(right, head.text, what: "running head", measure: measure - 2 * inset, align: .right)
            fallbacks += composed.fallbacks
            page.items.append(.text(composed, line: 0, x: style.page.textLeftPt + inset, baseline: baseline))
        }
        if let ruleY {
            page.items.append(.rule(from: (style.page.textLeftPt, ruleY), to: (style.page.textLeftPt + measure, ruleY),
                                    width: 0.5, color: RGBColor(red: 0.35, green: 0.35, blue: 0.35)))
        }
    }
}
