import Foundation

/// Number and date formatting as Chinese reports write them. Every rounding is exact
/// decimal rounding with halves up (四舍五入); a value that is not a number is an error.
extension TemplateFilters {
    mutating func registerChinese() {
        typealias P = TemplateFilter.Parameter

        // 12345.6 → "12,345.6"
        register("number", TemplateFilter([P("decimals", default: .number(0))]) { call in
            .string(try call.number().fixedText(decimals: try call.decimals(), grouping: true))
        })
        // The value is already a percentage: 5.23 → "5.2%".
        register("percent", TemplateFilter([P("decimals", default: .number(1))]) { call in
            .string(try call.number().fixedText(decimals: try call.decimals(), grouping: true) + "%")
        })
        // 123456 → "12.3万"
        register("wan", TemplateFilter([P("decimals", default: .number(1))]) { call in
            .string((try call.number() / 10_000).fixedText(decimals: try call.decimals(), grouping: true) + "万")
        })
        // 123456789 → "1.23亿"
        register("yi", TemplateFilter([P("decimals", default: .number(2))]) { call in
            .string((try call.number() / 100_000_000).fixedText(decimals: try call.decimals(), grouping: true) + "亿")
        })
        // A percentage change: 5.23 → "增长5.2%", -3.14 → "下降3.1%". The sign is taken after
        // rounding, so 0.04 reads "持平" rather than "增长0.0%".
        register("change", TemplateFilter([P("decimals", default: .number(1))]) { call in
            let decimals = try call.decimals()
            let value = try call.number().rounded(decimals)
            if value.isZero { return .string("持平") }
            let magnitude = abs(value).fixedText(decimals: decimals, grouping: true)
            return .string((value > 0 ? "增长" : "下降") + magnitude + "%")
        })

        register("cn_numeral", TemplateFilter { call in
            guard let text = Self.numeral(try call.number()) else {
                throw call.error("filter 'cn_numeral' cannot read a number this large: \(call.input.summary)", about: call.input)
            }
            return .string(text)
        })

        register("cn_date", TemplateFilter([P("style", default: .string("arabic"))]) { call in
            try call.chineseDate()
        })

        register("quarter", TemplateFilter { call in
            .string("第" + ChineseNumeral.string(try call.wholeNumber(in: 1...4)) + "季度")
        })
        register("half", TemplateFilter { call in
            .string(try call.wholeNumber(in: 1...2) == 1 ? "上半年" : "下半年")
        })

        register("cn_upper_amount", TemplateFilter { call in
            guard let text = ChineseAmount.upper(try call.number()) else {
                throw call.error("filter 'cn_upper_amount' cannot write an amount this large: \(call.input.summary)", about: call.input)
            }
            return .string(text)
        })
    }

    /// Digits read one by one: years (二〇二五) and the part after 点.
    fileprivate static let spokenDigits = "〇一二三四五六七八九".map(String.init)

    /// The everyday reading of a number: 105 → 一百零五, -3 → 负三, 3.14 → 三点一四; nil when
    /// the whole part is too large for exact integers.
    private static func numeral(_ value: Decimal) -> String? {
        guard let whole = value.rounded(0, value < 0 ? .up : .down).wholeNumber else { return nil }
        // -0.5 has a whole part of 0, which carries no sign of its own.
        var text = (value < 0 && whole == 0 ? "负" : "") + ChineseNumeral.string(whole)
        let plain = value.plainText
        if let dot = plain.firstIndex(of: ".") {
            text += "点" + plain[plain.index(after: dot)...].map { $0 == "0" ? "零" : spokenDigits[Int(String($0))!] }.joined()
        }
        return text
    }
}

extension TemplateFilterCall {
    /// The `decimals` argument: a whole number of places, 0 to 20.
    fileprivate func decimals() throws -> Int {
        try wholeNumber(argument: 0, in: 0...20)
    }

    /// "2025-01-05" → "2025年1月5日", or with 'upper' "二〇二五年一月五日"; "2025-01" gives
    /// the month alone. `/` and `.` also separate the parts.
    fileprivate func chineseDate() throws -> TemplateValue {
        let style = try text(argument: 0)
        guard style == "arabic" || style == "upper" else {
            throw error("filter 'cn_date' has no style '\(style)'", hint: "styles: arabic (2025年1月5日), upper (二〇二五年一月五日)")
        }
        let text: String
        switch input.kind {
        case .string(let s), .markup(let s): text = s.trimmingCharacters(in: .whitespaces)
        default: throw error("filter 'cn_date' expects a date as text like 2025-01-05, found \(input.summary)", about: input)
        }
        let parts = text.split(omittingEmptySubsequences: false) { "-/.".contains($0) }
        let numbers = parts.map { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } ? Int(part) : nil }
        guard (2...3).contains(numbers.count), parts[0].count == 4, numbers.allSatisfy({ $0 != nil }),
              let year = numbers[0], let month = numbers[1], (1...12).contains(month) else {
            throw error("filter 'cn_date' expects a date like 2025-01-05, found \(input.summary)", about: input)
        }
        let day = numbers.count == 3 ? numbers[2] : nil
        if let day {
            let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...lengths[month - 1]).contains(day) else {
                throw error("filter 'cn_date': \(year)-\(month) has no day \(day)", about: input)
            }
        }
        if style == "arabic" {
            return .string("\(year)年\(month)月" + (day.map { "\($0)日" } ?? ""))
        }
        // Years are read digit by digit with 〇 for zero; months and days as numbers.
        let yearText = parts[0].map { TemplateFilters.spokenDigits[Int(String($0))!] }.joined()
        return .string(yearText + "年" + ChineseNumeral.string(month) + "月" + (day.map { ChineseNumeral.string($0) + "日" } ?? ""))
    }
}
