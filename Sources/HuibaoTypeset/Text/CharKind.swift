import HuibaoCore

/// What a character is to the composer. Full-width marks are classified by where their blank
/// half sits in the GB (mainland) style: clreq §punctuation_width_adjustment, GB/T 15834 §5.
enum CharKind: Equatable {
    case han
    /// 。，、；：？！ and closing brackets/quotes: glyph on the left, blank half on the right.
    case closingMark
    /// Opening brackets/quotes: blank half on the left.
    case openingMark
    /// · ・ (1/4 blank on each side; never adjusted here).
    case middleDot
    /// — (U+2014), ⸺
    case dash
    /// … ⋯
    case ellipsis
    /// Connectors and solidi: ～ – / ／. No justification space next to them (clreq).
    case connector
    case latin
    case digit
    case space
    /// Other wide characters (kana, full-width letters, CJK symbols).
    case otherWide
    case other

    static func of(_ s: Unicode.Scalar) -> CharKind {
        switch s {
        case "，", "。", "、", "；", "：", "？", "！", "．",
             "”", "’", "）", "》", "」", "』", "】", "〕", "〗", "］", "｝", "〉", "〙", "〛":
            return .closingMark
        case "“", "‘", "（", "《", "「", "『", "【", "〔", "〖", "［", "｛", "〈", "〘", "〚":
            return .openingMark
        case "·", "・": return .middleDot
        case "\u{2014}", "\u{2E3A}": return .dash
        case "\u{2026}", "\u{22EF}": return .ellipsis
        case "～", "〜", "–", "/", "／", "‐": return .connector
        case " ", "\u{00A0}", "\t": return .space
        default: break
        }
        if CharacterClass.isHan(s) { return .han }
        if s.isASCII {
            if ("0"..."9").contains(s) { return .digit }
            if ("a"..."z").contains(s) || ("A"..."Z").contains(s) { return .latin }
            return .other
        }
        if CharacterClass.isWide(s) { return .otherWide }
        if s.properties.isAlphabetic { return .latin }
        return .other
    }

    /// Set on the em grid: Han, full-width marks, kana and the like.
    var isWide: Bool {
        switch self {
        case .han, .closingMark, .openingMark, .middleDot, .dash, .ellipsis, .otherWide: return true
        case .connector, .latin, .digit, .space, .other: return false
        }
    }

    /// Latin letters and digits: the other side of Han–Latin spacing (clreq §3.2.2).
    var isLatinOrDigit: Bool { self == .latin || self == .digit }

    var isMark: Bool { self == .closingMark || self == .openingMark }
}
