import CPangoCairo
import Foundation

/// Small copies of the CFF faces for drawing: the glyphs of fonts/common-chars.txt (GB 2312's
/// hanzi, ASCII, punctuation, symbols) under the same glyph numbers, made by scripts/setup with
/// `hb-subset --retain-gids` into `/usr/local/share/huibao/common-faces` (or
/// `$HUIBAO_COMMON_FACES`), named after the full face's file: `X.otf` → `X.common.otf`.
///
/// Why: cairo 1.16 copies a CFF face's whole 'CFF ' table twice in every document it embeds the
/// face in (`_cairo_cff_scaled_font_is_cid_cff` when the face is first used, the subsetter at
/// `finish`): 2 × 30 MB for Noto Serif CJK, a third of a monthly batch's time (perf). Given the
/// 3 MB copy, cairo copies 3 MB. Shaping and measuring still use the full face (Pango); only
/// the drawing of a run changes face, and only when the copy holds every glyph of the run with
/// the same charstring bytes, so the page looks the same either way.
///
/// Process-wide and thread-safe: faces load on first use and stay for the process.
final class CommonGlyphFaces: @unchecked Sendable {
    /// A common face ready for cairo, with the glyphs it can draw.
    final class Face: @unchecked Sendable {
        let fontFace: OpaquePointer
        /// Bit g set: glyph g's charstring is the same in the copy as in the full face.
        private let drawable: [UInt64]

        fileprivate init(fontFace: OpaquePointer, drawable: [UInt64]) {
            self.fontFace = fontFace
            self.drawable = drawable
        }

        func canDraw(_ glyph: UInt32) -> Bool {
            let word = Int(glyph >> 6)
            return word < drawable.count && drawable[word] & (1 << UInt64(glyph & 63)) != 0
        }
    }

    static let shared = CommonGlyphFaces(
        directory: ProcessInfo.processInfo.environment["HUIBAO_COMMON_FACES"] ?? "/usr/local/share/huibao/common-faces")

    private let directory: String
    private let lock = NSLock()
    /// By full face file; nil when there is no usable copy (not made, unreadable, not CFF, or not
    /// a copy of this face).
    private var faces: [String: Face?] = [:]
    private var library: FT_Library?

    init(directory: String) {
        self.directory = directory
    }

    /// The common face for the face Pango chose for `font`, if setup made one that matches it.
    func face(for font: UnsafeMutablePointer<PangoFont>) -> Face? {
        guard let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file,
              FcPatternGetInteger(pattern, FC_INDEX, 0, &index) == FcResultMatch, index == 0 else { return nil }
        let path = String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))
        lock.lock()
        defer { lock.unlock() }
        if let known = faces[path] { return known }
        let loaded = load(fullFace: path, font: font)
        faces[path] = loaded
        return loaded
    }

    private func load(fullFace path: String, font: UnsafeMutablePointer<PangoFont>) -> Face? {
        let url = URL(fileURLWithPath: path)
        let commonPath = directory + "/" + url.deletingPathExtension().lastPathComponent + ".common.otf"
        guard FileManager.default.isReadableFile(atPath: commonPath),
              let fullHB = hb_font_get_face(pango_font_get_hb_font(font)) else { return nil }
        let commonBlob = hb_blob_create_from_file(commonPath)
        let commonHB = hb_face_create(commonBlob, 0)
        defer { hb_face_destroy(commonHB); hb_blob_destroy(commonBlob) }
        guard let drawable = Self.sameGlyphs(fullHB, commonHB!) else { return nil }
        if library == nil, FT_Init_FreeType(&library) != 0 { return nil }
        var ftFace: FT_Face?
        guard FT_New_Face(library, commonPath, 0, &ftFace) == 0, let ftFace else { return nil }
        guard let fontFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0),
              cairo_font_face_status(fontFace) == CAIRO_STATUS_SUCCESS else {
            FT_Done_Face(ftFace)
            return nil
        }
        return Face(fontFace: fontFace, drawable: drawable)
    }

    /// The glyphs whose charstrings are byte-identical in both faces, as a bit set; nil when the
    /// faces do not have the same glyph numbering (the copy is not of this face).
    private static func sameGlyphs(_ full: OpaquePointer, _ common: OpaquePointer) -> [UInt64]? {
        guard hb_face_get_glyph_count(common) <= hb_face_get_glyph_count(full),
              hb_face_get_upem(common) == hb_face_get_upem(full) else { return nil }
        let cff: hb_tag_t = 0x4346_4620                                           // 'CFF '
        let fullBlob = hb_face_reference_table(full, cff), commonBlob = hb_face_reference_table(common, cff)
        defer { hb_blob_destroy(fullBlob); hb_blob_destroy(commonBlob) }
        guard let fullTable = bytes(fullBlob), let commonTable = bytes(commonBlob),
              let fullGlyphs = CFFCharStrings(table: fullTable), let commonGlyphs = CFFCharStrings(table: commonTable),
              commonGlyphs.glyphCount <= fullGlyphs.glyphCount else { return nil }
        var drawable = [UInt64](repeating: 0, count: (commonGlyphs.glyphCount + 63) / 64)
        var same = 0
        for g in 0..<commonGlyphs.glyphCount {
            let a = commonGlyphs.glyph(g), b = fullGlyphs.glyph(g)
            guard a.count == b.count, let pa = a.baseAddress, let pb = b.baseAddress, memcmp(pa, pb, a.count) == 0 else { continue }
            drawable[g >> 6] |= 1 << UInt64(g & 63)
            same += 1
        }
        // A copy of another face would share at most a few empty glyphs.
        return same > 16 ? drawable : nil
    }

    private static func bytes(_ blob: OpaquePointer?) -> UnsafeRawBufferPointer? {
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        return UnsafeRawBufferPointer(start: data, count: Int(length))
    }
}
