import CPangoCairo
import HuibaoCore

/// Draws composed lines with `pango_cairo_show_glyph_item`, which hands cairo the text and
/// the cluster map, so copy/paste gives back exactly the source text (no inserted spaces).
enum GlyphRunPainter {
    /// Draws line `index` of `paragraph` with its left edge (before any indent) at `x` and
    /// its baseline at `baseline`.
    static func draw(_ paragraph: ComposedParagraph, line index: Int, x: Double, baseline: Double, on cr: OpaquePointer) {
        let line = paragraph.lines[index]
        for (first, last) in runs(paragraph, index) {
            drawRun(paragraph.shaped, line, first, last, x: x + line.indent, baseline: baseline, cr: cr)
        }
    }

    /// The runs of a line (one Pango item and one span each) that carry ink: a run of only
    /// spaces is skipped (the spaces stay in the text of the runs around them).
    private static func runs(_ paragraph: ComposedParagraph, _ index: Int) -> [(Int, Int)] {
        let line = paragraph.lines[index]
        let atoms = paragraph.shaped.atoms
        var result: [(Int, Int)] = []
        var runStart = line.start
        while runStart <= line.end {
            var runEnd = runStart
            while runEnd < line.end, atoms[runEnd + 1].item == atoms[runStart].item, atoms[runEnd + 1].span == atoms[runStart].span {
                runEnd += 1
            }
            if !(runStart...runEnd).allSatisfy({ atoms[$0].kind == .space }) { result.append((runStart, runEnd)) }
            runStart = runEnd + 1
        }
        return result
    }

    /// Runs of the line that ask for bold in a face that has none (仿宋, 楷体).
    private static func syntheticBoldRuns(_ paragraph: ComposedParagraph, _ index: Int) -> [(Int, Int)] {
        let shaped = paragraph.shaped
        return runs(paragraph, index).filter { first, _ in
            let atom = shaped.atoms[first]
            guard shaped.spans[atom.span].bold, let font = shaped.items[atom.item].pointee.analysis.font else { return false }
            let described = pango_font_describe(font)
            defer { pango_font_description_free(described) }
            return pango_font_description_get_weight(described).rawValue < PANGO_WEIGHT_SEMIBOLD.rawValue
        }
    }

    static func needsSyntheticBold(_ paragraph: ComposedParagraph, line index: Int) -> Bool {
        !syntheticBoldRuns(paragraph, index).isEmpty
    }

    /// Synthetic bold: the glyph outlines of the line's bold runs in a face without bold,
    /// stroked `widthEm` wide (round joins) in the text's colour. Drawn over the text that
    /// `draw` set, as paths, so the text is still extracted exactly once.
    static func strokeSyntheticBold(_ paragraph: ComposedParagraph, line index: Int, x: Double, baseline: Double,
                                    widthEm: Double, on cr: OpaquePointer) {
        let line = paragraph.lines[index]
        for (first, last) in syntheticBoldRuns(paragraph, index) {
            drawRun(paragraph.shaped, line, first, last, x: x + line.indent, baseline: baseline, cr: cr, strokeEm: widthEm)
        }
    }

