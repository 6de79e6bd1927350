import Foundation
import Testing
@testable import HuibaoCore

/// Styles: the built-in `report`, user styles that extend it, the errors a clerk's typo gets,
/// and the font roles of `fonts/roles.yaml`.
@Suite struct StyleLoaderTests {
    // MARK: - The built-in report style

    @Test func builtInReportIsA4() throws {
        let page = try StyleFixture.report().page
        #expect(page.widthMm == 210)
        #expect(page.heightMm == 297)
    }

    @Test func builtInReportBodyIsTwelvePointSong() throws {
        let body = try StyleFixture.report().body
        #expect(body.role == "song")
        #expect(body.sizePt == 12)
    }

    @Test func builtInReportHasFourHeadingLevelsInOrder() throws {
        let headings = try StyleFixture.report().headings
        #expect(headings.map(\.level) == [1, 2, 3, 4])
    }

    @Test func builtInReportNumbersHeadingsTheChineseWay() throws {
        let headings = try StyleFixture.report().headings
        #expect(headings.map(\.numbering) == ["{cn}、", "（{cn}）", "{n}.", "（{n}）"])
    }

    @Test func builtInReportSetsLevelOneHeadingsInHei() throws {
        let first = try #require(try StyleFixture.report().headings.first)
        #expect(first.level == 1)
        #expect(first.text.role == "hei")
    }

    @Test func builtInNamesListReport() {
        #expect(StyleFixture.loader.builtInNames.contains("report"))
    }

    @Test func unknownStyleNameIsAnErrorWhoseHintListsReport() throws {
        let reference = SourceLocation(file: "report.md", line: 5, column: 8)
        let error = try #require(StyleFixture.failure { _ = try StyleFixture.loader.load("nosuch", at: reference) })
        #expect(error.kind == .style)
        #expect(error.message.contains("'nosuch'"))
        #expect(error.location == reference)
        #expect(error.hint?.contains("report") == true)
    }

    // MARK: - User styles

    @Test func userStyleExtendingReportOverridesOnlyWhatItLists() throws {
        let folder = try StyleFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try StyleFixture.write("extends: report\nbody:\n  size_pt: 14\n", to: folder, as: "mine.yaml")
        let mine = try StyleFixture.loader.load(path)
        let report = try StyleFixture.report()

        #expect(mine.body.sizePt == 14)
        #expect(report.body.sizePt == 12)
        // Everything else in body comes from report.
        #expect(mine.body.role == report.body.role)
        #expect(mine.body.linePitchPt == report.body.linePitchPt)
        #expect(mine.body.firstLineIndentEm == report.body.firstLineIndentEm)
        // And so does everything outside body.
        #expect(mine.page.widthMm == 210)
        #expect(mine.page.heightMm == 297)
        #expect(mine.page.marginLeftMm == report.page.marginLeftMm)
        #expect(mine.page.marginTopMm == report.page.marginTopMm)
        #expect(mine.headings.map(\.numbering) == report.headings.map(\.numbering))
        #expect(mine.headings.map(\.text.role) == report.headings.map(\.text.role))
        #expect(mine.headings.map(\.text.sizePt) == report.headings.map(\.text.sizePt))
        #expect(mine.title.role == report.title.role)
        #expect(mine.title.sizePt == report.title.sizePt)
        #expect(mine.typography.kinsoku == report.typography.kinsoku)
        #expect(mine.table.cell.sizePt == report.table.cell.sizePt)
        #expect(mine.table.headerFill == report.table.headerFill)
        #expect(mine.footer.format == report.footer.format)
        #expect(mine.accentColor == report.accentColor)
    }

    @Test func misspelledKeyIsAnErrorNamingTheKeyAtItsLineInTheUserFile() throws {
        let folder = try StyleFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try StyleFixture.write("extends: report\nbody:\n  size_tp: 14\n", to: folder, as: "typo.yaml")
        let error = try #require(StyleFixture.failure { _ = try StyleFixture.loader.load(path) })
        #expect(error.kind == .style)
        #expect(error.message.contains("'size_tp'"))
        #expect(error.location?.file == path)
        #expect(error.location?.line == 3)
        #expect(error.hint?.contains("size_pt") == true)
    }

