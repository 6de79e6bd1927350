import CPangoCairo
import Foundation

/// Small copies of the CFF faces for drawing: the glyphs of fonts/common-chars.txt (GB 2312's
/// hanzi, ASCII, punctuation, symbols) and those Pango's shaping makes of them, under the same
/// glyph numbers, made by scripts/setup with `hb-subset --retain-gids` into `/usr/local/share/huibao/common-faces` (or
/// `$HUIBAO_COMMON_FACES`), named after the full face's file: `X.otf` → `X.common.otf`.
///
/// Why: cairo 1.16 copies a CFF face's whole 'CFF ' table twice in every document it embeds the
/// face in (`_cairo_cff_scaled_font_is_cid_cff` when the face is first used, the subsetter at
/// `finish`): 2 × 30 MB for Noto Serif CJK, a third of a monthly batch's time (perf). Given the
/// 3.3 MB copy, cairo copies 3.3 MB. Shaping and measuring still use the full face (Pango); only
/// the drawing of a run changes face, and only when the copy holds every glyph of the run with
/// the same charstring bytes, so the page looks the same either way.
///
/// Process-wide and thread-safe: faces load on first use and stay for the process.
final class CommonGlyphFaces: @unchecked Sendable {
    /// A common face ready for cairo, with the glyphs it can draw.
    final class Face: @unchecked Sendable {
        let fontFace: OpaquePointer
        private let full: CFFCharStrings, common: CFFCharStrings
        /// Kept for the process: `full` and `common` point into them.
        private let blobs: [OpaquePointer?]
        private let lock = NSLock()
        /// Bit g of `checked`: glyph g has been compared; of `same`: its charstring is the
        /// same in the copy as in the full face. Compared on first use, a few thousand glyphs
        /// a document rather than the face's 65,535.
        private var checked: [UInt64], same: [UInt64]

        fileprivate init(fontFace: OpaquePointer, full: CFFCharStrings, common: CFFCharStrings, blobs: [OpaquePointer?]) {
            self.fontFace = fontFace
            self.full = full
            self.common = common
            self.blobs = blobs
            checked = [UInt64](repeating: 0, count: (common.glyphCount + 63) / 64)
            same = checked
        }

        /// Whether the copy draws every glyph of `glyphs` (Pango's empty glyph aside) exactly
        /// as the full face would.
        func canDraw(_ glyphs: PangoGlyphString) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            for k in 0..<Int(glyphs.num_glyphs) {
                let glyph = glyphs.glyphs[k].glyph
                if glyph == PANGO_GLYPH_EMPTY { continue }
                guard glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0, isSame(Int(glyph)) else { return false }
            }
            return true
        }

        private func isSame(_ g: Int) -> Bool {
            guard g < common.glyphCount else { return false }
            let word = g >> 6, bit = UInt64(1) << UInt64(g & 63)
            if checked[word] & bit == 0 {
                checked[word] |= bit
                let a = common.glyph(g), b = full.glyph(g)
                if a.count > 0, a.count == b.count, memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 { same[word] |= bit }
            }
            return same[word] & bit != 0
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
        let file = hb_blob_create_from_file(commonPath)
        let commonHB = hb_face_create(file, 0)
        defer { hb_face_destroy(commonHB); hb_blob_destroy(file) }
        let cff: hb_tag_t = 0x4346_4620                                           // 'CFF '
        let fullBlob = hb_face_reference_table(fullHB, cff), commonBlob = hb_face_reference_table(commonHB, cff)
        // The copy must number its glyphs as the full face does (retain-gids): same units per
        // em, no more glyphs; each glyph is then compared byte for byte before it is used.
        guard hb_face_get_upem(commonHB) == hb_face_get_upem(fullHB),
              let fullTable = Self.bytes(fullBlob), let commonTable = Self.bytes(commonBlob),
              let full = CFFCharStrings(table: fullTable), let common = CFFCharStrings(table: commonTable),
              common.glyphCount <= full.glyphCount else {
            hb_blob_destroy(fullBlob); hb_blob_destroy(commonBlob)
            return nil
        }
        if library == nil, FT_Init_FreeType(&library) != 0 { return nil }
        var ftFace: FT_Face?
        guard FT_New_Face(library, commonPath, 0, &ftFace) == 0, let ftFace else {
            hb_blob_destroy(fullBlob); hb_blob_destroy(commonBlob)
            return nil
        }
        let fontFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0)!
        guard cairo_font_face_status(fontFace) == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(fontFace)
            FT_Done_Face(ftFace)
            hb_blob_destroy(fullBlob); hb_blob_destroy(commonBlob)
            return nil
        }
        return Face(fontFace: fontFace, full: full, common: common, blobs: [fullBlob, commonBlob])
    }

    private static func bytes(_ blob: OpaquePointer?) -> UnsafeRawBufferPointer? {
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        return UnsafeRawBufferPointer(start: data, count: Int(length))
    }
}
