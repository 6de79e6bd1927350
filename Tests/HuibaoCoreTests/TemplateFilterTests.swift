import Testing
@testable import HuibaoCore

private func render(_ source: String, _ data: TemplateData = [:]) throws -> String {
    try TemplateFixture.render(source, data)
}

@Suite struct TemplateFilterTests {
    @Test func defaultReplacesAMissingValue() throws {
        #expect(try render("{{ report.year|default('未填') }} {{ x|d(0) }}", ["report": [:]]) == "未填 0")
    }

    @Test func defaultReplacesAMissingChain() throws {
        #expect(try render("{{ a.b.c|default('—') }}", ["a": [:]]) == "—")
    }

    @Test func defaultKeepsEmptyValuesUnlessAskedToReplaceThem() throws {
        let data: TemplateData = ["e": "", "z": nil]
        #expect(try render("[{{ e|default('x') }}] {{ z|default('x') }} {{ e|default('x', true) }} {{ z|default('x', boolean=true) }}", data)
            == "[] None x x")
    }

    @Test func defaultOfADefinedValueIsTheValue() throws {
        #expect(try render("{{ n|default(5) }}", ["n": 0]) == "0")
    }

    @Test func lengthCountsCharactersItemsAndKeys() throws {
        let data: TemplateData = ["s": "年度总结", "l": [1, 2, 3], "m": ["a": 1]]
        #expect(try render("{{ s|length }} {{ l|length }} {{ m|length }} {{ l|count }} {{ ''|length }}", data) == "4 3 1 3 0")
    }

    @Test func lengthOfANumberFails() throws {
        #expect(TemplateFixture.failure("{{ 5|length }}")?.message == "filter 'length' expects text, a list or a mapping, found a number (5)")
    }

    @Test func joinPutsTheSeparatorBetweenItems() throws {
        #expect(try render("{{ l|join('、') }}|{{ l|join }}|{{ [1, 2.5]|join(', ') }}|{{ []|join(',') }}", ["l": ["甲", "乙", "丙"]])
            == "甲、乙、丙|甲乙丙|1, 2.5|")
    }

    @Test func joinCanTakeAnAttribute() throws {
        #expect(try render("{{ people|join('，', attribute='name') }}", ["people": [["name": "张三"], ["name": "李四"]]]) == "张三，李四")
    }

    @Test func upperAndLowerChangeCase() throws {
        #expect(try render("{{ 'Abc'|upper }} {{ 'Abc'|lower }} {{ 5|upper }} {{ '中文'|upper }}") == "ABC abc 5 中文")
    }

    @Test func trimRemovesSurroundingWhitespaceIncludingFullWidth() throws {
        #expect(try render("[{{ s|trim }}]", ["s": "\u{3000} 内容 \n"]) == "[内容]")
    }

    @Test func trimCanRemoveGivenCharacters() throws {
        #expect(try render("{{ '--a-b--'|trim('-') }}") == "a-b")
    }

    @Test func firstAndLastPickTheEnds() throws {
        #expect(try render("{{ l|first }}{{ l|last }} {{ '总结'|first }}{{ '总结'|last }}", ["l": [1, 2, 3]]) == "13 总结")
    }

    @Test func firstOfAnEmptyListIsUndefined() throws {
        #expect(try render("{{ l|first|default('无') }}", ["l": []]) == "无")
        #expect(TemplateFixture.failure("{{ l|first }}", ["l": []])?.hint == "the list is empty")
    }

    @Test func sumAddsNumbersExactly() throws {
        #expect(try render("{{ [0.1, 0.2, 1]|sum }} {{ []|sum }} {{ [1, 2]|sum(start=10) }}") == "1.3 0 13")
    }

    @Test func sumCanTakeAnAttribute() throws {
        #expect(try render("{{ rows|sum(attribute='v') }}", ["rows": [["v": 1.5], ["v": -0.5]]]) == "1")
    }

    @Test func sumOfTextFails() throws {
        #expect(TemplateFixture.failure("{{ ['a']|sum }}")?.message == "filter 'sum' expects numbers, found text 'a'")
    }

    @Test func sortOrdersNumbers() throws {
        #expect(try render("{{ [3, -1, 2.5, 0]|sort }} {{ [3, 1, 2]|sort(reverse=true) }}") == "[-1, 0, 2.5, 3] [3, 2, 1]")
    }

    @Test func sortOrdersTextIgnoringCaseAndKeepsTies() throws {
        // Jinja gives ['A', 'a', 'b']: A and a tie and keep their order.
        #expect(try render("{{ ['b', 'A', 'a']|sort }} {{ ['b', 'a', 'A']|sort(case_sensitive=true) }}") == "['A', 'a', 'b'] ['A', 'a', 'b']")
    }

    @Test func sortCanTakeAnAttribute() throws {
        let data: TemplateData = ["rows": [["n": "乙", "v": 2], ["n": "甲", "v": 1], ["n": "丙", "v": 3]]]
        #expect(try render("{{ rows|sort(attribute='v', reverse=true)|join(',', attribute='n') }}", data) == "丙,乙,甲")
    }

    @Test func sortOfMixedValuesFails() throws {
        #expect(TemplateFixture.failure("{{ [1, 'a']|sort }}")?.message == "filter 'sort' cannot compare numbers with text")
    }

    @Test func reverseTurnsListsAndTextAround() throws {
        #expect(try render("{{ [1, 2, 3]|reverse }} {{ '甲乙丙'|reverse }}") == "[3, 2, 1] 丙乙甲")
    }

    @Test func roundRoundsHalvesUp() throws {
        #expect(try render("{{ 2.345|round(2) }} {{ 2.5|round }} {{ 2.4|round }} {{ 0.05|round(1) }} {{ 0|round(2) }}") == "2.35 3 2 0.1 0")
    }

    @Test func roundRoundsNegativeHalvesAwayFromZero() throws {
        #expect(try render("{{ -2.345|round(2) }} {{ -2.5|round }}") == "-2.35 -3")
    }

    @Test func roundCanFloorOrCeil() throws {
        #expect(try render("{{ 2.71|round(1, 'floor') }} {{ 2.71|round(1, 'ceil') }} {{ -2.71|round(1, method='floor') }}") == "2.7 2.8 -2.8")
    }

    @Test func roundOfTextFails() throws {
        let error = try #require(TemplateFixture.failure("{{ v|round }}", ["v": .at(4, 5, "2.3")]))
        #expect(error.message == "filter 'round' expects a number, found text '2.3'")
        #expect(error.hint == "the value comes from data.yaml:4:5")
    }

    @Test func intTruncatesTowardZero() throws {
        #expect(try render("{{ 3.7|int }} {{ -3.7|int }} {{ '12'|int }} {{ '12.7'|int }} {{ true|int }} {{ 0|int }}") == "3 -3 12 12 1 0")
    }

    @Test func intOfNonNumericTextNeedsAFallback() throws {
        #expect(try render("{{ 'ab'|int(0) }}") == "0")
        #expect(TemplateFixture.failure("{{ 'ab'|int }}")?.message == "filter 'int' cannot make a whole number of text 'ab'")
    }

    @Test func absDropsTheSign() throws {
        #expect(try render("{{ -5|abs }} {{ 0|abs }} {{ -0.25|abs }} {{ 3|abs }}") == "5 0 0.25 3")
    }

    @Test func itemsGivesKeyValuePairs() throws {
        #expect(try render("{{ m|items }}", ["m": ["a": 1, "b": "x"]]) == "[['a', 1], ['b', 'x']]")
    }

    @Test func itemsOfAListFails() throws {
        #expect(TemplateFixture.failure("{{ [1]|items }}")?.message == "filter 'items' expects a mapping, found a list of 1 item")
    }

    @Test func replaceReplacesEveryOccurrenceOrTheFirstFew() throws {
        #expect(try render("{{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }} {{ 2024|replace('4', '5') }}") == "bbb bba 2025")
    }

    @Test func stringTurnsAValueIntoText() throws {
        #expect(try render("{{ 12.50|string|length }} {{ none|string }}") == "4 None")
    }

    @Test func escapeUsesTheRenderEscaping() throws {
        #expect(try TemplateFixture.render("{{ '<x>'|escape|length }}", escape: TemplateFixture.angleEscape) == "9")
    }

    @Test func filtersChainLeftToRight() throws {
        #expect(try render("{{ ' b,a '|trim|replace(',', '')|upper|reverse }}") == "AB")
    }

    @Test func customFiltersCanBeRegistered() throws {
        var filters = TemplateFilters.builtIn
        filters.register("twice", TemplateFilter([.init("sep", default: .string(""))]) { call in
            let text = try call.input.text()
            return .string(text + (try call.text(argument: 0)) + text)
        })
        let template = try Template(source: "{{ 'a'|twice('-') }}", file: "t.md", filters: filters)
        #expect(try template.render(context: DataNode(.object([]))) == "a-a")
    }
}
