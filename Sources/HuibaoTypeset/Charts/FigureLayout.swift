import HuibaoCore

/// Places a ```chart``` block: the chart drawn from its data, the caption (图N …) below it.
struct FigureLayout {
    let style: Style
    let composer: ParagraphComposer
    let layout: DocumentLayout

    func place(_ block: DirectiveBlock, number: Int, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        throw HuibaoError(.markup, "charts are not available yet", at: block.location)
    }
}
