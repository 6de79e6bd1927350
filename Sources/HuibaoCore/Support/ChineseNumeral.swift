import Foundation

/// Chinese numerals for counting (一、二 … 十一 … 一百零五), as headings and the `cn_numeral`
/// filter write them.
public enum ChineseNumeral {
    private static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let units = ["", "十", "百", "千"]

    /// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 10000 → 一万. 0 → 零.
    public static func string(_ n: Int) -> String {
        if n == 0 { return "零" }
        if n < 0 { return "负" + string(-n) }
        if n >= 100_000_000 { return string(n / 100_000_000) + "亿" + rest(n % 100_000_000, width: 100_000_000) }
        if n >= 10_000 { return group(n / 10_000, leading: true) + "万" + rest(n % 10_000, width: 10_000) }
        return group(n, leading: true)
    }

    /// The remainder after 万/亿, with 零 when a place is skipped (一万零五).
    private static func rest(_ n: Int, width: Int) -> String {
        guard n > 0 else { return "" }
        let needsZero = n < width / 10
        return (needsZero ? "零" : "") + string(n).replacingPrefix("十", with: "一十")
    }

    /// 1…9999. `leading`: a group at the start drops the 一 of 一十 (十一, not 一十一).
    private static func group(_ n: Int, leading: Bool) -> String {
        var result = ""
        var zero = false
        let places = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10]
        var started = false
        for (i, d) in places.enumerated() {
            let unit = units[3 - i]
            if d == 0 {
                if started { zero = true }
                continue
            }
            if zero { result.append("零"); zero = false }
            if !(leading && !started && d == 1 && unit == "十") { result.append(digits[d]) }
            result += unit
            started = true
        }
        return result
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

/// Heading numbers by level, reset below a higher level: 一、 /（一）/ 1. /（1）.
public struct HeadingCounter: Sendable {
    private var counts: [Int] = Array(repeating: 0, count: 7)

    public init() {}

    /// Counts a heading of `level` and returns its number text in `format`
    /// (`{cn}` Chinese numeral, `{n}` Arabic).
    public mutating func next(level: Int, format: String) -> String {
        counts[level] += 1
        for deeper in (level + 1)..<counts.count { counts[deeper] = 0 }
        let n = counts[level]
        return format.replacingOccurrences(of: "{cn}", with: ChineseNumeral.string(n))
            .replacingOccurrences(of: "{n}", with: String(n))
    }
}
