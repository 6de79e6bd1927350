import CPangoCairo
import Foundation
import HuibaoCore

/// A point in a chart's own coordinates: points from its top left corner, y downwards.
struct ChartPoint: Equatable {
    var x: Double
    var y: Double
}

/// A rectangle in chart coordinates.
struct ChartRect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func intersects(_ other: ChartRect, margin: Double = 0) -> Bool {
        x < other.maxX + margin && other.x < maxX + margin && y < other.maxY + margin && other.y < maxY + margin
    }
}

/// Shapes that keep line series apart without colour.
enum MarkerShape: CaseIterable {
    case circle, square, triangle, diamond
}

/// One thing a chart draws. The chart is a list of these, drawn in order.
enum ChartMark {
    /// A filled rectangle: bars, swatches, tracks. Drawn as one `re` operator, which is what
    /// the tests measure.
    case rect(ChartRect, fill: RGBColor)
    /// A polyline (closed: a polygon outline).
    case line([ChartPoint], color: RGBColor, width: Double, dash: [Double] = [], closed: Bool = false)
    /// A filled polygon (areas), optionally see-through.
    case polygon([ChartPoint], fill: RGBColor, opacity: Double)
    case marker(ChartPoint, shape: MarkerShape, size: Double, fill: RGBColor, stroke: RGBColor, lineWidth: Double)
    /// A ring sector (a pie slice when `inner` is 0); angles in radians, clockwise from 12 o'clock.
    case wedge(center: ChartPoint, outer: Double, inner: Double, start: Double, end: Double, fill: RGBColor,
               stroke: RGBColor, strokeWidth: Double)
    case text(PlacedLabel)
}

/// A label placed in the chart: its lines start at `origin` (the left edge of the measure
/// it was composed to, top of the first line box), optionally turned about `pivot`.
struct PlacedLabel {
    var label: ChartLabel
    var origin: ChartPoint
    /// Radians, counter-clockwise as the reader sees it (45° labels read upwards).
    var rotation: Double = 0
    var pivot = ChartPoint(x: 0, y: 0)

    /// The four corners of each line's ink box (advance width × em), in chart coordinates.
    var lineQuads: [[ChartPoint]] {
        (0..<label.lineCount).map { i in
            let line = label.lineBox(i)
            let corners = [ChartPoint(x: origin.x + line.x, y: origin.y + line.y),
                           ChartPoint(x: origin.x + line.maxX, y: origin.y + line.y),
                           ChartPoint(x: origin.x + line.maxX, y: origin.y + line.maxY),
                           ChartPoint(x: origin.x + line.x, y: origin.y + line.maxY)]
            return corners.map(turned)
        }
    }

    /// The axis-aligned box around the ink of every line.
    var bounds: ChartRect {
        let points = lineQuads.flatMap { $0 }
        let xs = points.map(\.x), ys = points.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
            return ChartRect(x: origin.x, y: origin.y, width: 0, height: 0)
        }
        return ChartRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    private func turned(_ p: ChartPoint) -> ChartPoint {
        guard rotation != 0 else { return p }
        // Counter-clockwise on the page is a negative angle in y-down coordinates.
        let c = cos(-rotation), s = sin(-rotation)
        let dx = p.x - pivot.x, dy = p.y - pivot.y
        return ChartPoint(x: pivot.x + dx * c - dy * s, y: pivot.y + dx * s + dy * c)
    }
}

/// A finished chart: a size and a list of marks, drawn by cairo at the drawing's corner.
struct ChartDrawing: PageDrawing {
    let width: Double
    let height: Double
    let marks: [ChartMark]

    /// Characters of the labels set in a fallback family of their role.
    var fallbacks: [FontFallback] {
        var seen = Set<ObjectIdentifier>()
        return marks.flatMap { mark -> [FontFallback] in
            guard case .text(let placed) = mark, let paragraph = placed.label.paragraph,
                  seen.insert(ObjectIdentifier(paragraph)).inserted else { return [] }
            return paragraph.fallbacks
        }
    }

