import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing

/// `huibao new KIND DIR` and `huibao render DIR`, run as a new user runs them: the binary,
/// a fresh folder, the files it writes, the PDF it renders and what the checker says of it.
@Suite struct NewProjectTests {
    enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        case report, briefing, monthly
        var description: String { rawValue }
    }

    func huibao(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try PDFProbe.runStatus(StyleRender.binary, arguments)
    }

    /// A path inside a fresh temporary folder that does not exist yet.
    func freshFolder(_ name: String = "project") throws -> String {
        try ProjectPaths.temporaryDirectory() + "/" + name
    }

    @Test(arguments: Kind.allCases)
    func aNewProjectRendersAsItIsAndPassesTheChecks(_ kind: Kind) throws {
        let dir = try freshFolder()
        let made = try huibao(["new", kind.rawValue, dir])
        #expect(made.status == 0, "\(made.output)")
        #expect(made.output.contains("next: huibao render \(dir)"))
        let rendered = try huibao(["render", dir])
        #expect(rendered.status == 0, "\(rendered.output)")
        let pdf = dir + "/out/report.pdf"
        #expect(rendered.output.contains("wrote \(pdf)"), "\(rendered.output)")
        let probe = PDFProbe(pdf)
        #expect(try probe.qpdfCheck().ok)
        let sizes = try DrawingProbe(pdf).pageSizes
        switch kind {
        case .report:
            #expect(sizes.count >= 4)
            #expect(try probe.text(page: 2).contains("目"), "the contents follow the cover")
        case .briefing:
            #expect(sizes.allSatisfy { $0.width > $0.height }, "landscape")
            #expect(sizes.count == 5, "cover, contents, three topics")
        case .monthly:
            #expect(sizes.count == 2)
        }
        if StyleRender.hasPDFCheck {
            let check = try StyleRender.pdfcheck(pdf)
            #expect(check.ok, "\(check.output)")
        }
    }

    @Test(arguments: Kind.allCases)
    func aNewProjectHoldsItsManifestTemplateDataAndAReadmeOfTheFields(_ kind: Kind) throws {
        let dir = try freshFolder()
        #expect(try huibao(["new", kind.rawValue, dir]).status == 0)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        #expect(files.isSuperset(of: ["huibao.yaml", "report.md.j2", "data.yaml", "README.md"]), "\(files)")
        let readme = try String(contentsOfFile: dir + "/README.md", encoding: .utf8)
        #expect(readme.contains("data.yaml 的字段"))
        if kind != .monthly {
            // The example workbook is a real .xlsx: the loader reads its first sheet's records.
            #expect(files.contains("districts.xlsx"))
            let data = try DataLoader.load(path: dir + "/districts.xlsx")
            guard case .array(let rows)? = data["districts"]?.value else { Issue.record("no records in districts.xlsx"); return }
            #expect(rows.count >= 6)
            #expect(rows[0]["区县"] != nil && rows[0]["调用量"] != nil)
        }
    }

    @Test func newNeverWritesIntoAFolderThatHoldsFiles() throws {
        let dir = try freshFolder()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "mine".write(toFile: dir + "/data.yaml", atomically: true, encoding: .utf8)
        let (status, output) = try huibao(["new", "briefing", dir])
        #expect(status == 1)
        #expect(output.contains("is not empty"), "\(output)")
        #expect(try String(contentsOfFile: dir + "/data.yaml", encoding: .utf8) == "mine")
    }

    @Test func anUnknownKindOrAMissingFolderIsAWrongCommandLine() throws {
        let unknown = try huibao(["new", "weekly", try freshFolder()])
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("kinds: report, briefing, monthly"), "\(unknown.output)")
        #expect(try huibao(["new", "report"]).status == 2)
        let help = try huibao(["help", "new"])
        #expect(help.status == 0 && help.output.contains("huibao new report|briefing|monthly DIR"))
        #expect(try huibao(["--help"]).output.contains("huibao new"))
    }

    @Test func aFolderWithoutAManifestRendersItsReportTemplateAndDataByConvention() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        try "---\ntitle: {{ title }}\n---\n# 概况\n\n{{ text }}\n".write(toFile: dir + "/report.md.j2", atomically: true, encoding: .utf8)
        try "title: 约定\ntext: 按约定找到模板和数据。\n".write(toFile: dir + "/data.yaml", atomically: true, encoding: .utf8)
        let (status, output) = try huibao(["render", dir])
        #expect(status == 0, "\(output)")
        let text = try PDFProbe(dir + "/out/report.pdf").text().filter { !$0.isWhitespace }
        #expect(text.contains("按约定找到模板和数据。"))
    }

    @Test func dashOWritesTheProjectsPDFWhereItSays() throws {
        let dir = try freshFolder()
        #expect(try huibao(["new", "monthly", dir]).status == 0)
        let elsewhere = try ProjectPaths.temporaryDirectory() + "/m.pdf"
        #expect(try huibao(["render", dir, "-o", elsewhere]).status == 0)
        #expect(try PDFProbe(elsewhere).pageCount() == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func aManifestNamingAMissingDataFileIsAnErrorAtItsLine() throws {
        let dir = try freshFolder()
        #expect(try huibao(["new", "briefing", dir]).status == 0)
        try "template: report.md.j2\ndata:\n  - data.yaml\n  - 区县.xlsx\n".write(toFile: dir + "/huibao.yaml", atomically: true, encoding: .utf8)
        let (status, output) = try huibao(["render", dir])
        #expect(status == 1)
        #expect(output.contains("huibao.yaml:4:5: error: the data file '区县.xlsx' is not in"), "\(output)")
    }
}
