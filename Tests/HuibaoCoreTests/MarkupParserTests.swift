import Testing
@testable import HuibaoCore

/// The markup stage: front matter, blocks, inline runs, locations, errors, and the escaper that
/// keeps inserted data from changing a document's structure.
@Suite struct MarkupParserTests {
    // MARK: - Front matter

    @Test func frontMatterFillsTitleAuthorDateSubjectAndStyle() throws {
        let meta = try markup("""
            ---
            title: 2024年度工作总结
            author: 张三
            date: 2024-12-31
            subject: 年终总结
            style: report
            ---
            正文。
            """).meta
        #expect(meta.title == "2024年度工作总结")
        #expect(meta.author == "张三")
        #expect(meta.date == "2024-12-31")
        #expect(meta.subject == "年终总结")
        #expect(meta.style == "report")
    }

    @Test func frontMatterOrgIsUsedAsAuthor() throws {
        let meta = try markup("---\ntitle: 报告\norg: 华东分公司\n---\n正文。").meta
        #expect(meta.author == "华东分公司")
    }

    @Test func frontMatterStyleLocationPointsAtTheStyleValue() throws {
        let meta = try markup("---\ntitle: 报告\n\nstyle: mine\n---\n正文。").meta
        let location = try #require(meta.styleLocation)
        #expect(location.file == "report.md")
        #expect(location.line == 4)
        #expect(location.column == 8)
    }

    @Test func frontMatterIsNotPartOfTheBody() throws {
        let doc = try markup("---\ntitle: 报告\n---\n正文。")
        #expect(doc.blocks.count == 1)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == ["正文。"])
        #expect(markupParagraphs(doc).first?.location.line == 4)
    }

    @Test func unclosedFrontMatterIsAnErrorAtItsFirstLine() throws {
        let error = try #require(markupError("---\ntitle: 报告\n\n正文。\n"))
        #expect(error.kind == .markup)
        #expect(error.message.contains("never closed"))
        #expect(error.location?.line == 1)
    }

    @Test func unknownFrontMatterKeyIsAnErrorNamingTheKeyAtItsLineAndColumn() throws {
        let error = try #require(markupError("---\ntitle: 报告\nauthr: 张三\n---\n正文。"))
        #expect(error.message.contains("'authr'"))
        #expect(error.location?.file == "report.md")
        #expect(error.location?.line == 3)
        // NodeReader reports where the key's value starts.
        #expect(error.location?.column == 8)
        #expect(error.description.hasPrefix("report.md:3:8: error:"))
    }

    // MARK: - Headings

    @Test func hashesGiveHeadingLevelsOneToFour() throws {
        let headings = markupHeadings(try markup("# 总体情况\n## 主要工作\n### 业务发展\n#### 客户服务"))
        #expect(headings.map(\.level) == [1, 2, 3, 4])
        #expect(headings.map(\.runs.plainText) == ["总体情况", "主要工作", "业务发展", "客户服务"])
        #expect(headings.map(\.numbered) == [true, true, true, true])
        #expect(headings.map(\.location.line) == [1, 2, 3, 4])
    }

    @Test func headingMarkedWithBracedDashIsUnnumberedAndLosesTheMark() throws {
        let heading = try #require(markupHeadings(try markup("## 附录 {-}")).first)
        #expect(heading.level == 2)
        #expect(!heading.numbered)
        #expect(heading.runs.plainText == "附录")
    }

    @Test func sevenHashesAreAnErrorAtTheirLine() throws {
        let error = try #require(markupError("正文。\n\n####### 七级标题"))
        #expect(error.kind == .markup)
        #expect(error.message.contains("6 levels"))
        #expect(error.location?.line == 3)
    }

    @Test func headingWithNoTextIsAnError() throws {
        let error = try #require(markupError("正文。\n\n## "))
        #expect(error.message.contains("heading has no text"))
        #expect(error.location?.line == 3)
        #expect(markupError("# {-}")?.message.contains("heading has no text") == true)
    }

    @Test func hashWithoutSpaceIsNotAHeading() throws {
        let doc = try markup("#标签")
        #expect(markupHeadings(doc).isEmpty)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == ["#标签"])
    }

    // MARK: - Paragraphs and line breaks

    @Test func blankLinesSplitParagraphs() throws {
        let paragraphs = markupParagraphs(try markup("第一段第一行\n第一段第二行\n\n第二段。\n\n\n第三段。"))
        #expect(paragraphs.map(\.runs.plainText) == ["第一段第一行第一段第二行", "第二段。", "第三段。"])
        #expect(paragraphs.map(\.location.line) == [1, 4, 7])
    }

