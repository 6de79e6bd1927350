import HuibaoCore

/// The Chinese paragraph composer (TYPOGRAPHY.md §6.6): Pango itemizes and shapes; we cut
/// the result into atoms, compress punctuation, build glue and break opportunities (kinsoku),
/// choose the breaks over the whole paragraph, and justify each line ourselves.
///
/// collect (`ShapedParagraph`) → prepare (`PunctuationWidth`, `Glue`) → linebreak
/// (`LineBreaker`) → finalize (`Justifier`).
public struct ParagraphComposer {
    let fonts: FontSystem
    /// Draw characters no family of their role has in whatever face fontconfig finds.
    public var allowFontFallback: Bool
    /// Paragraphs this composer has set, by spans and format: the second layout pass (for the
    /// contents' page numbers) and repeated texts (a table's header on every page, the same
    /// label in many charts) compose nothing twice. A composed paragraph is never changed.
    private let composed = ComposedParagraphs()

    public init(fonts: FontSystem, allowFontFallback: Bool = false) {
        self.fonts = fonts
        self.allowFontFallback = allowFontFallback
    }

    public func compose(_ spans: [TextSpan], format: ParagraphFormat) throws -> ComposedParagraph {
        let key = ComposedParagraphs.Key(spans: spans, format: format)
        if let known = composed.byInput[key] { return known }
        let paragraph = try composeAnew(spans, format: format)
        composed.byInput[key] = paragraph
        return paragraph
    }

    private func composeAnew(_ spans: [TextSpan], format: ParagraphFormat) throws -> ComposedParagraph {
        let shaped = try ShapedParagraph(spans: spans, fonts: fonts, allowFallback: allowFontFallback)
        var atoms = shaped.atoms
        if let pitch = format.gridPitchPt {
            // Grid mode: every full-width character advances exactly one grid pitch
            // (GB/T 9704 5.2.3: 28 characters fill 156 mm, 15.79 pt for 16 pt type).
            for i in atoms.indices where atoms[i].kind.isWide && atoms[i].shapedAdvance > atoms[i].em * 0.9 {
                atoms[i].tracking = pitch - atoms[i].shapedAdvance
            }
        }
        PunctuationWidth.compressPairs(&atoms)
        shaped.setAtoms(atoms)
        var (gaps, atomGlue) = Glue.build(atoms: atoms, typography: format.typography, shaped: shaped)
        if format.gridPitchPt != nil { GridFill.addSqueeze(&gaps, atoms: atoms) }
        let breaker = LineBreaker(atoms: atoms, gaps: gaps, atomGlue: atomGlue, format: format)
        let starts = breaker.breakLines()
        let justifier = Justifier(breaker: breaker)
        var lines: [ComposedLine] = []
        for k in 0..<(starts.count - 1) {
            guard let end = breaker.lineEnd(start: starts[k], next: starts[k + 1]) else { continue }
            // Spaces at a line start (after a break at a space run) are dropped.
            var start = starts[k]
            while start < end, atoms[start].kind == .space { start += 1 }
            lines.append(justifier.place(start: start, end: end, isLast: k == starts.count - 2))
        }
        return ComposedParagraph(shaped: shaped, lines: lines)
    }
}

/// A composed paragraph: its lines, ready to be drawn at any position.
public final class ComposedParagraph {
    let shaped: ShapedParagraph
    public let lines: [ComposedLine]

    init(shaped: ShapedParagraph, lines: [ComposedLine]) {
        self.shaped = shaped
        self.lines = lines
    }

    /// Characters set in a fallback family of their role.
    public var fallbacks: [FontFallback] { shaped.fallbacks }

    /// The footnotes referred to in a line, in order.
    public func footnotes(inLine index: Int) -> [String] {
        let line = lines[index]
        var labels: [String] = []
        var lastSpan = -1
        for atom in shaped.atoms[line.start...line.end] where atom.span != lastSpan {
            lastSpan = atom.span
            if let label = shaped.spans[atom.span].footnote, !labels.contains(label) { labels.append(label) }
        }
        return labels
    }

    /// The text of a line as it will be extracted from the PDF.
    public func text(ofLine index: Int) -> String {
        let line = lines[index]
        let a = shaped.atoms
        let bytes = UnsafeRawBufferPointer(start: shaped.text + a[line.start].byteStart,
                                           count: a[line.end].byteEnd - a[line.start].byteStart)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The paragraphs one composer has set (ParagraphComposer.compose).
final class ComposedParagraphs {
    struct Key: Hashable {
        var spans: [TextSpan]
        var format: ParagraphFormat
    }
    var byInput: [Key: ComposedParagraph] = [:]
}
