import Foundation
import Testing
@testable import HuibaoCore

/// Reading the YAML of ```chart blocks: the ways data can be given, defaults, and every
/// error with the file:line:col of the offending key or value in the markup.
@Suite struct ChartSpecTests {
    /// The chart block of a markup document whose chart body starts on line 4 (the fence is
    /// on line 3).
    static func block(_ body: String) throws -> DirectiveBlock {
        let document = try MarkupParser.parse("前文。\n\n```chart\n" + body + "\n```\n", file: "report.md")
        for case .chart(let block) in document.blocks { return block }
        throw HuibaoError(.markup, "no chart block")
    }

    func spec(_ body: String, data: DataNode? = nil, baseDirectory: String = ".") throws -> ChartSpec {
        try ChartSpecReader(block: try Self.block(body), data: data, baseDirectory: baseDirectory).read()
    }

    func error(_ body: String, data: DataNode? = nil, baseDirectory: String = ".") -> HuibaoError? {
        do {
            _ = try spec(body, data: data, baseDirectory: baseDirectory)
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return HuibaoError(.usage, "unexpected \(error)")
        }
    }

    func at(_ line: Int, _ column: Int, file: String = "report.md") -> HuibaoCore.SourceLocation {
        HuibaoCore.SourceLocation(file: file, line: line, column: column)
    }

    static let data: DataNode = try! DataLoader.load(text: """
        finance:
          districts:
            - {name: 东湖区, revenue: 1402.7, growth: 9.0}
            - {name: 西山区, revenue: 1015.9, growth: 4.9}
            - {name: 南湾区, revenue: 698.3, growth: -6.0}
          shares: {社会保障: 1842, 市场监管: 1536}
        """, file: "data.yaml", format: .yaml)

    // MARK: data given four ways

    @Test func inlineSeriesKeepTheirNamesValuesAndLocations() throws {
        let s = try spec("""
            kind: bar
            title: 各区县收入
            unit: 万元
            categories: [东湖区, 西山区]
            series:
              - name: 2024年
                values: [1286.4, 968.2]
              - name: 2025年
                values: [1402.7, ~]
            """)
        #expect(s.kind == .bar && !s.stacked)
        #expect(s.title == "各区县收入" && s.unit == "万元")
        #expect(s.categories.map(\.text) == ["东湖区", "西山区"])
        #expect(s.series.map(\.name) == ["2024年", "2025年"])
        #expect(s.series[0].values.map { $0?.decimal } == [Decimal(string: "1286.4"), Decimal(string: "968.2")])
        #expect(s.series[1].values[1] == nil)
        #expect(s.series[0].values[0]?.location == at(10, 14))
    }

    @Test func oneValuesListIsOneSeries() throws {
        let s = try spec("kind: bar\ncategories: [甲, 乙, 丙]\nvalues: [1, 2, 3]")
        #expect(s.series.count == 1)
        #expect(s.series[0].values.count == 3)
    }

    @Test func chineseKindNamesAndShorthandsAreUnderstood() throws {
        #expect(try spec("kind: 柱状图\ncategories: [甲]\nvalues: [1]").kind == .bar)
        #expect(try spec("kind: 条形图\ncategories: [甲]\nvalues: [1]").kind == .hbar)
        let stacked = try spec("kind: stacked\ncategories: [甲]\nvalues: [1]")
        #expect(stacked.kind == .bar && stacked.stacked && !stacked.percent)
        let percent = try spec("kind: stacked100\ncategories: [甲]\nvalues: [1]")
        #expect(percent.stacked && percent.percent)
        let option = try spec("kind: hbar\ncategories: [甲]\nvalues: [1]\noptions:\n  percent: true")
        #expect(option.kind == .hbar && option.stacked && option.percent)
    }

    @Test func itemsAreRecordsReadByNameAndValue() throws {
        let s = try spec("""
            kind: progress
            items:
              - {name: 一般公共预算收入, value: 86.42, target: 90, unit: 亿元}
              - {name: 网上可办率, value: 98.6, target: 98, unit: "%"}
            """)
        #expect(s.categories.map(\.text) == ["一般公共预算收入", "网上可办率"])
        #expect(s.series[0].values.map { $0?.decimal } == [Decimal(string: "86.42"), Decimal(string: "98.6")])
        #expect(s.targets.map(\.decimal) == [90, 98])
        #expect(s.itemUnits == ["亿元", "%"])
    }

