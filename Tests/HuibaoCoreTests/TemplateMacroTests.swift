import Foundation
import Testing
@testable import HuibaoCore

private func render(_ source: String, _ data: TemplateData = [:]) throws -> String {
    try TemplateFixture.render(source, data)
}

@Suite struct TemplateMacroTests {
    private let card = """
        {% macro kpi(label, value, unit='') -%}
        - {{ label }}：{{ value }}{{ unit }}
        {% endmacro %}
        """

    @Test func macroIsCalledWithPositionalAndKeywordArguments() throws {
        let output = try render(card + "{{ kpi('营收', 12.3, '亿元') -}}\n{{ kpi(value=5, label='项目') }}")
        #expect(output == "- 营收：12.3亿元\n- 项目：5\n")
    }

    @Test func macroCanBeUsedBeforeItIsDefined() throws {
        #expect(try render("{{ hello('甲') }}{% macro hello(name) %}你好{{ name }}{% endmacro %}") == "你好甲")
    }

    @Test func defaultsMayUseEarlierParameters() throws {
        #expect(try render("{% macro f(a, b=a * 2) %}{{ a }}/{{ b }}{% endmacro %}{{ f(3) }} {{ f(3, 1) }}") == "3/6 3/1")
    }

    @Test func macroSeesTheDataButNotTheCallersVariables() throws {
        #expect(try render("{% macro m() %}{{ unit }}{% endmacro %}{{ m() }}", ["unit": "局"]) == "局")
        let error = try #require(TemplateFixture.failure("{% macro m() %}{{ i }}{% endmacro %}{% for i in [1] %}{{ m() }}{% endfor %}"))
        #expect(error.message == "undefined variable 'i'")
    }

    @Test func macroOutputIsEscapedOnceNotTwice() throws {
        let output = try TemplateFixture.render("{% macro m(x) %}<{{ x }}>{% endmacro %}{{ m(v) }}", ["v": "<b>"],
                                                escape: TemplateFixture.angleEscape)
        #expect(output == "<&lt;b&gt;>")
    }

    @Test func macroCanRenderLoopsOverItsArguments() throws {
        let output = try render("""
            {% macro table(rows) %}
            {% for r in rows %}
            | {{ r.name }} | {{ r.value|number(1) }} |
            {% endfor %}
            {% endmacro %}
            {{ table(regions) -}}
            """, ["regions": [["name": "东湖区", "value": 1234.56], ["name": "西山区", "value": 7]]])
        #expect(output == "| 东湖区 | 1,234.6 |\n| 西山区 | 7.0 |\n")
    }

    @Test func unknownMacroIsAParseErrorWithASuggestion() throws {
        let error = try #require(TemplateFixture.failure(card + "{% if false %}{{ kpl('a', 1) }}{% endif %}"))
        #expect(error.message == "unknown macro 'kpl'")
        #expect(error.location?.description == "t.md:3:32")
        #expect(error.hint?.contains("did you mean 'kpi'") == true)
    }

    @Test func argumentsAreCheckedAgainstTheParameters() throws {
        #expect(TemplateFixture.failure(card + "{{ kpi('a') }}")?.message == "macro 'kpi' needs the argument 'value'")
        #expect(TemplateFixture.failure(card + "{{ kpi('a', 1, 'x', 2) }}")?.message == "macro 'kpi' takes 3 arguments, given 4")
        #expect(TemplateFixture.failure(card + "{{ kpi('a', 1, units='x') }}")?.hint == "it is defined as kpi(label, value, unit); did you mean 'unit'?")
        #expect(TemplateFixture.failure(card + "{{ kpi('a', 1, label='x') }}")?.message == "argument 'label' of macro 'kpi' is given twice")
    }

    @Test func macroDefinitionMistakesAreReported() throws {
        #expect(TemplateFixture.failure("{% macro m(a=1, b) %}{% endmacro %}")?.message
            == "parameter 'b' of macro 'm' needs a default, as the ones before it have")
        #expect(TemplateFixture.failure("{% macro m(a, a) %}{% endmacro %}")?.message == "macro 'm' has two parameters named 'a'")
        #expect(TemplateFixture.failure("{% macro m() %}{% endmacro %}{% macro m() %}{% endmacro %}")?.message.hasPrefix("macro 'm' is defined twice") == true)
        #expect(TemplateFixture.failure("{% macro m() %}{% macro n() %}{% endmacro %}{% endmacro %}")?.message
            == "a macro cannot be defined inside another macro")
    }

    @Test func endlessRecursionIsAnErrorNotACrash() throws {
        let error = try #require(TemplateFixture.failure("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}"))
        #expect(error.message.contains("more than 100 levels deep"))
    }

    @Test func recursionWithAStopWorks() throws {
        #expect(try render("{% macro count(n) %}{{ n }}{% if n > 1 %},{{ count(n - 1) }}{% endif %}{% endmacro %}{{ count(3) }}") == "3,2,1")
    }

    @Test func macrosAreImportedFromAnotherFileByName() throws {
        let output = try renderLibrary([
            "report/macros.md.j2": "{% macro kpi(label, value) %}{{ label }}={{ value }}{% endmacro %}{% macro twice(x) %}{{ kpi(x, x) }}{% endmacro %}",
            "report/main.md.j2": "{% from \"macros.md.j2\" import kpi, twice as double %}{{ kpi('a', 1) }} {{ double('b') }}",
        ])
        #expect(output == "a=1 b=b")
    }

    @Test func importingAMacroThatIsNotThereNamesTheOnesThatAre() throws {
        let error = try #require(libraryFailure([
            "report/macros.md.j2": "{% macro kpi_card(a) %}{% endmacro %}",
            "report/main.md.j2": "{% from \"macros.md.j2\" import kpi_crd %}",
        ]))
        #expect(error.message == "the template 'macros.md.j2' has no macro 'kpi_crd'")
        #expect(error.hint == "macros there: kpi_card; did you mean 'kpi_card'?")
        #expect(error.location?.description == "report/main.md.j2:1:31")
    }

    @Test func errorInsideAnImportedMacroPointsIntoItsFile() throws {
        let error = try #require(libraryFailure([
            "report/macros.md.j2": "{% macro kpi(v) %}\n{{ v|number }}{% endmacro %}",
            "report/main.md.j2": "{% from \"macros.md.j2\" import kpi %}{{ kpi('多') }}",
        ]))
        #expect(error.location?.file == "report/macros.md.j2")
        #expect(error.location?.line == 2)
    }

    @Test func plainImportIsExplainedAsUnsupported() throws {
        #expect(TemplateFixture.failure("{% import 'm.j2' as m %}")?.hint?.contains("{% from") == true)
    }
}
