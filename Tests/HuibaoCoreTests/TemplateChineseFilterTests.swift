import Testing
@testable import HuibaoCore

private func render(_ source: String, _ data: TemplateData = [:]) throws -> String {
    try TemplateFixture.render(source, data)
}

/// `v|filter` rendered with v given as exact decimal text.
private func apply(_ filter: String, to value: String) throws -> String {
    try render("{{ v|\(filter) }}", ["v": .number(value)])
}

@Suite struct TemplateChineseFilterTests {
    @Test func numberGroupsThousandsAndRounds() throws {
        #expect(try apply("number", to: "12345.6") == "12,346")
        #expect(try apply("number(1)", to: "12345.6") == "12,345.6")
        #expect(try apply("number(2)", to: "12345.6") == "12,345.60")
        #expect(try apply("number(decimals=2)", to: "2.345") == "2.35")
        #expect(try apply("number", to: "999.5") == "1,000")
        #expect(try apply("number", to: "100") == "100")
        #expect(try apply("number", to: "0") == "0")
    }

    @Test func numberKeepsTheSignOfNegativesButNotOfZero() throws {
        #expect(try apply("number(2)", to: "-1234567.891") == "-1,234,567.89")
        #expect(try apply("number", to: "-0.4") == "0")
    }

    @Test func numberOfNumericTextFails() throws {
        #expect(TemplateFixture.failure("{{ '12.5'|number }}")?.message == "filter 'number' expects a number, found text '12.5'")
    }

    @Test func percentTakesAPercentageNumber() throws {
        #expect(try apply("percent", to: "5.23") == "5.2%")
        #expect(try apply("percent", to: "0.05") == "0.1%")
        #expect(try apply("percent", to: "0.04") == "0.0%")
        #expect(try apply("percent(2)", to: "12.345") == "12.35%")
        #expect(try apply("percent", to: "-3.15") == "-3.2%")
        #expect(try apply("percent(0)", to: "99.5") == "100%")
        #expect(try apply("percent", to: "0") == "0.0%")
    }

    @Test func wanDividesByTenThousand() throws {
        #expect(try apply("wan", to: "123456") == "12.3万")
        #expect(try apply("wan(0)", to: "123456") == "12万")
        #expect(try apply("wan(2)", to: "5000") == "0.50万")
        #expect(try apply("wan", to: "-123456") == "-12.3万")
        #expect(try apply("wan", to: "125000") == "12.5万")
        #expect(try apply("wan", to: "1234567890") == "123,456.8万")
    }

    @Test func yiDividesByOneHundredMillion() throws {
        #expect(try apply("yi", to: "123456789") == "1.23亿")
        #expect(try apply("yi(1)", to: "150000000") == "1.5亿")
        #expect(try apply("yi", to: "10000000000") == "100.00亿")
        #expect(try apply("yi", to: "0") == "0.00亿")
    }

    @Test func changeWordsTheDirection() throws {
        #expect(try apply("change", to: "5.23") == "增长5.2%")
        #expect(try apply("change", to: "-3.14") == "下降3.1%")
        #expect(try apply("change", to: "0") == "持平")
        #expect(try apply("change(2)", to: "5.234") == "增长5.23%")
    }

    @Test func changeJudgesTheSignAfterRounding() throws {
        #expect(try apply("change", to: "0.04") == "持平")
        #expect(try apply("change", to: "-0.04") == "持平")
        #expect(try apply("change", to: "0.05") == "增长0.1%")
    }

    @Test func cnNumeralReadsIntegers() throws {
        let expected = [0: "零", 1: "一", 10: "十", 11: "十一", 20: "二十", 105: "一百零五", 110: "一百一十",
                        1005: "一千零五", 10000: "一万", 100010: "十万零一十", -3: "负三"]
        for (n, text) in expected {
            #expect(try render("{{ n|cn_numeral }}", ["n": TemplateData(integerLiteral: n)]) == text)
        }
    }

    @Test func cnNumeralReadsDecimalsDigitByDigit() throws {
        #expect(try apply("cn_numeral", to: "3.14") == "三点一四")
        #expect(try apply("cn_numeral", to: "-0.5") == "负零点五")
        #expect(try apply("cn_numeral", to: "2.05") == "二点零五")
    }

