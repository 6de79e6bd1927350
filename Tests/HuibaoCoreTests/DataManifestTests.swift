import Foundation
import Testing
@testable import HuibaoCore

@Suite struct DataManifestTests {
    /// A folder holding `figures.yaml`, `regions.csv` and the manifest text given.
    private func folder(manifest: String) throws -> (URL, String) {
        let folder = try DataSourceFixture.scratchFolder()
        try DataSourceFixture.write("year: 2025\nunit: 江临市\n", to: "figures.yaml", in: folder)
        try DataSourceFixture.write("区县,值\n东湖区,12\n", to: "regions.csv", in: folder)
        return (folder, try DataSourceFixture.write(manifest, to: "sources.yaml", in: folder))
    }

    @Test func everyKindOfSourceMergesIntoOneTree() throws {
        let (dir, manifest) = try folder(manifest: """
            sources:
              - path: figures.yaml
              - path: regions.csv
              - path: \(DataSourceFixture.path("xlsx/basic.xlsx"))
                sheet: 备注
                as: notes
              - sqlite:
                  file: \(DataSourceFixture.path("sqlite/metrics.db"))
                  queries:
                    monthly: SELECT * FROM monthly
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try DataLoader.load(paths: [manifest])
        #expect(root.keys == ["year", "unit", "regions", "notes", "monthly"])
        #expect(root["year"]?.number == 2025)
        #expect(root["regions"]?.items.first?["值"]?.number == 12)
        #expect(root["notes"]?.items.first?["说明"]?.text == "第二张表")
        #expect(root["monthly"]?.items.count == 2)
    }

    @Test func pathsAreRelativeToTheManifestAndValuesKeepTheirFiles() throws {
        let (dir, manifest) = try folder(manifest: "sources:\n  - path: figures.yaml\n  - path: regions.csv\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try DataLoader.load(paths: [manifest])
        let folderPath = (manifest as NSString).deletingLastPathComponent
        #expect(root["year"]?.place == "\(folderPath)/figures.yaml:1:7")
        #expect(root["regions"]?.items.first?["值"]?.place == "\(folderPath)/regions.csv:2:5")
    }

    @Test func asPutsAMappingSourceUnderAKey() throws {
        let (dir, manifest) = try folder(manifest: "sources:\n  - path: figures.yaml\n    as: meta\n  - path: regions.csv\n    as: 区县表\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try DataLoader.load(paths: [manifest])
        #expect(root.keys == ["meta", "区县表"])
        #expect(root["meta"]?["unit"]?.text == "江临市")
        #expect(root["区县表"]?.items.count == 1)
    }

    @Test func laterSourcesAndLaterDataFilesWin() throws {
        let (dir, manifest) = try folder(manifest: "sources:\n  - path: figures.yaml\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let override = try DataSourceFixture.write("year: 2026\n", to: "override.yaml", in: dir)
        let root = try DataLoader.load(paths: [manifest, override])
        #expect(root["year"]?.number == 2026)
        #expect(root["unit"]?.text == "江临市")
    }

    @Test func fileWithOtherKeysBesideSourcesIsPlainData() throws {
        let (dir, _) = try folder(manifest: "")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try DataSourceFixture.write("sources:\n  - 统计年鉴\ntitle: 报告\n", to: "data.yaml", in: dir)
        let root = try DataLoader.load(paths: [data])
        #expect(root.keys == ["sources", "title"])
    }

    @Test func unknownKeyInASourceIsReportedAtItsLine() throws {
        let (dir, manifest) = try folder(manifest: "sources:\n  - path: regions.csv\n    sheeet: 一\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = try #require(DataSourceFixture.failure { _ = try DataLoader.load(paths: [manifest]) })
        #expect(error.location?.description == "\(manifest):3:13")
        #expect(error.message == "unknown key 'sheeet' in a data source")
        #expect(error.hint?.contains("sheet") == true)
    }

    @Test func sheetOptionOnACSVFileIsAnError() throws {
        let (dir, manifest) = try folder(manifest: "sources:\n  - path: regions.csv\n    sheet: 一\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = try #require(DataSourceFixture.failure { _ = try DataLoader.load(paths: [manifest]) })
        #expect(error.message.contains("only applies to an .xlsx workbook"))
        #expect(error.location?.line == 3)
    }

    @Test func missingSheetIsReportedAtTheManifestLineThatAsksForIt() throws {
        let (dir, manifest) = try folder(manifest: """
            sources:
              - path: \(DataSourceFixture.path("xlsx/basic.xlsx"))
                sheet: 预算
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = try #require(DataSourceFixture.failure { _ = try DataLoader.load(paths: [manifest]) })
        #expect(error.location?.description == "\(manifest):3:12")
        #expect(error.hint?.hasPrefix("sheets: 指标, 备注") == true)
    }

    @Test func sourceWithoutPathOrSQLiteSaysWhatASourceIs() throws {
        let (dir, manifest) = try folder(manifest: "sources:\n  - as: x\n  - figures.yaml\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = try #require(DataSourceFixture.failure { _ = try DataLoader.load(paths: [manifest]) })
        #expect(error.message == "a data source needs `path:` or `sqlite:`")
        #expect(error.location?.line == 2)
    }

    @Test func missingListedFileNamesItsResolvedPath() throws {
        let (dir, manifest) = try folder(manifest: "sources:\n  - path: gone.csv\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = try #require(DataSourceFixture.failure { _ = try DataLoader.load(paths: [manifest]) })
        #expect(error.message.contains("\(dir.path)/gone.csv"))
    }
}
