import Foundation
import HuibaoCore

/// The category names under a vertical chart, set so that they never overlap: on one line
/// when they fit their slot, wrapped (up to three lines) when Chinese names are long, turned
/// 45° when a name cannot wrap, upright (90°) when slots are narrower than a line, and only
/// every k-th name when even that does not fit.
struct CategoryLabels {
    enum Mode: Equatable {
        case horizontal, wrapped, rotated45, rotated90
    }

    let mode: Mode
    let labels: [ChartLabel]
    /// Only every k-th name is shown (k = 1: all of them).
    let every: Int
    /// The room the names take below the axis.
    let height: Double
    /// How far the first name reaches left of the first slot's left edge.
    let leftOverhang: Double

    static let gap = 5.0
    static let maxWrappedLines = 3

    init(_ categories: [ChartCategory], slot: Double, typesetter: ChartTypesetter) throws {
        let singles = try categories.map { try typesetter.line($0.text, at: $0.location) }
        let widest = singles.map(\.width).max() ?? 0
        let room = slot - 4
        let pitch = typesetter.pitch
        if widest <= room {
            self.init(mode: .horizontal, labels: singles, every: 1, height: pitch, leftOverhang: 0)
            return
        }
        // Wrapping needs room for three characters a line; narrower slots turn their names instead.
        if room >= 3 * typesetter.size {
            let wrapped = try categories.map { try typesetter.wrapped($0.text, measure: room, align: .center, at: $0.location) }
            let lines = wrapped.map(\.lineCount).max() ?? 1
            if wrapped.allSatisfy({ $0.width <= room + 0.5 }), lines <= Self.maxWrappedLines {
                self.init(mode: .wrapped, labels: wrapped, every: 1, height: Double(lines) * pitch, leftOverhang: 0)
                return
            }
        }
        let s = sin(Double.pi / 4)
        if slot * s >= pitch * 1.05 {
            let first = singles.first?.width ?? 0
            self.init(mode: .rotated45, labels: singles, every: 1, height: (widest + pitch) * s + 2,
                      leftOverhang: max(0, first * s + pitch * 0.36 - slot / 2))
            return
        }
        let every = slot >= pitch * 1.05 ? 1 : Int((pitch * 1.05 / slot).rounded(.up))
        self.init(mode: .rotated90, labels: singles, every: every, height: widest + 2, leftOverhang: max(0, pitch / 2 - slot / 2))
    }

    private init(mode: Mode, labels: [ChartLabel], every: Int, height: Double, leftOverhang: Double) {
        self.mode = mode
        self.labels = labels
        self.every = every
        self.height = height
        self.leftOverhang = leftOverhang
    }

    /// The names under slots starting at `plotLeft`, `slot` wide each, their tops at `top`.
    func marks(plotLeft: Double, slot: Double, top: Double) -> [ChartMark] {
        labels.enumerated().compactMap { i, label in
            guard i % every == 0 else { return nil }
            let anchor = plotLeft + (Double(i) + 0.5) * slot
            let placed: PlacedLabel
            switch mode {
            case .horizontal:
                placed = PlacedLabel(label: label, origin: ChartPoint(x: anchor - label.width / 2, y: top))
            case .wrapped:
                placed = PlacedLabel(label: label, origin: ChartPoint(x: anchor - label.measure / 2, y: top))
            case .rotated45:
                let pivot = ChartPoint(x: anchor, y: top + label.pitch * 0.36)
                placed = PlacedLabel(label: label, origin: ChartPoint(x: pivot.x - label.width, y: pivot.y - label.pitch / 2),
                                     rotation: .pi / 4, pivot: pivot)
            case .rotated90:
                let pivot = ChartPoint(x: anchor, y: top)
                placed = PlacedLabel(label: label, origin: ChartPoint(x: pivot.x - label.width, y: pivot.y - label.pitch / 2),
                                     rotation: .pi / 2, pivot: pivot)
            }
            return .text(placed)
        }
    }
}
