import HuibaoCore

/// Places a ```chart``` block as a figure: the chart drawn from its data, the caption
/// 图N 标题 under it (五号黑体, centred), the 资料来源/注 lines under the caption in small type,
/// all kept together on one page.
struct FigureLayout {
    let style: Style
    let composer: ParagraphComposer
    let layout: DocumentLayout

    /// A figure ready to place: the drawing and the composed lines under it.
    struct Figure {
        var drawing: ChartDrawing
        var caption: ComposedParagraph
        var notes: [ComposedParagraph]
        /// Drawing, caption and notes (without the space around the figure).
        var height: Double
        var fallbacks: [FontFallback]
    }

    func place(_ block: DirectiveBlock, number: Int, _ flow: inout PageFlow, _ fallbacks: inout [FontFallback]) throws {
        let cs = style.chart
        let figure = try build(block, number: number, measure: flow.measure)
        fallbacks += figure.fallbacks
        let pageRoom = flow.bottom - flow.top
        guard figure.height <= pageRoom else {
            throw HuibaoError(.layout, "the chart with its caption is \(Int(figure.height)) pt tall and does not fit on a page (\(Int(pageRoom)) pt)",
                              at: block.location, hint: "give it a smaller height or width")
        }
        // A figure is never split: it moves to the next page whole.
        if !flow.atPageTop, cs.spaceBeforePt + figure.height > flow.remaining { flow.newPage() }
        flow.addSpace(cs.spaceBeforePt)
        let x = flow.left + (flow.measure - figure.drawing.width) / 2
        flow.add(.drawing(figure.drawing, x: x, y: flow.y))
        flow.advance(figure.drawing.height + cs.caption.spaceBeforePt)
        flow.placeLines(figure.caption, 0..<figure.caption.lines.count, x: flow.left, text: cs.caption)
        for note in figure.notes { flow.placeLines(note, 0..<note.lines.count, x: x, text: cs.source) }
        flow.addSpace(cs.spaceAfterPt)
    }

    /// The room a figure takes on its page with the space before it: what a heading in
    /// front of it must keep with it.
    func height(of block: DirectiveBlock, measure: Double) throws -> Double {
        style.chart.spaceBeforePt + (try build(block, number: 1, measure: measure)).height
    }

    func build(_ block: DirectiveBlock, number: Int, measure: Double) throws -> Figure {
        let spec = try ChartSpecReader(block: block, data: layout.data, baseDirectory: layout.baseDirectory).read()
        let cs = style.chart
        try composer.fonts.verify(roleKeys: [cs.role, cs.caption.role, cs.source.role])
        let drawing = try chart(spec, measure: measure)
        let location = block.location
        let captionText = "图\(number)" + (spec.title.map { " " + $0 } ?? "")
        let caption = try layout.compose([TextRun(text: captionText, location: location)], cs.caption, measure: measure, align: .center)
        var notes: [ComposedParagraph] = []
        for text in [spec.source.map { "资料来源：" + $0 }, spec.note.map { "注：" + $0 }].compactMap({ $0 }) {
            notes.append(try layout.compose([TextRun(text: text, location: location)], cs.source, measure: drawing.width, align: .justify))
        }
        let notesHeight = notes.reduce(0) { $0 + Double($1.lines.count) * cs.source.linePitchPt }
        let height = drawing.height + cs.caption.spaceBeforePt + Double(caption.lines.count) * cs.caption.linePitchPt + notesHeight
        return Figure(drawing: drawing, caption: caption, notes: notes, height: height,
                      fallbacks: drawing.fallbacks + caption.fallbacks + notes.flatMap(\.fallbacks))
    }

    /// The chart alone, `measure` wide at most.
    func chart(_ spec: ChartSpec, measure: Double) throws -> ChartDrawing {
        let cs = style.chart
        let width = min(spec.width?.points(measurePt: measure) ?? measure, measure)
        let typesetter = ChartTypesetter(composer: composer, style: cs, typography: style.typography, location: spec.location)
        let palette = ChartPalette(style: cs)
        let given = spec.height?.points(measurePt: measure) ?? spec.aspect.map { width / $0 }
        switch spec.kind {
        case .bar, .line, .area, .combo:
            return try ColumnChart(spec: spec, typesetter: typesetter, palette: palette, width: width, height: given ?? width * cs.heightRatio).build()
        case .hbar:
            return try RowChart(spec: spec, typesetter: typesetter, palette: palette, width: width, height: given).build()
        case .pie, .donut:
            return try PieChart(spec: spec, typesetter: typesetter, palette: palette, width: width, height: given ?? width * cs.heightRatio * 0.9).build()
        case .progress:
            return try ProgressChart(spec: spec, typesetter: typesetter, palette: palette, width: width, height: given).build()
        }
    }
}
