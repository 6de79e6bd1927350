import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import Huibao

/// The two samples and the document templates: what `make demo` writes passes the independent
/// checker's GB/T 9704 profile, and every kind of template renders.
@Suite struct GongwenSampleTests {
    typealias H = GongwenHarness

    /// The independent checker of ../shared, when this checkout sits beside it.
    static let pdfcheck = ProjectPaths.root + "/../shared/tools/pdfcheck/pdfcheck"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pdfcheck)), arguments: H.Sample.allCases)
    func theSamplesPassTheCheckersGBT9704Profile(_ sample: H.Sample) throws {
        let pdf = try H.render(sample)
        // The 签发人's name is 3号楷体 (GB/T 9704-2012 7.2.6); the checker takes every other
        // 3号 line for 仿宋 body text, so the 请示 is checked by role apart from that name.
        let roles = sample == .request ? ["--skip", "fonts-by-role"] : []
        let (status, output) = try PDFProbe.runStatus(Self.pdfcheck, [pdf.probe.path, "--profile", "gbt9704", "--outline", "off"] + roles)
        #expect(status == 0, "\(output)")
        let (strict, report) = try PDFProbe.runStatus(Self.pdfcheck, [pdf.probe.path, "--kinsoku-level", "gb", "--justify-max-gap", "0.5"])
        #expect(strict == 0, "\(report)")
    }

    @Test func theNoticeIsFourPagesTheRequestTwoWithTheBanjiOnTheLast() throws {
        let notice = try H.render(.notice), request = try H.render(.request)
        #expect(notice.pageCount == 4 && request.pageCount == 2)
        #expect(notice.find("江临市数据资源管理局办公室", page: 4) != nil)
        #expect(request.find("江临市数据资源管理局办公室", page: 2) != nil)
        #expect(try request.probe.text().contains("妥否，请批示。"))
    }

    @Test(arguments: ["notice", "request", "report", "letter", "minutes"])
    func everyKindOfDocumentTemplateRenders(_ kind: String) throws {
        let dir = try ProjectPaths.temporaryDirectory()
        var data = """
            title: 江临市数据资源管理局关于有关事项的\(["notice": "通知", "request": "请示", "report": "报告", "letter": "函", "minutes": "纪要"][kind]!)
            issuer: \(kind == "minutes" ? "江临市数据资源管理局局长办公会议" : "江临市数据资源管理局")
            body: "正文第一段。\\n\\n# 有关情况\\n\\n正文第二段。"
            banji: {printed_by: 江临市数据资源管理局办公室, printed_on: 2025年3月12日}

            """
        if kind != "minutes" {
            data += "doc_number: 江数资〔2025〕8号\naddressee: 市人民政府：\nsignature: {name: 江临市数据资源管理局, date: 2025年3月12日, seal: true}\n"
        }
        if kind == "request" || kind == "report" { data += "signer: 陈立群\ncontact: {name: 周宁, phone: 8862 1035}\n" }
        try data.write(toFile: dir + "/data.yaml", atomically: true, encoding: .utf8)
        let path = dir + "/\(kind).pdf"
        _ = try Renderer(resources: Resources(root: ProjectPaths.root))
            .render(RenderRequest(input: ProjectPaths.templates + "/gongwen/\(kind).md.j2", data: [dir + "/data.yaml"]), to: path)
        let pdf = try Traced(path)
        let text = try pdf.probe.text().filter { !$0.isWhitespace }
        let masthead: [String: String] = ["notice": "江临市数据资源管理局文件", "request": "江临市数据资源管理局文件",
                                          "report": "江临市数据资源管理局文件", "letter": "江临市数据资源管理局",
                                          "minutes": "江临市数据资源管理局局长办公会议纪要"]
        #expect(text.hasPrefix(masthead[kind]!), "\(text.prefix(30))")
        let closing: [String: String] = ["request": "妥否，请批示。", "report": "特此报告。", "letter": "特此函告。"]
        if let closing = closing[kind] { #expect(text.contains(closing)) }
        if kind == "request" || kind == "report" { #expect(text.contains("签发人：陈立群") && text.contains("联系人：周宁")) }
        #expect(text.contains("一、有关情况"))
    }
}
