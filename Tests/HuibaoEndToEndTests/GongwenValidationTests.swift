import Foundation
import HuibaoTestSupport
import Testing
import HuibaoCore
@testable import Huibao

/// What a clerk gets wrong in a 公文 and what Huibao says: the form of the 发文字号 and of the
/// dates, 公文 elements under a style that has none, a 版记 that is not last. Every message
/// names the place in the file.
@Suite struct GongwenValidationTests {
    typealias H = GongwenHarness

    @Test func aDocumentNumberWithDiStopsTheRenderAtItsValue() throws {
        let markup = H.notice("正文。").replacingOccurrences(of: "江数资〔2025〕6号", with: "江数资〔2025〕第6号")
        let error = try #require(H.error(markup: markup))
        #expect(error.location?.line == 5 && error.location?.column == 13)
        #expect(error.location?.file.hasSuffix("bad.md") == true)
        #expect(error.message == "发文字号 '江数资〔2025〕第6号' has 第 before the serial number; 发文字号 are written without it")
        #expect(error.hint?.contains("江数资〔2025〕6号") == true)
    }

    @Test func aZeroPaddedDateOfWritingStopsTheRenderAtTheDate() throws {
        let markup = H.notice("正文。\n\n```signature\nname: 江临市数据资源管理局\ndate: 2025年03月12日\nseal: true\n```\n")
        let error = try #require(H.error(markup: markup))
        #expect(error.location?.line == 13 && error.location?.column == 7)
        #expect(error.message.hasPrefix("成文日期 '2025年03月12日' pads the month or day with a zero"))
        #expect(error.hint?.contains("write 2025年3月12日") == true)
    }

    @Test func aDateInChineseNumeralsIsFineInAReportButNotInAGongwen() throws {
        let signature = "```signature\nname: 江临市数据资源管理局\ndate: 二〇二五年三月十二日\n```\n"
        #expect(H.error(markup: "---\ntitle: 报告\n---\n正文。\n\n" + signature) == nil)
        let error = try #require(H.error(markup: H.notice("正文。\n\n" + signature)))
        #expect(error.message.contains("Chinese numerals") && error.hint?.contains("2025年3月12日") == true)
    }

    @Test func gongwenElementsUnderAReportStyleAreAnErrorAtTheFirstOfThem() throws {
        let markup = H.notice("正文。").replacingOccurrences(of: "style: gongwen", with: "style: report")
        let error = try #require(H.error(markup: markup))
        #expect(error.message.contains("need a 公文 style"))
        #expect(error.location?.line == 4, "at issuer:")
        let banji = "---\ntitle: 报告\n---\n正文。\n\n```banji\nprinted_by: 办公室\nprinted_on: 2025年3月12日\n```\n"
        #expect(try #require(H.error(markup: banji)).location?.line == 6)
    }

    @Test func aBanjiBeforeTheEndIsAnError() throws {
        let markup = H.notice("```banji\nprinted_by: 办公室\nprinted_on: 2025年3月12日\n```\n\n正文。\n")
        let error = try #require(H.error(markup: markup))
        #expect(error.message.contains("must be the last block") && error.location?.line == 9)
    }

    @Test func anUpwardTemplateWithoutSignerNamesTheMissingKey() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let data = dir + "/data.yaml"
        try "title: 关于申请资金的请示\nissuer: 江临市数据资源管理局\ndoc_number: 江数资〔2025〕11号\naddressee: 市人民政府：\nbody: 正文。\n"
            .write(toFile: data, atomically: true, encoding: .utf8)
        let renderer = try Renderer(resources: Resources(root: ProjectPaths.root))
        let request = RenderRequest(input: ProjectPaths.templates + "/gongwen/request.md.j2", data: [data])
        #expect(throws: HuibaoError.self) { try renderer.render(request, to: dir + "/out.pdf") }
        do {
            try renderer.render(request, to: dir + "/out.pdf")
        } catch let error as HuibaoError {
            #expect(error.description.contains("signer"))
        }
    }
}
