import Foundation
import Testing
@testable import HuibaoCore

private func render(_ source: String, _ data: TemplateData = [:]) throws -> String {
    try TemplateFixture.render(source, data)
}

@Suite struct TemplateExpressionTests {
    @Test func textWithoutTagsIsCopiedUnchanged() throws {
        #expect(try render("# 年度总结\n正文 {not a tag} 100%") == "# 年度总结\n正文 {not a tag} 100%")
    }

    @Test func outputWritesAVariable() throws {
        #expect(try render("单位：{{ unit }}", ["unit": "某某公司"]) == "单位：某某公司")
    }

    @Test func arithmeticFollowsPrecedence() throws {
        #expect(try render("{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 10 - 4 - 3 }}") == "7 9 3")
    }

    @Test func divisionGivesAnExactDecimal() throws {
        #expect(try render("{{ 10 / 4 }} {{ 0.1 + 0.2 }} {{ 1 / 8 }}") == "2.5 0.3 0.125")
    }

    @Test func floorDivisionAndRemainderFollowPython() throws {
        #expect(try render("{{ 10 // 3 }} {{ -10 // 3 }} {{ -10 % 3 }} {{ 10 % -3 }} {{ 7.5 % 2 }}") == "3 -4 2 -2 1.5")
    }

    @Test func numbersPrintAsPlainDecimalText() throws {
        let data: TemplateData = ["a": .number("1.50"), "b": .number("1e20"), "c": .number("0.000001"), "d": -3]
        #expect(try render("{{ a }} {{ b }} {{ c }} {{ d }}", data) == "1.5 100000000000000000000 0.000001 -3")
    }

    @Test func numberLiteralsAllowUnderscoresAndExponents() throws {
        #expect(try render("{{ 1_000 }} {{ 2.5e3 }} {{ 1E-2 }}") == "1000 2500 0.01")
    }

    @Test func stringLiteralsUnderstandEscapes() throws {
        #expect(try render(#"{{ 'it\'s' }}|{{ "say \"hi\"" }}|{{ 'a\nb' }}|{{ '\u4e2d\x41' }}|{{ '\q' }}"#)
            == "it's|say \"hi\"|a\nb|中A|\\q")
    }

    @Test func tildeJoinsValuesAsText() throws {
        #expect(try render("{{ 'No.' ~ 1 ~ '-' ~ true }}") == "No.1-True")
    }

    @Test func tildeBindsTighterThanPlus() throws {
        // As in Jinja, `1 + 2 ~ 3` is `1 + (2 ~ 3)`: a number plus text.
        #expect(TemplateFixture.failure("{{ 1 + 2 ~ 3 }}")?.message == "cannot add a number (1) and text '23'")
    }

    @Test func booleansAndNonePrintAsJinjaPrintsThem() throws {
        #expect(try render("{{ true }} {{ False }} {{ none }} {{ flag }}", ["flag": nil]) == "True False None None")
    }

    @Test func listsAndMappingsPrintLikePython() throws {
        #expect(try render("{{ [1, 'a', [true]] }} {{ m }}", ["m": ["k": "v", "n": 2]]) == "[1, 'a', [True]] {'k': 'v', 'n': 2}")
    }

    @Test func attributesAndIndexesReachIntoData() throws {
        let data: TemplateData = ["report": ["title": "总结", "rows": ["甲", "乙", "丙"]]]
        #expect(try render("{{ report.title }} {{ report['title'] }} {{ report.rows[0] }} {{ report.rows.1 }} {{ report.rows[-1] }}", data)
            == "总结 总结 甲 乙 丙")
    }

    @Test func indexCanBeAnExpression() throws {
        #expect(try render("{% set i = 1 %}{{ rows[i + 1] }}", ["rows": ["a", "b", "c"]]) == "c")
    }

    @Test func numericIndexFindsATextKeyOfAMapping() throws {
        #expect(try render("{{ by_year[2024] }}", ["by_year": ["2024": "丰收"]]) == "丰收")
    }

    @Test func textCanBeIndexedByCharacter() throws {
        #expect(try render("{{ '季度'[0] }}{{ 'abc'[-1] }}") == "季c")
    }

    @Test func textTimesAWholeNumberRepeats() throws {
        #expect(try render("{{ '-' * 3 }}{{ 2 * 'ab' }}") == "---abab")
    }

    @Test func plusJoinsTextsAndLists() throws {
        #expect(try render("{{ 'a' + 'b' }} {{ [1] + [2] }}") == "ab [1, 2]")
    }

    @Test func comparisonsChainLikePython() throws {
        #expect(try render("{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 2 >= 2 }} {{ 'a' < 'b' }} {{ 1 != 2 }}") == "True False True True True")
    }

    @Test func equalityComparesNumbersByValue() throws {
        #expect(try render("{{ a == 1.5 }} {{ [1, 'x'] == [1, 'x'] }} {{ 1 == '1' }}", ["a": .number("1.50")]) == "True True False")
    }

    @Test func inLooksInListsMappingsAndText() throws {
        let data: TemplateData = ["tags": ["急", "重"], "m": ["k": 1]]
        #expect(try render("{{ '急' in tags }} {{ 'k' in m }} {{ '总' in '总结' }} {{ 'x' not in tags }}", data) == "True True True True")
    }

    @Test func andOrReturnOneOfTheirOperands() throws {
        #expect(try render("{{ none or '无' }} {{ 0 and 1 }} {{ 'a' and 'b' }} {{ missing or '缺省' }}") == "无 0 b 缺省")
    }

    @Test func notBindsLooserThanComparison() throws {
        #expect(try render("{{ not 1 == 2 }} {{ not missing is defined }}") == "True True")
    }

    @Test func conditionalExpressionPicksABranch() throws {
        #expect(try render("{{ '多' if n > 1 else '少' }}", ["n": 2]) == "多")
    }

    @Test func conditionalWithoutElseGivesEmptyText() throws {
        #expect(try render("[{{ '多' if n > 1 }}]", ["n": 1]) == "[]")
    }

    @Test func unaryMinusTakesTheOperandBeforeFilters() throws {
        #expect(try render("{{ -2|abs }} {{ -x }} {{ +x }}", ["x": 3]) == "2 -3 3")
    }

    @Test func chineseNamesAreIdentifiers() throws {
        #expect(try render("{{ 销售额 }}", ["销售额": 100]) == "100")
    }

    @Test func keywordsStillWorkAsKeys() throws {
        #expect(try render("{{ m.in }} {{ m.if }}", ["m": ["in": 1, "if": 2]]) == "1 2")
    }

    @Test func tagsMaySpanLines() throws {
        #expect(try render("{{\n  a +\n  1\n}}", ["a": 1]) == "2")
    }
}

