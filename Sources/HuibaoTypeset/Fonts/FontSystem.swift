import CPangoCairo
import Foundation
import HuibaoCore

/// Fontconfig + Pango set up the way Chinese print needs (ENGINEERING-NOTES.md):
/// a private fontconfig configuration (only the project's font directories), 72 dpi,
/// zh-cn, no glyph-position rounding, no hinting. One per render; it owns its C objects.
public final class FontSystem {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    /// The configured Pango context, for tools that measure Pango itself (bench/composer).
    public var pangoContext: OpaquePointer { context }
    private let config: OpaquePointer
    public let roles: FontRoles
    private var descriptions: [String: OpaquePointer] = [:]

    /// - Parameters:
    ///   - fontsDirectory: the project's `fonts/` (holds `fonts.conf` and vendored fonts).
    public init(fontsDirectory: String, roles: FontRoles) throws {
        self.roles = roles
        let confPath = (fontsDirectory as NSString).appendingPathComponent("fonts.conf")
        guard let template = try? String(contentsOfFile: confPath, encoding: .utf8) else {
            throw HuibaoError(.font, "cannot read the font configuration \(confPath)")
        }
        let xml = template.replacingOccurrences(of: "@FONTS_DIR@", with: fontsDirectory)
        guard let config = FcConfigCreate() else { throw HuibaoError(.font, "fontconfig could not create a configuration") }
        guard FcConfigParseAndLoadFromMemory(config, xml, 1) != 0, FcConfigBuildFonts(config) != 0 else {
            FcConfigDestroy(config)
            throw HuibaoError(.font, "fontconfig rejected \(confPath)")
        }
        self.config = config
        let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
        fontMap = map
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        context = pango_font_map_create_context(map)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string("zh-cn"))
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        for d in descriptions.values { pango_font_description_free(d) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        FcConfigDestroy(config)
    }

    /// Fails, naming role and families, when a role's first family is not installed.
    /// A missing role font must never silently become another style of face.
    public func verify(roleKeys: [String]) throws {
        for key in roleKeys {
            let role = try roles.role(key)
            guard let family = role.families.first, hasFamily(family) else {
                throw HuibaoError(.font, "font role '\(key)' (\(role.name)) needs the font family '\(role.families[0])', which is not installed",
                                  hint: "run `sudo scripts/setup` (it installs \(role.package.isEmpty ? "the fonts" : role.package)), or change fonts/roles.yaml")
            }
        }
    }

    /// Whether the private configuration holds a face of `family`.
    public func hasFamily(_ family: String) -> Bool {
        guard let pattern = FcPatternCreate() else { return false }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        guard let os = FcObjectSetCreate() else { return false }
        defer { FcObjectSetDestroy(os) }
        _ = FcObjectSetAdd(os, FC_FAMILY)
        guard let list = FcFontList(config, pattern, os) else { return false }
        defer { FcFontSetDestroy(list) }
        return list.pointee.nfont > 0
    }

    /// A cached Pango font description for a role at a size (absolute size: immune to dpi).
    public func description(role key: String, sizePt: Double, bold: Bool) throws -> OpaquePointer {
        let cacheKey = "\(key)|\(sizePt)|\(bold)"
        if let d = descriptions[cacheKey] { return d }
        let role = try roles.role(key)
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, role.families.joined(separator: ","))
        pango_font_description_set_absolute_size(d, sizePt * Double(PANGO_SCALE))
        pango_font_description_set_weight(d, (bold || role.bold) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        descriptions[cacheKey] = d
        return d
    }

    /// Loads what the first page will ask for — each installed role's faces, regular and bold,
    /// and their common-glyph copies — by shaping a few characters in each. Meant for a
    /// background thread while the template runs (RenderSession), before anything else uses
    /// this font system.
    public func warmUp() {
        for key in roles.roles.keys.sorted() where roles.roles[key].flatMap(\.families.first).map(hasFamily) == true {
            for bold in [false, true] {
                let span = TextSpan(text: "国A1，", role: key, sizePt: 12, bold: bold)
                guard let sample = try? ShapedParagraph(spans: [span], fonts: self, allowFallback: false) else { continue }
                for item in sample.items { if let font = item.pointee.analysis.font { _ = CommonGlyphFaces.shared.face(for: font) } }
            }
        }
    }
}