    @Test func cnDateWritesYearMonthDay() throws {
        #expect(try render("{{ '2025-01-05'|cn_date }}") == "2025年1月5日")
        #expect(try render("{{ '2025/3/8'|cn_date }}") == "2025年3月8日")
        #expect(try render("{{ '2025-10'|cn_date }}") == "2025年10月")
    }

    @Test func cnDateUpperWritesEverythingInNumerals() throws {
        #expect(try render("{{ '2025-01-05'|cn_date('upper') }}") == "二〇二五年一月五日")
        #expect(try render("{{ '2024-12-31'|cn_date('upper') }}") == "二〇二四年十二月三十一日")
        #expect(try render("{{ '2000-10-20'|cn_date(style='upper') }}") == "二〇〇〇年十月二十日")
    }

    @Test func cnDateKnowsLeapYears() throws {
        #expect(try render("{{ '2024-02-29'|cn_date }}") == "2024年2月29日")
        #expect(TemplateFixture.failure("{{ '2025-02-29'|cn_date }}")?.message == "filter 'cn_date': 2025-2 has no day 29")
    }

    @Test func cnDateOfSomethingElseFails() throws {
        let error = try #require(TemplateFixture.failure("{{ d|cn_date }}", ["d": .at(5, 7, "2025年1月")]))
        #expect(error.message == "filter 'cn_date' expects a date like 2025-01-05, found text '2025年1月'")
        #expect(error.hint == "the value comes from data.yaml:5:7")
        #expect(TemplateFixture.failure("{{ '2025-13-01'|cn_date }}") != nil)
        #expect(TemplateFixture.failure("{{ 20250105|cn_date }}") != nil)
    }

    @Test func quarterNamesTheQuarter() throws {
        #expect(try render("{{ 1|quarter }} {{ 4|quarter }}") == "第一季度 第四季度")
        #expect(TemplateFixture.failure("{{ 5|quarter }}")?.message == "filter 'quarter' expects a whole number from 1 to 4, found a number (5)")
        #expect(TemplateFixture.failure("{{ 1.5|quarter }}") != nil)
    }

    @Test func halfNamesTheHalfYear() throws {
        #expect(try render("{{ 1|half }} {{ 2|half }}") == "上半年 下半年")
        #expect(TemplateFixture.failure("{{ 3|half }}") != nil)
    }

    @Test func upperAmountWritesYuanJiaoFen() throws {
        #expect(try apply("cn_upper_amount", to: "12345.67") == "壹万贰仟叁佰肆拾伍元陆角柒分")
        #expect(try apply("cn_upper_amount", to: "10.5") == "壹拾元伍角")
        #expect(try apply("cn_upper_amount", to: "0.5") == "伍角")
        #expect(try apply("cn_upper_amount", to: "0.05") == "伍分")
    }

    @Test func upperAmountEndsWholeYuanWithZheng() throws {
        #expect(try apply("cn_upper_amount", to: "100") == "壹佰元整")
        #expect(try apply("cn_upper_amount", to: "1005.00") == "壹仟零伍元整")
        #expect(try apply("cn_upper_amount", to: "100000") == "壹拾万元整")
        #expect(try apply("cn_upper_amount", to: "0") == "零元整")
    }

    @Test func upperAmountWritesOneLingForEachGap() throws {
        #expect(try apply("cn_upper_amount", to: "100.05") == "壹佰元零伍分")
        #expect(try apply("cn_upper_amount", to: "1010.07") == "壹仟零壹拾元零柒分")
        #expect(try apply("cn_upper_amount", to: "10000100") == "壹仟万零壹佰元整")
        #expect(try apply("cn_upper_amount", to: "10001000") == "壹仟万壹仟元整")
        #expect(try apply("cn_upper_amount", to: "100000001") == "壹亿零壹元整")
        #expect(try apply("cn_upper_amount", to: "1000000000000") == "壹万亿元整")
    }

    @Test func upperAmountRoundsHalfUpToFen() throws {
        #expect(try apply("cn_upper_amount", to: "2.345") == "贰元叁角伍分")
        #expect(try apply("cn_upper_amount", to: "0.004") == "零元整")
    }

    @Test func upperAmountOfANegativeAmountSaysFu() throws {
        #expect(try apply("cn_upper_amount", to: "-5") == "负伍元整")
    }
}