@Suite struct TemplateStatementTests {
    @Test func ifChoosesTheFirstTrueBranch() throws {
        let source = "{% if n > 10 %}大{% elif n > 5 %}中{% elif n > 0 %}小{% else %}无{% endif %}"
        #expect(try render(source, ["n": 7]) == "中")
        #expect(try render(source, ["n": 0]) == "无")
    }

    @Test func emptyAndZeroValuesAreFalse() throws {
        let data: TemplateData = ["zero": 0, "empty": "", "none": nil, "list": [], "map": [:]]
        #expect(try render("{% if zero or empty or none or list or map %}真{% else %}假{% endif %}", data) == "假")
    }

    @Test func missingKeyIsFalseInIf() throws {
        #expect(try render("{% if report.year %}有{% else %}无{% endif %}", ["report": ["a": 1]]) == "无")
    }

    @Test func missingChainIsFalseInIf() throws {
        #expect(try render("{% if a.b.c.d %}有{% else %}无{% endif %}", ["a": [:]]) == "无")
    }

    @Test func isDefinedTellsPresentFromMissing() throws {
        let data: TemplateData = ["report": ["year": 2024]]
        #expect(try render("{{ report.year is defined }} {{ report.month is defined }} {{ report.month is not defined }}", data)
            == "True False True")
    }

    @Test func typeTestsNameTheKindOfValue() throws {
        let data: TemplateData = ["n": 1, "s": "a", "z": nil]
        #expect(try render("{{ n is number }} {{ s is number }} {{ s is string }} {{ z is none }} {{ n is none }} {{ 3 is odd }} {{ 4 is even }}", data)
            == "True False True True False True True")
    }

    @Test func forRepeatsTheBodyForEachItem() throws {
        #expect(try render("{% for r in rows %}[{{ r }}]{% endfor %}", ["rows": ["甲", "乙"]]) == "[甲][乙]")
    }

    @Test func loopIndexCountsFromOne() throws {
        #expect(try render("{% for r in rows %}{{ loop.index }}{% endfor %}", ["rows": ["a", "b", "c"]]) == "123")
    }

    @Test func loopVariablesDescribeThePosition() throws {
        let source = "{% for r in rows %}{{ loop.index0 }}{{ loop.revindex }}{{ loop.length }}{{ 'F' if loop.first }}{{ 'L' if loop.last }} {% endfor %}"
        #expect(try render(source, ["rows": ["a", "b", "c"]]) == "033F 123 213L ")
    }

    @Test func forElseRunsWhenThereAreNoItems() throws {
        #expect(try render("{% for r in rows %}{{ r }}{% else %}（无）{% endfor %}", ["rows": []]) == "（无）")
    }

    @Test func forOverMappingItemsGivesKeyAndValue() throws {
        let data: TemplateData = ["m": ["华东": 12, "华北": 8]]
        #expect(try render("{% for k, v in m|items %}{{ k }}={{ v }};{% endfor %}", data) == "华东=12;华北=8;")
    }

    @Test func forUnpacksListsOfPairs() throws {
        #expect(try render("{% for a, b in [[1, 2], [3, 4]] %}{{ a + b }},{% endfor %}") == "3,7,")
    }

    @Test func forOverAMappingGivesItsKeysInOrder() throws {
        #expect(try render("{% for k in m %}{{ k }}{% endfor %}", ["m": ["z": 1, "a": 2]]) == "za")
    }

    @Test func forWithIfSkipsItemsAndCountsOnlyTheRest() throws {
        let source = "{% for n in nums if n > 1 %}{{ loop.index }}/{{ loop.length }}:{{ n }} {% endfor %}"
        #expect(try render(source, ["nums": [1, 2, 3]]) == "1/2:2 2/2:3 ")
    }

    @Test func nestedLoopsEachHaveTheirOwnLoopVariable() throws {
        let source = "{% for g in groups %}{% for i in g %}{{ loop.index }}{% endfor %}|{{ loop.index }} {% endfor %}"
        #expect(try render(source, ["groups": [["a", "b"], ["c"]]]) == "12|1 1|2 ")
    }

    @Test func setStoresAValueForLaterOutput() throws {
        #expect(try render("{% set total = a + b %}合计{{ total }}", ["a": 1, "b": 2]) == "合计3")
    }

    @Test func setShadowsData() throws {
        #expect(try render("{% set a = 5 %}{{ a }}", ["a": 1]) == "5")
    }

    @Test func setInsideALoopDoesNotOutliveTheLoop() throws {
        // Jinja's scoping: each iteration is its own scope.
        #expect(try render("{% set x = 0 %}{% for i in [1, 2] %}{% set x = i %}{% endfor %}{{ x }}") == "0")
    }

    @Test func setInsideIfStays() throws {
        #expect(try render("{% if true %}{% set x = 3 %}{% endif %}{{ x }}") == "3")
    }

    @Test func loopVariableIsGoneAfterTheLoop() throws {
        #expect(try render("{% for r in [1] %}{% endfor %}{{ r is defined }}") == "False")
    }

    @Test func commentsLeaveNothing() throws {
        #expect(try render("a{# 备注 {{ x }} #}b") == "ab")
    }

    @Test func rawKeepsTagsVerbatim() throws {
        #expect(try render("{% raw %}{{ x }}{% if %}{# c #}{% endraw %}") == "{{ x }}{% if %}{# c #}")
    }
}

