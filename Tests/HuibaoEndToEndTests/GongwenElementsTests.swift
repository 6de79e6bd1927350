import Foundation
import HuibaoTestSupport
import Testing
import HuibaoCore

/// The elements of a 公文 placed by the rules of GB/T 9704-2012: 份号 / 密级 / 紧急程度, joint
/// issuing, 签发人, 附件说明, 署名 and 成文日期 with and without seal, attachment pages, and
/// pages without number before the 版记.
@Suite struct GongwenElementsTests {
    typealias H = GongwenHarness

    @Test func copyNumberSecrecyAndUrgencyStackFromTheFirstLineFlushLeft() throws {
        let pdf = try H.render(markup: H.notice("正文。", head: "copy_number: \"000018\"\nsecrecy: 机密★1年\nurgency: 特急"))
        for (k, text) in ["000018", "机密★1年", "特急"].enumerated() {
            let glyphs = try #require(pdf.find(text, page: 1), "\(text)")
            #expect(abs(glyphs[0].x - H.left) < 0.05 && abs(glyphs[0].y - H.baseline(k + 1)) < 0.05, "\(text) on line \(k + 1)")
        }
        #expect(try #require(pdf.find("机密", page: 1)).allSatisfy { $0.font.contains("Sans") }, "密级 in 3号黑体")
        #expect(try #require(pdf.find("特急", page: 1)).allSatisfy { $0.font.contains("Sans") }, "紧急程度 in 3号黑体")
    }

    @Test func jointIssuersStackLeadOrganFirstWithWenjianToTheirRightCentredOnThem() throws {
        let pdf = try H.render(markup: H.notice("正文。", head: "issuer: [江临市数据资源管理局, 江临市财政局]")
            .replacingOccurrences(of: "issuer: 江临市数据资源管理局\n", with: ""))
        let lead = try #require(pdf.find("江临市数据资源管理局", page: 1))
        let second = try #require(pdf.find("江临市财政局", page: 1))
        let suffix = try #require(pdf.find("文件", page: 1))
        #expect(lead[0].y < second[0].y, "the lead organ comes first")
        #expect(abs(lead[0].y - 0.88 * lead[0].sizeY - (H.top + 35 * H.mm)) < 0.05)
        // Both names spread to one width; 文件 to their right, its middle level with theirs.
        #expect(abs(lead.first!.x - second.first!.x) < 0.05 && abs(lead.last!.x - second.last!.x) < 0.05)
        #expect(suffix[0].x > lead.last!.x)
        #expect(abs(suffix[0].y - (lead[0].y + second[0].y) / 2) < 0.05)
        #expect((lead + second + suffix).allSatisfy { pdf.isRed($0.color) })
    }

    @Test func anUpwardDocumentPutsTheNumberOneCharacterInAndTheSignerInKaiOneCharacterFromTheRight() throws {
        let pdf = try H.render(.request)
        let number = try #require(pdf.find("江数资〔2025〕11号", page: 1))
        #expect(abs(number[0].x - (H.left + H.cell)) < 0.05, "发文字号 左空一字")
        let label = try #require(pdf.find("签发人：", page: 1))
        let name = try #require(pdf.find("陈立群", page: 1))
        #expect(label.allSatisfy { $0.font.contains("Fandol") } && name.allSatisfy { $0.font.contains("Kai") })
        #expect(abs(name.last!.x + H.cell - (H.right - H.cell)) < 0.05, "签发人 右空一字")
        #expect(abs(label[0].y - number[0].y) < 0.05, "on the line of the 发文字号")
        #expect(abs(name[0].x - label.last!.x - H.cell) < 0.05, "a full-width colon before the name")
    }

    @Test func aSealedSignatureSetsTheDateFourCharactersInWithTheNameCentredOverIt() throws {
        let pdf = try H.render(.notice)
        let date = try #require(pdf.find("2025年3月12日", page: 2))
        let name = try #require(pdf.findLast("江临市数据资源管理局", page: 2))
        let dateRight = date.last!.x + H.cell
        #expect(abs(dateRight - (H.right - 4 * H.cell)) < 0.05, "成文日期 右空四字")
        let nameMiddle = (name.first!.x + name.last!.x + H.cell) / 2
        #expect(abs(nameMiddle - (date.first!.x + dateRight) / 2) < 0.05, "署名 centred over the date")
        #expect(abs(date[0].y - name[0].y - H.pitch) < 0.05)
        // Two blank lines between the text above and the name: room for the seal, its top
        // within one line of the text.
        let above = try #require(pdf.find("2.专项检查工作联系人回执", page: 2))
        #expect(abs(name[0].y - above[0].y - 3 * H.pitch) < 0.05)
        let note = try #require(pdf.find("（此件公开发布）", page: 2))
        #expect(abs(note[0].x - (H.left + 2 * H.cell)) < 0.05 && abs(note[0].y - date[0].y - H.pitch) < 0.05, "附注 on the next line, 2 字 in")
    }

