import CPangoCairo
import Foundation
import HuibaoCore

/// One grapheme cluster of a shaped paragraph: the unit the composer breaks, spaces and draws.
struct Atom {
    /// Byte range in the paragraph's UTF-8 text.
    var byteStart: Int
    var byteEnd: Int
    var item: Int
    /// Glyph range in that item's glyph string.
    var glyphStart: Int
    var glyphEnd: Int
    var span: Int
    /// The first scalar of the cluster, which decides its kind.
    var scalar: Unicode.Scalar
    var kind: CharKind
    /// The advance as shaped (points), before any adjustment.
    var shapedAdvance: Double
    /// The font size of the cluster: the em of every rule.
    var em: Double
    /// Points taken off the left side before breaking (an opening mark after another mark);
    /// the glyph is drawn that much further left.
    var leftTrim: Double = 0
    /// Points taken off the right side before breaking (a closing mark before another mark).
    var rightTrim: Double = 0
    /// Added to (or, negative, taken from) the advance of a grid-set character.
    var tracking: Double = 0

    /// Is the glyph a full-width mark (an em wide), so that its blank half may be trimmed?
    var isFullWidthMark: Bool { kind.isMark && shapedAdvance > em * 0.9 }
    var width: Double { shapedAdvance + tracking - leftTrim - rightTrim }
    /// Blank half still there on the right: trimmed at a line end (GB/T 15834 5.1.10).
    var rightBlank: Double { kind == .closingMark && isFullWidthMark && rightTrim == 0 ? em / 2 : 0 }
    /// Blank half still there on the left: may be trimmed at a line start (clreq 2.3 c).
    var leftBlank: Double { kind == .openingMark && isFullWidthMark && leftTrim == 0 ? em / 2 : 0 }
}

/// A paragraph itemized and shaped by Pango, cut into atoms, with its fonts checked
/// against their roles. Owns the Pango items, glyph strings and the text they index.
final class ShapedParagraph {
    let text: UnsafeMutablePointer<CChar>
    let byteCount: Int
    let spans: [TextSpan]
    private(set) var items: [UnsafeMutablePointer<PangoItem>] = []
    private(set) var glyphs: [UnsafeMutablePointer<PangoGlyphString>] = []
    private(set) var atoms: [Atom] = []
    /// Pango's break opportunities, one per character plus one (UAX #14).
    private(set) var logAttrs: [PangoLogAttr] = []
    /// Byte offset → character index (for log attributes).
    private var charIndexOfByte: [Int32]
    /// Characters drawn by a later (fallback) family of their role: reported, not fatal.
    private(set) var fallbacks: [FontFallback] = []

