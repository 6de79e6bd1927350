import Foundation

/// Exact decimal rounding and the number texts filters print.
extension Decimal {
    /// Decimal's own text: plain digits, no exponent, no trailing zeros.
    var plainText: String { NSDecimalNumber(decimal: self).stringValue }

    /// Rounded to `scale` places; `.plain` rounds halves away from zero (四舍五入).
    func rounded(_ scale: Int, _ mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, mode)
        return result
    }

    /// The value as an `Int` when it is whole and small enough for exact integer work.
    var wholeNumber: Int? {
        guard rounded(0, .down) == self, abs(self) < Decimal(sign: .plus, exponent: 18, significand: 1) else { return nil }
        return NSDecimalNumber(decimal: self).intValue
    }

    /// Exactly `decimals` places, optionally with thousands separators: "12,345.60".
    func fixedText(decimals: Int, grouping: Bool) -> String {
        let value = rounded(decimals)
        var text = value.plainText
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: Swift.max(0, decimals - fraction.count))
        if grouping {
            var groups: [Substring] = []
            var end = integer.endIndex
            while end > integer.startIndex {
                let start = integer.index(end, offsetBy: -3, limitedBy: integer.startIndex) ?? integer.startIndex
                groups.insert(integer[start..<end], at: 0)
                end = start
            }
            integer = groups.joined(separator: ",")
        }
        // Rounding may leave "-0.0"; a sign on zero only confuses a reader.
        let sign = negative && !value.isZero ? "-" : ""
        return sign + integer + (decimals > 0 ? "." + fraction : "")
    }

    /// Parses number text strictly: `Decimal(string:)` alone accepts "12abc" as 12.
    init?(strictText text: String) {
        let body = text.trimmingCharacters(in: .whitespaces)
        var scalars = body.unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        func digits() -> Int {
            let count = scalars.prefix(while: { ("0"..."9").contains($0) }).count
            scalars = scalars.dropFirst(count)
            return count
        }
        guard digits() > 0 else { return nil }
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            guard digits() > 0 else { return nil }
        }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return nil }
        }
        guard scalars.isEmpty, let value = Decimal(string: body) else { return nil }
        self = value
    }
}
