import Testing
@testable import HuibaoCore

/// The written forms GB/T 9704-2012 fixes (发文字号, dates, 密级, 紧急程度, 份号, 主送机关) and
/// the 公文 markup (front-matter keys, attachments, banji, signature): a wrong form is an error
/// at its place with the right form as a hint, never a silent fix.
@Suite struct GongwenFormsTests {
    private func numberError(_ text: String) -> HuibaoError? {
        do {
            _ = try GongwenForms.documentNumber(text, at: nil)
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return nil
        }
    }

    private func dateError(_ text: String) -> HuibaoError? {
        do {
            try GongwenForms.date(text, what: "成文日期", at: nil)
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return nil
        }
    }

    private func parse(_ source: String) throws -> Document { try MarkupParser.parse(source, file: "notice.md") }

    private func parseError(_ source: String) -> HuibaoError? {
        do {
            _ = try parse(source)
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return nil
        }
    }

    // MARK: 发文字号

    @Test func aDocumentNumberInTheStandardFormIsReadIntoItsParts() throws {
        let number = try GongwenForms.documentNumber("国发〔2010〕6号", at: nil)
        #expect(number == GongwenForms.DocumentNumber(prefix: "国发", year: 2010, serial: 6))
        #expect(number.text == "国发〔2010〕6号")
    }

    @Test func aDocumentNumberWithDiIsAnErrorThatShowsTheFormWithout() throws {
        let error = try #require(numberError("江数资〔2025〕第6号"))
        #expect(error.message.contains("第"))
        #expect(error.hint?.contains("江数资〔2025〕6号") == true)
    }

    @Test func aSerialNumberWithALeadingZeroIsAnError() throws {
        let error = try #require(numberError("江数资〔2025〕06号"))
        #expect(error.message.contains("leading zero"))
        #expect(error.hint?.contains("江数资〔2025〕6号") == true)
    }

    @Test(arguments: ["江数资[2025]6号", "江数资（2025）6号", "江数资(2025)6号", "江数资【2025】6号", "江数资［2025］6号"])
    func aYearOutsideHexagonalBracketsIsAnError(_ text: String) throws {
        let error = try #require(numberError(text))
        #expect(error.message.contains("六角括号 〔〕"))
        #expect(error.hint?.contains("江数资〔2025〕6号") == true)
    }

    @Test func aYearOfTwoDigitsIsAnError() throws {
        let error = try #require(numberError("江数资〔25〕6号"))
        #expect(error.message.contains("year in full"))
    }

    @Test func aDocumentNumberWithoutHaoOrWithoutAgencyCodeIsAnError() throws {
        #expect(try #require(numberError("江数资〔2025〕6")).message.contains("does not end with 号"))
        #expect(try #require(numberError("〔2025〕6号")).message.contains("机关代字"))
        #expect(try #require(numberError("江数资〔2025〕六号")).message.contains("Arabic numerals"))
        #expect(try #require(numberError("江数资2025年6号")).message.contains("六角括号"))
    }

    // MARK: dates

    @Test func aDateInArabicNumeralsWithoutPaddingIsAccepted() throws {
        let components = try GongwenForms.date("2025年3月12日", what: "成文日期", at: nil)
        #expect(components.year == 2025 && components.month == 3 && components.day == 12)
    }

    @Test func aZeroPaddedDateIsAnErrorThatShowsTheUnpaddedForm() throws {
        let error = try #require(dateError("2025年03月05日"))
        #expect(error.message.contains("pads the month or day with a zero"))
        #expect(error.hint?.contains("2025年3月5日") == true)
    }

    @Test func aDateInChineseNumeralsIsAnErrorThatShowsTheArabicForm() throws {
        let error = try #require(dateError("二〇二五年三月十二日"))
        #expect(error.message.contains("Chinese numerals"))
        #expect(error.hint?.contains("2025年3月12日") == true)
    }

    @Test(arguments: ["2025-03-12", "2025.3.12", "2025/3/12"])
    func aDateWithDashesOrDotsIsAnErrorThatShowsTheChineseForm(_ text: String) throws {
        let error = try #require(dateError(text))
        #expect(error.message.contains("is not in the form 2025年1月5日"))
        #expect(error.hint?.contains("2025年3月12日") == true)
    }

    @Test func aDayThatDoesNotExistIsAnError() throws {
        #expect(try #require(dateError("2025年2月30日")).message.contains("not a day of the calendar"))
        #expect(try #require(dateError("2025年13月1日")).message.contains("not a day of the calendar"))
    }

    // MARK: 密级, 紧急程度, 份号, 主送机关

