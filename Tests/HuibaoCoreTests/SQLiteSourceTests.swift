import Foundation
import Testing
@testable import HuibaoCore

private let database = DataSourceFixture.path("sqlite/metrics.db")

/// Runs a manifest holding one SQLite source with `queries` (YAML lines under `queries:`).
private func query(_ queries: String, file: String = database) throws -> DataNode {
    let folder = try DataSourceFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manifest = try DataSourceFixture.write("""
        sources:
          - sqlite:
              file: \(file)
              queries:
        \(queries)
        """, to: "sources.yaml", in: folder)
    return try DataLoader.load(paths: [manifest])
}

@Suite struct SQLiteSourceTests {
    @Test func eachQueryGivesItsRowsAsRecordsUnderItsName() throws {
        let root = try query("""
                    traffic: SELECT month, region, visits FROM traffic ORDER BY month, region
                    totals: SELECT * FROM monthly
            """)
        #expect(root.keys == ["traffic", "totals"])
        let traffic = root["traffic"]!.items
        #expect(traffic.count == 3)
        #expect(traffic[0].keys == ["month", "region", "visits"])
        #expect(traffic[0]["region"]?.text == "东湖区")
        #expect(root["totals"]?.items.map { $0["visits"]?.number } == [2180, 1350])
    }

    @Test func columnsAreTypedAsSQLiteHoldsThem() throws {
        let rows = try query("            rows: SELECT visits, share, note FROM traffic ORDER BY rowid")["rows"]!.items
        #expect(rows[0]["visits"]?.number == 1200)
        // A REAL comes through SQLite's own shortest text, so 0.1 is exactly 0.1.
        #expect(rows[0]["share"]?.number == Decimal(string: "0.1"))
        #expect(rows[0]["note"]?.isNull == true)
        #expect(rows[1]["note"]?.text == "含节假日")
    }

    @Test func valuesAreLocatedByQueryRowAndColumn() throws {
        let rows = try query("            rows: SELECT region, visits FROM traffic ORDER BY rowid")["rows"]!.items
        #expect(rows[1]["visits"]?.place == "\(database)[rows]:2:2")
        #expect(rows[0].place == "\(database)[rows]:1:1")
    }

    @Test func badSQLIsReportedAtTheQueryInTheManifest() throws {
        let error = try #require(DataSourceFixture.failure { _ = try query("            rows: SELECT * FROM trafic") })
        #expect(error.location?.line == 5)
        #expect(error.location?.file.hasSuffix("sources.yaml") == true)
        #expect(error.message.contains("no such table: trafic"))
        #expect(error.hint == "tables there: attachments, monthly, traffic")
    }

    @Test func queryThatWouldWriteIsRefused() throws {
        let error = try #require(DataSourceFixture.failure { _ = try query("            rows: DELETE FROM traffic") })
        #expect(error.message.contains("would change the database"))
        let count = try query("            rows: SELECT COUNT(*) AS n FROM traffic")["rows"]?.items.first?["n"]?.number
        #expect(count == 3)
    }

    @Test func twoStatementsInOneQueryAreRefused() throws {
        let error = try #require(DataSourceFixture.failure { _ = try query("            rows: SELECT 1; SELECT 2") })
        #expect(error.message.contains("more than one SQL statement"))
        // A trailing semicolon is still one statement.
        #expect(try query("            rows: SELECT 1 AS one;")["rows"]?.items.count == 1)
    }

    @Test func blobColumnIsAnErrorAtItsCell() throws {
        let error = try #require(DataSourceFixture.failure { _ = try query("            files: SELECT name, body FROM attachments") })
        #expect(error.location?.description == "\(database)[files]:1:2")
        #expect(error.message.contains("binary data"))
    }

    @Test func repeatedColumnNamesAskForAS() throws {
        let error = try #require(DataSourceFixture.failure { _ = try query("            rows: SELECT region, region FROM traffic") })
        #expect(error.message.contains("two columns named 'region'"))
        #expect(error.hint?.contains("AS") == true)
    }

    @Test func missingDatabaseIsNamedAtItsManifestLine() throws {
        let error = try #require(DataSourceFixture.failure { _ = try query("            rows: SELECT 1", file: "nowhere.db") })
        #expect(error.message.contains("nowhere.db"))
        #expect(error.location?.line == 3)
    }
}