    private static func drawRun(_ shaped: ShapedParagraph, _ line: ComposedLine, _ first: Int, _ last: Int,
                                x: Double, baseline: Double, cr: OpaquePointer, strokeEm: Double? = nil) {
        let atoms = shaped.atoms
        let sourceItem = shaped.items[atoms[first].item]
        let source = shaped.glyphs[atoms[first].item].pointee
        guard let item = pango_item_copy(sourceItem) else { return }
        let byteStart = atoms[first].byteStart, byteEnd = atoms[last].byteEnd
        let shift = Int32(byteStart - Int(sourceItem.pointee.offset))
        item.pointee.offset = Int32(byteStart)
        item.pointee.length = Int32(byteEnd - byteStart)
        item.pointee.num_chars = Int32(String(decoding: UnsafeRawBufferPointer(start: shaped.text + byteStart, count: byteEnd - byteStart),
                                              as: UTF8.self).unicodeScalars.count)
        let glyphCount = atoms[first...last].reduce(0) { $0 + $1.glyphEnd - $1.glyphStart }
        let gs = pango_glyph_string_new()!
        pango_glyph_string_set_size(gs, Int32(glyphCount))
        var g = 0
        for a in first...last {
            let atom = atoms[a]
            let position = line.positions[a - line.start]
            let nextPosition = a < line.end ? line.positions[a + 1 - line.start] : position + atom.width
            var used: Int32 = 0
            for k in atom.glyphStart..<atom.glyphEnd {
                var info = source.glyphs[k]
                if k == atom.glyphStart { info.geometry.x_offset -= Int32((atom.leftTrim * Double(PANGO_SCALE)).rounded()) }
                if k == atom.glyphEnd - 1 {
                    // The last glyph of the cluster carries the cluster's placed advance.
                    let total = Int32(((nextPosition - position) * Double(PANGO_SCALE)).rounded())
                    info.geometry.width = total - used
                } else {
                    used += info.geometry.width
                }
                gs.pointee.glyphs[g] = info
                gs.pointee.log_clusters[g] = source.log_clusters[k] - shift
                g += 1
            }
        }
        var glyphItem = PangoGlyphItem(item: item, glyphs: gs, y_offset: 0, start_x_offset: 0, end_x_offset: 0)
        let span = shaped.spans[atoms[first].span]
        cairo_set_source_rgb(cr, span.color.red, span.color.green, span.color.blue)
        cairo_move_to(cr, x + line.positions[first - line.start], baseline - span.risePt)
        if let strokeEm, let font = item.pointee.analysis.font {
            pango_cairo_glyph_string_path(cr, font, gs)
            cairo_set_line_width(cr, strokeEm * span.sizePt)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cr)
        } else if !showWithCommonFace(&glyphItem, shaped.text, cr) {
            pango_cairo_show_glyph_item(cr, shaped.text, &glyphItem)
        }
        pango_glyph_string_free(gs)
        pango_item_free(item)
    }

    /// Draws the run as `pango_cairo_show_glyph_item` would (same glyph positions, same
    /// clusters, so the same extracted text) but from the common glyph face of its font
    /// (CommonGlyphFaces), when there is one that holds every glyph of the run. False when it
    /// drew nothing and Pango must draw the run from the full face.
    private static func showWithCommonFace(_ glyphItem: UnsafeMutablePointer<PangoGlyphItem>,
                                           _ text: UnsafePointer<CChar>, _ cr: OpaquePointer) -> Bool {
        let item = glyphItem.pointee.item!, glyphs = glyphItem.pointee.glyphs!.pointee
        guard item.pointee.analysis.level % 2 == 0, let font = item.pointee.analysis.font,
              let common = CommonGlyphFaces.shared.face(for: font) else { return false }
        let count = Int(glyphs.num_glyphs)
        guard common.canDraw(glyphs), let pangoFont = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
              cairo_ft_font_face_get_synthesize(cairo_scaled_font_get_font_face(pangoFont)) == 0 else { return false }
        var fontMatrix = cairo_matrix_t(), ctm = cairo_matrix_t()
        cairo_scaled_font_get_font_matrix(pangoFont, &fontMatrix)
        cairo_scaled_font_get_ctm(pangoFont, &ctm)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_scaled_font_get_font_options(pangoFont, options)
        let scaled = cairo_scaled_font_create(common.fontFace, &fontMatrix, &ctm, options)
        defer { cairo_scaled_font_destroy(scaled) }
        guard cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else { return false }

        var baseX = 0.0, baseY = 0.0
        cairo_get_current_point(cr, &baseX, &baseY)
        var cairoGlyphs: [cairo_glyph_t] = []
        cairoGlyphs.reserveCapacity(count)
        var xPosition: Int32 = 0
        for k in 0..<count {
            let info = glyphs.glyphs[k]
            if info.glyph != PANGO_GLYPH_EMPTY {
                cairoGlyphs.append(cairo_glyph_t(index: UInt(info.glyph),
                                                 x: baseX + Double(xPosition + info.geometry.x_offset) / Double(PANGO_SCALE),
                                                 y: baseY + Double(info.geometry.y_offset) / Double(PANGO_SCALE)))
            }
            xPosition += info.geometry.width
        }
        // One cairo cluster per Pango cluster, empty glyphs not counted (as pangocairo does).
        var clusters: [cairo_text_cluster_t] = []
        var iter = PangoGlyphItemIter()
        var more = pango_glyph_item_iter_init_start(&iter, glyphItem, text) != 0
        while more {
            let empty = (iter.start_glyph..<iter.end_glyph).filter { glyphs.glyphs[Int($0)].glyph == PANGO_GLYPH_EMPTY }.count
            clusters.append(cairo_text_cluster_t(num_bytes: iter.end_index - iter.start_index,
                                                 num_glyphs: iter.end_glyph - iter.start_glyph - Int32(empty)))
            more = pango_glyph_item_iter_next_cluster(&iter) != 0
        }
        cairo_set_scaled_font(cr, scaled)
        cairo_show_text_glyphs(cr, text + Int(item.pointee.offset), item.pointee.length, cairoGlyphs, Int32(cairoGlyphs.count),
                               clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
        return true
    }
}