    @Test func secrecyUrgencyAndCopyNumberAreCheckedAgainstTheStandardsValues() throws {
        try GongwenForms.secrecy("机密★1年", at: nil)
        try GongwenForms.secrecy("秘密", at: nil)
        try GongwenForms.urgency("特急", at: nil)
        try GongwenForms.copyNumber("000018", at: nil)
        #expect(throws: HuibaoError.self) { try GongwenForms.secrecy("内部", at: nil) }
        #expect(throws: HuibaoError.self) { try GongwenForms.secrecy("机密★一年", at: nil) }
        #expect(throws: HuibaoError.self) { try GongwenForms.urgency("紧急", at: nil) }
        #expect(throws: HuibaoError.self) { try GongwenForms.copyNumber("18", at: nil) }
    }

    @Test func anAddresseeWithoutAFullWidthColonIsAnError() throws {
        #expect(throws: HuibaoError.self) { try GongwenForms.addressee("市人民政府", at: nil) }
        #expect(throws: HuibaoError.self) { try GongwenForms.addressee("市人民政府:", at: nil) }
        try GongwenForms.addressee("市人民政府：", at: nil)
    }

    // MARK: markup

    @Test func theHeadIsReadFromTheFrontMatter() throws {
        let meta = try parse("""
            ---
            style: gongwen
            title: 关于开展检查的通知
            copy_number: "000018"
            secrecy: 机密★1年
            urgency: 特急
            issuer: [江临市数据资源管理局, 江临市财政局]
            doc_number: 江数资〔2025〕6号
            signer: [陈立群, 王明]
            addressee: 各区县数据资源管理局：
            ---
            正文。
            """).meta
        let head = try #require(meta.gongwen)
        #expect(head.copyNumber == "000018" && head.secrecy == "机密★1年" && head.urgency == "特急")
        #expect(head.issuers == ["江临市数据资源管理局", "江临市财政局"] && head.issuerSuffix == "文件")
        #expect(head.docNumber?.serial == 6 && head.signers == ["陈立群", "王明"])
        #expect(head.addressee == "各区县数据资源管理局：")
    }

    @Test func aWrongDocumentNumberInTheFrontMatterIsAnErrorAtItsValue() throws {
        let error = try #require(parseError("---\nstyle: gongwen\ndoc_number: 江数资〔2025〕第6号\n---\n正文。\n"))
        #expect(error.location?.description == "notice.md:3:13")
        #expect(error.message.contains("第"))
    }

    @Test func aWrongPrintingDateInTheBanjiIsAnErrorAtItsValue() throws {
        let error = try #require(parseError("正文。\n\n```banji\nprinted_by: 江临市数据资源管理局办公室\nprinted_on: 2025年03月12日\n```\n"))
        #expect(error.location?.description == "notice.md:5:13")
        #expect(error.message.contains("印发日期"))
        #expect(error.hint?.contains("2025年3月12日") == true)
    }

    @Test func theBanjiJoinsAListOfCopiedOrgansWithCommasAndAFullStop() throws {
        let document = try parse("```banji\ncc: [市委办公室, 市政府办公室]\nprinted_by: 办公室\nprinted_on: 2025年3月12日\n```\n")
        guard case .banji(let banji) = document.blocks.first else { Issue.record("no banji"); return }
        #expect(banji.copiedTo?.plainText == "市委办公室，市政府办公室。")
        #expect(banji.printedOn.plainText == "2025年3月12日")
    }

    @Test func aCopiedToTextWithoutFullStopIsAnError() throws {
        let error = try #require(parseError("```banji\ncc: 市委办公室，市政府办公室\nprinted_by: 办公室\nprinted_on: 2025年3月12日\n```\n"))
        #expect(error.location?.description == "notice.md:2:5")
        #expect(error.message.contains("must end with 。"))
    }

    @Test func attachmentNamesKeepTheirLinesAndMayNotEndWithPunctuation() throws {
        let document = try parse("正文。\n\n```attachments\n- 检查评分细则\n- 联系人回执\n```\n")
        guard case .attachments(let list) = document.blocks.last else { Issue.record("no attachments"); return }
        #expect(list.names.map(\.plainText) == ["检查评分细则", "联系人回执"])
        #expect(list.names[1].first?.location.line == 5)
        let error = try #require(parseError("```attachments\n- 检查评分细则。\n```\n"))
        #expect(error.location?.line == 2)
        #expect(error.hint?.contains("不加标点符号") == true)
    }

    @Test func aSignatureTakesJointNamesASealAndANote() throws {
        let document = try parse("```signature\nname: [江临市数据资源管理局, 江临市财政局]\ndate: 2025年3月12日\nseal: true\nnote: 此件公开发布\n```\n")
        guard case .signature(let signature) = document.blocks.first else { Issue.record("no signature"); return }
        #expect(signature.name.plainText == "江临市数据资源管理局")
        #expect(signature.otherNames.map(\.plainText) == ["江临市财政局"])
        #expect(signature.sealed && signature.note?.plainText == "此件公开发布")
    }
}