    @Test func sourceLineBreakBetweenHanCharactersAddsNoSpace() throws {
        #expect(markupParagraphs(try markup("全年完成\n营业收入")).first?.runs.plainText == "全年完成营业收入")
    }

    @Test func sourceLineBreakBetweenLatinWordsBecomesOneSpace() throws {
        #expect(markupParagraphs(try markup("annual\nreport")).first?.runs.plainText == "annual report")
    }

    @Test func sourceLineBreakBetweenHanAndLatinAddsNoSpace() throws {
        #expect(markupParagraphs(try markup("导出\nPDF")).first?.runs.plainText == "导出PDF")
        #expect(markupParagraphs(try markup("PDF\n文件")).first?.runs.plainText == "PDF文件")
    }

    // MARK: - Inline runs

    @Test func doubleStarsMakeAStrongRun() throws {
        let runs = try #require(markupParagraphs(try markup("全年**超额完成**任务")).first).runs
        #expect(runs.map(\.text) == ["全年", "超额完成", "任务"])
        #expect(runs.map(\.strong) == [false, true, false])
    }

    @Test func unclosedDoubleStarsStayLiteral() throws {
        let runs = try #require(markupParagraphs(try markup("增长**未完")).first).runs
        #expect(runs.map(\.text) == ["增长**未完"])
        #expect(runs.allSatisfy { !$0.strong })
    }

    @Test func backslashStarIsALiteralStarNotEmphasis() throws {
        let runs = try #require(markupParagraphs(try markup("\\*\\*不是粗体\\*\\*")).first).runs
        #expect(runs.plainText == "**不是粗体**")
        #expect(runs.allSatisfy { !$0.strong })
    }

    @Test func backslashHashAtLineStartIsTextNotAHeading() throws {
        let doc = try markup("\\# 不是标题")
        #expect(markupHeadings(doc).isEmpty)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == ["# 不是标题"])
    }

    @Test func backslashBarInAParagraphIsALiteralBar() throws {
        #expect(markupParagraphs(try markup("甲 \\| 乙")).first?.runs.plainText == "甲 | 乙")
    }

    @Test func runLocationGivesLineAndColumnOfAWordInTheMiddleOfALine() throws {
        let runs = try #require(markupParagraphs(try markup("第一行\n说明 **重点** 结束")).first).runs
        let strong = try #require(runs.first { $0.strong })
        #expect(strong.text == "重点")
        #expect(strong.location == SourceLocation(file: "report.md", line: 2, column: 6))
        let after = try #require(runs.last)
        #expect(after.text == " 结束")
        #expect(after.location.line == 2)
        #expect(after.location.column == 10)
    }

    @Test func indentedParagraphRunStartsAtItsFirstCharacter() throws {
        let paragraph = try #require(markupParagraphs(try markup("\n   缩进段落")).first)
        #expect(paragraph.runs.first?.location == SourceLocation(file: "report.md", line: 2, column: 4))
    }

    @Test func headingRunStartsAfterTheHashesAndSpace() throws {
        let heading = try #require(markupHeadings(try markup("正文。\n\n##  主要工作")).first)
        #expect(heading.runs.first?.location == SourceLocation(file: "report.md", line: 3, column: 5))
    }

    // MARK: - Lists

    @Test func dashLinesMakeABulletList() throws {
        let list = try #require(markupLists(try markup("- 甲项\n- 乙项\n- 丙项")).first)
        #expect(!list.ordered)
        #expect(list.items.map(\.runs.plainText) == ["甲项", "乙项", "丙项"])
        #expect(list.items.map(\.location.line) == [1, 2, 3])
    }

    @Test func starLinesMakeABulletList() throws {
        let doc = try markup("* 甲项\n* 乙项")
        let list = try #require(markupLists(doc).first)
        #expect(doc.blocks.count == 1)
        #expect(!list.ordered)
        #expect(list.items.map(\.runs.plainText) == ["甲项", "乙项"])
    }

    @Test func numberDotLinesMakeAnOrderedListStartingAtOne() throws {
        let list = try #require(markupLists(try markup("1. 第一项\n2. 第二项")).first)
        #expect(list.ordered)
        #expect(list.start == 1)
        #expect(list.items.map(\.runs.plainText) == ["第一项", "第二项"])
    }

