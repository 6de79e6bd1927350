/// Classification of characters for Chinese composition (W3C clreq, GB/T 15834).
public enum CharacterClass {
    /// Han ideographs, kana, Hangul, CJK symbols and full-width forms: characters set on the
    /// em grid, between which a source line break must not become a space.
    public static func isWide(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return isWide(s)
    }

    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        case 0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019, 0x00B7:
            // —— …… “” ‘’ · are full width in Chinese text.
            return true
        default:
            return false
        }
    }

    /// Han ideographs (incl. extensions B+, e.g. 𠮷 U+20BB7), and 〇.
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD, 0x3007:
            return true
        default:
            return false
        }
    }
}