    var labels: [PlacedLabel] {
        marks.compactMap { if case .text(let p) = $0 { return p } else { return nil } }
    }

    func draw(on cr: OpaquePointer) {
        for mark in marks { draw(mark, cr) }
    }

    private func setColor(_ c: RGBColor, _ cr: OpaquePointer, alpha: Double = 1) {
        if alpha < 1 { cairo_set_source_rgba(cr, c.red, c.green, c.blue, alpha) } else { cairo_set_source_rgb(cr, c.red, c.green, c.blue) }
    }

    private func path(_ points: [ChartPoint], closed: Bool, _ cr: OpaquePointer) {
        guard let first = points.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        if closed { cairo_close_path(cr) }
    }

    private func draw(_ mark: ChartMark, _ cr: OpaquePointer) {
        switch mark {
        case .rect(let r, let fill):
            setColor(fill, cr)
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            cairo_fill(cr)
        case .line(let points, let color, let width, let dash, let closed):
            setColor(color, cr)
            cairo_set_line_width(cr, width)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(cr, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
            dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32(dash.count), 0) }
            path(points, closed: closed, cr)
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        case .polygon(let points, let fill, let opacity):
            setColor(fill, cr, alpha: opacity)
            path(points, closed: true, cr)
            cairo_fill(cr)
        case .marker(let p, let shape, let size, let fill, let stroke, let lineWidth):
            let h = size / 2
            switch shape {
            case .circle: cairo_arc(cr, p.x, p.y, h, 0, 2 * .pi)
            case .square: cairo_rectangle(cr, p.x - h * 0.9, p.y - h * 0.9, size * 0.9, size * 0.9)
            case .triangle: path([ChartPoint(x: p.x, y: p.y - h * 1.15), ChartPoint(x: p.x + h * 1.1, y: p.y + h * 0.8),
                                  ChartPoint(x: p.x - h * 1.1, y: p.y + h * 0.8)], closed: true, cr)
            case .diamond: path([ChartPoint(x: p.x, y: p.y - h * 1.2), ChartPoint(x: p.x + h * 1.2, y: p.y),
                                 ChartPoint(x: p.x, y: p.y + h * 1.2), ChartPoint(x: p.x - h * 1.2, y: p.y)], closed: true, cr)
            }
            setColor(fill, cr)
            cairo_fill_preserve(cr)
            setColor(stroke, cr)
            cairo_set_line_width(cr, lineWidth)
            cairo_stroke(cr)
        case .wedge(let c, let outer, let inner, let start, let end, let fill, let stroke, let strokeWidth):
            // Angles are clockwise from 12 o'clock; cairo's are clockwise from 3 o'clock (y down).
            let a0 = start - .pi / 2, a1 = end - .pi / 2
            cairo_new_path(cr)
            cairo_arc(cr, c.x, c.y, outer, a0, a1)
            if inner > 0 {
                cairo_arc_negative(cr, c.x, c.y, inner, a1, a0)
            } else {
                cairo_line_to(cr, c.x, c.y)
            }
            cairo_close_path(cr)
            setColor(fill, cr)
            cairo_fill_preserve(cr)
            setColor(stroke, cr)
            cairo_set_line_width(cr, strokeWidth)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cr)
        case .text(let placed):
            guard let paragraph = placed.label.paragraph else { return }
            cairo_save(cr)
            cairo_translate(cr, placed.pivot.x, placed.pivot.y)
            if placed.rotation != 0 { cairo_rotate(cr, -placed.rotation) }
            let label = placed.label
            for i in 0..<label.lineCount {
                GlyphRunPainter.draw(paragraph, line: i, x: placed.origin.x - placed.pivot.x,
                                     baseline: placed.origin.y - placed.pivot.y + label.baseline(ofLine: i), on: cr)
            }
            cairo_restore(cr)
        }
    }
}
