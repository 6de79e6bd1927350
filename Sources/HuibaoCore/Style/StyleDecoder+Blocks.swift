/// The style sections of KPI cards, columns, boxes and lists; every key has a default, so a
/// style may leave any of them out.
extension StyleDecoder {
    static func kpi(_ r: NodeReader?, body: TextStyle, accent: RGBColor) throws -> KPIStyle {
        try r?.allowOnly(["columns", "gap_pt", "padding_pt", "fill", "border_color", "border_width_pt", "accent_color",
                          "accent_width_pt", "align", "label", "value", "unit", "change", "note", "up_color", "down_color",
                          "flat_color", "compare", "space_before_pt", "space_after_pt"])
        let grey = RGBColor(hex: "#4D5B6A")!
        func part(_ key: String, size: Double, pitch: Double, color: RGBColor) throws -> TextStyle {
            let fallback = TextStyle(role: "hei", sizePt: size, bold: false, linePitchPt: pitch, firstLineIndentEm: 0, spaceBeforePt: 0,
                                     spaceAfterPt: 0, align: .left, color: color)
            guard let pr = try r?.reader(key) else { return fallback }
            var t = try text(pr, defaults: fallback)
            // Large figures sit on a tighter pitch than text (1.6 × size would leave a hole).
            if pr["line_pitch_pt"] == nil { t.linePitchPt = t.sizePt * (key == "value" ? 1.3 : 1.5) }
            return t
        }
        let columns = try r?.int("columns") ?? 4
        guard (1...8).contains(columns) else {
            throw HuibaoError(.style, "kpi › columns must be from 1 to 8", at: r?["columns"]?.location)
        }
        let align = try r?.choice("align", Alignment.self) ?? .left
        guard align == .left || align == .center else {
            throw HuibaoError(.style, "kpi › align must be left or center", at: r?["align"]?.location)
        }
        return KPIStyle(
            columns: columns,
            gapPt: try r?.double("gap_pt") ?? 8,
            paddingPt: try r?.double("padding_pt") ?? 8,
            fill: try optionalColor(r, "fill", default: RGBColor(hex: "#F4F6F9")),
            borderColor: try optionalColor(r, "border_color", default: RGBColor(hex: "#D5DCE4")),
            borderWidthPt: try r?.double("border_width_pt") ?? 0.5,
            accentColor: try optionalColor(r, "accent_color", default: accent),
            accentWidthPt: try r?.double("accent_width_pt") ?? 2.5,
            align: align,
            label: try part("label", size: 10.5, pitch: 15, color: grey),
            value: try part("value", size: 22, pitch: 28, color: accent),
            unit: try part("unit", size: 10.5, pitch: 15, color: grey),
            change: try part("change", size: 10.5, pitch: 16, color: grey),
            note: try part("note", size: 9, pitch: 13, color: grey),
            upColor: try r.flatMap { try color($0, "up_color") } ?? RGBColor(hex: "#C0392B")!,
            downColor: try r.flatMap { try color($0, "down_color") } ?? RGBColor(hex: "#1E8449")!,
            flatColor: try r.flatMap { try color($0, "flat_color") } ?? RGBColor(hex: "#595959")!,
            compare: try r?.string("compare") ?? "同比",
            spaceBeforePt: try r?.double("space_before_pt") ?? 6,
            spaceAfterPt: try r?.double("space_after_pt") ?? 12)
    }

    static func columns(_ r: NodeReader?, body: TextStyle) throws -> ColumnsStyle {
        try r?.allowOnly(["gap_mm", "rule", "rule_color", "text", "space_before_pt", "space_after_pt"])
        let gap = try r?.double("gap_mm") ?? 8
        guard gap >= 0, gap < 100 else { throw HuibaoError(.style, "columns › gap_mm must be from 0 to 100", at: r?["gap_mm"]?.location) }
        return ColumnsStyle(gapMm: gap, rule: try r?.bool("rule") ?? false,
                            ruleColor: try r.flatMap { try color($0, "rule_color") } ?? RGBColor(hex: "#BFBFBF")!,
                            text: try r?.reader("text").map { try text($0, defaults: body) } ?? body,
                            spaceBeforePt: try r?.double("space_before_pt") ?? 4, spaceAfterPt: try r?.double("space_after_pt") ?? 0)
    }

    static func box(_ r: NodeReader?, body: TextStyle, accent: RGBColor) throws -> BoxStyle {
        try r?.allowOnly(["fill", "border_color", "border_width_pt", "accent_color", "accent_width_pt", "padding_pt", "title", "text",
                          "space_before_pt", "space_after_pt"])
        let titleFallback = TextStyle(role: "hei", sizePt: body.sizePt, bold: false, linePitchPt: body.linePitchPt, firstLineIndentEm: 0,
                                      spaceBeforePt: 0, spaceAfterPt: 2, align: .left, color: accent)
        var title = try r?.reader("title").map { try text($0, defaults: titleFallback) } ?? titleFallback
        if (try r?.reader("title"))??["align"] == nil { title.align = .left }
        return BoxStyle(
            fill: try optionalColor(r, "fill", default: RGBColor(hex: "#F3F6FA")),
            borderColor: try optionalColor(r, "border_color", default: nil),
            borderWidthPt: try r?.double("border_width_pt") ?? 0.5,
            accentColor: try optionalColor(r, "accent_color", default: accent),
            accentWidthPt: try r?.double("accent_width_pt") ?? 3,
            paddingPt: try r?.double("padding_pt") ?? 10,
            title: title,
            text: try r?.reader("text").map { try text($0, defaults: body) } ?? body,
            spaceBeforePt: try r?.double("space_before_pt") ?? 8,
            spaceAfterPt: try r?.double("space_after_pt") ?? 12)
    }

    static func list(_ r: NodeReader?) throws -> ListStyle {
        try r?.allowOnly(["bullet", "hanging", "item_space_pt"])
        return ListStyle(bullet: try r?.string("bullet") ?? "•", hanging: try r?.bool("hanging") ?? false,
                         itemSpacePt: try r?.double("item_space_pt") ?? 0)
    }

    /// A colour that may be switched off: `none` gives nil, a missing key the default.
    private static func optionalColor(_ r: NodeReader?, _ key: String, default fallback: RGBColor?) throws -> RGBColor? {
        guard let r, r[key] != nil else { return fallback }
        if try r.string(key) == "none" { return nil }
        return try color(r, key)
    }
}
