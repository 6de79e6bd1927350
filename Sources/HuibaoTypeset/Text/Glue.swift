import HuibaoCore

/// The space between atom i and atom i+1: its natural width, how far it may stretch or shrink
/// when a line is justified, and whether a line may break there.
struct Gap {
    var natural: Double = 0
    var stretch: Double = 0
    var shrink: Double = 0
    /// The most this gap may grow (word spaces, clreq: ≤ 1/2 em in all).
    var stretchCap: Double = .infinity
    var breakable = false
    /// Extra cost of breaking here (emergency breaks inside words).
    var penalty: Double = 0
}

/// Per-atom elasticity: only word spaces have it (the space glyph itself stretches).
struct AtomGlue {
    var stretch: Double = 0
    var shrink: Double = 0
    var stretchCap: Double = .infinity
}

/// Builds the glue of a paragraph (TYPOGRAPHY.md §2.4–2.5, Typst's per-glyph adjustability).
enum Glue {
    /// Justification stretch of an inter-character gap, in em. Every Han/Han and Han/mark
    /// gap gets the same, so the slack of a line is shared evenly (clreq line adjustment 3).
    static let interCharacterStretchEm = 0.15
    static let emergencyPenalty = 5000.0

    static func build(atoms: [Atom], typography: Typography, shaped: ShapedParagraph) -> ([Gap], [AtomGlue]) {
        let kinsoku = KinsokuTable(level: typography.kinsoku)
        var gaps = Array(repeating: Gap(), count: max(atoms.count - 1, 0))
        var atomGlue = Array(repeating: AtomGlue(), count: atoms.count)
        for (i, atom) in atoms.enumerated() where atom.kind == .space {
            // A word space keeps at least 3/4 of itself and grows to at most 1/2 em in all.
            let w = atom.shapedAdvance
            atomGlue[i] = AtomGlue(stretch: atom.em * interCharacterStretchEm, shrink: w / 4,
                                   stretchCap: max(atom.em * 0.45 - w, 0))
        }
        for i in gaps.indices {
            let a = atoms[i], b = atoms[i + 1]
            var gap = Gap()
            let em = max(a.em, b.em)
            let hanLatin = (a.kind == .han && b.kind.isLatinOrDigit) || (a.kind.isLatinOrDigit && b.kind == .han)
            if hanLatin, typography.cjkLatinSpacing {
                // clreq §3.2.2: 1/4 em, from 1/8 (tight lines) up; it also carries the line's
                // even stretch so that it stays 1/4 em more than a Han/Han gap.
                gap.natural = em / 4
                gap.shrink = em / 8
                gap.stretch = em * interCharacterStretchEm
            } else if isJustifiable(a.kind, b.kind) {
                gap.stretch = em * interCharacterStretchEm
            }
            gap.breakable = breakAllowed(i, atoms: atoms, kinsoku: kinsoku, shaped: shaped)
            if shaped.spans[b.span].risePt != 0 || shaped.spans[a.span].risePt != 0 {
                // A footnote mark hugs the character before it: no space, no stretch, and
                // the line never breaks before it.
                if shaped.spans[b.span].risePt != 0 { gap = Gap() } else { gap.natural = 0; gap.shrink = 0 }
            }
            if !gap.breakable, shaped.isCharBreak(before: b), !a.kind.isWide, !b.kind.isWide, a.kind != .space, b.kind != .space {
                // Last resort for an over-long word or number: allowed, but at a high price.
                gap.breakable = true
                gap.penalty = emergencyPenalty
            }
            gaps[i] = gap
        }
        return (gaps, atomGlue)
    }

    /// Where justification may add space: next to a wide character, but never inside
    /// —— or ……, never beside connectors and solidi, never inside Latin words or numbers.
    private static func isJustifiable(_ a: CharKind, _ b: CharKind) -> Bool {
        if a == .connector || b == .connector || a == .space || b == .space { return false }
        if a == .dash && b == .dash { return false }
        if a == .ellipsis && b == .ellipsis { return false }
        return a.isWide || b.isWide
    }

    private static func breakAllowed(_ i: Int, atoms: [Atom], kinsoku: KinsokuTable, shaped: ShapedParagraph) -> Bool {
        let a = atoms[i], b = atoms[i + 1]
        if b.kind == .space { return false }
        if a.kind == .space || (!a.kind.isWide && !b.kind.isWide) {
            // Between Latin words and inside numbers Pango's UAX #14 rules are right
            // (11.6% and 1,234.5 stay whole); kinsoku still keeps "(" off a line end.
            return shaped.pangoAllowsBreak(before: b) && kinsoku.allowsBreak(between: lastNonSpace(i, atoms), and: b.scalar,
                                                                              afterNext: i + 2 < atoms.count ? atoms[i + 2].scalar : nil)
        }
        return kinsoku.allowsBreak(between: a.scalar, and: b.scalar, afterNext: i + 2 < atoms.count ? atoms[i + 2].scalar : nil)
    }

    private static func lastNonSpace(_ i: Int, _ atoms: [Atom]) -> Unicode.Scalar {
        var j = i
        while j > 0, atoms[j].kind == .space { j -= 1 }
        return atoms[j].scalar
    }
}
