/// Grid mode (GB/T 9704-2012 5.2.3: 28 characters fill every line of the 版心, "撑满版心"):
/// a justified line of Han and full-width marks holds exactly as many characters as the line
/// has grid cells. One fewer only when the prohibition rules push one down (a mark may not
/// start the next line, an opening bracket may not end this one); never more, even when compressed
/// punctuation would leave room for one (that is the squeeze GB grids do not allow).
///
/// A line that is short because a number or a Latin word does not fit at its end (it cannot
/// sit on the grid) is not exempt: the breaker either squeezes the line's closing and opening
/// marks to their half (clreq line adjustment: shrink before stretching) so that the number
/// comes in, or moves the slack to a line that has Latin or digits, whose Han–Latin gaps take it.
struct GridFill {
    let atoms: [Atom]
    let gaps: [Gap]
    /// The grid pitch: text width / characters per line.
    let pitch: Double

    /// Worse than an orphan last line: the grid comes first.
    static let shortLineDemerits = 1_000_000.0

    enum Verdict { case fits, tooMany, short }

    func judge(start: Int, end: Int, target: Double, justified: Bool, isLast: Bool) -> Verdict {
        // Lines holding Latin letters, digits or spaces are not on the grid.
        guard (start...end).allSatisfy({ atoms[$0].kind.isWide }) else { return .fits }
        let capacity = Int((target / pitch + 0.01).rounded(.down))
        let count = end - start + 1
        if count > capacity { return .tooMany }
        guard justified, !isLast, count < capacity else { return .fits }
        // Where a full line would end, and whether the prohibition rules forbid ending there.
        let fullEnd = start + capacity - 1
        guard fullEnd + 1 < atoms.count else { return .fits }
        // One character pushed down by the prohibition rules; any other shortfall is a hole.
        let window = (start...(fullEnd + 1)).allSatisfy { atoms[$0].kind.isWide }
        return count == capacity - 1 && window && !gaps[fullEnd].breakable ? .fits : .short
    }

    /// The squeeze a grid line may use: the blank half of a full-width mark inside the line
    /// (closing marks lose it on the right, opening marks on the left).
    static func addSqueeze(_ gaps: inout [Gap], atoms: [Atom]) {
        for i in gaps.indices {
            let a = atoms[i], b = atoms[i + 1]
            if a.kind == .closingMark, a.isFullWidthMark, a.rightTrim == 0 { gaps[i].shrink += a.em / 2 }
            if b.kind == .openingMark, b.isFullWidthMark, b.leftTrim == 0 { gaps[i].shrink += b.em / 2 }
        }
    }
}
