import Foundation

/// The written forms GB/T 9704-2012 fixes for 公文 elements, checked as the clerk wrote them.
/// A wrong form is an error with its place and the right form as a hint, never a silent fix:
/// a 发文字号 or a date is part of the document's identity and must read as signed off.
public enum GongwenForms {
    /// 发文字号 (7.2.5): 发文机关代字 + the year in full inside 六角括号 + the serial number
    /// without 第 and without leading zeros + 号, e.g. 国发〔2010〕6号.
    public struct DocumentNumber: Sendable, Equatable {
        /// 发文机关代字: 国发, 江数资 …
        public var prefix: String
        public var year: Int
        public var serial: Int
        public var text: String { "\(prefix)〔\(year)〕\(serial)号" }
    }

    /// Reads a 发文字号, or says what is wrong with it.
    public static func documentNumber(_ raw: String, at location: SourceLocation?) throws -> DocumentNumber {
        let text = raw.trimmingCharacters(in: .whitespaces)
        func fail(_ message: String, hint: String? = nil) -> HuibaoError {
            HuibaoError(.markup, "发文字号 '\(text)' \(message)", at: location,
                        hint: hint ?? "GB/T 9704-2012 7.2.5 writes it as 机关代字〔年份〕序号号, e.g. 国发〔2010〕6号")
        }
        let scalars = Array(text)
        // The year: four digits (or a wrong number of them) between some pair of brackets.
        let opening: [Character: Character] = ["〔": "〕", "[": "]", "(": ")", "（": "）", "【": "】", "［": "］",
                                               "〈": "〉", "《": "》", "{": "}", "｛": "｝", "〖": "〗", "「": "」"]
        guard let open = scalars.firstIndex(where: { opening[$0] != nil }),
              let close = scalars[(open + 1)...].firstIndex(where: { opening.values.contains($0) }) else {
            throw fail("has no year in 六角括号 〔〕")
        }
        let prefix = String(scalars[..<open])
        let yearText = String(scalars[(open + 1)..<close])
        let rest = String(scalars[(close + 1)...])
        let corrected = { (serial: String) in "\(prefix)〔\(yearText)〕\(serial)号" }
        guard scalars[open] == "〔", scalars[close] == "〕" else {
            throw fail("puts the year in \(scalars[open])\(scalars[close]); the year goes in 六角括号 〔〕 (U+3014, U+3015)",
                       hint: "write \(corrected(Self.serialDigits(rest)))")
        }
        guard !prefix.isEmpty else { throw fail("has no 发文机关代字 before the year") }
        guard yearText.count == 4, yearText.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(yearText) else {
            throw fail("has the year '\(yearText)'; write the year in full in Arabic numerals, e.g. 〔2025〕")
        }
        var serialText = rest
        guard serialText.hasSuffix("号") else {
            throw fail("does not end with 号", hint: "write \(prefix)〔\(year)〕\(Self.serialDigits(rest))号")
        }
        serialText.removeLast()
        if serialText.hasPrefix("第") {
            throw fail("has 第 before the serial number; 发文字号 are written without it",
                       hint: "write \(prefix)〔\(year)〕\(Self.serialDigits(serialText))号 (GB/T 9704-2012 7.2.5)")
        }
        guard !serialText.isEmpty, serialText.allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(serialText) else {
            throw fail("has the serial number '\(serialText)'; it must be Arabic numerals, e.g. 6")
        }
        guard serial > 0 else { throw fail("has the serial number 0; serial numbers start at 1") }
        if serialText.hasPrefix("0") {
            throw fail("has a leading zero in the serial number '\(serialText)'; 发文字号 are written without one",
                       hint: "write \(prefix)〔\(year)〕\(serial)号 (GB/T 9704-2012 7.2.5)")
        }
        return DocumentNumber(prefix: prefix, year: year, serial: serial)
    }

    /// The digits of a serial part as written, without 第, 号 or zeros in front (for hints).
    private static func serialDigits(_ s: String) -> String {
        let digits = s.filter { $0.isASCII && $0.isNumber }
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? (digits.isEmpty ? "1" : "0") : String(trimmed)
    }

