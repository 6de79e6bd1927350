import HuibaoCore
import Testing

/// A template's output remembers where it wrote values from the data, so that a problem found
/// later in the markup can be shown in the data file, where the clerk fixes it.
@Suite struct TemplateOriginTests {
    static let data = """
        title: 月报
        chart:
          kind: radar
          values: [1, 2, N/A]
        """

    func rendered(_ source: String) throws -> RenderedTemplate {
        let node = try DataLoader.load(text: Self.data, file: "data.yaml", format: .yaml)
        return try Template(source: source, file: "t.md.j2").renderTracked(context: node, escape: MarkupEscaper.escape)
    }

    @Test func aValueInTheOutputPointsBackToItsPlaceInTheData() throws {
        let out = try rendered("# {{ title }}\n\n```chart\nkind: {{ chart.kind }}\n```\n")
        #expect(out.text.contains("kind: radar"))
        let origin = try #require(out.dataLocation(line: 4, column: 7))
        #expect(origin.file == "data.yaml")
        #expect(origin.line == 3)
        #expect(origin.column == 9)
        // Anywhere inside the value, not only its first character.
        #expect(out.dataLocation(line: 4, column: 11) == origin)
        // The template's own text has no place in the data.
        #expect(out.dataLocation(line: 4, column: 2) == nil)
        #expect(out.dataLocation(line: 3, column: 1) == nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let out = try rendered("标题：{{ title }}\n")
        let origin = try #require(out.dataLocation(line: 1, column: 4))
        #expect(origin.line == 1)
        #expect(out.dataLocation(line: 1, column: 3) == nil)
    }

    @Test func whatAFilterMakesOfAValueKeepsItsOrigin() throws {
        let out = try rendered("values: [{{ chart[\"values\"]|join(\", \")|markup }}]\n")
        #expect(out.text.hasPrefix("values: [1, 2, N/A]"))
        let origin = try #require(out.dataLocation(line: 1, column: 16))
        #expect(origin.line == 4)
    }

    @Test func aPlaceOutsideTheTextHasNoOrigin() throws {
        let out = try rendered("{{ title }}\n")
        #expect(out.dataLocation(line: 9, column: 1) == nil)
        #expect(out.dataLocation(line: 1, column: 40) == nil)
    }
}
