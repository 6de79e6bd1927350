import HuibaoCore

/// Chooses the breaks of a whole paragraph at once (Knuth–Plass style total-fit over our own
/// break opportunities and glue), so that one tight spot does not leave a loose line later.
struct LineBreaker {
    let atoms: [Atom]
    let gaps: [Gap]
    let atomGlue: [AtomGlue]
    let format: ParagraphFormat

    /// Prefix sums: widths, stretch and shrink of atoms and of gaps.
    private let atomWidth: [Double], atomStretch: [Double], atomShrink: [Double]
    private let gapNatural: [Double], gapStretch: [Double], gapShrink: [Double]
    /// Grid mode: exactly as many characters as cells on a full line.
    private let grid: GridFill?

    static let orphanDemerits = 200_000.0
    static let overfullDemerits = 1e12

    init(atoms: [Atom], gaps: [Gap], atomGlue: [AtomGlue], format: ParagraphFormat) {
        self.atoms = atoms
        self.gaps = gaps
        self.atomGlue = atomGlue
        self.format = format
        func prefix(_ values: [Double]) -> [Double] {
            var sums = [0.0]
            sums.reserveCapacity(values.count + 1)
            for v in values { sums.append(sums.last! + v) }
            return sums
        }
        atomWidth = prefix(atoms.map(\.width))
        atomStretch = prefix(atomGlue.map(\.stretch))
        atomShrink = prefix(atomGlue.map(\.shrink))
        gapNatural = prefix(gaps.map(\.natural))
        gapStretch = prefix(gaps.map(\.stretch))
        gapShrink = prefix(gaps.map(\.shrink))
        grid = format.gridPitchPt.map { GridFill(atoms: atoms, gaps: gaps, pitch: $0) }
    }

    /// The measure of a line starting at atom `start`.
    func target(lineStart start: Int) -> Double {
        format.measurePt - (start == 0 ? format.firstLineIndentPt : 0)
    }

    /// Width, stretch and shrink of the atoms `start...end` set as one line, with the
    /// line-edge rules: a closing mark at the end loses its blank half (GB/T 15834 5.1.10),
    /// an opening mark at the start may lose its own (clreq 2.3 c).
    func metrics(start: Int, end: Int) -> (natural: Double, stretch: Double, shrink: Double) {
        var natural = atomWidth[end + 1] - atomWidth[start] + gapNatural[end] - gapNatural[start]
        natural -= atoms[end].rightBlank
        if format.typography.compressLineStartBracket { natural -= atoms[start].leftBlank }
        let stretch = atomStretch[end + 1] - atomStretch[start] + gapStretch[end] - gapStretch[start]
        let shrink = atomShrink[end + 1] - atomShrink[start] + gapShrink[end] - gapShrink[start]
        return (natural, stretch, shrink)
    }

    /// The last atom that is not a space before the line starting at `next`.
    func lineEnd(start: Int, next: Int) -> Int? {
        var e = next - 1
        while e >= start, atoms[e].kind == .space { e -= 1 }
        return e >= start ? e : nil
    }

    /// Line starts (atom indices); the paragraph's lines are `starts[k] ..< starts[k+1]`.
    func breakLines() -> [Int] {
        let n = atoms.count
        guard n > 0 else { return [0] }
        var candidates = [0]
        for (i, gap) in gaps.enumerated() where gap.breakable { candidates.append(i + 1) }
        candidates.append(n)
        var best = Array(repeating: Double.infinity, count: candidates.count)
        var previous = Array(repeating: -1, count: candidates.count)
        best[0] = 0
        for from in 0..<(candidates.count - 1) where best[from] < .infinity {
            let start = candidates[from]
            var foundFeasible = false
            for to in (from + 1)..<candidates.count {
                let next = candidates[to]
                guard let end = lineEnd(start: start, next: next) else { continue }
                let m = metrics(start: start, end: end)
                let target = target(lineStart: start)
                let isLast = next == n
                let verdict = grid?.judge(start: start, end: end, target: target, justified: format.align == .justify,
                                          isLast: isLast) ?? .fits
                if m.natural - m.shrink > target + 0.01 || verdict == .tooMany {
                    // Overfull even when shrunk: take it only if nothing else fits.
                    if !foundFeasible {
                        relax(to, from, best[from] + Self.overfullDemerits, &best, &previous)
                    }
                    break
                }
                foundFeasible = true
                var d = demerits(natural: m.natural, stretch: m.stretch, shrink: m.shrink, target: target, isLast: isLast)
                if next < n { d += gaps[next - 1].penalty * gaps[next - 1].penalty }
                if verdict == .short { d += GridFill.shortLineDemerits }
                if isLast, format.typography.avoidOrphanLastLine, start > 0, isOrphan(start: start, end: end) {
                    d += Self.orphanDemerits
                }
                relax(to, from, best[from] + d, &best, &previous)
            }
        }
        var starts: [Int] = []
        var k = candidates.count - 1
        while k > 0 {
            k = previous[k]
            starts.append(candidates[k])
        }
        return starts.reversed() + [n]
    }

    private func relax(_ to: Int, _ from: Int, _ value: Double, _ best: inout [Double], _ previous: inout [Int]) {
        if value < best[to] {
            best[to] = value
            previous[to] = from
        }
    }

    private func demerits(natural: Double, stretch: Double, shrink: Double, target: Double, isLast: Bool) -> Double {
        let slack = target - natural
        let justified = format.align == .justify
        if isLast || !justified {
            if slack >= 0 {
                // Ragged lines (headings, cells) prefer to be full; a last line is free.
                if isLast { return 100 }
                let em = atoms.first?.em ?? 12
                return 100 + (slack / em) * (slack / em) * 100
            }
            return shrinkDemerits(slack: slack, shrink: shrink)
        }
        if slack >= 0 {
            guard stretch > 0 else { return slack < 0.01 ? 100 : 1e8 }
            let r = slack / stretch
            let badness = min(100 * r * r * r, 10_000)
            return (10 + badness) * (10 + badness)
        }
        return shrinkDemerits(slack: slack, shrink: shrink)
    }

    private func shrinkDemerits(slack: Double, shrink: Double) -> Double {
        guard shrink > 0 else { return slack > -0.01 ? 100 : 1e8 }
        let r = -slack / shrink
        let badness = min(100 * r * r * r, 10_000)
        return (10 + badness) * (10 + badness)
    }

    /// A last line of one character, or one character and its marks (TYPOGRAPHY.md §2.4).
    private func isOrphan(start: Int, end: Int) -> Bool {
        var letters = 0
        for atom in atoms[start...end] where !atom.kind.isMark && atom.kind != .space && atom.kind != .dash && atom.kind != .ellipsis {
            letters += 1
        }
        return letters < 2
    }
}
