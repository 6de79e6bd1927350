import Foundation
import Huibao
import HuibaoCore
import HuibaoTestSupport
import Testing

/// `Renderer.check`, which `huibao check` prints: every data problem at once, or the
/// template's first error, without typesetting anything.
@Suite struct CheckTests {
    static let example = ProjectPaths.root + "/Tests/Fixtures/sources"

    func check(data: [String], schema: String? = nil, template: String = example + "/report.md.j2") throws -> CheckResult {
        try Renderer().check(RenderRequest(input: template, data: data, schema: schema))
    }

    @Test func exampleWithEverySourceKindFitsItsSchema() throws {
        let result = try check(data: [Self.example + "/sources.yaml"])
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.schema == Self.example + "/schema.yaml")
        #expect(result.checkedValues == 36)
    }

    @Test func everyProblemOfBadDataIsListedWithItsPlace() throws {
        let bad = Self.example + "/bad-figures.yaml"
        let result = try check(data: [Self.example + "/sources.yaml", bad])
        #expect(result.problems.map { $0.location?.description ?? "" } == [
            "\(bad):3:9", "\(bad):4:10", "\(bad):6:26", "\(bad):7:38", "\(bad):7:5",
        ])
        #expect(result.problems[1].message == "'meta.month' must be at most 12, found 13")
        #expect(result.problems[4].message == "'kpis[1].change' is missing; expected a number")
    }

    @Test func templateErrorIsFoundWhenTheDataFits() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let template = dir + "/t.md.j2"
        try "# {{ meta.titel }}\n".write(toFile: template, atomically: true, encoding: .utf8)
        let result = try check(data: [Self.example + "/figures.yaml"], template: template)
        #expect(result.schema == nil)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.location?.description == "\(template):1:6")
        #expect(result.problems.first?.hint?.contains("did you mean 'title'") == true)
    }

    @Test func renderStopsAtTheFirstSchemaProblemAndWritesNothing() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        let output = dir + "/out.pdf"
        let request = RenderRequest(input: Self.example + "/report.md.j2",
                                    data: [Self.example + "/sources.yaml", Self.example + "/bad-figures.yaml"])
        let error = #expect(throws: HuibaoError.self) { try Renderer().render(request, to: output) }
        #expect(error?.location?.description == Self.example + "/bad-figures.yaml:3:9")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
