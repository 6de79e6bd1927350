/// Turns a style file's mapping into a `Style`, checking every key and type.
enum StyleDecoder {
    static func decode(_ node: DataNode, name: String) throws -> Style {
        let r = try NodeReader(node, context: "style '\(name)'", kind: .style)
        try r.allowOnly(["name", "extends", "page", "body", "typography", "title", "subtitle", "headings",
                         "table", "header", "footer", "toc", "cover", "footnote", "accent_color", "chart",
                         "kpi", "columns", "box", "list", "gongwen"])
        guard let pageR = try r.reader("page") else { throw missing("page", in: r) }
        guard let bodyR = try r.reader("body") else { throw missing("body", in: r) }
        let body = try text(bodyR, defaults: nil)
        let headings = try decodeHeadings(r, body: body)
        return try withGongwen(Style(
            name: try r.string("name") ?? name,
            page: try page(pageR),
            body: body,
            typography: try typography(r.reader("typography")),
            title: try r.reader("title").map { try text($0, defaults: body) } ?? body,
            subtitle: try r.reader("subtitle").map { try text($0, defaults: body) } ?? body,
            headings: headings,
            table: try table(r.reader("table"), body: body),
            header: try r.reader("header").map { try head($0, body: body, defaultDrop: 8) },
            footer: try r.reader("footer").map { try head($0, body: body, defaultDrop: 12) }
                ?? RunningHeadStyle(format: "{page}", formatEven: nil, text: body, dropMm: 12, align: .center,
                                    insetEm: 0, rule: false),
            toc: try toc(r.reader("toc"), body: body, headings: headings),
            cover: try cover(r.reader("cover"), body: body),
            footnote: try noteStyle(r.reader("footnote"), body: body),
            accentColor: try color(r, "accent_color") ?? .black,
            chart: try chart(r.reader("chart"), body: body),
            kpi: try kpi(r.reader("kpi"), body: body, accent: color(r, "accent_color") ?? .black),
            columns: try columns(r.reader("columns"), body: body),
            box: try box(r.reader("box"), body: body, accent: color(r, "accent_color") ?? .black),
            list: try list(r.reader("list"))
        ), r.reader("gongwen"))
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
    static func text(_ r: NodeReader, defaults: TextStyle?, extraKeys: [String] = []) throws -> TextStyle {
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

    static func color(_ r: NodeReader, _ key: String) throws -> RGBColor? {
        guard let s = try r.string(key) else { return nil }
        guard let c = RGBColor(hex: s) else {
            throw HuibaoError(.style, "\(r.context) › \(key) must be a colour like \"#1F3A5F\", found '\(s)'", at: r[key]?.location)
        }
        return c
    }

    private static func typography(_ r: NodeReader?) throws -> Typography {
        try r?.allowOnly(["kinsoku", "cjk_latin_spacing", "compress_line_start_bracket", "avoid_orphan_last_line",
                          "grid_chars_per_line", "synthetic_bold"])
        let grid = try r?.int("grid_chars_per_line")
        if let grid, grid < 2 {
            throw HuibaoError(.style, "typography › grid_chars_per_line must be at least 2", at: r?["grid_chars_per_line"]?.location)
        }
        return Typography(
            kinsoku: try r?.choice("kinsoku", KinsokuLevel.self) ?? .gb,
            cjkLatinSpacing: try r?.bool("cjk_latin_spacing") ?? true,
            compressLineStartBracket: try r?.bool("compress_line_start_bracket") ?? false,
            avoidOrphanLastLine: try r?.bool("avoid_orphan_last_line") ?? true,
            gridCharsPerLine: grid,
            syntheticBold: try r?.bool("synthetic_bold") ?? false
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
            var t = try text(h, defaults: body, extraKeys: ["level", "numbering", "page_break_before", "bar_fill", "bar_padding_pt"])
            // A heading that wraps is justified like body text; its last line stays flush left.
            if h["align"] == nil { t.align = .justify }
            var heading = HeadingStyle(level: level, text: t, numbering: try h.string("numbering") ?? "")
            heading.pageBreakBefore = try h.bool("page_break_before") ?? false
            heading.barFill = try color(h, "bar_fill")
            heading.barPaddingPt = try h.double("bar_padding_pt") ?? (heading.barFill == nil ? 0 : t.sizePt * 0.6)
            result.append(heading)
        }
        return result.sorted { $0.level < $1.level }
    }

    private static func table(_ r: NodeReader?, body: TextStyle) throws -> TableStyle {
        try r?.allowOnly(["cell", "header", "caption", "cell_padding_x_pt", "cell_padding_y_pt", "rule_width_pt", "header_fill",
                          "zebra_fill", "note"])
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
                          headerFill: try r.flatMap { try color($0, "header_fill") },
                          zebraFill: try r.flatMap { try color($0, "zebra_fill") },
                          note: try noteStyle(r?.reader("note"), body: body))
    }

    private static func noteStyle(_ r: NodeReader?, body: TextStyle) throws -> TextStyle {
        let fallback = TextStyle(role: body.role, sizePt: 9, bold: false, linePitchPt: 14, firstLineIndentEm: 0,
                                 spaceBeforePt: 3, spaceAfterPt: 0, align: .justify, color: body.color)
        return try r.map { try text($0, defaults: fallback) } ?? fallback
    }

    private static func head(_ r: NodeReader, body: TextStyle, defaultDrop: Double) throws -> RunningHeadStyle {
        let keys = ["format", "format_even", "format_right", "on_title_page", "drop_mm", "inset_em", "rule"]
        try r.allowOnly(textKeys.filter { $0 != "align" } + keys + ["align"])
        // `align` here places the line on the page (outside/inside too), not a paragraph's alignment.
        let placement = try r.choice("align", HeadAlignment.self) ?? .center
        var t = try text(stripped(r, removing: "align"), defaults: body, extraKeys: keys)
        t.align = .left
        return RunningHeadStyle(format: try r.string("format") ?? "{page}", formatEven: try r.string("format_even"),
                                text: t, dropMm: try r.double("drop_mm") ?? defaultDrop, align: placement,
                                insetEm: try r.double("inset_em") ?? 0, rule: try r.bool("rule") ?? false,
                                formatRight: try r.string("format_right"), onTitlePage: try r.bool("on_title_page") ?? false)
    }

    /// The same mapping without one key (for sections that give a key another meaning).
    private static func stripped(_ r: NodeReader, removing key: String) throws -> NodeReader {
        guard case .object(let pairs) = r.node.value else { return r }
        return try NodeReader(DataNode(.object(pairs.filter { $0.key != key }), at: r.node.location), context: r.context, kind: .style)
    }

    private static func toc(_ r: NodeReader?, body: TextStyle, headings: [HeadingStyle]) throws -> TOCStyle {
        try r?.allowOnly(["title", "depth", "title_style", "level1", "level2", "level3"])
        var titleText = try r?.reader("title_style").map { try text($0, defaults: body) }
            ?? TextStyle(role: "hei", sizePt: 16, bold: false, linePitchPt: 30, firstLineIndentEm: 0, spaceBeforePt: 0,
                         spaceAfterPt: 12, align: .center, color: body.color)
        if (try r?.reader("title_style"))??["align"] == nil { titleText.align = .center }
        var entries: [TextStyle] = []
        for level in 1...3 {
            let fallback = headings.first(where: { $0.level == level }).map {
                TextStyle(role: $0.text.role, sizePt: body.sizePt, bold: false, linePitchPt: body.linePitchPt,
                          firstLineIndentEm: 0, spaceBeforePt: 0, spaceAfterPt: 0, align: .left, color: body.color)
            } ?? body
            var entry = try r?.reader("level\(level)").map { try text($0, defaults: fallback) } ?? fallback
            entry.align = .left
            entries.append(entry)
        }
        let depth = try r?.int("depth") ?? 2
        guard (1...6).contains(depth) else {
            throw HuibaoError(.style, "toc › depth must be from 1 to 6", at: r?["depth"]?.location)
        }
        return TOCStyle(title: try r?.string("title") ?? "目　录", depth: depth, titleText: titleText, entries: entries)
    }

    private static func cover(_ r: NodeReader?, body: TextStyle) throws -> CoverStyle {
        try r?.allowOnly(["title", "subtitle", "org", "date"])
        func part(_ key: String, role: String, size: Double) throws -> TextStyle {
            let fallback = TextStyle(role: role, sizePt: size, bold: false, linePitchPt: size * 1.6, firstLineIndentEm: 0,
                                     spaceBeforePt: 0, spaceAfterPt: 0, align: .center, color: body.color)
            var t = try r?.reader(key).map { try text($0, defaults: fallback) } ?? fallback
            if (try r?.reader(key))??["align"] == nil { t.align = .center }
            return t
        }
        return CoverStyle(title: try part("title", role: "title", size: 26), subtitle: try part("subtitle", role: "kai", size: 18),
                          org: try part("org", role: "hei", size: 16), date: try part("date", role: "song", size: 16))
    }

    /// The `chart:` section; every key has a default, so a style may leave it out.
    private static func chart(_ r: NodeReader?, body: TextStyle) throws -> ChartStyle {
        try r?.allowOnly(["role", "size_pt", "palette", "line_color", "axis_color", "grid_color", "text_color",
                          "height_ratio", "caption", "source", "space_before_pt", "space_after_pt"])
        let size = try r?.double("size_pt") ?? 9
        guard size >= 5, size <= 24 else {
            throw HuibaoError(.style, "chart › size_pt must be between 5 and 24 pt", at: r?["size_pt"]?.location)
        }
        var palette = [RGBColor(hex: "#1F3A5F")!, RGBColor(hex: "#EB9A48")!, RGBColor(hex: "#647F68")!,
                       RGBColor(hex: "#BCD8F0")!, RGBColor(hex: "#6E4A2E")!]
        if let r, let node = r["palette"] {
            guard case .array(let items) = node.value, !items.isEmpty else { throw r.mismatch("palette", node, "a list of colours") }
            palette = try items.map { item in
                guard case .string(let s) = item.value, let c = RGBColor(hex: s) else {
                    throw HuibaoError(.style, "\(r.context) › palette colours must look like \"#1F3A5F\", found '\(item.value)'", at: item.location)
                }
                return c
            }
        }
        let ratio = try r?.double("height_ratio") ?? 0.56
        guard ratio >= 0.25, ratio <= 2 else {
            throw HuibaoError(.style, "chart › height_ratio must be between 0.25 and 2", at: r?["height_ratio"]?.location)
        }
        let hei = TextStyle(role: "hei", sizePt: 10.5, bold: false, linePitchPt: 18, firstLineIndentEm: 0, spaceBeforePt: 6,
                            spaceAfterPt: 0, align: .center, color: .black)
        var caption = try r?.reader("caption").map { try text($0, defaults: hei) } ?? hei
        if r?["caption"]?["align"] == nil { caption.align = .center }
        if r?["caption"]?["space_before_pt"] == nil { caption.spaceBeforePt = hei.spaceBeforePt }
        if r?["caption"]?["line_pitch_pt"] == nil { caption.linePitchPt = caption.sizePt * 1.7 }
        let small = TextStyle(role: body.role, sizePt: 9, bold: false, linePitchPt: 14, firstLineIndentEm: 0, spaceBeforePt: 0,
                              spaceAfterPt: 0, align: .justify, color: body.color)
        var source = try r?.reader("source").map { try text($0, defaults: small) } ?? small
        if r?["source"]?["line_pitch_pt"] == nil { source.linePitchPt = source.sizePt * 1.55 }
        return ChartStyle(
            role: try r?.string("role") ?? "hei", sizePt: size, palette: palette,
            lineColor: try r.flatMap { try color($0, "line_color") } ?? RGBColor(hex: "#A61C1C")!,
            axisColor: try r.flatMap { try color($0, "axis_color") } ?? RGBColor(hex: "#595959")!,
            gridColor: try r.flatMap { try color($0, "grid_color") } ?? RGBColor(hex: "#D9D9D9")!,
            textColor: try r.flatMap { try color($0, "text_color") } ?? RGBColor(hex: "#262626")!,
            heightRatio: ratio, caption: caption, source: source,
            spaceBeforePt: try r?.double("space_before_pt") ?? 8,
            spaceAfterPt: try r?.double("space_after_pt") ?? 10)
    }
}
