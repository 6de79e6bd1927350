import Foundation
import Testing
@testable import HuibaoCore

private func csv(_ text: String, file: String = "regions.csv") throws -> DataNode {
    try DataLoader.load(text: text, file: file, format: .csv)
}

private func records(_ text: String) throws -> [DataNode] {
    try csv(text)["regions"]?.items ?? []
}

@Suite struct CSVLoaderTests {
    @Test func headerRowNamesTheFieldsOfEveryRecord() throws {
        let root = try csv("区县,共享量\n东湖区,1234.5\n西山区,980\n")
        #expect(root.keys == ["regions"])
        let rows = root["regions"]!.items
        #expect(rows.count == 2)
        #expect(rows[0].keys == ["区县", "共享量"])
        #expect(rows[1]["区县"]?.text == "西山区")
    }

    @Test func numbersAreExactDecimalsAndTheRestIsText() throws {
        let row = try records("a,b,c,d,e,f,g,h\n12,-3.50,0.1,1e3,\"1,234.5\",0301,12.3万,true\n")[0]
        #expect(row["a"]?.number == 12)
        #expect(row["b"]?.number == Decimal(string: "-3.5"))
        #expect(row["c"]?.number == Decimal(string: "0.1"))
        #expect(row["d"]?.number == 1000)
        #expect(row["e"]?.number == Decimal(string: "1234.5"))
        // A leading zero marks a code, which must keep its zero.
        #expect(row["f"]?.text == "0301")
        #expect(row["g"]?.text == "12.3万")
        #expect(row["h"]?.text == "true")
    }

    @Test func badlyGroupedDigitsStayText() throws {
        let row = try records("a,b\n\"12,34\",\"1,2345\"\n")[0]
        #expect(row["a"]?.text == "12,34")
        #expect(row["b"]?.text == "1,2345")
    }

    @Test func emptyFieldIsNullButQuotedEmptyFieldIsEmptyText() throws {
        let row = try records("a,b,c\n,\"\",x\n")[0]
        #expect(row["a"]?.isNull == true)
        #expect(row["b"]?.text == "")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let row = try records("名称,说明\n\"甲,乙\",\"他说\"\"好\"\"\n第二行\"\n")[0]
        #expect(row["名称"]?.text == "甲,乙")
        #expect(row["说明"]?.text == "他说\"好\"\n第二行")
    }

    @Test func crlfAndLoneCRLineEndsSplitRows() throws {
        #expect(try records("a,b\r\n1,2\r\n3,4\r\n").count == 2)
        #expect(try records("a,b\r1,2\r3,4").count == 2)
        // A CRLF inside quotes is one line break, not two.
        #expect(try records("a\r\n\"x\r\ny\"\r\n")[0]["a"]?.text == "x\ny")
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstColumnName() throws {
        let root = try csv("\u{FEFF}区县,值\n东湖区,1\n")
        #expect(root["regions"]?.items.first?.keys == ["区县", "值"])
        #expect(root["regions"]?.items.first?["区县"]?.place == "regions.csv:2:1")
    }

    @Test func everyValueIsLocatedAtTheStartOfItsField() throws {
        let rows = try records("区县,说明,值\r\n东湖区,\"多\n行\",12\r\n西山区,短,7\n")
        #expect(rows[0].place == "regions.csv:2:1")
        #expect(rows[0]["说明"]?.place == "regions.csv:2:5")
        #expect(rows[0]["值"]?.place == "regions.csv:3:4")
        #expect(rows[1]["值"]?.place == "regions.csv:4:7")
    }

    @Test func spacesAroundFieldsAreNotData() throws {
        let row = try records("名称, 数值\n 甲 , 12 \n")[0]
        #expect(row.keys == ["名称", "数值"])
        #expect(row["名称"]?.text == "甲")
        #expect(row["数值"]?.number == 12)
    }

    @Test func blankLinesAndRowsOfEmptyFieldsAreSkipped() throws {
        #expect(try records("a,b\n\n1,2\n,\n\n3,4\n,,\n").count == 2)
    }

    @Test func headerOnlyFileGivesNoRecords() throws {
        #expect(try records("a,b\n").isEmpty)
        #expect(try records("").isEmpty)
    }

    @Test func raggedRowNamesTheHeaderCountAndTheExtraField() throws {
        let long = try #require(DataSourceFixture.failure { _ = try records("区县,值\n东湖区,1,234\n") })
        #expect(long.location?.description == "regions.csv:2:7")
        #expect(long.message == "this row has 3 fields, expected 2 fields as the header row has (区县, 值)")
        #expect(long.hint?.contains("double quotes") == true)

        let short = try #require(DataSourceFixture.failure { _ = try records("区县,值,备注\n东湖区,1\n") })
        #expect(short.location?.description == "regions.csv:2:1")
        #expect(short.message.hasPrefix("this row has 2 fields, expected 3"))
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() throws {
        let error = try #require(DataSourceFixture.failure { _ = try records("a,b\n1,\"open\n2,3\n") })
        #expect(error.location?.description == "regions.csv:2:3")
        #expect(error.message.contains("never closed"))
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        let error = try #require(DataSourceFixture.failure { _ = try records("a\n\"x\"y\n") })
        #expect(error.location?.description == "regions.csv:2:4")
    }

    @Test func headerMustNameEveryColumnOnce() throws {
        let empty = try #require(DataSourceFixture.failure { _ = try records("a,,c\n1,2,3\n") })
        #expect(empty.location?.description == "regions.csv:1:3")
        let twice = try #require(DataSourceFixture.failure { _ = try records("值,a,值\n1,2,3\n") })
        #expect(twice.location?.description == "regions.csv:1:5")
        #expect(twice.message.contains("first at regions.csv:1:1"))
    }

    @Test func semicolonSeparatedFileGetsAHint() throws {
        let error = try #require(DataSourceFixture.failure { _ = try records("a;b\n1;2\n") })
        #expect(error.message.contains("commas"))
    }

    @Test func csvFileIsLoadedUnderItsStemFromDisk() throws {
        let folder = try DataSourceFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try DataSourceFixture.write("月份,访问量\n1,100\n", to: "traffic.csv", in: folder)
        let root = try DataLoader.load(path: path)
        #expect(root.keys == ["traffic"])
        #expect(root["traffic"]?.items.first?["访问量"]?.place == "\(path):2:3")
        #expect(try DataLoader.load(path: path, recordsKey: "访问")["访问"]?.items.count == 1)
    }

    @Test func gbkEncodedFileIsRejectedWithItsPlace() throws {
        let folder = try DataSourceFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gbk.csv").path
        try Data([0x61, 0x0A, 0xD6, 0xD0]).write(to: URL(fileURLWithPath: path))
        let error = try #require(DataSourceFixture.failure { _ = try DataLoader.load(path: path) })
        #expect(error.location?.description == "\(path):2:1")
        #expect(error.hint?.contains("GBK") == true)
    }
}
