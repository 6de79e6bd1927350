import Foundation
import HuibaoCore
import HuibaoTestSupport
@testable import HuibaoTypeset

/// Sets paragraphs with the real composer, writes a real PDF and reads it back with mutool,
/// so every composer test measures glyph positions in the finished file.
struct ComposerHarness {
    var style: Style
    let fonts: FontSystem

    init(styleName: String = "report") throws {
        style = try StyleLoader(builtInDirectory: ProjectPaths.templates).load(styleName)
        style.footer.format = ""
        fonts = try FontSystem(fontsDirectory: ProjectPaths.fonts, roles: try FontRoles.load(path: ProjectPaths.fonts + "/roles.yaml"))
    }

    /// Sets the body measure to `chars` em of body text (e.g. 30.37 em).
    mutating func setMeasure(em chars: Double) {
        let widthMm = chars * style.body.sizePt / PageGeometry.pointsPerMm
        style.page.marginRightMm = style.page.widthMm - style.page.marginLeftMm - widthMm
    }

    var left: Double { style.page.textLeftPt }
    var right: Double { style.page.textLeftPt + style.page.textWidthPt }
    var em: Double { style.body.sizePt }

    /// Renders one body paragraph per text and returns the PDF's lines.
    func render(_ paragraphs: [String], name: String = "composer") throws -> (lines: [PDFProbe.Line], pdf: PDFProbe) {
        let location = SourceLocation(file: "test.md", line: 1, column: 1)
        let document = Document(meta: DocumentMeta(), blocks: paragraphs.map {
            .paragraph(Paragraph(runs: InlineParser_parse($0, location), location: location))
        })
        let laidOut = try DocumentLayout(style: style, composer: ParagraphComposer(fonts: fonts)).layout(document)
        let path = try ProjectPaths.temporaryDirectory() + "/\(name).pdf"
        try PDFWriter().write(laidOut, to: path)
        let probe = PDFProbe(path)
        return (try probe.lines(), probe)
    }

    /// Body lines, each marked final (the last of its paragraph: the next line is indented
    /// or there is none).
    func bodyLines(_ lines: [PDFProbe.Line]) -> [(line: PDFProbe.Line, isFinal: Bool, isFirst: Bool)] {
        let indentX = left + 2 * em
        return lines.enumerated().map { i, line in
            let next = i + 1 < lines.count ? lines[i + 1] : nil
            let isFirst = abs(line.glyphs[0].x - indentX) < 1 || (abs(line.glyphs[0].x - indentX + em / 2) < 1)
            let nextIsFirst = next.map { abs($0.glyphs[0].x - indentX) < 1 || abs($0.glyphs[0].x - indentX + em / 2) < 1 } ?? true
            return (line, nextIsFirst, isFirst)
        }
    }

    /// The right edge a reader sees: a closing full-width mark counts half (its blank half was
    /// taken away at the line end, GB/T 15834 5.1.10).
    func visibleRightEdge(_ line: PDFProbe.Line) -> Double {
        let last = line.glyphs.last!
        if Composition.closingMarks.contains(last.char), last.width > 0.9 * last.size { return last.x + last.size / 2 }
        return last.x + last.width
    }
}

/// Markup's inline parsing without the markup module's internals: plain text, no emphasis.
func InlineParser_parse(_ text: String, _ location: SourceLocation) -> [TextRun] {
    [TextRun(text: text, location: location)]
}

/// The rules as the tests state them (independently of the composer's own tables).
enum Composition {
    static let noStart: Set<Character> = Set("。．，、；：？！”’）〕］｝》〉」』】〗%％‰℃·・/／～")
    static let noEnd: Set<Character> = Set("“‘（〔［｛《〈「『【〖/／￥$")
    static let closingMarks: Set<Character> = Set("，。、；：？！”’）》」』】〕〗］｝")
    static let openingMarks: Set<Character> = Set("“‘（《「『【〔〖［｛")

    static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    static func isLatinOrDigit(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
}

/// Long mixed texts of the kind real reports hold: numbers with units, Latin words, quotes,
/// brackets, ——, ……, Traditional characters, a rare name character (𠮷).
enum Corpus {
    /// True when `a` is directly followed by `b` somewhere in the corpus and never with a
    /// space between: the PDF reader drops spaces, so only such pairs measure glue.
    static func adjacentWithoutSpace(_ a: Character, _ b: Character) -> Bool {
        let all = paragraphs.joined(separator: "\n")
        return all.contains(String([a, b])) && !all.contains(String([a, " ", b]))
    }

    static let paragraphs: [String] = [
        "2025年，全市政务数据共享交换总量达到86.42亿条，同比增长12.5%；“一网通办”事项覆盖率达到99.2%，比上年提高3.1个百分点。依据GB/T 35273—2020《信息安全技术 个人信息安全规范》的要求，我们完成了全部API接口的安全评估，COVID-19期间建设的临时系统已全部迁移至政务云。",
        "数据资源目录编制工作——这是一项打基础、管长远的工作——在年内全面完成，共梳理目录12,345条、数据项98.7万个……各区县普遍反映，目录“看得懂、找得到、用得上”。",
        "王𠮷同志牵头的专班统筹数据归集、治理、共享、开放、应用等环节，建立“周调度、月通报、季考核”工作机制（含市、区两级），全年召开调度会48次，解决问题217个。",
        "在与香港數碼港（Cyberport）的合作中，雙方就跨境數據流通開展了三輪磋商，形成《合作備忘錄》初稿；我局同步引入ISO/IEC 27001管理体系，并通过了第三方认证机构的现场审核。",
        "全年接待群众咨询4862.7万人次，其中线上咨询占比达到87.3%（同比提高5.6个百分点）。“12345”热线平均接通时长缩短至18秒，满意度为98.6%，较上年的97.1%有明显提升。",
        "下一步，我们将坚持问题导向：一是加快推进公共数据授权运营，二是完善数据安全管理制度，三是提升基层数据应用能力！这些工作，能否按期完成？关键在于落实。",
        "按照《江临市公共数据管理办法》第十二条“公共数据以共享为原则、不共享为例外”的规定，市级部门共开放数据集1,024个，其中可机读格式（CSV、JSON、XML）占96%以上，日均API调用量超过350万次。",
        "我们建成了覆盖市、区、街道三级的5G+政务专网，接入终端2.3万台；完成IPv6改造的系统达到312个，占比81.4%。Web端和App端的统一身份认证用户已超过650万人。",
    ]
}
