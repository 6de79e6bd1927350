import Foundation
import HuibaoTestSupport
import Testing
@testable import Huibao

/// The annual-report sample, rendered end to end and read back with poppler and qpdf.
@Suite struct SampleReportTests {
    static let sample = ProjectPaths.root + "/samples/annual-report"

    static func renderSample(to path: String) throws -> RenderResult {
        let renderer = try Renderer(resources: Resources(root: ProjectPaths.root))
        return try renderer.render(RenderRequest(input: sample + "/report.md.j2", data: [sample + "/data.yaml"]), to: path)
    }

    @Test func annualReportHasItsTextFiguresAndNumberedHeadings() throws {
        let path = try ProjectPaths.temporaryDirectory() + "/annual.pdf"
        let result = try Self.renderSample(to: path)
        let probe = PDFProbe(path)
        #expect(result.pageCount >= 6)
        #expect(try probe.pageCount() == result.pageCount)
        let text = try probe.text().filter { !$0.isWhitespace }
        #expect(text.contains("江临市数据资源管理局2025年工作总结"))
        #expect(text.contains("一、2025年工作总体情况"))
        #expect(text.contains("（一）"))
        #expect(text.contains("表1"))
        // A figure from data.yaml arrives through the template's `number` filter.
        #expect(text.contains("4,862.7万人次"))
        #expect(text.contains("王𠮷"))
    }

    @Test func annualReportEmbedsSubsetFontsOfItsRolesOnly() throws {
        let path = try ProjectPaths.temporaryDirectory() + "/annual.pdf"
        _ = try Self.renderSample(to: path)
        let fonts = try PDFProbe(path).fonts()
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.embedded && font.subset, "\(font.name) is not an embedded subset")
            #expect(["NotoSerifCJKsc-Regular", "NotoSerifCJKsc-Bold", "NotoSansCJKsc-Regular", "UKaiCN"].contains(font.name),
                    "unexpected font \(font.name)")
        }
        #expect(fonts.contains { $0.name == "NotoSerifCJKsc-Regular" })   // 宋体 body
        #expect(fonts.contains { $0.name == "NotoSansCJKsc-Regular" })    // 黑体 headings
    }

    @Test func annualReportHasOutlineMetadataAndPassesQpdf() throws {
        let path = try ProjectPaths.temporaryDirectory() + "/annual.pdf"
        _ = try Self.renderSample(to: path)
        let probe = PDFProbe(path)
        let outline = try probe.outlineTitles()
        #expect(outline.first == "一、2025年工作总体情况")
        #expect(outline.contains { $0.hasPrefix("二、") })
        #expect(outline.contains { $0.hasPrefix("（一）") })
        #expect(outline.count >= 20)
        let info = try probe.info()
        #expect(info["Title"] == "江临市数据资源管理局2025年工作总结")
        #expect(info["Author"] == "江临市数据资源管理局")
        #expect(info["Subject"] == "年度工作总结")
        let check = try probe.qpdfCheck()
        #expect(check.ok, "\(check.output)")
    }

    @Test func theSameInputGivesByteIdenticalPDFs() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        _ = try Self.renderSample(to: dir + "/a.pdf")
        _ = try Self.renderSample(to: dir + "/b.pdf")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.pdf"))
        #expect(a == b)
        #expect(try PDFProbe(dir + "/a.pdf").info()["CreationDate"]?.contains("2000") == true)
    }

    @Test func markupOnlySampleRendersWithoutData() throws {
        let path = try ProjectPaths.temporaryDirectory() + "/notes.pdf"
        let renderer = try Renderer(resources: Resources(root: ProjectPaths.root))
        let result = try renderer.render(RenderRequest(input: ProjectPaths.root + "/samples/markup-only/notes.md"), to: path)
        #expect(result.pageCount >= 1)
        let text = try PDFProbe(path).text().filter { !$0.isWhitespace }
        // The source breaks this sentence over two lines between Han characters: no space.
        #expect(text.contains("这段文字在源文件里分成了两行，中间的换行不会在印出来的行里变成空格。"))
        #expect(text.contains("港灣數據科技有限公司"))
    }

    /// The independent checker of ../shared, when this checkout sits beside it.
    static let pdfcheck = ProjectPaths.root + "/../shared/tools/pdfcheck/pdfcheck"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pdfcheck)))
    func samplesPassTheIndependentChecker() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        _ = try Self.renderSample(to: dir + "/annual.pdf")
        let (status, output) = try PDFProbe.runStatus(Self.pdfcheck, [dir + "/annual.pdf", "--kinsoku-level", "gb",
                                                                      "--justify-max-gap", "0.5", "--strict"])
        #expect(status == 0, "\(output)")
    }
}
