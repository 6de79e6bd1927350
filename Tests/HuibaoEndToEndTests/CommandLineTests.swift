import Foundation
import HuibaoTestSupport
import Testing

/// The `huibao` executable as a user and a cron job meet it: exit codes, messages, files.
@Suite struct CommandLineTests {
    static let binary = ProjectPaths.root + "/.build/debug/huibao"

    func huibao(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try PDFProbe.runStatus(Self.binary, arguments)
    }

    func write(_ text: String, _ name: String, in dir: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func helpExitsZeroAndShowsTheRenderUsage() throws {
        let (status, output) = try huibao(["--help"])
        #expect(status == 0)
        #expect(output.contains("huibao render TEMPLATE --data FILE"))
        let (renderStatus, renderHelp) = try huibao(["render", "--help"])
        #expect(renderStatus == 0)
        #expect(renderHelp.contains("--style"))
    }

    @Test func aWrongCommandLineExitsTwo() throws {
        #expect(try huibao(["frobnicate"]).status == 2)
        #expect(try huibao(["render"]).status == 2)
        #expect(try huibao(["render", "a.md", "--bogus"]).status == 2)
    }

    @Test func malformedYAMLNamesFileLineAndColumnAndLeavesNoPDF() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let template = try write("# {{ title }}\n", "t.md.j2", in: dir)
        let data = try write("title: 总结\nitems: [1, 2\nother: 3\n", "bad.yaml", in: dir)
        let (status, output) = try huibao(["render", template, "--data", data, "-o", dir + "/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("bad.yaml:"), "\(output)")
        #expect(output.range(of: #"bad\.yaml:\d+:\d+"#, options: .regularExpression) != nil, "\(output)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func aMissingVariableNamesTheTemplateLine() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let template = try write("# 标题\n\n全年完成{{ report.total }}亿元。\n", "t.md.j2", in: dir)
        let data = try write("report:\n  year: 2025\n", "d.yaml", in: dir)
        let (status, output) = try huibao(["render", template, "--data", data, "-o", dir + "/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("t.md.j2:3:"), "\(output)")
        #expect(output.contains("total"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func aBadValueFromTheDataIsShownWhereItIsInTheData() throws {
        // The chart kind comes from the data: the message must send the clerk to the JSON line,
        // not to a line of markup nobody wrote.
        let dir = try ProjectPaths.temporaryDirectory()
        let template = try write("# 图表\n\n```chart\nkind: {{ chart.kind }}\ncategories: [甲, 乙]\nvalues: [1, 2]\n```\n", "t.md.j2", in: dir)
        let data = try write("{\n  \"chart\": {\n    \"kind\": \"radar\"\n  }\n}\n", "d.json", in: dir)
        let (status, output) = try huibao(["render", template, "--data", data, "-o", dir + "/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("d.json:3:13: error: 'radar' is not a kind of chart"), "\(output)")
        #expect(output.contains("t.md.j2 (rendered markup):4:7"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func aTemplateSyntaxErrorNamesItsLine() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let template = try write("# 标题\n{% for x in items %}\n{{ x }}\n", "t.md.j2", in: dir)
        let data = try write("items: [1]\n", "d.yaml", in: dir)
        let (status, output) = try huibao(["render", template, "--data", data, "-o", dir + "/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("t.md.j2:"), "\(output)")
    }

    @Test func anUnknownStyleListsTheBuiltInOnes() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let markup = try write("---\ntitle: 测试\nstyle: fancy\n---\n正文。\n", "a.md", in: dir)
        let (status, output) = try huibao(["render", markup, "-o", dir + "/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("a.md:3:"), "\(output)")
        #expect(output.contains("unknown style 'fancy'"))
        #expect(output.contains("report"))
    }

    @Test func anUnwritableOutputFailsAndKeepsTheOldFile() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let markup = try write("# 标题\n\n正文。\n", "a.md", in: dir)
        let (status, output) = try huibao(["render", markup, "-o", dir + "/no/such/dir/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("does not exist"), "\(output)")
        // A failed render over an existing PDF leaves it as it was.
        let existing = try write("old", "keep.pdf", in: dir)
        let broken = try write("---\nstyle: fancy\n---\n正文。\n", "b.md", in: dir)
        #expect(try huibao(["render", broken, "-o", existing]).status == 1)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "old")
    }

    @Test func aCharacterNoFontHasStopsTheRenderNamingIt() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let markup = try write("# 标题\n\n这里有一个私用区字符\u{E000}。\n", "a.md", in: dir)
        let (status, output) = try huibao(["render", markup, "-o", dir + "/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("U+E000"), "\(output)")
        #expect(output.contains("a.md:3:"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func aSuccessfulRenderSaysWhereThePDFIs() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let markup = try write("# 标题\n\n正文。\n", "a.md", in: dir)
        let (status, output) = try huibao(["render", markup, "-o", dir + "/a.pdf"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("wrote \(dir)/a.pdf (1 page)"))
        #expect(try PDFProbe(dir + "/a.pdf").pageCount() == 1)
    }

    @Test func anErrorInMarkupATemplateMadeSaysSoAndTheMarkupCanBeWrittenOut() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let template = try write("# 标题\n\n```{{ kind }}\n```\n", "t.md.j2", in: dir)
        let data = try write("kind: diagram\n", "d.yaml", in: dir)
        let (status, output) = try huibao(["render", template, "--data", data, "-o", dir + "/out.pdf"])
        #expect(status == 1)
        #expect(output.contains("t.md.j2 (rendered markup):3:"), "\(output)")
        let (written, message) = try huibao(["render", template, "--data", data, "--markup", dir + "/made.md"])
        #expect(written == 0, "\(message)")
        #expect(try String(contentsOfFile: dir + "/made.md", encoding: .utf8).contains("```diagram"))
    }
}
