import HuibaoCore

/// List items, set as the style's `list:` section says: by default as Chinese documents set
/// them (each item a paragraph with the 2-字 first-line indent and its mark, 1. or •, in
/// front, wrapped lines at the margin); with `hanging: true` as slides set them (the mark at
/// the margin, wrapped lines under the item's text).
extension DocumentLayout {
    /// An item composed in `text` style, `measure` wide; `indent` is how far right of the
    /// margin its lines start (the mark's width when hanging, else 0).
    func composeItem(of list: ListBlock, at index: Int, text: TextStyle, measure: Double) throws
        -> (paragraph: ComposedParagraph, indent: Double) {
        let item = list.items[index]
        let marker = list.ordered ? "\(list.start + index)." : style.list.bullet + " "
        let runs = [TextRun(text: marker, location: item.location)] + item.runs
        guard style.list.hanging else {
            return (try compose(runs, text, measure: measure, indentEm: text.firstLineIndentEm), 0)
        }
        let mark = list.ordered ? marker + " " : marker
        let hang = try composeGenerated(mark, text, what: "list mark", measure: measure).lines.first?.naturalWidth ?? 0
        let runsWithGap = list.ordered ? [TextRun(text: mark, location: item.location)] + item.runs : runs
        return (try compose(runsWithGap, text, measure: measure - hang, indentEm: -hang / text.sizePt), hang)
    }

    /// Places every item of a list at the flow's margin, with the style's space between items.
    func placeItems(of list: ListBlock, text: TextStyle, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        for index in list.items.indices {
            let (composed, indent) = try composeItem(of: list, at: index, text: text, measure: flow.measure)
            fallbacks += composed.fallbacks
            if index > 0 { flow.addSpace(style.list.itemSpacePt) }
            placeParagraph(composed, x: flow.left + indent, text: text, &flow)
        }
    }

    /// Front-matter values running heads may show besides `{page}`, `{title}`, `{section}`.
    static func furnitureFields(_ meta: DocumentMeta) -> [String: String] {
        ["{date}": meta.date ?? "", "{subject}": meta.subject ?? "", "{author}": meta.author ?? "",
         "{subtitle}": meta.subtitle ?? ""]
    }
}