    @Test func dataPathReadsRecordsWithTheNamedFields() throws {
        let s = try spec("kind: combo\ndata: finance.districts\nx: name\ny: [revenue, growth]", data: Self.data)
        #expect(s.categories.map(\.text) == ["东湖区", "西山区", "南湾区"])
        #expect(s.series.map(\.name) == ["revenue", "growth"])
        #expect(s.series[1].values[2]?.decimal == -6)
        // Values keep the location in the data file they came from.
        #expect(s.series[0].values[0]?.location?.file == "data.yaml")
        // A combo's last series is its line on the right axis unless one says otherwise.
        #expect(s.series.map(\.axis) == [.left, .right])
    }

    @Test func seriesCanNameTheirFieldsWithALegendNameAndUnit() throws {
        let s = try spec("""
            kind: combo
            data: finance.districts
            series:
              - {name: 一般公共预算收入, field: revenue}
              - {name: 同比增长, field: growth, unit: "%", axis: right}
            """, data: Self.data)
        #expect(s.series.map(\.name) == ["一般公共预算收入", "同比增长"])
        #expect(s.series[1].unit == "%")
    }

    @Test func dataPathToAMappingGivesOneSeriesOfItsKeys() throws {
        let s = try spec("kind: pie\ndata: finance.shares", data: Self.data)
        #expect(s.categories.map(\.text) == ["社会保障", "市场监管"])
        #expect(s.series[0].values.map { $0?.decimal } == [1842, 1536])
    }

    @Test func csvFileBesideTheReportGivesOneSeriesPerValueColumn() throws {
        let dir = NSTemporaryDirectory() + "huibao-chartspec-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "区县,2024年,2025年\n东湖区,\"1,286.4\",1402.7\n西山区,968.2,\n".write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
        let s = try spec("kind: bar\ncsv: d.csv", baseDirectory: dir)
        #expect(s.categories.map(\.text) == ["东湖区", "西山区"])
        #expect(s.series.map(\.name) == ["2024年", "2025年"])
        #expect(s.series[0].values[0]?.decimal == Decimal(string: "1286.4"))
        #expect(s.series[1].values[1] == nil)
    }

    @Test func sizesAcceptMillimetresSharesAndAspects() throws {
        let s = try spec("kind: bar\nwidth: 80%\nheight: 70mm\ncategories: [甲]\nvalues: [1]")
        #expect(s.width == .fraction(0.8))
        #expect(s.height == .mm(70))
        #expect(try spec("kind: bar\naspect: 16:9\ncategories: [甲]\nvalues: [1]").aspect == 16.0 / 9.0)
        #expect(try spec("kind: bar\nwidth: 120\ncategories: [甲]\nvalues: [1]").width == .mm(120))
    }

    @Test func optionsAreRead() throws {
        let s = try spec("kind: line\ncategories: [甲]\nvalues: [1]\noptions:\n  labels: true\n  markers: false\n  decimals: 1\n  legend: top\n  min: 0\n  max: 50")
        #expect(s.options.labels == true && s.options.markers == false && s.options.decimals == 1)
        #expect(s.options.legend == .top && s.options.min == 0 && s.options.max == 50)
    }

    // MARK: errors, each at its place in the markup

    @Test func aMissingKindIsAnErrorAtTheFence() throws {
        let e = try #require(error("categories: [甲]\nvalues: [1]"))
        #expect(e.location == at(3, 1))
        #expect(e.message.contains("kind"))
    }

    @Test func anUnknownKindIsAnErrorAtItsValueListingTheKinds() throws {
        let e = try #require(error("kind: radar\ncategories: [甲]\nvalues: [1]"))
        #expect(e.location == at(4, 7))
        #expect(e.message.contains("'radar'"))
        #expect(e.hint?.contains("hbar") == true && e.hint?.contains("柱状图") == true)
    }

    @Test func anUnknownKeyIsAnErrorAtTheKey() throws {
        let e = try #require(error("kind: bar\ncategories: [甲]\nvalue: [1]"))
        #expect(e.location == at(6, 1))
        #expect(e.message.contains("unknown key 'value'"))
        #expect(e.hint?.contains("values") == true)
    }

    @Test func anUnknownOptionIsAnErrorAtTheOption() throws {
        let e = try #require(error("kind: bar\ncategories: [甲]\nvalues: [1]\noptions:\n  labels: true\n  smooth: true"))
        #expect(e.location == at(9, 3))
        #expect(e.message.contains("unknown option 'smooth'"))
    }

    @Test func anOptionOfTheWrongTypeIsAnErrorAtItsValue() throws {
        let e = try #require(error("kind: bar\ncategories: [甲]\nvalues: [1]\noptions:\n  labels: 是"))
        #expect(e.location == at(8, 11))
        #expect(e.message.contains("true or false"))
    }

    @Test func aChartWithoutDataIsAnError() throws {
        let e = try #require(error("kind: bar\ntitle: 空"))
        #expect(e.location == at(3, 1))
        #expect(e.message.contains("no data"))
        let empty = try #require(error("kind: bar\ncategories: [甲, 乙]\nvalues: [~, ~]"))
        #expect(empty.message.contains("no values"))
    }

