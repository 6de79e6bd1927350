import HuibaoCore

/// Places the atoms of one line: the slack of a justified line is shared over its elastic
/// gaps in proportion to their stretch (so every Han/Han gap gets the same), word spaces and
/// Han–Latin gaps up to their limits; a last line is set flush left at natural width.
struct Justifier {
    let breaker: LineBreaker

    func place(start: Int, end: Int, isLast: Bool) -> ComposedLine {
        let atoms = breaker.atoms, gaps = breaker.gaps, glue = breaker.atomGlue
        let format = breaker.format
        let m = breaker.metrics(start: start, end: end)
        let target = breaker.target(lineStart: start)
        let slack = target - m.natural
        let justify = format.align == .justify && !isLast

        // The elastic parts of the line: gaps start..<end, then word spaces start...end.
        var elastic: [(stretch: Double, shrink: Double, cap: Double)] = []
        for g in start..<end { elastic.append((gaps[g].stretch, gaps[g].shrink, gaps[g].stretchCap)) }
        for a in start...end { elastic.append((glue[a].stretch, glue[a].shrink, glue[a].stretchCap)) }
        var extra = Array(repeating: 0.0, count: elastic.count)
        if slack < 0 {
            let totalShrink = elastic.reduce(0) { $0 + $1.shrink }
            if totalShrink > 0 {
                let r = max(slack / totalShrink, -1)
                for k in elastic.indices { extra[k] = r * elastic[k].shrink }
            }
        } else if justify {
            extra = Self.fill(slack, elastic.map { ($0.stretch, $0.cap) })
        }

        var offset = 0.0
        if !justify || slack < 0 {
            let used = extra.reduce(0, +)
            let free = max(slack - used, 0)
            switch format.align {
            case .center: offset = free / 2
            case .right: offset = free
            case .justify, .left: offset = 0
            }
        }
        var positions: [Double] = []
        positions.reserveCapacity(end - start + 1)
        let startTrim = format.typography.compressLineStartBracket ? atoms[start].leftBlank : 0
        var x = offset - startTrim
        for a in start...end {
            positions.append(x)
            x += atoms[a].width + extra[(end - start) + (a - start)]
            if a < end { x += gaps[a].natural + extra[a - start] }
        }
        let width = x - atoms[end].rightBlank - offset
        return ComposedLine(start: start, end: end, positions: positions, startTrim: startTrim,
                            naturalWidth: m.natural, width: width,
                            indent: (start == 0 ? format.firstLineIndentPt : 0) + format.offsetPt)
    }

    /// Water-filling: share `slack` in proportion to stretch; parts that reach their cap keep
    /// the cap and the rest is shared again by the others.
    static func fill(_ slack: Double, _ parts: [(stretch: Double, cap: Double)]) -> [Double] {
        var result = Array(repeating: 0.0, count: parts.count)
        var active = parts.indices.filter { parts[$0].stretch > 0 }
        var remaining = slack
        while !active.isEmpty, remaining > 1e-9 {
            let total = active.reduce(0) { $0 + parts[$1].stretch }
            let r = remaining / total
            let capped = active.filter { r * parts[$0].stretch > parts[$0].cap }
            if capped.isEmpty {
                for k in active { result[k] = r * parts[k].stretch }
                return result
            }
            for k in capped {
                result[k] = parts[k].cap
                remaining -= parts[k].cap
            }
            active.removeAll { capped.contains($0) }
        }
        return result
    }
}

/// One composed line: which atoms, and where each one's advance box starts (points from the
/// left edge of the line, the first-line indent not included).
public struct ComposedLine: Sendable {
    let start: Int
    let end: Int
    let positions: [Double]
    /// An opening mark at the line start drawn half an em to the left (clreq 2.3 c).
    let startTrim: Double
    public let naturalWidth: Double
    /// The set width (the measure, for a justified line).
    public let width: Double
    /// First-line indent of this line.
    public let indent: Double
}
