import Testing
@testable import HuibaoCore

/// Chinese counting numerals and the heading numbers built from them (一、 /（一）/ 1. /（1）).
@Suite struct ChineseNumeralTests {
    @Test func hundredsOfMillionsAndTrillionsReadAsChinese() {
        #expect(ChineseNumeral.string(100_000_000) == "一亿")
        #expect(ChineseNumeral.string(230_000_000) == "二亿三千万")
        #expect(ChineseNumeral.string(1_000_000_000_000) == "一万亿")
        #expect(ChineseNumeral.string(1_200_000_000_005) == "一万二千亿零五")
    }

    // MARK: - ChineseNumeral.string

    @Test func onesAreSingleDigits() {
        #expect(ChineseNumeral.string(1) == "一")
        #expect(ChineseNumeral.string(2) == "二")
    }

    @Test func tenIsShi() {
        #expect(ChineseNumeral.string(10) == "十")
    }

    @Test func teensDropTheLeadingYi() {
        #expect(ChineseNumeral.string(11) == "十一")
    }

    @Test func tensTakeTheirDigitBeforeShi() {
        #expect(ChineseNumeral.string(20) == "二十")
        #expect(ChineseNumeral.string(21) == "二十一")
    }

    @Test func hundredIsYiBai() {
        #expect(ChineseNumeral.string(100) == "一百")
    }

    @Test func skippedTensPlaceBecomesLing() {
        #expect(ChineseNumeral.string(101) == "一百零一")
        #expect(ChineseNumeral.string(105) == "一百零五")
    }

    @Test func tensAfterHundredsKeepTheirYi() {
        #expect(ChineseNumeral.string(110) == "一百一十")
    }

    @Test func thousandIsYiQian() {
        #expect(ChineseNumeral.string(1000) == "一千")
    }

    @Test func severalSkippedPlacesBecomeOneLing() {
        #expect(ChineseNumeral.string(1001) == "一千零一")
    }

    @Test func tenThousandIsYiWan() {
        #expect(ChineseNumeral.string(10000) == "一万")
    }

    @Test func skippedPlacesAfterWanBecomeLing() {
        #expect(ChineseNumeral.string(10005) == "一万零五")
    }

    @Test func hundredThousandIsShiWan() {
        #expect(ChineseNumeral.string(100000) == "十万")
    }

    @Test func zeroIsLing() {
        #expect(ChineseNumeral.string(0) == "零")
    }

    // MARK: - HeadingCounter

    @Test func levelOneHeadingsCountUpInChineseNumerals() {
        var counter = HeadingCounter()
        #expect(counter.next(level: 1, format: "{cn}、") == "一、")
        #expect(counter.next(level: 1, format: "{cn}、") == "二、")
    }

    @Test func firstLevelTwoHeadingAfterALevelOneStartsAtYi() {
        var counter = HeadingCounter()
        _ = counter.next(level: 1, format: "{cn}、")
        #expect(counter.next(level: 2, format: "（{cn}）") == "（一）")
        #expect(counter.next(level: 2, format: "（{cn}）") == "（二）")
    }

    @Test func newLevelOneHeadingResetsLevelTwo() {
        var counter = HeadingCounter()
        _ = counter.next(level: 1, format: "{cn}、")
        _ = counter.next(level: 2, format: "（{cn}）")
        _ = counter.next(level: 2, format: "（{cn}）")
        #expect(counter.next(level: 1, format: "{cn}、") == "二、")
        #expect(counter.next(level: 2, format: "（{cn}）") == "（一）")
    }

    @Test func arabicFormatsUseDigits() {
        var counter = HeadingCounter()
        _ = counter.next(level: 1, format: "{cn}、")
        _ = counter.next(level: 2, format: "（{cn}）")
        #expect(counter.next(level: 3, format: "{n}.") == "1.")
        #expect(counter.next(level: 3, format: "{n}.") == "2.")
        #expect(counter.next(level: 4, format: "（{n}）") == "（1）")
        #expect(counter.next(level: 3, format: "{n}.") == "3.")
        #expect(counter.next(level: 4, format: "（{n}）") == "（1）")
    }
}