@Suite struct TemplateEscapingTests {
    private func render(_ source: String, _ data: TemplateData) throws -> String {
        try TemplateFixture.render(source, data, escape: TemplateFixture.angleEscape)
    }

    @Test func outputIsEscaped() throws {
        #expect(try render("{{ x }}", ["x": "<b>"]) == "&lt;b&gt;")
    }

    @Test func templateTextIsNotEscaped() throws {
        #expect(try render("<i>{{ x }}</i>", ["x": "a"]) == "<i>a</i>")
    }

    @Test func markupFilterMarksOutputAsTrusted() throws {
        #expect(try render("{{ x|markup }} {{ x|safe }}", ["x": "<b>"]) == "<b> <b>")
    }

    @Test func markupCountsOnlyAsTheLastFilter() throws {
        #expect(try render("{{ x|markup|upper }}", ["x": "<b>"]) == "&lt;B&gt;")
    }

    @Test func escapeFilterEscapesExactlyOnce() throws {
        #expect(try render("{{ x|escape }} {{ x|e }}", ["x": "<b>"]) == "&lt;b&gt; &lt;b&gt;")
    }

    @Test func escapeOfMarkupLeavesItAlone() throws {
        #expect(try render("{{ x|markup|escape }}", ["x": "<b>"]) == "<b>")
    }

    @Test func setKeepsMarkupTrusted() throws {
        #expect(try render("{% set t = x|markup %}{{ t }}", ["x": "<b>"]) == "<b>")
    }

    @Test func numbersAreEscapedAsTheirText() throws {
        #expect(try TemplateFixture.render("{{ n }}", ["n": 12], escape: { "«" + $0 + "»" }) == "«12»")
    }
}