    /// 成文日期 and 印发日期 (7.3.5.4, 7.4.3): Arabic numerals, the year in full, month and day
    /// without zero padding: 2025年1月5日. `what` names the element in the message.
    @discardableResult
    public static func date(_ raw: String, what: String, at location: SourceLocation?) throws -> DateComponents {
        let text = raw.trimmingCharacters(in: .whitespaces)
        func fail(_ message: String, _ suggestion: String?) -> HuibaoError {
            HuibaoError(.markup, "\(what) '\(text)' \(message)", at: location,
                        hint: suggestion.map { "write \($0) (GB/T 9704-2012 7.3.5.4: Arabic numerals, no zero padding)" }
                            ?? "GB/T 9704-2012 7.3.5.4 writes dates as 2025年1月5日: Arabic numerals, no zero padding")
        }
        let chineseDigits: [Character: Int] = ["〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                                               "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        if text.contains(where: { chineseDigits[$0] != nil }) {
            throw fail("is written in Chinese numerals; 公文 dates use Arabic numerals", Self.arabic(text, chineseDigits))
        }
        let parts = text.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map(String.init)
        let shape = text.range(of: #"^[0-9]+年[0-9]+月[0-9]+日$"#, options: .regularExpression) != nil
        guard shape, parts.count == 3 else {
            let suggestion = parts.count == 3 && parts[0].count == 4
                ? "\(parts[0])年\(Int(parts[1]) ?? 0)月\(Int(parts[2]) ?? 0)日" : nil
            throw fail("is not in the form 2025年1月5日", suggestion)
        }
        guard parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw fail("needs the year in full (four digits)", nil)
        }
        let plain = "\(year)年\(month)月\(day)日"
        if parts[1].hasPrefix("0") || parts[2].hasPrefix("0") {
            throw fail("pads the month or day with a zero; 公文 dates are written without", plain)
        }
        var components = DateComponents(year: year, month: month, day: day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard (1...12).contains(month), let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month else {
            throw fail("is not a day of the calendar", nil)
        }
        components.calendar = calendar
        return components
    }

    /// 二〇二五年三月五日 → 2025年3月5日 (for the hint only).
    private static func arabic(_ text: String, _ digits: [Character: Int]) -> String? {
        var result = ""
        var number: [Int] = []
        func flush() {
            guard !number.isEmpty else { return }
            if number.contains(10) {
                // 十, 十五, 二十, 二十五
                let tens = number.first == 10 ? 1 : number[0]
                let ones = number.last == 10 ? 0 : number.last!
                result += String(tens * 10 + ones)
            } else {
                result += number.map(String.init).joined()
            }
            number = []
        }
        for c in text {
            if let d = digits[c] { number.append(d) } else { flush(); result.append(c) }
        }
        flush()
        return result.range(of: #"^[0-9]{4}年[1-9][0-9]?月[1-9][0-9]?日$"#, options: .regularExpression) != nil ? result : nil
    }

    /// 密级 (7.2.2): 绝密, 机密 or 秘密, optionally ★ and the 保密期限 in Arabic numerals.
    public static func secrecy(_ raw: String, at location: SourceLocation?) throws {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let levels = ["绝密", "机密", "秘密"]
        guard let level = levels.first(where: { text.hasPrefix($0) }) else {
            throw HuibaoError(.markup, "密级 '\(text)' is not one of 绝密, 机密, 秘密", at: location,
                              hint: "write e.g. 机密 or 机密★1年 (GB/T 9704-2012 7.2.2)")
        }
        let rest = text.dropFirst(level.count)
        guard rest.isEmpty || rest.hasPrefix("★") else {
            throw HuibaoError(.markup, "密级 '\(text)': the 保密期限 follows the level after ★", at: location,
                              hint: "write e.g. \(level)★1年")
        }
        if rest.contains(where: { "〇一二三四五六七八九十".contains($0) }) {
            throw HuibaoError(.markup, "密级 '\(text)': the 保密期限 is written in Arabic numerals", at: location,
                              hint: "write e.g. \(level)★1年 (GB/T 9704-2012 7.2.2)")
        }
    }

    /// 紧急程度 (7.2.3): 特急 or 加急.
    public static func urgency(_ raw: String, at location: SourceLocation?) throws {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard ["特急", "加急"].contains(text) else {
            throw HuibaoError(.markup, "紧急程度 '\(text)' is not 特急 or 加急", at: location,
                              hint: "GB/T 9704-2012 7.2.3 knows two degrees: 特急 and 加急")
        }
    }

    /// 份号 (7.2.1): six Arabic digits, e.g. 000018.
    public static func copyNumber(_ raw: String, at location: SourceLocation?) throws {
        guard raw.count == 6, raw.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            let digits = raw.filter { $0.isASCII && $0.isNumber }
            let hint = digits.count < 6 && !digits.isEmpty
                ? "write \"\(String(repeating: "0", count: 6 - digits.count) + digits)\" in quotes, so YAML keeps the zeros"
                : "份号 are six Arabic digits, e.g. \"000018\" (GB/T 9704-2012 7.2.1)"
            throw HuibaoError(.markup, "份号 '\(raw)' is not six Arabic digits", at: location, hint: hint)
        }
    }

    /// 主送机关 (7.3.2) ends with a full-width colon.
    public static func addressee(_ raw: String, at location: SourceLocation?) throws {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix("：") else {
            let fixed = (text.hasSuffix(":") ? String(text.dropLast()) : text) + "："
            throw HuibaoError(.markup, "主送机关 '\(text)' must end with a full-width colon '：'", at: location,
                              hint: "write \(fixed) (GB/T 9704-2012 7.3.2)")
        }
    }
}