    init(spans: [TextSpan], fonts: FontSystem, allowFallback: Bool) throws {
        self.spans = spans
        let joined = spans.map(\.text).joined()
        let utf8 = Array(joined.utf8)
        byteCount = utf8.count
        text = strdup(joined)!
        charIndexOfByte = Array(repeating: -1, count: utf8.count + 1)
        var charIndex: Int32 = 0
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            charIndexOfByte[offset] = charIndex
            charIndex += 1
        }
        charIndexOfByte[utf8.count] = charIndex
        try shape(fonts: fonts, allowFallback: allowFallback, charCount: Int(charIndex))
    }

    deinit {
        for g in glyphs { pango_glyph_string_free(g) }
        for i in items { pango_item_free(i) }
        free(text)
    }

    private func spanBoundaries() -> [Int] {
        var result: [Int] = [0]
        for span in spans { result.append(result.last! + span.text.utf8.count) }
        return result
    }

    private func shape(fonts: FontSystem, allowFallback: Bool, charCount: Int) throws {
        let bounds = spanBoundaries()
        let attrs = pango_attr_list_new()!
        defer { pango_attr_list_unref(attrs) }
        for (i, span) in spans.enumerated() where bounds[i] < bounds[i + 1] {
            let desc = try fonts.description(role: span.role, sizePt: span.sizePt, bold: span.bold)
            let attr = pango_attr_font_desc_new(desc)!
            attr.pointee.start_index = guint(bounds[i])
            attr.pointee.end_index = guint(bounds[i + 1])
            pango_attr_list_insert(attrs, attr)
        }
        let language = pango_language_from_string("zh-cn")
        logAttrs = Array(repeating: PangoLogAttr(), count: charCount + 1)
        logAttrs.withUnsafeMutableBufferPointer { buffer in
            pango_get_log_attrs(text, Int32(byteCount), -1, language, buffer.baseAddress, Int32(charCount + 1))
        }
        guard byteCount > 0 else { return }
        var list = pango_itemize(fonts.context, text, 0, Int32(byteCount), attrs, nil)
        let head = list
        defer { g_list_free(head) }
        while let node = list {
            let item = node.pointee.data.assumingMemoryBound(to: PangoItem.self)
            let glyphString = pango_glyph_string_new()!
            pango_shape_full(text + Int(item.pointee.offset), item.pointee.length, text, Int32(byteCount),
                             &item.pointee.analysis, glyphString)
            items.append(item)
            glyphs.append(glyphString)
            // Pango makes a font's cairo font on first asking; ask here, on the thread that
            // shapes, so that drawing on another thread (PDFWriter.Stream) only reads it.
            if let font = item.pointee.analysis.font { _ = pango_cairo_font_get_scaled_font(OpaquePointer(font)) }
            list = node.pointee.next
        }
        try checkFonts(fonts: fonts, bounds: bounds, allowFallback: allowFallback)
        buildAtoms(bounds: bounds)
    }

    private func spanIndex(ofByte byte: Int, bounds: [Int]) -> Int {
        var i = 0
        while i + 1 < bounds.count - 1, bounds[i + 1] <= byte { i += 1 }
        return i
    }

    /// The family Pango resolved for each item must be one of its role's families, and every
    /// character must have a glyph: never a silent face of another style, never tofu.
    private func checkFonts(fonts: FontSystem, bounds: [Int], allowFallback: Bool) throws {
        for (index, item) in items.enumerated() {
            let offset = Int(item.pointee.offset)
            let span = spans[spanIndex(ofByte: offset, bounds: bounds)]
            let role = try fonts.roles.role(span.role)
            let itemText = String(decoding: UnsafeRawBufferPointer(start: text + offset, count: Int(item.pointee.length)),
                                  as: UTF8.self)
            let glyphString = glyphs[index].pointee
            for g in 0..<Int(glyphString.num_glyphs) where glyphString.glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 {
                let cluster = Int(glyphString.log_clusters[g])
                let scalar = String(decoding: UnsafeRawBufferPointer(start: text + offset + cluster,
                                                                     count: Int(item.pointee.length) - cluster), as: UTF8.self)
                    .unicodeScalars.first
                if let scalar, scalar.properties.isWhitespace || scalar.properties.generalCategory == .format { continue }
                let code = scalar.map { String(format: "U+%04X", $0.value) } ?? "?"
                throw HuibaoError(.font, "no installed font has the character '\(scalar.map { String($0) } ?? "?")' (\(code)) in \"\(itemText)\"",
                                  at: span.location,
                                  hint: "font role '\(role.key)' (\(role.name)) uses \(role.families.joined(separator: ", ")); replace the character or add a family that has it in fonts/roles.yaml")
            }
            guard let font = item.pointee.analysis.font else { continue }
            let described = pango_font_describe(font)
            defer { pango_font_description_free(described) }
            let family = pango_font_description_get_family(described).map { String(cString: $0) } ?? "?"
            guard let rank = role.families.firstIndex(of: family) else {
                if allowFallback { fallbacks.append(FontFallback(text: itemText, role: role.key, family: family, location: span.location)); continue }
                let codes = itemText.unicodeScalars.prefix(8).map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
                throw HuibaoError(.font, "\"\(itemText)\" (\(codes)) cannot be set in font role '\(role.key)' (\(role.name): \(role.families.joined(separator: ", "))); fontconfig would use '\(family)' instead",
                                  at: span.location,
                                  hint: "add a family that covers these characters to the role in fonts/roles.yaml, or pass --allow-font-fallback")
            }
            if rank > 0 {
                fallbacks.append(FontFallback(text: itemText, role: role.key, family: family, location: span.location))
            }
        }
    }

    private func buildAtoms(bounds: [Int]) {
        for (index, item) in items.enumerated() {
            let gs = glyphs[index].pointee
            let offset = Int(item.pointee.offset)
            let length = Int(item.pointee.length)
            let span = spanIndex(ofByte: offset, bounds: bounds)
            let em = spans[span].sizePt
            var g = 0
            let n = Int(gs.num_glyphs)
            while g < n {
                let cluster = Int(gs.log_clusters[g])
                var end = g
                var advance: Int32 = 0
                while end < n, Int(gs.log_clusters[end]) == cluster {
                    advance += gs.glyphs[end].geometry.width
                    end += 1
                }
                let nextCluster = end < n ? Int(gs.log_clusters[end]) : length
                let start = offset + cluster
                let scalar = UnsafeRawBufferPointer(start: text + start, count: nextCluster - cluster)
                    .withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }.unicodeScalars.first ?? " "
                atoms.append(Atom(byteStart: start, byteEnd: offset + nextCluster, item: index, glyphStart: g, glyphEnd: end,
                                  span: spanIndex(ofByte: start, bounds: bounds), scalar: scalar, kind: CharKind.of(scalar),
                                  shapedAdvance: Double(advance) / Double(PANGO_SCALE), em: em))
                g = end
            }
        }
    }

    /// Pango's (UAX #14) break opportunity before the atom.
    func pangoAllowsBreak(before atom: Atom) -> Bool {
        let c = Int(charIndexOfByte[atom.byteStart])
        return c >= 0 && logAttrs[c].is_line_break != 0
    }

    /// An emergency break opportunity (any grapheme boundary) before the atom.
    func isCharBreak(before atom: Atom) -> Bool {
        let c = Int(charIndexOfByte[atom.byteStart])
        return c >= 0 && logAttrs[c].is_char_break != 0
    }

    func setAtoms(_ atoms: [Atom]) { self.atoms = atoms }
}

/// Characters set in a family other than their role's first one.
public struct FontFallback: Sendable, CustomStringConvertible {
    public var text: String
    public var role: String
    public var family: String
    public var location: SourceLocation?

    public var description: String {
        "\(location.map { "\($0): " } ?? "")note: \"\(text)\" is set in \(family) (a fallback of font role '\(role)')"
    }
}
