/// The `gongwen:` section of a style; every key has a default.
extension StyleDecoder {
    /// Adds the `gongwen:` section to a decoded style. A 公文 style measures its text block as
    /// GB/T 9704-2012 does: from the em box of the first line to that of the last, so the line
    /// boxes reach half a leading beyond the margins.
    static func withGongwen(_ style: Style, _ r: NodeReader?) throws -> Style {
        guard let r else { return style }
        var style = style
        try r.allowOnly(["color", "masthead", "masthead_top_mm", "masthead_max_width_mm", "rule_width_mm", "rule_drop_mm",
                         "label", "signer", "attachment_title", "banji", "banji_thick_mm", "banji_thin_mm",
                         "seal_diameter_mm", "seal_outline"])
        let body = style.body
        let red = try color(r, "color") ?? RGBColor(red: 230.0 / 255, green: 0, blue: 0)
        func part(_ key: String, _ fallback: TextStyle) throws -> TextStyle {
            try r.reader(key).map { try text($0, defaults: fallback) } ?? fallback
        }
        var masthead = TextStyle(role: "title", sizePt: 42, bold: false, linePitchPt: 52, firstLineIndentEm: 0, spaceBeforePt: 0,
                                 spaceAfterPt: 0, align: .center, color: red)
        masthead = try part("masthead", masthead)
        if (try r.reader("masthead"))?["color"] == nil { masthead.color = red }
        if (try r.reader("masthead"))?["line_pitch_pt"] == nil { masthead.linePitchPt = masthead.sizePt * 1.25 }
        var label = body
        label.role = "hei"
        label.firstLineIndentEm = 0
        var signer = body
        signer.role = "kai"
        var banji = body
        banji.sizePt = 14
        banji.firstLineIndentEm = 0
        let positive = ["masthead_top_mm", "masthead_max_width_mm", "rule_width_mm", "rule_drop_mm", "banji_thick_mm",
                        "banji_thin_mm", "seal_diameter_mm"]
        for key in positive {
            if let v = try r.double(key), v <= 0 {
                throw HuibaoError(.style, "\(r.context) › \(key) must be more than 0", at: r[key]?.location)
            }
        }
        style.gongwen = GongwenStyle(
            red: red, masthead: masthead,
            mastheadTopMm: try r.double("masthead_top_mm") ?? 35,
            mastheadMaxWidthMm: try r.double("masthead_max_width_mm") ?? style.page.textWidthPt / PageGeometry.pointsPerMm,
            ruleWidthMm: try r.double("rule_width_mm") ?? 0.5,
            ruleDropMm: try r.double("rule_drop_mm") ?? 4,
            label: try part("label", label),
            signer: try part("signer", signer),
            attachmentTitle: try part("attachment_title", style.title),
            banji: try part("banji", banji),
            banjiThickMm: try r.double("banji_thick_mm") ?? 0.35,
            banjiThinMm: try r.double("banji_thin_mm") ?? 0.25,
            sealDiameterMm: try r.double("seal_diameter_mm") ?? 42,
            sealOutline: try r.bool("seal_outline") ?? false)
        // The first line's em box on the top edge; 0.001 pt more, so that the last line's box
        // still fits when the pitch is written rounded (29.6093 for 29.609299 pt).
        style.page.lineBoxOverhangPt = (body.linePitchPt - body.sizePt) / 2 + 0.001
        return style
    }
}
