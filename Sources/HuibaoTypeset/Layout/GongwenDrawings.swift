import CPangoCairo
import HuibaoCore

/// The 发文机关标志: its glyphs set one by one (so that joint names can be spread to one width)
/// and narrowed together when the whole is wider than allowed.
struct MastheadDrawing: PageDrawing {
    /// Each glyph, its left edge and its baseline, before narrowing.
    let glyphs: [(ComposedParagraph, Double, Double)]
    let scale: Double
    let width: Double
    let height: Double

    func draw(on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_scale(cr, scale, 1)
        for (glyph, x, baseline) in glyphs {
            GlyphRunPainter.draw(glyph, line: 0, x: x, baseline: baseline, on: cr)
        }
        cairo_restore(cr)
    }
}

/// Where the seal goes, for proofs: a thin dashed circle.
struct SealOutline: PageDrawing {
    let diameter: Double
    let color: RGBColor
    var width: Double { diameter }
    var height: Double { diameter }

    func draw(on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_set_line_width(cr, 0.5)
        var dashes = [3.0, 2.0]
        cairo_set_dash(cr, &dashes, 2, 0)
        cairo_arc(cr, diameter / 2, diameter / 2, diameter / 2 - 0.25, 0, 2 * Double.pi)
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