    @Test func anUnsealedSignatureSetsTheNameTwoInAndTheDateTwoFurtherRight() throws {
        let pdf = try H.render(markup: H.notice("正文。\n\n```signature\nname: 江临市数据资源管理局\ndate: 2025年3月12日\n```\n"))
        let name = try #require(pdf.findLast("江临市数据资源管理局", page: 1))
        let date = try #require(pdf.find("2025年3月12日", page: 1))
        #expect(abs(name.last!.x + H.cell - (H.right - 2 * H.cell)) < 0.05, "署名 右空二字")
        #expect(abs(date[0].x - (name[0].x + 2 * H.cell)) < 0.05, "the date starts two 字 right of the name")
        let body = try #require(pdf.findLast("正文。", page: 1))
        #expect(abs(name[0].y - body[0].y - 2 * H.pitch) < 0.05, "one blank line under the text")
    }

    @Test func severalAttachmentsAreNumberedAndAWrappedNameContinuesUnderItsFirstCharacter() throws {
        let long = "江临市二〇二五年度政务数据质量专项检查评分细则及各区县数据资源目录编制情况统计"
        let pdf = try H.render(markup: H.notice("正文。\n\n```attachments\n- \(long)\n- 联系人回执\n```\n"))
        let lead = try #require(pdf.find("附件：1.", page: 1))
        #expect(abs(lead[0].x - (H.left + 2 * H.cell)) < 0.05 && abs(lead[0].y - H.baseline(15)) < 30, "2 字 in")
        let nameStart = try #require(pdf.find("江临市二〇", page: 1))[0].x
        let second = try #require(pdf.find("2.联系人回执", page: 1))
        #expect(abs(second[0].x - (H.left + 5 * H.cell)) < 0.05, "2. under 1.")
        let lines = Set(pdf.glyphs.filter { $0.page == 1 && $0.y > lead[0].y + 1 && $0.y < second[0].y - 1 }.map(\.y))
        #expect(lines.count == 1, "the long name wraps once")
        let wrapped = pdf.glyphs.filter { $0.page == 1 && abs($0.y - lines.first!) < 0.1 }.map(\.x).min()!
        #expect(abs(wrapped - nameStart) < 0.05, "the wrapped line starts under the name")
    }

    @Test func anAttachmentStartsANewPageWithItsLabelOnLineOneAndItsTitleCentredOnLineThree() throws {
        let pdf = try H.render(.notice)
        let label = try #require(pdf.find("附件1", page: 3))
        #expect(abs(label[0].x - H.left) < 0.05 && abs(label[0].y - H.baseline(1)) < 0.05)
        #expect(label.allSatisfy { $0.font.contains("Sans") }, "附件N in 3号黑体")
        let title = try #require(pdf.find("江临市政务数据质量专项检查评分细则", page: 3))
        #expect(abs(title[0].y - H.baseline(3)) < 0.05 && abs(title[0].sizeY - 22) < 0.05)
        let middle = (title.first!.x + title.last!.x + 22) / 2
        #expect(abs(middle - (H.left + H.right) / 2) < 0.5)
        // Its headings count from 一、 again.
        #expect(pdf.find("一、目录编制", page: 3) != nil)
    }

    @Test func attachmentTitlesMustMatchTheAttachmentNote() throws {
        let markup = H.notice("正文。\n\n```attachments\n- 检查评分细则\n```\n\n```attachment\ntitle: 评分细则\n```\n\n内容。\n")
        let error = try #require(H.error(markup: markup))
        #expect(error.message.contains("附件1 is named '检查评分细则'"))
        #expect(error.location?.line == 12)
    }

    @Test func aBanjiThatDoesNotFitOnAFullEvenPageGoesOnTheNextEvenPageAfterABlankPageAndNeitherIsNumbered() throws {
        // Page 2 filled to its 21st line: the 版记 needs the back of a new sheet.
        let lines = (1...21).map { "第\($0)行。" }.joined(separator: "\n\n")
        let markup = H.notice("正文。\n\n```pagebreak\n```\n\n" + lines + "\n\n```banji\nprinted_by: 江临市数据资源管理局办公室\nprinted_on: 2025年3月12日\n```\n")
        let pdf = try H.render(markup: markup)
        #expect(pdf.pageCount == 4)
        let folios = (1...4).map { page in pdf.glyphs.filter { $0.page == page && $0.y > H.bottom + 10 }.count }
        #expect(folios[0] > 0 && folios[1] > 0, "body pages are numbered")
        #expect(folios[2] == 0 && folios[3] == 0, "no number on the blank page and the 版记 page")
        #expect(pdf.glyphs.filter { $0.page == 3 }.isEmpty, "page 3 is blank")
        #expect(pdf.find("江临市数据资源管理局办公室", page: 4) != nil)
    }

    @Test func aBanjiAfterAnOddPageGoesOnTheFollowingPageWithItsNumber() throws {
        let markup = H.notice("正文。\n\n```banji\nprinted_by: 江临市数据资源管理局办公室\nprinted_on: 2025年3月12日\n```\n")
        let pdf = try H.render(markup: markup)
        #expect(pdf.pageCount == 2)
        #expect(pdf.find("江临市数据资源管理局办公室", page: 2) != nil)
        #expect(pdf.find("—2—", page: 2) != nil || pdf.find("— 2 —", page: 2) != nil)
    }
}
