import Foundation
import HuibaoCore
import Testing
@testable import HuibaoTypeset

/// Nice ticks: 1-2-5 steps, zero for bars, negative values, exact decimal tick values.
@Suite struct ChartScaleTests {
    func texts(_ scale: NiceScale) -> [String] {
        scale.ticks.map { ChartNumberFormat.text($0, decimals: scale.decimals, grouping: false) }
    }

    @Test func theStepGivingNearestTheAskedNumberOfIntervalsWins() {
        // Four intervals asked for 0…90: 0–100 by 20 (five) is nearer than 0–100 by 50 (two).
        #expect(texts(NiceScale(dataMin: 0, dataMax: 90, includeZero: true, maxIntervals: 4)) == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func barsFromZeroGetStepsOfTwentyUpToTheNextTickAboveTheData() {
        let scale = NiceScale(dataMin: 3, dataMax: 87, includeZero: true, maxIntervals: 6)
        #expect(texts(scale) == ["0", "20", "40", "60", "80", "100"])
        #expect(scale.lo == 0 && scale.hi == 100)
    }

    @Test func negativeValuesGetTicksBelowZeroOnTheSameStep() {
        let scale = NiceScale(dataMin: -12.5, dataMax: 30, includeZero: true, maxIntervals: 6)
        #expect(texts(scale) == ["-20", "-10", "0", "10", "20", "30"])
    }

    @Test func thousandsAreStepsOfOneTwoOrFiveTimesAPowerOfTen() {
        #expect(texts(NiceScale(dataMin: 0, dataMax: 4862.7, includeZero: true, maxIntervals: 6)) == ["0", "1000", "2000", "3000", "4000", "5000"])
        #expect(texts(NiceScale(dataMin: 0, dataMax: 4862.7, includeZero: true, maxIntervals: 3)) == ["0", "2000", "4000", "6000"])
        #expect(texts(NiceScale(dataMin: 0, dataMax: 1402.7, includeZero: true, maxIntervals: 5)) == ["0", "500", "1000", "1500"])
    }

    @Test func everyStepIsOneTwoOrFiveTimesAPowerOfTen() {
        for (lo, hi) in [(0.0, 0.87), (-3.2, 7.9), (12, 13.4), (0, 123_456), (-0.004, 0.031)] {
            for n in 2...8 {
                let scale = NiceScale(dataMin: lo, dataMax: hi, includeZero: false, maxIntervals: n)
                var step = scale.step
                while step >= 10 { step /= 10 }
                while step < 1 { step *= 10 }
                #expect([1, 2, 5].contains(step), "step \(scale.step) for \(lo)…\(hi)")
                #expect(scale.ticks.count - 1 <= n + 1)
                #expect(scale.lo <= lo && scale.hi >= hi)
            }
        }
    }

    @Test func fractionalStepsGiveExactTickTextsWithoutFloatNoise() {
        let scale = NiceScale(dataMin: 0.12, dataMax: 0.87, includeZero: true, maxIntervals: 5)
        #expect(texts(scale) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(scale.decimals == 1)
        let tenths = NiceScale(dataMin: 0, dataMax: 0.7, includeZero: true, maxIntervals: 7)
        #expect(tenths.ticks.map { NSDecimalNumber(decimal: $0).stringValue } == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    @Test func linesAwayFromZeroAreFittedToTheirData() {
        let scale = NiceScale(dataMin: 15.6, dataMax: 30.5, includeZero: false, maxIntervals: 6)
        #expect(texts(scale) == ["15", "20", "25", "30", "35"])
    }

    @Test func allZeroValuesStillGiveAnAxis() {
        let scale = NiceScale(dataMin: 0, dataMax: 0, includeZero: true, maxIntervals: 5)
        #expect(scale.lo == 0 && scale.hi > 0)
        #expect(scale.ticks.count >= 2)
        let single = NiceScale(dataMin: 5, dataMax: 5, includeZero: false, maxIntervals: 5)
        #expect(single.lo < 5 && single.hi > 5)
    }

    @Test func fixedEndsAreKeptAndTicksFallInsideThem() {
        let scale = NiceScale(dataMin: 40, dataMax: 95, includeZero: false, maxIntervals: 5, fixedMin: 30, fixedMax: 100)
        #expect(scale.lo == 30 && scale.hi == 100)
        #expect(texts(scale) == ["40", "60", "80", "100"])
    }

    @Test func secondAxisHasExactlyTheIntervalsOfTheFirst() {
        let scale = NiceScale(dataMin: -3.1, dataMax: 7.3, includeZero: true, intervals: 3)
        #expect(scale.ticks.count == 4)
        #expect(scale.lo <= -3.1 && scale.hi >= 7.3)
        #expect(texts(scale) == ["-5", "0", "5", "10"])
        let growth = NiceScale(dataMin: 2.1, dataMax: 8.4, includeZero: true, intervals: 5)
        #expect(texts(growth) == ["0", "2", "4", "6", "8", "10"])
    }

    @Test func numbersAreGroupedAndRoundedAsTheTemplateFiltersDo() {
        #expect(ChartNumberFormat.text(Decimal(string: "12345.65")!, decimals: 1) == "12,345.7")
        #expect(ChartNumberFormat.text(Decimal(string: "-1234.5")!, decimals: 0) == "-1,235")
        #expect(ChartNumberFormat.text(Decimal(string: "-0.04")!, decimals: 1) == "0.0")
        #expect(ChartNumberFormat.text(2.675, decimals: 2) == "2.68")
        #expect(ChartNumberFormat.decimals(of: Decimal(string: "86.42")!) == 2)
    }
}
