/// Turns a style file's mapping into a `Style`, checking every key and type.
enum StyleDecoder {
    static func decode(_ node: DataNode, name: String) throws -> Style {
        let r = try NodeReader(node, context: "style '\(name)'", kind: .style)
        try r.allowOnly(["name", "extends", "page", "body", "typography", "title", "subtitle", "headings",
                         "table", "footer", "accent_color"])
        guard let pageR = try r.reader("page") else { throw missing("page", in: r) }
        guard let bodyR = try r.reader("body") else { throw missing("body", in: r) }
        let body = try text(bodyR, defaults: nil)
        let headings = try decodeHeadings(r, body: body)
        return Style(
            name: try r.string("name") ?? name,
            page: try page(pageR),
            body: body,
            typography: try typography(r.reader("typography")),
            title: try r.reader("title").map { try text($0, defaults: body) } ?? body,
            subtitle: try r.reader("subtitle").map { try text($0, defaults: body) } ?? body,
            headings: headings,
            table: try table(r.reader("table"), body: body),
            footer: try footer(r.reader("footer"), body: body),
            accentColor: try color(r, "accent_color") ?? .black
        )
    }

    private static func missing(_ key: String, in r: NodeReader) -> HuibaoError {
        HuibaoError(.style, "\(r.context) has no '\(key)' section", at: r.node.location)
    }

    private static func page(_ r: NodeReader) throws -> PageGeometry {
        let keys = ["width_mm", "height_mm", "margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm"]
        try r.allowOnly(keys)
        var values: [Double] = []
        for key in keys {
            guard let v = try r.double(key) else { throw missing(key, in: r) }
            guard v >= 0 else { throw HuibaoError(.style, "\(r.context) › \(key) must not be negative", at: r[key]?.location) }
            values.append(v)
        }
        let geometry = PageGeometry(widthMm: values[0], heightMm: values[1], marginTopMm: values[2],
                                    marginBottomMm: values[3], marginLeftMm: values[4], marginRightMm: values[5])
        guard geometry.textWidthPt > 36, geometry.textHeightPt > 72 else {
            throw HuibaoError(.style, "\(r.context): the margins leave no room for text", at: r.node.location)
        }
        return geometry
    }

    static let textKeys = ["role", "size_pt", "bold", "line_pitch_pt", "first_line_indent_em", "space_before_pt",
                           "space_after_pt", "align", "color"]

    /// A text style; keys not given come from `defaults` (the body style) or built-in values.
    private static func text(_ r: NodeReader, defaults: TextStyle?, extraKeys: [String] = []) throws -> TextStyle {
        try r.allowOnly(textKeys + extraKeys)
        let size = try r.double("size_pt") ?? defaults?.sizePt ?? 12
        guard size > 0, size < 200 else {
            throw HuibaoError(.style, "\(r.context) › size_pt must be between 0 and 200 pt", at: r["size_pt"]?.location)
        }
        let pitch = try r.double("line_pitch_pt") ?? (size * 1.6)
        guard pitch >= size * 0.8 else {
            throw HuibaoError(.style, "\(r.context) › line_pitch_pt \(pitch) is too small for \(size) pt type",
                              at: r["line_pitch_pt"]?.location)
        }
        return TextStyle(
            role: try r.string("role") ?? defaults?.role ?? "song",
            sizePt: size,
            bold: try r.bool("bold") ?? false,
            linePitchPt: pitch,
            firstLineIndentEm: try r.double("first_line_indent_em") ?? 0,
            spaceBeforePt: try r.double("space_before_pt") ?? 0,
            spaceAfterPt: try r.double("space_after_pt") ?? 0,
            align: try r.choice("align", Alignment.self) ?? .justify,
            color: try color(r, "color") ?? defaults?.color ?? .black
        )
    }

    private static func color(_ r: NodeReader, _ key: String) throws -> RGBColor? {
        guard let s = try r.string(key) else { return nil }
        guard let c = RGBColor(hex: s) else {
            throw HuibaoError(.style, "\(r.context) › \(key) must be a colour like \"#1F3A5F\", found '\(s)'", at: r[key]?.location)
        }
        return c
    }

    private static func typography(_ r: NodeReader?) throws -> Typography {
        try r?.allowOnly(["kinsoku", "cjk_latin_spacing", "compress_line_start_bracket", "avoid_orphan_last_line",
                          "grid_chars_per_line"])
        let grid = try r?.int("grid_chars_per_line")
        if let grid, grid < 2 {
            throw HuibaoError(.style, "typography › grid_chars_per_line must be at least 2", at: r?["grid_chars_per_line"]?.location)
        }
        return Typography(
            kinsoku: try r?.choice("kinsoku", KinsokuLevel.self) ?? .gb,
            cjkLatinSpacing: try r?.bool("cjk_latin_spacing") ?? true,
            compressLineStartBracket: try r?.bool("compress_line_start_bracket") ?? false,
            avoidOrphanLastLine: try r?.bool("avoid_orphan_last_line") ?? true,
            gridCharsPerLine: grid
        )
    }

    private static func decodeHeadings(_ r: NodeReader, body: TextStyle) throws -> [HeadingStyle] {
        guard let node = r["headings"] else { return [] }
        guard case .array(let items) = node.value else { throw r.mismatch("headings", node, "a list of heading levels") }
        var result: [HeadingStyle] = []
        for item in items {
            let h = try NodeReader(item, context: "\(r.context) › headings", kind: .style)
            guard let level = try h.int("level"), (1...6).contains(level) else {
                throw HuibaoError(.style, "each heading style needs a level from 1 to 6", at: item.location)
            }
            var t = try text(h, defaults: body, extraKeys: ["level", "numbering"])
            // A heading that wraps is justified like body text; its last line stays flush left.
            if h["align"] == nil { t.align = .justify }
            result.append(HeadingStyle(level: level, text: t, numbering: try h.string("numbering") ?? ""))
        }
        return result.sorted { $0.level < $1.level }
    }

    private static func table(_ r: NodeReader?, body: TextStyle) throws -> TableStyle {
        try r?.allowOnly(["cell", "header", "caption", "cell_padding_x_pt", "cell_padding_y_pt", "rule_width_pt", "header_fill"])
        let cellR = try r?.reader("cell"), headerR = try r?.reader("header")
        var cell = try cellR.map { try text($0, defaults: body) } ?? body
        if cellR?["align"] == nil { cell.align = .left }
        var header = try headerR.map { try text($0, defaults: cell) } ?? cell
        if headerR?["align"] == nil { header.align = .center }
        let caption = try r?.reader("caption").map { try text($0, defaults: body) } ?? body
        return TableStyle(cell: cell, header: header, caption: caption,
                          cellPaddingXPt: try r?.double("cell_padding_x_pt") ?? 6,
                          cellPaddingYPt: try r?.double("cell_padding_y_pt") ?? 4,
                          ruleWidthPt: try r?.double("rule_width_pt") ?? 0.5,
                          headerFill: try r.flatMap { try color($0, "header_fill") })
    }

    private static func footer(_ r: NodeReader?, body: TextStyle) throws -> FooterStyle {
        guard let r else {
            return FooterStyle(format: "{page}", text: body, dropMm: 12)
        }
        var t = try text(r, defaults: body, extraKeys: ["format", "drop_mm"])
        if r["align"] == nil { t.align = .center }
        return FooterStyle(format: try r.string("format") ?? "{page}", text: t, dropMm: try r.double("drop_mm") ?? 12)
    }
}
