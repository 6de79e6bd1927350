import Foundation
import Testing
@testable import HuibaoCore

private func schema(_ text: String) throws -> DataSchema {
    try DataSchema(node: try DataLoader.load(text: text, file: "schema.yaml", format: .yaml), file: "schema.yaml")
}

private func problems(_ schemaText: String, _ dataText: String) throws -> [String] {
    let data = try DataLoader.load(text: dataText, file: "data.yaml", format: .yaml)
    return try schema(schemaText).check(data).problems.map { "\($0.location!): \($0.message)" }
}

@Suite struct SchemaCheckTests {
    @Test func dataThatFitsHasNoProblemsAndCountsItsValues() throws {
        let report = try schema("""
            title: text
            year: {type: integer, min: 2000, max: 2100}
            regions:
              items:
                fields:
                  name: text
                  share: number
            """).check(try DataLoader.load(text: """
            title: 年度总结
            year: 2025
            regions:
              - {name: 东湖区, share: 12.5}
              - {name: 西山区, share: 7}
            extra: ignored
            """, file: "data.yaml", format: .yaml))
        #expect(report.problems.isEmpty)
        // title, year, regions, 2 items × (item, name, share)
        #expect(report.checkedValues == 9)
    }

    @Test func everyProblemIsListedAtOnceWithItsPlace() throws {
        let found = try problems("""
            title: text
            year: integer
            unit: text
            """, """
            title: 12
            year: 2025.5
            """)
        #expect(found == [
            "data.yaml:1:8: 'title' must be text, found the number 12",
            "data.yaml:2:7: 'year' must be a whole number, found the number 2025.5",
            "data.yaml:1:1: 'unit' is missing; expected text",
        ])
    }

    @Test func optionalFieldMayBeLeftOutOrEmpty() throws {
        #expect(try problems("note: {type: text, required: false}", "a: 1").isEmpty)
        #expect(try problems("note: {type: text, required: false}", "note:").isEmpty)
        #expect(try problems("note: text", "note:") == ["data.yaml:1:6: 'note' is empty; expected text"])
    }

    @Test func allowedValuesAreListedInTheMessage() throws {
        #expect(try problems("status: {type: text, allowed: [草稿, 定稿]}", "status: 审核")
            == ["data.yaml:1:9: 'status' is text '审核', expected one of: 草稿, 定稿"])
        #expect(try problems("level: {allowed: [1, 2, 3]}", "level: 2").isEmpty)
    }

    @Test func boundsApplyToNumbersTextLengthsListSizesAndDates() throws {
        #expect(try problems("share: {type: number, min: 0, max: 100}", "share: 120.5")
            == ["data.yaml:1:8: 'share' must be at most 100, found 120.5"])
        #expect(try problems("share: {type: number, min: 0}", "share: -1")
            == ["data.yaml:1:8: 'share' must be at least 0, found -1"])
        #expect(try problems("code: {type: text, max: 4}", "code: ABCDE")
            == ["data.yaml:1:7: 'code' must be at most 4 characters long, found 5 characters long"])
        #expect(try problems("rows: {type: list, min: 1}", "rows: []")
            == ["data.yaml:1:7: 'rows' must be a list of at least 1 item, found 0 items"])
        #expect(try problems("day: {type: date, min: 2025-01-01}", "day: 2024-12-31")
            == ["data.yaml:1:6: 'day' must be on or after 2025-01-01, found 2024-12-31"])
    }

    @Test func datesMustBeRealDays() throws {
        #expect(try problems("day: date", "day: 2025-02-29") == ["data.yaml:1:6: 'day' must be a date (yyyy-mm-dd), found text '2025-02-29'"])
        #expect(try problems("day: date", "day: 2024-02-29").isEmpty)
        #expect(try problems("day: date", "day: 2025-01-01 08:30:00").isEmpty)
    }

    @Test func nestedFieldsAndListItemsNameTheirPath() throws {
        let found = try problems("""
            summary:
              fields:
                revenue: {type: number, min: 0}
            regions:
              type: list
              items:
                fields:
                  name: text
                  share: number
            """, """
            summary:
              revenue: -3
            regions:
              - name: 东湖区
                share: 十二
              - share: 7
            """)
        #expect(found == [
            "data.yaml:2:12: 'summary.revenue' must be at least 0, found -3",
            "data.yaml:5:12: 'regions[0].share' must be a number, found text '十二'",
            "data.yaml:6:5: 'regions[1].name' is missing; expected text",
        ])
    }

    @Test func typeMayBeOneOfSeveral() throws {
        #expect(try problems("code: {type: [text, number]}", "code: 0301").isEmpty)
        #expect(try problems("code: {type: [text, number]}", "code: 301").isEmpty)
        #expect(try problems("code: {type: [text, number]}", "code: true") == ["data.yaml:1:7: 'code' must be text or a number, found true"])
    }

    @Test func wrongTypeStopsTheChecksBelowIt() throws {
        #expect(try problems("rows: {items: {fields: {a: text}}}", "rows: 5") == ["data.yaml:1:7: 'rows' must be a list, found the number 5"])
    }

    @Test func problemHintPointsAtTheSchemaLine() throws {
        let data = try DataLoader.load(text: "a: 1", file: "data.yaml", format: .yaml)
        let report = try schema("a: text\nb:\n  type: number\n").check(data)
        #expect(report.problems.map(\.hint) == ["the schema asks for this at schema.yaml:1:4", "the schema asks for this at schema.yaml:3:3"])
    }

    @Test func unknownTypeInTheSchemaIsAnErrorWithTheTypesThere() throws {
        let error = try #require(DataSourceFixture.failure { _ = try schema("a: {type: strng}") })
        #expect(error.location?.description == "schema.yaml:1:11")
        #expect(error.hint?.contains("did you mean 'text'") == false)
        #expect(error.hint?.hasPrefix("types: text, number, integer, boolean, date, list, mapping") == true)
    }

    @Test func unknownSchemaKeyIsAnError() throws {
        let error = try #require(DataSourceFixture.failure { _ = try schema("a: {type: text, requird: true}") })
        #expect(error.message == "unknown key 'requird' in the schema › a")
    }

    @Test func fieldsOnANonMappingTypeIsAnError() throws {
        let error = try #require(DataSourceFixture.failure { _ = try schema("a: {type: text, fields: {b: text}}") })
        #expect(error.message.contains("describes a mapping"))
    }

    @Test func schemaBesideTheTemplateIsFound() throws {
        let folder = try DataSourceFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("report.md.j2").path
        #expect(DataSchema.path(forTemplate: template, explicit: nil) == nil)
        try DataSourceFixture.write("a: text", to: "schema.yaml", in: folder)
        #expect(DataSchema.path(forTemplate: template, explicit: nil) == folder.appendingPathComponent("schema.yaml").path)
        #expect(DataSchema.path(forTemplate: template, explicit: "other.yaml") == "other.yaml")
    }

    @Test func recordsFromACSVFileAreCheckedAtTheirCells() throws {
        let data = try DataLoader.load(text: "区县,值\n东湖区,12\n西山区,不详\n", file: "regions.csv", format: .csv)
        let report = try schema("regions: {items: {fields: {区县: text, 值: number}}}").check(data)
        #expect(report.problems.map { "\($0.location!): \($0.message)" } == ["regions.csv:3:5: 'regions[1].值' must be a number, found text '不详'"])
    }
}
