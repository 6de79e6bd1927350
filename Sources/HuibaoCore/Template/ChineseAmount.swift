import Foundation

/// 人民币大写 (financial capitals, as on cheques and invoices) by the rules of 《支付结算办法》:
/// 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分, 100 → 壹佰元整, 1005 → 壹仟零伍元整.
enum ChineseAmount {
    private static let digits = "零壹贰叁肆伍陆柒捌玖".map(String.init)
    /// The places within a group of four digits: ones, tens, hundreds, thousands.
    private static let places = ["", "拾", "佰", "仟"]

    /// The amount rounded half up to 分; nil when too large for exact integers.
    /// 整 follows 元 when there are no 角 and 分; 零 follows 元 when 角 is zero but 分 is not
    /// (壹佰元零伍分); nothing follows 角 or 分.
    static func upper(_ amount: Decimal) -> String? {
        let rounded = amount.rounded(2)
        guard let fen = (abs(rounded) * 100).wholeNumber else { return nil }
        let yuan = fen / 100
        let jiao = fen / 10 % 10
        let cents = fen % 10
        var text = rounded < 0 ? "负" : ""
        if yuan > 0 { text += words(yuan) + "元" }
        if jiao == 0 && cents == 0 { return text + (yuan == 0 ? "零元" : "") + "整" }
        if jiao > 0 {
            text += digits[jiao] + "角"
        } else if yuan > 0 {
            text += digits[0]
        }
        if cents > 0 { text += digits[cents] + "分" }
        return text
    }

    /// `n` > 0 grouped by 万 and 亿, one 零 for any run of missing places, and 壹 kept before
    /// 拾 everywhere (壹拾万), as financial writing requires.
    private static func words(_ n: Int) -> String {
        if n >= 100_000_000 { return join(high: n / 100_000_000, unit: "亿", low: n % 100_000_000, lowTop: 10_000_000) }
        if n >= 10_000 { return join(high: n / 10_000, unit: "万", low: n % 10_000, lowTop: 1_000) }
        return group(n)
    }

    /// `high` + unit, then `low`, with a 零 when `low` does not reach its top place `lowTop`.
    private static func join(high: Int, unit: String, low: Int, lowTop: Int) -> String {
        let text = words(high) + unit
        guard low > 0 else { return text }
        return text + (low < lowTop ? digits[0] : "") + words(low)
    }

    /// 1…9999: zeros between digits read as one 零, trailing zeros are silent.
    private static func group(_ n: Int) -> String {
        var text = ""
        var zeroPending = false
        var divisor = 1000
        for place in stride(from: 3, through: 0, by: -1) {
            let d = n / divisor % 10
            divisor /= 10
            if d == 0 {
                zeroPending = !text.isEmpty
                continue
            }
            if zeroPending { text += digits[0] }
            zeroPending = false
            text += digits[d] + places[place]
        }
        return text
    }
}