    @Test func textWhereANumberBelongsIsAnErrorSayingANumberWasExpected() throws {
        let folder = try StyleFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try StyleFixture.write("extends: report\nbody:\n  size_pt: big\n", to: folder, as: "type.yaml")
        let error = try #require(StyleFixture.failure { _ = try StyleFixture.loader.load(path) })
        #expect(error.kind == .style)
        #expect(error.message.contains("size_pt"))
        #expect(error.message.contains("must be a number"))
        #expect(error.message.contains("big"))
        #expect(error.location?.file == path)
        #expect(error.location?.line == 3)
    }

    @Test func unknownKinsokuLevelIsAnErrorListingBasicGbAndStrict() throws {
        let folder = try StyleFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try StyleFixture.write("extends: report\ntypography:\n  kinsoku: loose\n", to: folder, as: "k.yaml")
        let error = try #require(StyleFixture.failure { _ = try StyleFixture.loader.load(path) })
        #expect(error.kind == .style)
        #expect(error.message.contains("'loose'"))
        #expect(error.location?.line == 3)
        let text = error.description
        #expect(text.contains("basic"))
        #expect(text.contains("gb"))
        #expect(text.contains("strict"))
    }

    @Test func extendsCycleIsAnError() throws {
        let folder = try StyleFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = (folder as NSString).appendingPathComponent("a.yaml")
        let b = (folder as NSString).appendingPathComponent("b.yaml")
        _ = try StyleFixture.write("extends: \(b)\nbody:\n  size_pt: 13\n", to: folder, as: "a.yaml")
        _ = try StyleFixture.write("extends: \(a)\nbody:\n  size_pt: 11\n", to: folder, as: "b.yaml")
        let error = try #require(StyleFixture.failure { _ = try StyleFixture.loader.load(a) })
        #expect(error.kind == .style)
        #expect(error.message.contains("extends itself"))
        #expect(error.message.contains("a.yaml"))
        #expect(error.message.contains("b.yaml"))
    }

    @Test func styleExtendingItselfIsAnError() throws {
        let folder = try StyleFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = (folder as NSString).appendingPathComponent("self.yaml")
        _ = try StyleFixture.write("extends: \(a)\n", to: folder, as: "self.yaml")
        let error = try #require(StyleFixture.failure { _ = try StyleFixture.loader.load(a) })
        #expect(error.message.contains("extends itself"))
    }

    // MARK: - Font roles

    @Test func fontRolesFileDefinesTheFiveRoles() throws {
        let roles = try FontRoles.load(path: StyleFixture.project("fonts/roles.yaml"))
        #expect(roles.roles.keys.sorted() == ["fang", "hei", "kai", "song", "title"])
    }

    @Test func eachFontRoleStartsWithItsOwnFamily() throws {
        let roles = try FontRoles.load(path: StyleFixture.project("fonts/roles.yaml"))
        #expect(roles.roles["song"]?.families.first == "Noto Serif CJK SC")
        #expect(roles.roles["hei"]?.families.first == "Noto Sans CJK SC")
        #expect(roles.roles["kai"]?.families.first == "AR PL UKai CN")
        #expect(roles.roles["fang"]?.families.first == "FandolFang")
        #expect(roles.roles["title"]?.families.first == "Noto Serif CJK SC")
    }

    @Test func onlyTheTitleRoleIsBold() throws {
        let roles = try FontRoles.load(path: StyleFixture.project("fonts/roles.yaml"))
        #expect(roles.roles["title"]?.bold == true)
        for key in ["song", "hei", "kai", "fang"] {
            #expect(roles.roles[key]?.bold == false, "\(key) should not be bold")
        }
    }

    @Test func unknownFontRoleIsAnErrorListingTheRoles() throws {
        let roles = try FontRoles.load(path: StyleFixture.project("fonts/roles.yaml"))
        let error = try #require(StyleFixture.failure { _ = try roles.role("bold-song") })
        #expect(error.message.contains("'bold-song'"))
        #expect(error.hint?.contains("song") == true)
        #expect(error.hint?.contains("fang") == true)
    }
}

// MARK: - Helpers

private enum StyleFixture {
    /// The folder holding Package.swift, found by walking up from this file.
    static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static func project(_ relative: String) -> String {
        (projectRoot as NSString).appendingPathComponent(relative)
    }

    static let loader = StyleLoader(builtInDirectory: project("templates"))

    static func report() throws -> Style { try loader.load("report") }

    static func temporaryFolder() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("huibao-style-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @discardableResult
    static func write(_ text: String, to folder: String, as name: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The error `body` throws, or nil when it succeeds.
    static func failure(_ body: () throws -> Void) -> HuibaoError? {
        do {
            try body()
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return HuibaoError(.usage, "not a HuibaoError: \(error)")
        }
    }
}
