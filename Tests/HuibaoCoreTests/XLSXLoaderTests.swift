import Foundation
import Testing
@testable import HuibaoCore

private let basic = DataSourceFixture.path("xlsx/basic.xlsx")
private let merged = DataSourceFixture.path("xlsx/merged.xlsx")
private let problems = DataSourceFixture.path("xlsx/problems.xlsx")

private func rows(_ path: String, sheet: String? = nil, range: String? = nil) throws -> [DataNode] {
    try XLSXLoader.load(path: path, sheet: sheet, range: range, name: "rows")["rows"]?.items ?? []
}

@Suite struct XLSXLoaderTests {
    @Test func firstSheetIsReadWhenNoneIsNamed() throws {
        let records = try rows(basic)
        #expect(records.count == 4)
        #expect(records[0].keys == ["区县", "共享量", "同比", "达标", "日期", "签发"])
        #expect(records.map { $0["区县"]?.text } == ["东湖区", "西山区", "南湾区", "平均"])
    }

    @Test func sharedAndInlineStringsAreText() throws {
        let records = try rows(basic)
        #expect(records[0]["区县"]?.text == "东湖区")
        // An inline string made of two rich-text runs reads as one text.
        #expect(records[2]["日期"]?.text == "2025-03-01")
    }

    @Test func numbersAreExactDecimalsWhateverTheirDisplayFormat() throws {
        let records = try rows(basic)
        #expect(records[0]["共享量"]?.number == Decimal(string: "1234.5"))
        #expect(records[0]["同比"]?.number == Decimal(string: "0.052"))
        #expect(records[1]["同比"]?.number == Decimal(string: "-0.031"))
    }

    @Test func seventeenDigitNumbersAreShownAsExcelShowsThem() throws {
        let records = try rows(basic)
        #expect(records[1]["共享量"]?.number == Decimal(string: "0.3"))
        #expect(XLSXGrid.excelNumber("123456789012345678") == Decimal(string: "123456789012346000"))
        #expect(XLSXGrid.excelNumber("1E-3") == Decimal(string: "0.001"))
    }

    @Test func formulasGiveTheirSavedValues() throws {
        let records = try rows(basic)
        #expect(records[2]["共享量"]?.number == Decimal(string: "1234.8"))
        #expect(records[2]["同比"]?.text == "下降")
        #expect(records[3]["共享量"]?.number == Decimal(string: "617.4"))
    }

    @Test func booleansAreBooleans() throws {
        let records = try rows(basic)
        guard case .bool(true) = records[0]["达标"]?.value, case .bool(false) = records[1]["达标"]?.value else {
            Issue.record("expected true and false, found \(String(describing: records[0]["达标"])) and \(String(describing: records[1]["达标"]))")
            return
        }
    }

    @Test func datesInBuiltInAndCustomFormatsBecomeISODates() throws {
        let records = try rows(basic)
        #expect(records[0]["日期"]?.text == "2025-01-01")
        #expect(records[1]["日期"]?.text == "2025-03-01")
        #expect(records[0]["签发"]?.text == "2025-01-01 12:00:00")
    }

    @Test func serialDatesFollowExcelsCalendar() {
        #expect(ExcelDate.text(serial: 1, kind: .date, uses1904: false) == "1900-01-01")
        #expect(ExcelDate.text(serial: 59, kind: .date, uses1904: false) == "1900-02-28")
        // Serial 60 is the 29 February 1900 that Excel counts although it never was.
        #expect(ExcelDate.text(serial: 60, kind: .date, uses1904: false) == "1900-02-29")
        #expect(ExcelDate.text(serial: 61, kind: .date, uses1904: false) == "1900-03-01")
        #expect(ExcelDate.text(serial: 45_658, kind: .date, uses1904: false) == "2025-01-01")
        #expect(ExcelDate.text(serial: 0, kind: .date, uses1904: true) == "1904-01-01")
        #expect(ExcelDate.text(serial: Decimal(string: "0.75")!, kind: .time, uses1904: false) == "18:00:00")
    }

    @Test func customFormatsAreDatesOnlyWhenTheyShowDateParts() {
        #expect(XLSXNumberKind(formatCode: "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(XLSXNumberKind(formatCode: "yyyy-mm-dd hh:mm") == .dateTime)
        #expect(XLSXNumberKind(formatCode: "h:mm") == .time)
        #expect(XLSXNumberKind(formatCode: "#,##0.00\"天\"") == .number)
        #expect(XLSXNumberKind(formatCode: "[Red]0.0%;[Blue]-0.0%") == .number)
        #expect(XLSXNumberKind(formatCode: "General") == .number)
        #expect(XLSXNumberKind(builtIn: 14) == .date)
        #expect(XLSXNumberKind(builtIn: 31) == .date)
        #expect(XLSXNumberKind(builtIn: 4) == .number)
    }

    @Test func missingCellsAreNull() throws {
        let records = try rows(basic)
        #expect(records[1]["签发"]?.isNull == true)
        #expect(records[3]["同比"]?.isNull == true)
    }

