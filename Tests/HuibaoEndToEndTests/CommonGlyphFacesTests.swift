import Foundation
import HuibaoTestSupport
import Testing

/// Runs of text are drawn from the small common glyph faces that scripts/setup makes
/// (CommonGlyphFaces.swift) when those hold every glyph of the run, else from the full faces.
/// Either way the reader must get the same page: same glyphs at the same places, same pixels,
/// same text.
@Suite struct CommonGlyphFacesTests {
    static let installed = "/usr/local/share/huibao/common-faces"

    /// Body (宋), headings (黑, bold), quotes, Latin, digits, a table: every role's face.
    static let markup = """
        # 第一章　总体情况

        全年地区生产总值完成 1,234.5 亿元，同比增长 6.8%；“十四五”规划确定的 GDP、PM2.5 等 23 项指标全部完成。\
        城乡居民人均可支配收入达到 45,678 元——比上年增加 2,345 元。

        ## （一）主要做法

        坚持问题导向，聚焦群众“急难愁盼”，推动 5G 基站、充电桩等新型基础设施建设……全年新增就业 1.2 万人。

        | 指标 | 数值 | 增长 |
        |---|---:|---:|
        | 固定资产投资 | 456.7 | 5.1% |
        | 社会消费品零售总额 | 890.1 | 7.3% |
        """

    func render(_ markup: String, commonFaces: String, in dir: String, name: String) throws -> String {
        let input = dir + "/\(name).md", output = dir + "/\(name).pdf"
        try markup.write(toFile: input, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["HUIBAO_COMMON_FACES"] = commonFaces
        let (status, log) = try PDFProbe.runStatus(CommandLineTests.binary, ["render", input, "-o", output], environment: environment)
        try #require(status == 0, "\(log)")
        return output
    }

    /// Page images at 50 dpi, one PNG's bytes per page.
    func pixels(_ pdf: String) throws -> [Data] {
        let prefix = pdf + "-page"
        _ = try PDFProbe.run("pdftoppm", ["-r", "50", "-png", pdf, prefix])
        let dir = (pdf as NSString).deletingLastPathComponent
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasPrefix((prefix as NSString).lastPathComponent) && $0.hasSuffix(".png") }.sorted()
        return try pages.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) }
    }

    /// Embedded fonts by name (without the subset tag), with how many subsets each has.
    func subsets(_ pdf: String) throws -> [String: Int] {
        try PDFProbe(pdf).fonts().reduce(into: [:]) { $0[$1.name, default: 0] += 1 }
    }

    func expectSamePage(_ a: String, _ b: String) throws {
        // The font of each glyph without its subset tag (a face split in two gets two tags).
        func placed(_ pdf: String) throws -> [String] {
            try PDFProbe(pdf).glyphs().map { "\($0.char) \($0.page) \($0.x) \($0.y) \($0.width) \($0.size) \($0.font.drop { $0 != "+" })" }
        }
        #expect(try placed(a) == placed(b))
        #expect(try PDFProbe(a).text() == PDFProbe(b).text())
        let pa = try pixels(a), pb = try pixels(b)
        #expect(!pa.isEmpty && pa == pb, "page images differ")
    }

    @Test func theCommonFacesAreInstalled() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.installed)) ?? []
        #expect(files.filter { $0.hasSuffix(".common.otf") }.count == 5, "run scripts/setup: \(files)")
    }

    @Test func commonFacesDrawTheSamePageAsTheFullFaces() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let common = try render(Self.markup, commonFaces: Self.installed, in: dir, name: "common")
        let full = try render(Self.markup, commonFaces: dir + "/none", in: dir, name: "full")
        try expectSamePage(common, full)
        // One subset per face: every run came from one source for its face.
        #expect(try subsets(common) == subsets(full))
        #expect(try subsets(common).values.allSatisfy { $0 == 1 })
    }

    @Test func aCharacterOutsideTheCommonSetIsDrawnFromTheFullFace() throws {
        // 镕 and 堃 are not in GB 2312, so not in the common faces.
        let markup = "# 总结\n\n朱镕基同志和王堃同志的讲话精神，全年完成投资 12.5 亿元。\n\n第二段只用常用字。\n"
        let dir = try ProjectPaths.temporaryDirectory()
        let common = try render(markup, commonFaces: Self.installed, in: dir, name: "common")
        let full = try render(markup, commonFaces: dir + "/none", in: dir, name: "full")
        try expectSamePage(common, full)
        #expect(try PDFProbe(common).text().contains("朱镕基同志和王堃同志"))
        // The body face is embedded twice: its rare run from the full face, the rest from the copy.
        #expect(try subsets(common)["NotoSerifCJKsc-Regular"] == 2)
        #expect(try subsets(full)["NotoSerifCJKsc-Regular"] == 1)
    }

    @Test func aCopyOfAnotherFaceIsNeverUsed() throws {
        // A folder whose "copy" of the body face is really the 黑体 face's copy.
        let dir = try ProjectPaths.temporaryDirectory()
        let wrong = dir + "/wrong"
        try FileManager.default.createDirectory(atPath: wrong, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.installed + "/NotoSansCJKsc-Regular-desub.common.otf",
                                         toPath: wrong + "/NotoSerifCJKsc-Regular-desub.common.otf")
        let mixedUp = try render(Self.markup, commonFaces: wrong, in: dir, name: "wrong")
        let full = try render(Self.markup, commonFaces: dir + "/none", in: dir, name: "full")
        try expectSamePage(mixedUp, full)
    }
}
