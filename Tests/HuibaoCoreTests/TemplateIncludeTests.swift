import Foundation
import Testing
@testable import HuibaoCore

/// Renders `files[main]` with the other files available to include, extend and import.
func renderLibrary(_ files: [String: String], main: String = "report/main.md.j2", _ data: TemplateData = [:]) throws -> String {
    try Template(source: files[main]!, file: main, library: .files(files)).render(context: data.node)
}

/// The error parsing or rendering `files[main]` throws.
func libraryFailure(_ files: [String: String], main: String = "report/main.md.j2", _ data: TemplateData = [:]) -> HuibaoError? {
    DataSourceFixture.failure { _ = try renderLibrary(files, main: main, data) }
}

@Suite struct TemplateIncludeTests {
    @Test func includedFileIsRenderedInPlaceRelativeToTheIncludingTemplate() throws {
        let output = try renderLibrary([
            "report/main.md.j2": "# 标题\n{% include \"parts/intro.md.j2\" %}\n结尾",
            "report/parts/intro.md.j2": "导语：{{ unit }}\n",
        ], ["unit": "江临市"])
        #expect(output == "# 标题\n导语：江临市\n结尾")
    }

    @Test func includeOnItsOwnLineKeepsTheIncludedFilesLastLineBreak() throws {
        let output = try renderLibrary([
            "report/main.md.j2": "一\n{% include \"a.md.j2\" %}\n二\n",
            "report/a.md.j2": "甲\n乙\n",
        ])
        #expect(output == "一\n甲\n乙\n二")
    }

    @Test func includedTemplateSeesTheLoopVariables() throws {
        let output = try renderLibrary([
            "report/main.md.j2": "{% for r in rows %}\n{% include \"row.md.j2\" %}\n{% endfor %}",
            "report/row.md.j2": "- {{ loop.index }}. {{ r.name }}\n",
        ], ["rows": [["name": "东湖区"], ["name": "西山区"]]])
        #expect(output == "- 1. 东湖区\n- 2. 西山区\n")
    }

    @Test func includesNestAndPathsFollowEachFile() throws {
        let output = try renderLibrary([
            "report/main.md.j2": "{% include \"parts/a.md.j2\" %}",
            "report/parts/a.md.j2": "A{% include \"../shared/b.md.j2\" %}",
            "report/shared/b.md.j2": "B",
        ])
        #expect(output == "AB")
    }

    @Test func errorInAnIncludedFileCarriesThatFilesLocation() throws {
        let error = try #require(libraryFailure([
            "report/main.md.j2": "第一行\n{% include \"parts/kpi.md.j2\" %}",
            "report/parts/kpi.md.j2": "指标\n  {{ revenue }}\n",
        ], ["income": 1]))
        #expect(error.location?.description == "report/parts/kpi.md.j2:2:6")
        #expect(error.message == "undefined variable 'revenue'")
    }

    @Test func syntaxErrorInAnIncludedFileIsFoundBeforeRendering() throws {
        let error = try #require(libraryFailure([
            "report/main.md.j2": "{% if false %}{% include \"bad.md.j2\" %}{% endif %}",
            "report/bad.md.j2": "{% for x in %}",
        ]))
        #expect(error.location?.file == "report/bad.md.j2")
    }

    @Test func missingIncludeNamesWhereItLooked() throws {
        let error = try #require(libraryFailure(["report/main.md.j2": "\n  {% include \"kpi.md.j2\" %}"]))
        #expect(error.location?.description == "report/main.md.j2:2:3")
        #expect(error.message == "cannot find the template 'kpi.md.j2' to include")
        #expect(error.hint?.contains("report/kpi.md.j2") == true)
    }

    @Test func searchFoldersAreTriedAfterTheTemplatesOwnFolder() throws {
        let files = ["report/main.md.j2": "{% include \"base/cover.md.j2\" %}", "builtin/base/cover.md.j2": "封面"]
        let template = try Template(source: files["report/main.md.j2"]!, file: "report/main.md.j2",
                                    library: .files(files, searchDirectories: ["builtin"]))
        #expect(try template.render(context: DataNode(.object([]))) == "封面")
    }

    @Test func includeCycleIsAnErrorNamingTheChain() throws {
        let error = try #require(libraryFailure([
            "report/main.md.j2": "{% include \"a.md.j2\" %}",
            "report/a.md.j2": "a\n{% include \"b.md.j2\" %}",
            "report/b.md.j2": "{% include \"a.md.j2\" %}",
        ]))
        #expect(error.message == "include cycle: report/a.md.j2 → report/b.md.j2 → report/a.md.j2")
        #expect(error.location?.description == "report/b.md.j2:1:1")
    }

    @Test func templateIncludingItselfIsACycle() throws {
        let error = try #require(libraryFailure(["report/main.md.j2": "{% include \"main.md.j2\" %}"]))
        #expect(error.message == "include cycle: report/main.md.j2 → report/main.md.j2")
    }

    @Test func includePathMustBeQuotedText() throws {
        let error = try #require(libraryFailure(["report/main.md.j2": "{% include part %}"]))
        #expect(error.message.hasPrefix("expected the template's path in quotes after 'include'"))
    }

    @Test func sameFileIncludedTwiceIsRenderedTwice() throws {
        let output = try renderLibrary([
            "report/main.md.j2": "{% include \"x.md.j2\" %}{% include \"x.md.j2\" %}",
            "report/x.md.j2": "{{ n }}",
        ], ["n": 7])
        #expect(output == "77")
    }

    @Test func includeReadsFilesFromDisk() throws {
        let folder = try DataSourceFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("parts"), withIntermediateDirectories: true)
        try DataSourceFixture.write("{{ title }}\n", to: "parts/title.md.j2", in: folder)
        let main = folder.appendingPathComponent("main.md.j2").path
        let data: TemplateData = ["title": "年报"]
        let output = try Template(source: "# {% include \"parts/title.md.j2\" %}", file: main).render(context: data.node)
        #expect(output == "# 年报\n")
    }
}
