/// Punctuation width adjustment done with our own geometry, before line breaking
/// (clreq "punctuation width adjustment"; most 公文 fonts have no `halt`, TYPOGRAPHY.md §4).
enum PunctuationWidth {
    /// Two adjacent full-width marks take 1.5 em together: the blank half between them goes.
    /// `。”` — the 。 loses its right half; `”（` — the ” loses its right half; `（“` — the “
    /// loses its left half. `？！`, `！！`, `？？` stay 1 em each (GB/T 15834 5.1.2).
    static func compressPairs(_ atoms: inout [Atom]) {
        guard atoms.count > 1 else { return }
        for i in 0..<(atoms.count - 1) {
            let a = atoms[i], b = atoms[i + 1]
            guard a.isFullWidthMark, b.isFullWidthMark, !isExclamationPair(a.scalar, b.scalar) else { continue }
            if a.rightBlank > 0 {
                atoms[i].rightTrim = a.em / 2
            } else if b.leftBlank > 0 {
                atoms[i + 1].leftTrim = b.em / 2
            }
        }
    }

    private static func isExclamationPair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        ("？！" as String).unicodeScalars.contains(a) && ("？！" as String).unicodeScalars.contains(b)
    }
}