    @Test func everyValueIsLocatedBySheetAndCell() throws {
        let records = try rows(basic)
        #expect(records[0]["共享量"]?.place == "\(basic)[指标!B2]:2:2")
        #expect(records[3]["共享量"]?.place == "\(basic)[指标!B6]:6:2")
        #expect(records[0].place == "\(basic)[指标!A2]:2:1")
        // A missing cell is located where it would be.
        #expect(records[1]["签发"]?.place == "\(basic)[指标!F3]:3:6")
    }

    @Test func namedSheetIsRead() throws {
        let records = try rows(basic, sheet: "备注")
        #expect(records.count == 1)
        #expect(records[0]["说明"]?.text == "第二张表")
        #expect(records[0]["说明"]?.place == "\(basic)[备注!A2]:2:1")
    }

    @Test func missingSheetNamesTheSheetsThere() throws {
        let error = try #require(DataSourceFixture.failure { _ = try rows(basic, sheet: "指 标") })
        #expect(error.message == "the workbook '\(basic)' has no sheet named '指 标'")
        #expect(error.hint?.hasPrefix("sheets: 指标, 备注") == true)
        #expect(error.hint?.contains("did you mean '指标'") == true)
    }

    @Test func cellRangeLimitsTheRecords() throws {
        let records = try rows(basic, range: "A1:C3")
        #expect(records.count == 2)
        #expect(records[0].keys == ["区县", "共享量", "同比"])
    }

    @Test func definedNameSelectsItsSheetAndCells() throws {
        let records = try rows(basic, range: "重点区县")
        #expect(records.count == 2)
        #expect(records[0].keys == ["区县", "共享量"])
        let error = try #require(DataSourceFixture.failure { _ = try rows(basic, range: "重点") })
        #expect(error.hint == "names defined there: 重点区县")
        let conflict = try #require(DataSourceFixture.failure { _ = try rows(basic, sheet: "备注", range: "重点区县") })
        #expect(conflict.message.contains("is on the sheet '指标'"))
    }

    @Test func mergedCellGivesItsValueToEveryCellOfTheRange() throws {
        let records = try rows(merged, range: "A2:C5")
        #expect(records.map { $0["区县"]?.text } == ["东湖区", "东湖区", "西山区"])
        #expect(records.map { $0["共享量"]?.number } == [120, Decimal(string: "98.5"), 77])
        // The value is located where it is written: the merged range's first cell.
        #expect(records[1]["区县"]?.place == "\(merged)[共享!A3]:3:1")
    }

    @Test func titleMergedAboveTheHeaderIsReportedWithTheRangeToUse() throws {
        let error = try #require(DataSourceFixture.failure { _ = try rows(merged) })
        #expect(error.location?.description == "\(merged)[共享!B1]:1:2")
        #expect(error.message.contains("merged from A1"))
        #expect(error.hint?.contains("range: A2:C5") == true)
    }

    @Test func formulaErrorIsReportedAtItsCell() throws {
        let error = try #require(DataSourceFixture.failure { _ = try rows(problems, sheet: "错误值") })
        #expect(error.location?.description == "\(problems)[错误值!B2]:2:2")
        #expect(error.message == "B2 holds the Excel error #DIV/0!")
    }

    @Test func formulaWithoutASavedValueAsksForTheFileToBeSaved() throws {
        let error = try #require(DataSourceFixture.failure { _ = try rows(problems, sheet: "未计算") })
        #expect(error.location?.description == "\(problems)[未计算!B2]:2:2")
        #expect(error.message == "the formula in B2 has no saved value")
    }

    @Test func valueUnderAnUnnamedColumnIsAnError() throws {
        let error = try #require(DataSourceFixture.failure { _ = try rows(problems, sheet: "无列名") })
        #expect(error.message == "B2 holds a value but its column has no name in B1")
    }

    @Test func prefixedXMLCellsWithoutReferencesAnd1904DatesAreRead() throws {
        let records = try rows(DataSourceFixture.path("xlsx/prefixed-1904.xlsx"))
        #expect(records.count == 1)
        #expect(records[0]["名称"]?.text == "甲")
        #expect(records[0]["日期"]?.text == "1904-01-01")
    }

    @Test func fileThatIsNotAZIPArchiveIsNotAWorkbook() throws {
        let folder = try DataSourceFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try DataSourceFixture.write("区县,值\n", to: "renamed.xlsx", in: folder)
        let error = try #require(DataSourceFixture.failure { _ = try rows(text) })
        #expect(error.message.contains("not a ZIP archive"))
        let ole = folder.appendingPathComponent("old.xlsx").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: ole))
        #expect(DataSourceFixture.failure { _ = try rows(ole) }?.hint?.contains(".xls") == true)
    }

    @Test func workbookGivenAsDataFileGoesUnderItsStem() throws {
        let root = try DataLoader.load(path: basic)
        #expect(root.keys == ["basic"])
        #expect(root["basic"]?.items.count == 4)
    }

    @Test func cellReferencesReadBothWays() {
        #expect(XLSXCell("B7") == XLSXCell(row: 7, column: 2))
        #expect(XLSXCell("$AA$10") == XLSXCell(row: 10, column: 27))
        #expect(XLSXCell("7B") == nil)
        #expect(XLSXCell(row: 1, column: 703).reference == "AAA1")
    }
}
