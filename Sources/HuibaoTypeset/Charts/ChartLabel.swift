import Foundation
import HuibaoCore

/// A piece of chart text — a tick, a category name, a legend entry, a data label — set by the
/// project's paragraph composer in the chart's font role, so it is shaped, checked against
/// its role (no tofu, no silent fallback) and embedded like every other text of the report.
struct ChartLabel {
    /// Nil for an empty text (it draws nothing and takes no room).
    let paragraph: ComposedParagraph?
    let text: String
    let sizePt: Double
    /// Distance between the baselines of a wrapped label.
    let pitch: Double
    /// The measure the lines were set to (centred and right-aligned lines sit inside it).
    let measure: Double

    var lineCount: Int { paragraph?.lines.count ?? 0 }
    /// The widest line's ink width.
    var width: Double { paragraph?.lines.map(\.width).max() ?? 0 }
    var height: Double { Double(lineCount) * pitch }

    /// Line `i`'s ink box: its left edge from the left of the measure, its em box from the
    /// top of the label.
    func lineBox(_ i: Int) -> ChartRect {
        guard let line = paragraph?.lines[i] else { return ChartRect(x: 0, y: 0, width: 0, height: 0) }
        return ChartRect(x: (line.positions.first ?? 0) + line.indent, y: Double(i) * pitch + (pitch - sizePt) / 2,
                         width: line.width, height: sizePt)
    }

    /// Baseline of line `i` from the top of the label: the em box centred in the line pitch,
    /// 0.88 em above the baseline (the CJK fonts' ascent, as `PageFlow` places body lines).
    func baseline(ofLine i: Int) -> Double {
        Double(i) * pitch + (pitch - sizePt) / 2 + sizePt * 0.88
    }
}

/// Composes chart labels in the chart style's font role.
struct ChartTypesetter {
    let composer: ParagraphComposer
    let style: ChartStyle
    let typography: Typography
    /// Where the chart is, for font messages about its texts.
    let location: SourceLocation

    /// Line pitch of labels, relative to their size.
    static let pitchRatio = 1.3

    var size: Double { style.sizePt }
    var pitch: Double { size * Self.pitchRatio }

    /// A one-line label at its natural width.
    func line(_ text: String, size: Double? = nil, color: RGBColor? = nil, bold: Bool = false,
              at location: SourceLocation? = nil) throws -> ChartLabel {
        try compose(text, measure: 100_000, align: .left, size: size ?? style.sizePt, color: color, bold: bold, at: location)
    }

    /// A label wrapped to `measure` (Chinese text breaks between characters, kinsoku applies;
    /// a word or number never breaks, so a line may come out wider than the measure).
    ///
    /// The lines are balanced: set to the narrowest measure that needs no more lines, so a
    /// long name splits into two even halves (市自然资源和规划局 / 不动产登记中心) rather
    /// than a full line and a stub.
    func wrapped(_ text: String, measure: Double, align: Alignment, size: Double? = nil, color: RGBColor? = nil,
                 at location: SourceLocation? = nil) throws -> ChartLabel {
        let size = size ?? style.sizePt
        let full = try compose(text, measure: measure, align: align, size: size, color: color, bold: false, at: location)
        guard full.lineCount > 1, full.width <= measure + 0.01 else { return full }
        var best = full, lo = measure / Double(full.lineCount), hi = measure
        for _ in 0..<7 {
            let mid = (lo + hi) / 2
            let trial = try compose(text, measure: mid, align: align, size: size, color: color, bold: false, at: location)
            if trial.lineCount == full.lineCount, trial.width <= mid + 0.01 {
                best = trial
                hi = mid
            } else {
                lo = mid
            }
        }
        return best
    }

    private func compose(_ text: String, measure: Double, align: Alignment, size: Double, color: RGBColor?, bold: Bool,
                         at location: SourceLocation?) throws -> ChartLabel {
        let pitch = size * Self.pitchRatio
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return ChartLabel(paragraph: nil, text: "", sizePt: size, pitch: pitch, measure: measure)
        }
        let span = TextSpan(text: text, role: style.role, sizePt: size, bold: bold, color: color ?? style.textColor,
                            location: location ?? self.location)
        var format = ParagraphFormat(measurePt: measure, align: align, typography: typography)
        format.typography.gridCharsPerLine = nil
        let paragraph = try composer.compose([span], format: format)
        return ChartLabel(paragraph: paragraph, text: text, sizePt: size, pitch: pitch, measure: measure)
    }
}