    @Test func aSeriesOfTheWrongLengthIsAnErrorAtItsValues() throws {
        let e = try #require(error("kind: line\ncategories: [1月, 2月, 3月]\nseries:\n  - name: 门诊\n    values: [1, 2]"))
        #expect(e.location == at(8, 13))
        #expect(e.message.contains("'门诊' has 2 values but there are 3 categories"))
    }

    @Test func textAmongTheValuesIsAnErrorAtThatValue() throws {
        let e = try #require(error("kind: bar\ncategories: [甲, 乙]\nvalues:\n  - 12\n  - 1,234"))
        #expect(e.location == at(8, 5))
        #expect(e.message.contains("must be a number"))
        let percent = try #require(error("kind: bar\ncategories: [甲]\nvalues: [\"5.2%\"]"))
        #expect(percent.hint?.contains("5.2") == true)
    }

    @Test func aDataPathThatDoesNotExistNamesTheKeysThatDo() throws {
        let e = try #require(error("kind: bar\ndata: finance.district\ny: revenue", data: Self.data))
        #expect(e.location == at(5, 7))
        #expect(e.message.contains("'finance.district'"))
        #expect(e.hint?.contains("districts") == true)
    }

    @Test func aDataPathWithoutDataSaysTheReportHasNone() throws {
        let e = try #require(error("kind: bar\ndata: finance.districts"))
        #expect(e.location == at(5, 7))
        #expect(e.message.contains("no data"))
    }

    @Test func aMissingFieldIsAnErrorAtTheRecordNamingItsFields() throws {
        let e = try #require(error("kind: bar\ndata: finance.districts\ny: income", data: Self.data))
        #expect(e.location?.file == "data.yaml")
        #expect(e.message.contains("'income'"))
        #expect(e.hint?.contains("revenue") == true)
    }

    @Test func aMissingCSVFileIsAnErrorAtTheCsvValue() throws {
        let e = try #require(error("kind: bar\ncsv: 不存在.csv"))
        #expect(e.location == at(5, 6))
        #expect(e.message.contains("不存在.csv"))
    }

    @Test func aCSVCellThatIsNotANumberPointsIntoTheCSVFile() throws {
        let dir = NSTemporaryDirectory() + "huibao-chartspec-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "区县,收入\n东湖区,12\n西山区,暂缺\n".write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
        let e = try #require(error("kind: bar\ncsv: d.csv", baseDirectory: dir))
        #expect(e.location?.file.hasSuffix("d.csv") == true)
        #expect(e.location?.line == 3 && e.location?.column == 5)
        #expect(e.message.contains("'收入' must be a number"))
    }

    @Test func dataGivenTwoWaysIsAnErrorAtTheSecond() throws {
        let e = try #require(error("kind: bar\ncategories: [甲]\nvalues: [1]\ndata: finance.districts", data: Self.data))
        #expect(e.location == at(7, 1))
    }

    @Test func aPieCannotShowNegativeValues() throws {
        let e = try #require(error("kind: pie\ncategories: [甲, 乙]\nvalues: [5, -2]"))
        #expect(e.location == at(6, 13))
        #expect(e.message.contains("negative"))
    }

    @Test func aComboNeedsASecondSeriesForItsLine() throws {
        let e = try #require(error("kind: combo\ncategories: [甲, 乙]\nvalues: [5, 2]"))
        #expect(e.message.contains("right axis"))
    }

    @Test func aProgressChartNeedsTargets() throws {
        let e = try #require(error("kind: progress\ncategories: [甲, 乙]\nvalues: [5, 2]"))
        #expect(e.message.contains("target"))
        let zero = try #require(error("kind: progress\nitems:\n  - {name: 甲, value: 5, target: 0}"))
        #expect(zero.location == at(6, 33))
    }

    @Test func onlyBarsAndAreasStack() throws {
        let e = try #require(error("kind: line\ncategories: [甲]\nvalues: [1]\noptions:\n  stacked: true"))
        #expect(e.location == at(8, 12))
        #expect(e.message.contains("cannot be stacked"))
    }

    @Test func aRightAxisOutsideAComboIsAnError() throws {
        let e = try #require(error("kind: line\ncategories: [甲]\nseries:\n  - {name: 甲, values: [1], axis: right}"))
        #expect(e.location == at(7, 5))
        #expect(e.message.contains("combo"))
    }

    @Test func anOutOfRangeSizeIsAnErrorAtItsValue() throws {
        let e = try #require(error("kind: bar\nwidth: 5mm\ncategories: [甲]\nvalues: [1]"))
        #expect(e.location == at(5, 8))
    }
}
