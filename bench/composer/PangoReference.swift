import CPangoCairo
import HuibaoCore
import HuibaoTypeset

/// The baseline: each paragraph a PangoLayout with Pango's own justification, first-line
/// indent and absolute line height, paginated the same simple way, drawn line by line.
enum PangoReference {
    static func render(_ texts: [String], style: Style, fonts: FontSystem, to path: String) throws -> Int {
        let body = style.body
        let surface = cairo_pdf_surface_create(path, style.page.widthPt, style.page.heightPt)!
        let cr = cairo_create(surface)!
        let description = try fonts.description(role: body.role, sizePt: body.sizePt, bold: false)
        let top = style.page.textTopPt, bottom = top + style.page.textHeightPt, left = style.page.textLeftPt
        var y = top
        var pages = 1
        for text in texts {
            let layout = pango_layout_new(fonts.pangoContext)!
            pango_layout_set_font_description(layout, description)
            pango_layout_set_width(layout, Int32(style.page.textWidthPt * Double(PANGO_SCALE)))
            pango_layout_set_justify(layout, 1)
            pango_layout_set_indent(layout, Int32(2 * body.sizePt * Double(PANGO_SCALE)))
            let attrs = pango_attr_list_new()!
            pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(Int32(body.linePitchPt * Double(PANGO_SCALE))))
            pango_layout_set_attributes(layout, attrs)
            pango_attr_list_unref(attrs)
            pango_layout_set_text(layout, text, -1)
            let count = pango_layout_get_line_count(layout)
            for i in 0..<count {
                if y + body.linePitchPt > bottom + 0.01 {
                    cairo_show_page(cr)
                    pages += 1
                    y = top
                }
                let line = pango_layout_get_line_readonly(layout, i)
                let x = left + (i == 0 ? 2 * body.sizePt : 0)
                cairo_move_to(cr, x, y + (body.linePitchPt - body.sizePt) / 2 + body.sizePt * 0.88)
                pango_cairo_show_layout_line(cr, line)
                y += body.linePitchPt
            }
            g_object_unref(UnsafeMutableRawPointer(layout))
        }
        cairo_show_page(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return pages
    }
}
