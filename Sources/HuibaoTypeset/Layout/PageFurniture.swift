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
        var number = 0
        for i in pages.indices where !unnumbered.contains(i) {
            number += 1
            pages[i].displayNumber = number
        }
        let total = number
        var section: String?
        for i in pages.indices {
            if let started = sections[i] { section = started }
            guard let displayNumber = pages[i].displayNumber else { continue }
            let values = ["{page}": String(displayNumber), "{pages}": String(total),
                          "{title}": title ?? "", "{section}": section ?? title ?? ""].merging(fields) { given, _ in given }
            let bottom = style.page.blockBottomPt
            try place(style.footer, values, page: &pages[i], baseline: bottom + style.footer.dropMm * PageGeometry.pointsPerMm,
                      ruleY: nil, &fallbacks)
            if let header = style.header, !headless.contains(i) {
                let baseline = style.page.blockTopPt - header.dropMm * PageGeometry.pointsPerMm
                try place(header, values, page: &pages[i], baseline: baseline,
                          ruleY: header.rule ? baseline + header.text.sizePt * 0.35 : nil, &fallbacks)
            }
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
