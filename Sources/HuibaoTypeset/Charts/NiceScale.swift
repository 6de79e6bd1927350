import Foundation

/// A value axis with "nice" ends and ticks: steps of 1, 2 or 5 times a power of ten, as a
/// reader expects to count them (0, 20, 40 … not 0, 17.4, 34.8 …). Tick values are exact
/// decimals, so their labels never show binary-float noise.
struct NiceScale: Equatable {
    /// The ends of the axis.
    let lo: Double
    let hi: Double
    let step: Decimal
    let ticks: [Decimal]
    /// Decimals a tick label needs (a step of 0.5 needs one).
    let decimals: Int

    /// The nice step whose number of intervals comes nearest `maxIntervals` (one more is
    /// allowed: 0–100 by 20 reads better than 0–100 by 50 when four were asked for).
    ///
    /// - Parameters:
    ///   - includeZero: bars and areas grow from zero, so zero is always on their axis.
    ///   - fixedMin, fixedMax: ends the report asks for (options › min, max).
    init(dataMin: Double, dataMax: Double, includeZero: Bool, maxIntervals: Int, fixedMin: Double? = nil, fixedMax: Double? = nil) {
        var (lo, hi) = Self.range(dataMin, dataMax, includeZero: includeZero)
        if let fixedMin { lo = fixedMin }
        if let fixedMax { hi = fixedMax }
        if hi <= lo { hi = lo + 1 }
        let target = max(1, maxIntervals)
        var best: (lo: Double, hi: Double, mantissa: Int, exponent: Int, miss: Int)?
        for (mantissa, exponent) in Self.steps(from: (hi - lo) / Double(target + 1)) {
            let step = Self.double(mantissa, exponent)
            let a = fixedMin ?? (lo / step).rounded(.down) * step
            let b = fixedMax ?? (hi / step).rounded(.up) * step
            let count = Int(((b - a) / step).rounded())
            guard count <= target + 1 else { continue }
            let miss = abs(count - target)
            if best == nil || miss < best!.miss { best = (a, b, mantissa, exponent, miss) }
            if count < target { break }
        }
        if let best {
            self.init(lo: best.lo, hi: best.hi, mantissa: best.mantissa, exponent: best.exponent)
        } else {
            self.init(lo: lo, hi: hi, mantissa: 1, exponent: 0)
        }
    }

    /// A scale of exactly `intervals` intervals (the right axis of a combo chart, whose ticks
    /// must sit on the left axis's grid lines).
    init(dataMin: Double, dataMax: Double, includeZero: Bool, intervals: Int) {
        let (lo, hi) = Self.range(dataMin, dataMax, includeZero: includeZero)
        let n = Double(max(1, intervals))
        for (mantissa, exponent) in Self.steps(from: (hi - lo) / n / 10) {
            let step = Self.double(mantissa, exponent)
            var a = (lo / step).rounded(.down) * step
            // Lift the bottom while the data still fits: the scale should not start far below it.
            while a + step <= lo + 1e-9 * step { a += step }
            if a + n * step >= hi - 1e-9 * step {
                self.init(lo: a, hi: a + n * step, mantissa: mantissa, exponent: exponent)
                return
            }
        }
        self.init(lo: lo, hi: hi, mantissa: 1, exponent: 0)
    }

    private init(lo: Double, hi: Double, mantissa: Int, exponent: Int) {
        self.lo = lo
        self.hi = hi
        let step = Decimal(sign: .plus, exponent: exponent, significand: Decimal(mantissa))
        self.step = step
        let stepDouble = Self.double(mantissa, exponent)
        let first = Int((lo / stepDouble - 1e-9).rounded(.up)), last = Int((hi / stepDouble + 1e-9).rounded(.down))
        ticks = first <= last ? (first...last).map { Decimal($0) * step } : []
        decimals = max(0, -exponent)
    }

    /// Where `value` sits between the ends: 0 at `lo`, 1 at `hi`.
    func fraction(_ value: Double) -> Double { (value - lo) / (hi - lo) }

    var includesZero: Bool { lo <= 0 && hi >= 0 }

    private static func range(_ dataMin: Double, _ dataMax: Double, includeZero: Bool) -> (Double, Double) {
        var lo = min(dataMin, dataMax), hi = max(dataMin, dataMax)
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        if hi - lo < 1e-12 {
            // One value only: give it room (or an axis of 0…1 when everything is zero).
            let pad = lo == 0 ? 1 : abs(lo) * 0.5
            if includeZero && lo >= 0 { hi += pad } else if includeZero { lo -= pad } else { lo -= pad; hi += pad }
        }
        return (lo, hi)
    }

    /// 1, 2, 5 × 10^k upwards from the power of ten at or below `raw`.
    private static func steps(from raw: Double) -> [(Int, Int)] {
        let start = Int((log10(max(raw, 1e-12))).rounded(.down)) - 1
        return (start...(start + 24)).flatMap { e in [1, 2, 5].map { ($0, e) } }
    }

    private static func double(_ mantissa: Int, _ exponent: Int) -> Double {
        Double(mantissa) * pow(10, Double(exponent))
    }
}
