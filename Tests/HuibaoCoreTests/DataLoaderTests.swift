import Foundation
import Testing
import HuibaoCore

/// The data stage: locations, scalar types, errors and merging.
struct DataLoaderTests {
    // MARK: - Locations

    @Test func yamlValueKeepsItsLineAndColumn() throws {
        let root = try yaml("""
            公司:
              名称: 华东分公司
              员工:
                - 姓名: 张三
                  工资: 1234.50
            """)
        #expect(place(root) == "data.yaml:1:1")
        #expect(place(root["公司"]) == "data.yaml:2:3")
        #expect(place(root["公司"]?["名称"]) == "data.yaml:2:7")
        #expect(place(root["公司"]?["员工"]) == "data.yaml:4:5")
        #expect(place(item(root["公司"]?["员工"], 0)) == "data.yaml:4:7")
        #expect(place(item(root["公司"]?["员工"], 0)?["工资"]) == "data.yaml:5:11")
    }

    @Test func jsonValueKeepsItsLineAndColumn() throws {
        let root = try json("""
            {
              "名称": "华东",
              "员工": [
                {"姓名": "张三", "工资": 1234.50},
                null
              ]
            }
            """)
        #expect(place(root) == "data.json:1:1")
        #expect(place(root["名称"]) == "data.json:2:9")
        #expect(place(root["员工"]) == "data.json:3:9")
        #expect(place(item(root["员工"], 0)) == "data.json:4:5")
        #expect(place(item(root["员工"], 0)?["工资"]) == "data.json:4:24")
        #expect(place(item(root["员工"], 1)) == "data.json:5:5")
    }

    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        #expect(place(try yaml("\u{FEFF}a: 1")["a"]) == "data.yaml:1:4")
        #expect(place(try json("\u{FEFF}{\"a\": 1}")["a"]) == "data.json:1:7")
    }

    // MARK: - Scalars

    @Test func decimalTextStaysExactDecimal() throws {
        let fromYAML = try yaml("a: 0.1\nb: 0.2\nc: 0.30000000000000004\nd: -12\ne: 1e3\n")
        #expect(number(fromYAML["a"])! + number(fromYAML["b"])! == decimal("0.3"))
        #expect(number(fromYAML["c"]) == decimal("0.30000000000000004"))
        #expect(number(fromYAML["d"]) == -12)
        #expect(number(fromYAML["e"]) == 1000)

        let fromJSON = try json(#"{"a": 0.1, "b": 0.2, "c": -0.5e-1}"#)
        #expect(number(fromJSON["a"])! + number(fromJSON["b"])! == decimal("0.3"))
        #expect(number(fromJSON["c"]) == decimal("-0.05"))
    }

    @Test func numbersTooLongToHoldExactlyAreNotRounded() throws {
        let digits = "12345678901234567890123456789012345678901"
        #expect(text(try yaml("n: \(digits)")["n"]) == digits)
        let error = #expect(throws: HuibaoError.self) { try json(#"{"n": \#(digits)}"#) }
        #expect(error?.location?.description == "data.json:1:7")
    }

    @Test func clerkScalarsResolveAsAClerkExpects() throws {
        let root = try yaml("""
            yes值: yes
            国家: NO
            时长: 1:20
            日期: 2024-01-05
            编号: 0301
            真: true
            假: False
            空1: ~
            空2:
            空3: null
            十六进制: 0x1F
            """)
        #expect(text(root["yes值"]) == "yes")
        #expect(text(root["国家"]) == "NO")
        #expect(text(root["时长"]) == "1:20")
        #expect(text(root["日期"]) == "2024-01-05")
        #expect(text(root["编号"]) == "0301")
        #expect(bool(root["真"]) == true)
        #expect(bool(root["假"]) == false)
        #expect(isNull(root["空1"]) && isNull(root["空2"]) && isNull(root["空3"]))
        #expect(text(root["十六进制"]) == "0x1F")
    }

    @Test func quotedAndTaggedNumbersStayText() throws {
        let root = try yaml("""
            a: "123"
            b: '0.5'
            c: !!str 42
            d: "true"
            e: ''
            """)
        #expect(text(root["a"]) == "123")
        #expect(text(root["b"]) == "0.5")
        #expect(text(root["c"]) == "42")
        #expect(text(root["d"]) == "true")
        #expect(text(root["e"]) == "")
        #expect(text(try json(#"{"a": "123"}"#)["a"]) == "123")
    }

    @Test func chineseTextAndBlockScalarsComeThroughIntact() throws {
        let root = try yaml("""
            标题: 二〇二四年度工作总结
            说明: |
              第一行：收入增长。
              第二行：支出下降。
            摘要: >
              本年度
              各项指标
              稳中有进。
            结尾: 完
            """)
        #expect(text(root["标题"]) == "二〇二四年度工作总结")
        #expect(text(root["说明"]) == "第一行：收入增长。\n第二行：支出下降。\n")
        #expect(text(root["摘要"]) == "本年度 各项指标 稳中有进。\n")
        #expect(place(root["说明"]) == "data.yaml:2:5")
    }

    @Test func jsonEscapesIncludingSurrogatePairsDecode() throws {
        let root = try json(#"{"a": "\u4E2D\u6587", "b": "\uD83D\uDE00", "c": "tab\there \"q\" \\ \/"}"#)
        #expect(text(root["a"]) == "中文")
        #expect(text(root["b"]) == "😀")
        #expect(text(root["c"]) == "tab\there \"q\" \\ /")
    }

    @Test func yamlAnchorsAliasesAndMergeKeysResolve() throws {
        let root = try yaml("""
            默认: &defaults
              币种: 人民币
              单位: 元
            报表:
              <<: *defaults
              单位: 万元
              名称: 季报
            列表: &list [1, 2]
            副本: *list
            多重: {<<: [*defaults, {单位: 个, 数量: 3}]}
            """)
        #expect(keys(root["报表"]) == ["币种", "单位", "名称"])
        #expect(text(root["报表"]?["币种"]) == "人民币")
        #expect(text(root["报表"]?["单位"]) == "万元")
        #expect(number(item(root["副本"], 1)) == 2)
        #expect(keys(root["多重"]) == ["币种", "单位", "数量"])
        #expect(text(root["多重"]?["单位"]) == "元")
        #expect(place(root["报表"]?["币种"]) == "data.yaml:2:7")
    }

    // MARK: - Errors

    @Test func chineseAnchorNameGetsAHint() throws {
        let error = #expect(throws: HuibaoError.self) { try yaml("默认: &默认\n  a: 1\n") }
        #expect(error?.location?.description == "data.yaml:1:6")
        #expect(error?.hint?.contains("ASCII") == true)
    }

    @Test func malformedYAMLReportsTheLineAndColumn() throws {
        let error = #expect(throws: HuibaoError.self) { try yaml("名称: 报表\n说明: 甲: 乙\n") }
        #expect(error?.kind == .data)
        #expect(error?.location?.description == "data.yaml:2:6")
        #expect(error?.message.hasPrefix("could not read YAML: mapping values are not allowed") == true)
        #expect(error?.hint != nil)
    }

    @Test func unclosedYAMLQuoteNamesWhereItOpened() throws {
        let error = #expect(throws: HuibaoError.self) { try yaml("a: 1\nb: \"未闭合\nc: 2\n") }
        #expect(error?.message.contains("line 2, column 4") == true)
    }

    @Test func secondYAMLDocumentIsAnError() throws {
        let error = #expect(throws: HuibaoError.self) { try yaml("a: 1\n---\nb: 2\n") }
        #expect(error?.location?.line == 2)
    }

    @Test func malformedJSONReportsTheLineAndColumn() throws {
        let missingComma = #expect(throws: HuibaoError.self) { try json("{\n  \"甲\": 1\n  \"乙\": 2\n}") }
        #expect(missingComma?.message == "expected ',' or '}' after a value, found '\"'")
        #expect(missingComma?.location?.description == "data.json:3:3")

        let trailingComma = #expect(throws: HuibaoError.self) { try json("[1, 2, ]") }
        #expect(trailingComma?.location?.description == "data.json:1:8")

        let unclosed = #expect(throws: HuibaoError.self) { try json("{\"a\": \"中文") }
        #expect(unclosed?.location?.description == "data.json:1:7")

        let badWord = #expect(throws: HuibaoError.self) { try json("{\"a\": True}") }
        #expect(badWord?.location?.description == "data.json:1:7")

        let leadingZero = #expect(throws: HuibaoError.self) { try json("{\"a\": 007}") }
        #expect(leadingZero?.location?.description == "data.json:1:7")

        let loneSurrogate = #expect(throws: HuibaoError.self) { try json(#"{"a": "x\uD83D"}"#) }
        #expect(loneSurrogate?.location?.description == "data.json:1:9")

        let extra = #expect(throws: HuibaoError.self) { try json("{}\n{}") }
        #expect(extra?.location?.description == "data.json:2:1")
    }

    @Test func topLevelThatIsNotAMappingIsAnError() throws {
        let list = #expect(throws: HuibaoError.self) { try yaml("\n- 1\n- 2\n") }
        #expect(list?.message.contains("found a list") == true)
        #expect(list?.location?.description == "data.yaml:2:1")

        let array = #expect(throws: HuibaoError.self) { try json("  [1]") }
        #expect(array?.location?.description == "data.json:1:3")

        let empty = #expect(throws: HuibaoError.self) { try yaml("# 只有注释\n") }
        #expect(empty?.message.contains("empty") == true)
    }

    @Test func duplicateKeysNameBothLocations() throws {
        let fromYAML = #expect(throws: HuibaoError.self) { try yaml("甲: 1\n乙:\n  丙: 2\n  丙: 3\n") }
        #expect(fromYAML?.location?.description == "data.yaml:4:3")
        #expect(fromYAML?.message.contains("data.yaml:3:3") == true)

        let fromJSON = #expect(throws: HuibaoError.self) { try json("{\"a\": 1,\n \"a\": 2}") }
        #expect(fromJSON?.location?.description == "data.json:2:2")
        #expect(fromJSON?.message.contains("data.json:1:2") == true)
    }

    // MARK: - Merging

    @Test func mergeOverridesValuesAndMergesMappingsInFirstAppearanceOrder() throws {
        let base = try DataLoader.load(text: """
            公司:
              名称: 甲
              地址: 北京
            年份: 2023
            科目: [收入, 支出]
            """, file: "base.yaml", format: .yaml)
        let later = try DataLoader.load(text: """
            {"年份": 2024, "科目": ["利润"], "公司": {"地址": "上海", "电话": "010"}, "新增": true}
            """, file: "later.json", format: .json)
        let merged = try DataLoader.merge([base, later])

        #expect(keys(merged) == ["公司", "年份", "科目", "新增"])
        #expect(keys(merged["公司"]) == ["名称", "地址", "电话"])
        #expect(text(merged["公司"]?["名称"]) == "甲")
        #expect(text(merged["公司"]?["地址"]) == "上海")
        #expect(number(merged["年份"]) == 2024)
        #expect(text(item(merged["科目"], 0)) == "利润")
        #expect(item(merged["科目"], 1) == nil)
        #expect(merged["公司"]?["地址"]?.location?.file == "later.json")
        #expect(merged["公司"]?.location?.file == "base.yaml")
    }

    @Test func mergingAMappingWithAValueIsAnError() throws {
        let base = try yaml("公司:\n  名称: 甲\n")
        let later = try DataLoader.load(text: "公司: 乙\n", file: "later.yaml", format: .yaml)
        let error = #expect(throws: HuibaoError.self) { try DataLoader.merge([base, later]) }
        #expect(error?.location?.description == "later.yaml:1:5")
        #expect(error?.message.contains("data.yaml:2:3") == true)
    }

    @Test func mergingNothingGivesAnEmptyMapping() throws {
        #expect(keys(try DataLoader.merge([])).isEmpty)
    }

    // MARK: - Files

    @Test func fileIsReadWithItsPathAsGiven() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("数据.YML").path
        try "金额: 12.30\n".write(toFile: path, atomically: true, encoding: .utf8)
        let root = try DataLoader.load(path: path)
        #expect(number(root["金额"]) == decimal("12.30"))
        #expect(root["金额"]?.location == SourceLocation(file: path, line: 1, column: 5))
    }

    @Test func unknownExtensionNamesTheFileAndTheSupportedOnes() throws {
        let error = #expect(throws: HuibaoError.self) { try DataLoader.load(path: "数据.xls") }
        #expect(error?.message.contains("数据.xls") == true)
        #expect(error?.message.contains(".yaml") == true && error?.message.contains(".json") == true)
    }

    @Test func missingFileNamesThePath() throws {
        let error = #expect(throws: HuibaoError.self) { try DataLoader.load(path: "no/such/data.yaml") }
        #expect(error?.kind == .data)
        #expect(error?.message.contains("no/such/data.yaml") == true)
    }

    @Test func fileThatIsNotUTF8PointsAtTheFirstBadByte() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gbk.yaml").path
        // "a: 1\nb: " then 中文 in GBK.
        try Data([0x61, 0x3A, 0x20, 0x31, 0x0A, 0x62, 0x3A, 0x20, 0xD6, 0xD0, 0xCE, 0xC4]).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: HuibaoError.self) { try DataLoader.load(path: path) }
        #expect(error?.location == SourceLocation(file: path, line: 2, column: 4))
    }

    // MARK: - Helpers

    private func yaml(_ text: String) throws -> DataNode {
        try DataLoader.load(text: text, file: "data.yaml", format: .yaml)
    }

    private func json(_ text: String) throws -> DataNode {
        try DataLoader.load(text: text, file: "data.json", format: .json)
    }

    private func item(_ node: DataNode?, _ index: Int) -> DataNode? {
        guard case .array(let items)? = node?.value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    private func text(_ node: DataNode?) -> String? {
        if case .string(let value)? = node?.value { return value }
        return nil
    }

    private func number(_ node: DataNode?) -> Decimal? {
        if case .number(let value)? = node?.value { return value }
        return nil
    }

    private func bool(_ node: DataNode?) -> Bool? {
        if case .bool(let value)? = node?.value { return value }
        return nil
    }

    private func isNull(_ node: DataNode?) -> Bool {
        if case .null? = node?.value { return true }
        return false
    }

    private func keys(_ node: DataNode?) -> [String] {
        if case .object(let pairs)? = node?.value { return pairs.map(\.key) }
        return []
    }

    private func place(_ node: DataNode?) -> String? { node?.location?.description }

    private func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    /// A fresh folder for files the test writes; the caller deletes it.
    private func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huibao-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