    @Test func orderedListStartsAtItsFirstNumberWithParenMarkers() throws {
        let list = try #require(markupLists(try markup("3) 第三项\n4) 第四项")).first)
        #expect(list.ordered)
        #expect(list.start == 3)
        #expect(list.items.map(\.runs.plainText) == ["第三项", "第四项"])
    }

    @Test func listContinuationLinesJoinTheirItem() throws {
        let list = try #require(markupLists(try markup("- 第一项\n  接续内容\n- first\n  item\n- 第三项")).first)
        #expect(list.items.map(\.runs.plainText) == ["第一项接续内容", "first item", "第三项"])
    }

    @Test func listEndsAtABlankLineBeforeAParagraph() throws {
        let doc = try markup("- 甲项\n\n正文。")
        #expect(markupLists(doc).first?.items.count == 1)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == ["正文。"])
    }

    @Test func listItemRunStartsAfterTheMarker() throws {
        let list = try #require(markupLists(try markup("12. 第十二项")).first)
        #expect(list.start == 12)
        #expect(list.items.first?.runs.first?.location == SourceLocation(file: "report.md", line: 1, column: 5))
    }

    // MARK: - Tables

    @Test func delimiterRowSetsColumnAlignments() throws {
        let table = try #require(markupTables(try markup("""
            | 甲 | 乙 | 丙 | 丁 |
            |---|:---|---:|:---:|
            | 1 | 2 | 3 | 4 |
            """)).first)
        #expect(table.alignments == [.left, .left, .right, .center])
    }

    @Test func pipeTableHasHeaderAndBodyRows() throws {
        let table = try #require(markupTables(try markup("""
            | 项目 | 金额 |
            |:---|---:|
            | 收入 | 100 |
            | 支出 | 80 |
            """)).first)
        #expect(table.header.map(\.plainText) == ["项目", "金额"])
        #expect(table.rows.map { $0.map(\.plainText) } == [["收入", "100"], ["支出", "80"]])
        #expect(table.caption == nil)
        #expect(table.location.line == 1)
    }

    @Test func escapedBarInsideACellIsPartOfTheCell() throws {
        let table = try #require(markupTables(try markup("""
            | 项目 | 说明 |
            |---|---|
            | 甲 | a \\| b |
            """)).first)
        #expect(table.rows.first?.count == 2)
        #expect(table.rows.first?.last?.plainText == "a | b")
    }

    @Test func tableCaptionLineIsAttachedToTheTable() throws {
        let doc = try markup("""
            Table: 表1 收支情况
            | 项目 | 金额 |
            |---|---|
            | 收入 | 100 |
            """)
        #expect(doc.blocks.count == 1)
        let table = try #require(markupTables(doc).first)
        #expect(table.caption?.plainText == "表1 收支情况")
    }

    @Test func captionRunStartsAtItsFirstCharacter() throws {
        let table = try #require(markupTables(try markup("Table: 收支\n| a |\n|---|")).first)
        #expect(table.caption?.first?.location == SourceLocation(file: "report.md", line: 1, column: 8))
    }

    @Test func tableCellRunsStartAtTheirFirstCharacter() throws {
        let table = try #require(markupTables(try markup("| 甲 | 100 | 丙 |\n|---|---|---|")).first)
        let columns = table.header.map { $0.first?.location.column }
        #expect(columns == [3, 7, 13])
    }

    @Test func tableRowWithWrongCellCountIsAnErrorNamingItsLine() throws {
        let error = try #require(markupError("""
            正文。

            | 项目 | 金额 |
            |---|---|
            | 收入 | 100 |
            | 支出 |
            """))
        #expect(error.kind == .markup)
        #expect(error.message.contains("1 cells"))
        #expect(error.message.contains("has 2"))
        #expect(error.location?.line == 6)
    }

    @Test func tableWithoutDelimiterRowIsAnError() throws {
        let error = try #require(markupError("正文。\n\n| 项目 | 金额 |\n| 收入 | 100 |"))
        #expect(error.message.contains("delimiter row"))
        #expect(error.location?.line == 3)
    }

    // MARK: - Directives

    @Test func pagebreakDirectiveMakesAPageBreak() throws {
        let doc = try markup("前文。\n\n```pagebreak\n```\n\n后文。")
        #expect(doc.blocks.count == 3)
        guard case .pageBreak(let location) = doc.blocks[1] else {
            Issue.record("expected a page break, got \(doc.blocks[1])")
            return
        }
        #expect(location.line == 3)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == ["前文。", "后文。"])
    }

    @Test func unknownDirectiveIsAnErrorNamingItAtItsLineAndColumn() throws {
        let error = try #require(markupError("前文。\n\n```diagram\ntype: bar\n```"))
        #expect(error.kind == .markup)
        #expect(error.message.contains("'diagram'"))
        #expect(error.hint?.contains("chart") == true && error.hint?.contains("toc") == true)
        #expect(error.location == SourceLocation(file: "report.md", line: 3, column: 4))
    }

    // MARK: - MarkupEscaper

    static let hostileValues = ["# 标题", "**粗**", "a | b", "1. 第一", "3) 第三", "- 项", "* 项", "+ 项",
                                "```chart", "\\", "---", "| 甲 | 乙 |", "## 附录 {-}", "2024) 年"]
    /// Caption lines only count at a line start.
    static let hostileLineStartValues = hostileValues + ["Table: 说明", "表：合计"]

    @Test(arguments: hostileValues)
    func escapedValueAfterTextStaysOneParagraphWithTheSameText(_ value: String) throws {
        let doc = try markup("段落" + MarkupEscaper.escape(value))
        #expect(doc.blocks.count == 1)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == ["段落" + value])
        #expect(markupParagraphs(doc).first?.runs.allSatisfy { !$0.strong } == true)
    }

    @Test(arguments: hostileLineStartValues)
    func escapedValueAtLineStartStaysOneParagraphWithTheSameText(_ value: String) throws {
        let doc = try markup("前文。\n\n" + MarkupEscaper.escape(value))
        let blocks = doc.blocks
        #expect(blocks.count == 2)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == ["前文。", value])
        #expect(markupParagraphs(doc).last?.runs.allSatisfy { !$0.strong } == true)
    }

    @Test(arguments: hostileValues)
    func escapedValueOpeningTheDocumentStaysOneParagraph(_ value: String) throws {
        let doc = try markup(MarkupEscaper.escape(value))
        #expect(doc.blocks.count == 1)
        #expect(markupParagraphs(doc).map(\.runs.plainText) == [value])
    }
}

// MARK: - Helpers

private func markup(_ source: String) throws -> Document {
    try MarkupParser.parse(source, file: "report.md")
}

/// The error parsing `source` throws, or nil when it parses.
private func markupError(_ source: String) -> HuibaoError? {
    do {
        _ = try markup(source)
        return nil
    } catch let error as HuibaoError {
        return error
    } catch {
        return HuibaoError(.usage, "not a HuibaoError: \(error)")
    }
}

private func markupParagraphs(_ doc: Document) -> [Paragraph] {
    doc.blocks.compactMap { block in
        if case .paragraph(let p) = block { return p }
        return nil
    }
}

private func markupHeadings(_ doc: Document) -> [Heading] {
    doc.blocks.compactMap { block in
        if case .heading(let h) = block { return h }
        return nil
    }
}

private func markupLists(_ doc: Document) -> [ListBlock] {
    doc.blocks.compactMap { block in
        if case .list(let l) = block { return l }
        return nil
    }
}

private func markupTables(_ doc: Document) -> [Table] {
    doc.blocks.compactMap { block in
        if case .table(let t) = block { return t }
        return nil
    }
}

@Suite struct MarkupTableExtrasTests {
    func table(_ source: String) throws -> Table {
        let doc = try MarkupParser.parse(source, file: "t.md")
        for case .table(let t) in doc.blocks { return t }
        throw HuibaoError(.markup, "no table")
    }

    @Test func doubleBarsMergeAHeaderCellOverTwoColumns() throws {
        let t = try table("| 指标 | 2025年 || 备注 |\n| | 实际 | 目标 | |\n|---|--:|--:|---|\n| 收入 | 10 | 12 | 无 |")
        #expect(t.headerRows.count == 2)
        #expect(t.headerRows[0].map(\.span) == [1, 2, 1])
        #expect(t.headerRows[0][1].runs.plainText == "2025年")
        #expect(t.header.map(\.plainText) == ["", "实际", "目标", ""])
        #expect(t.rows.count == 1)
    }

    @Test func aRowWhoseSpansDoNotAddUpIsAnErrorAtItsLine() throws {
        #expect(throws: HuibaoError.self) { try table("| a | b |\n|---|---|\n| 1 || 2 |") }
    }

    @Test func notesDirectlyUnderATableBelongToIt() throws {
        let t = try table("| a | b |\n|---|---|\n| 1 | 2 |\n注：单位为万元。\n资料来源：市统计局。\n\n正文。")
        #expect(t.notes.map(\.plainText) == ["注：单位为万元。", "资料来源：市统计局。"])
        #expect(t.notes[0].first?.location.line == 4)
    }

    @Test func aNoteAfterABlankLineIsAParagraph() throws {
        let doc = try MarkupParser.parse("| a | b |\n|---|---|\n| 1 | 2 |\n\n注：这是正文。", file: "t.md")
        guard case .table(let t) = doc.blocks[0], case .paragraph = doc.blocks[1] else {
            Issue.record("expected a table and a paragraph")
            return
        }
        #expect(t.notes.isEmpty)
    }

    @Test func tocAndCoverDirectivesAreBlocks() throws {
        let doc = try MarkupParser.parse("```cover\n```\n\n```toc\n```\n\n# 一", file: "t.md")
        guard case .cover = doc.blocks[0], case .toc = doc.blocks[1], case .heading = doc.blocks[2] else {
            Issue.record("expected cover, toc, heading: \(doc.blocks)")
            return
        }
    }
}

@Suite struct MarkupDirectiveExtrasTests {
    @Test func hashDotPointsKeepCountingAcrossATableUnderOneHeading() throws {
        let doc = try MarkupParser.parse("# 一\n\n#. 甲\n#. 乙\n\n| a |\n|---|\n| 1 |\n\n#. 丙\n\n# 二\n\n#. 丁", file: "t.md")
        let starts = doc.blocks.compactMap { block -> Int? in if case .list(let l) = block { return l.start } else { return nil } }
        #expect(starts == [1, 3, 1])
    }

    @Test func captionAttributesGiveWidthsAndUnit() throws {
        let doc = try MarkupParser.parse("Table: 收支 {widths=1,3,2,; unit=单位：万元}\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |", file: "t.md")
        guard case .table(let t) = doc.blocks[0] else { Issue.record("no table"); return }
        #expect(t.widths == [1, 3, 2])
        #expect(t.unit == "单位：万元")
        #expect(t.caption?.plainText == "收支")
    }

    @Test func widthsThatDoNotMatchTheColumnsAreAnError() throws {
        #expect(throws: HuibaoError.self) {
            try MarkupParser.parse("Table: 收支 {widths=1,3}\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |", file: "t.md")
        }
    }

    @Test func signatureTakesNameAndDate() throws {
        let doc = try MarkupParser.parse("正文。\n\n```signature\nname: 江临市数据资源管理局\ndate: 2025年12月28日\n```", file: "t.md")
        guard case .signature(let s) = doc.blocks[1] else { Issue.record("no signature"); return }
        #expect(s.name.plainText == "江临市数据资源管理局")
        #expect(s.date.plainText == "2025年12月28日")
        #expect(s.date.first?.location.line == 5)
    }

    @Test func aSignatureWithoutADateIsAnError() throws {
        #expect(throws: HuibaoError.self) { try MarkupParser.parse("```signature\nname: 某局\n```", file: "t.md") }
    }

    @Test func footnoteReferencesAndDefinitionsAreParsed() throws {
        let doc = try MarkupParser.parse("全年完成[^a]任务。\n\n[^a]: 含续建项目。\n多行说明。", file: "t.md")
        guard case .paragraph(let p) = doc.blocks[0] else { Issue.record("no paragraph"); return }
        #expect(p.runs.map(\.footnote) == [nil, "a", nil])
        #expect(p.runs.plainText == "全年完成a任务。")
        #expect(doc.footnotes["a"]?.runs.plainText == "含续建项目。多行说明。")
        #expect(doc.blocks.count == 1)
    }

    @Test func aFootnoteDefinedTwiceIsAnError() throws {
        #expect(throws: HuibaoError.self) { try MarkupParser.parse("甲[^a]。\n\n[^a]: 一。\n\n[^a]: 二。", file: "t.md") }
    }

    @Test func aNumberOpeningALaterLineOfAValueStaysText() throws {
        let doc = try markup("前文。\n\n" + MarkupEscaper.escape("第一行\n2. 第二行\n  3) 第三行"))
        #expect(doc.blocks.count == 2)
        #expect(markupParagraphs(doc).last?.runs.plainText == "第一行2. 第二行3) 第三行")
    }

    @Test func decimalsInsideALineAreLeftAsTheyAre() {
        #expect(MarkupEscaper.escape("增长12.5%，达到1,234.5亿元（2025）") == "增长12.5%，达到1,234.5亿元（2025）")
        #expect(MarkupEscaper.escape("12.5") == "12\\.5")
    }
}
