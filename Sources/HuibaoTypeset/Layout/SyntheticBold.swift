import HuibaoCore

/// Synthetic bold for faces that have none (仿宋 and 楷体 come in one weight): every line that
/// asks for bold in such a face gets its glyph outlines stroked over the text (`typography ›
/// synthetic_bold`). The text is drawn once, as text, so copy and paste give it once; the
/// stroke is a path, invisible to extraction.
enum SyntheticBold {
    /// Stroke width in em: 0.035 em (0.56 pt at 三号) thickens 仿宋 strokes about as much as
    /// a real bold face does, without closing the counters of dense characters (量, 覆).
    static let widthEm = 0.035

    static func add(to pages: inout [Page]) {
        for i in pages.indices {
            var strokes: [PageItem] = []
            for case .text(let paragraph, let line, let x, let baseline) in pages[i].items
            where GlyphRunPainter.needsSyntheticBold(paragraph, line: line) {
                strokes.append(.drawing(SyntheticBoldStroke(paragraph: paragraph, line: line, x: x, baseline: baseline), x: 0, y: 0))
            }
            pages[i].items += strokes
        }
    }
}

/// The outline stroke of one line's synthetic-bold runs, in page coordinates.
struct SyntheticBoldStroke: PageDrawing {
    let paragraph: ComposedParagraph
    let line: Int
    let x: Double
    let baseline: Double
    var width: Double { 0 }
    var height: Double { 0 }

    func draw(on cr: OpaquePointer) {
        GlyphRunPainter.strokeSyntheticBold(paragraph, line: line, x: x, baseline: baseline, widthEm: SyntheticBold.widthEm, on: cr)
    }
}
