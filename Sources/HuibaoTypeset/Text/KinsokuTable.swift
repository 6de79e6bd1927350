import HuibaoCore

/// Line-start and line-end prohibitions (W3C clreq "Prohibition rules", GB/T 15834-2011 §5),
/// at three levels. `basic` is clreq's basic set; `gb` adds the GB clauses for connectors
/// (5.1.6), the 间隔号 (5.1.7), the 分隔号 (5.1.9) and postfix/prefix signs; `strict` also
/// keeps —— and …… off a line start.
struct KinsokuTable {
    let level: KinsokuLevel
    private let noStart: Set<Unicode.Scalar>
    private let noEnd: Set<Unicode.Scalar>

    private static let basicNoStart: Set<Unicode.Scalar> = Set("。．，、；：？！‼⁇⁈⁉”’）〕］｝》〉」』】〗〙〛,.;:!?)]}".unicodeScalars)
    private static let basicNoEnd: Set<Unicode.Scalar> = Set("“‘（〔［｛《〈「『【〖〘〚([{".unicodeScalars)
    private static let gbNoStart: Set<Unicode.Scalar> = Set("～〜‐–·・/／々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％‰℃°′″".unicodeScalars)
    private static let gbNoEnd: Set<Unicode.Scalar> = Set("/／￥＄$£€".unicodeScalars)

    init(level: KinsokuLevel) {
        self.level = level
        switch level {
        case .basic:
            noStart = Self.basicNoStart
            noEnd = Self.basicNoEnd
        case .gb, .strict:
            noStart = Self.basicNoStart.union(Self.gbNoStart)
            noEnd = Self.basicNoEnd.union(Self.gbNoEnd)
        }
    }

    /// May a line end after `before` and the next begin with `after`?
    /// `afterNext` is the character following `after` (to tell a single — from ——).
    func allowsBreak(between before: Unicode.Scalar, and after: Unicode.Scalar, afterNext: Unicode.Scalar?) -> Bool {
        if noEnd.contains(before) || noStart.contains(after) { return false }
        let beforeKind = CharKind.of(before), afterKind = CharKind.of(after)
        // —— and …… are one mark of two characters: never split (GB/T 15834 5.1.5).
        if beforeKind == .dash && afterKind == .dash { return false }
        if beforeKind == .ellipsis && afterKind == .ellipsis { return false }
        if afterKind == .dash {
            // A single — is a connector (GB 5.1.6); —— may start a line except under strict.
            guard let afterNext, CharKind.of(afterNext) == .dash else { return false }
            return level != .strict
        }
        if afterKind == .ellipsis, level == .strict { return false }
        return true
    }
}
