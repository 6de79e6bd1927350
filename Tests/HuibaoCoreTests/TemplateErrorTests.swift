import Testing
@testable import HuibaoCore

/// Every error names the template place (file:line:col, columns in Unicode scalars) and,
/// where data is involved, the data place.
@Suite struct TemplateErrorTests {
    private let data: TemplateData = [
        "report": .at(3, 1, ["a": 1, "b": 2, "c": 3]),
        "rows": .at(7, 1, ["x", "y"]),
        "total": .at(9, 8, 12),
        "name": .at(2, 7, "abc"),
    ]

    private func failure(_ source: String) -> HuibaoError? {
        TemplateFixture.failure(source, data)
    }

    // MARK: Undefined values

    @Test func outputtingAMissingKeyNamesTheKeysThere() throws {
        let error = try #require(failure("{{ report.year }}"))
        #expect(error.kind == .template)
        #expect(error.message == "undefined variable 'report.year'")
        #expect(error.location?.description == "t.md:1:4")
        #expect(error.hint == "the data has no key 'year' under 'report' (defined at data.yaml:3:1); keys there: a, b, c")
    }

    @Test func columnsCountUnicodeScalars() throws {
        // 中, e and the combining accent are one scalar each: the tag's expression starts at column 7.
        #expect(failure("中e\u{301}{{ report.year }}")?.location?.description == "t.md:1:7")
    }

    @Test func errorsOnLaterLinesCountLinesFromOne() throws {
        #expect(failure("第一行\n第二行 {{ report.year }}")?.location?.description == "t.md:2:8")
    }

    @Test func missingTopLevelNameSuggestsACloseKey() throws {
        let error = try #require(failure("{{ repot.a }}"))
        #expect(error.message == "undefined variable 'repot.a'")
        #expect(error.hint == "the data has no top-level key 'repot'; keys there: report, rows, total, name; did you mean 'report'?")
    }

    @Test func missingNameInALoopListsTheTemplateVariables() throws {
        let error = try #require(failure("{% for r in rows %}{{ row }}{% endfor %}"))
        #expect(error.hint == "the data has no top-level key 'row'; keys there: report, rows, total, name; template variables: loop, r; did you mean 'rows'?")
    }

    @Test func indexPastTheEndSaysHowLongTheListIs() throws {
        let error = try #require(failure("{{ rows[5] }}"))
        #expect(error.message == "undefined variable 'rows[5]'")
        #expect(error.hint == "the list 'rows' (defined at data.yaml:7:1) has 2 items; index 5 is out of range")
    }

    @Test func keyOfANumberSaysItIsNotAMapping() throws {
        #expect(failure("{{ total.x }}")?.hint == "'total' is a number (12) (defined at data.yaml:9:8), not a mapping")
    }

    @Test func missingStepInAChainIsTheOneReported() throws {
        let error = try #require(failure("{{ report.x.y.z }}"))
        #expect(error.message == "undefined variable 'report.x.y.z'")
        #expect(error.hint?.hasPrefix("the data has no key 'x' under 'report'") == true)
    }

    @Test func unknownLoopAttributeListsTheLoopVariables() throws {
        let error = try #require(failure("{% for r in rows %}{{ loop.idx }}{% endfor %}"))
        #expect(error.location?.description == "t.md:1:23")
        #expect(error.hint == "the data has no key 'idx' under 'loop'; keys there: index, index0, revindex, revindex0, first, last, length")
    }

    @Test func loopingOverAMissingValueFails() throws {
        let error = try #require(failure("{% for x in report.rows %}{% endfor %}"))
        #expect(error.message == "undefined variable 'report.rows'")
        #expect(error.location?.description == "t.md:1:13")
    }

    @Test func arithmeticWithAMissingValueFails() throws {
        let error = try #require(failure("{{ 1 + report.year }}"))
        #expect(error.message == "undefined variable 'report.year'")
        #expect(error.location?.description == "t.md:1:8")
    }

    @Test func filteringAMissingValueFails() throws {
        #expect(failure("{{ report.year|upper }}")?.message == "undefined variable 'report.year'")
    }

    @Test func missingFilterArgumentFails() throws {
        #expect(failure("{{ rows|join(report.sep) }}")?.message == "undefined variable 'report.sep'")
    }

    @Test func missingValueSetToAVariableFailsWhereItWasReferenced() throws {
        let error = try #require(failure("{% set y = report.year %}\n{{ y }}"))
        #expect(error.location?.description == "t.md:1:12")
    }

    @Test func orderingWithAMissingValueFails() throws {
        #expect(failure("{% if report.year > 2020 %}{% endif %}")?.message == "undefined variable 'report.year'")
    }

    // MARK: Wrong types

    @Test func loopingOverANumberSaysWhatWasExpected() throws {
        let error = try #require(failure("{% for x in total %}{% endfor %}"))
        #expect(error.message == "cannot loop over a number (12)")
        #expect(error.location?.description == "t.md:1:13")
        #expect(error.hint == "expected a list or a mapping; the value comes from data.yaml:9:8")
    }

    @Test func loopingOverTextFails() throws {
        #expect(failure("{% for c in name %}{% endfor %}")?.message == "cannot loop over text 'abc'")
    }

    @Test func addingTextAndANumberSuggestsTilde() throws {
        let error = try #require(failure("{{ name + 1 }}"))
        #expect(error.message == "cannot add text 'abc' and a number (1)")
        #expect(error.location?.description == "t.md:1:9")
        #expect(error.hint == "to join values as text use ~, e.g. {{ a ~ b }}; text 'abc' comes from data.yaml:2:7")
    }

    @Test func subtractingTextFails() throws {
        #expect(failure("{{ total - name }}")?.message == "'-' expects two numbers, found a number (12) and text 'abc'")
    }

    @Test func divisionByZeroFails() throws {
        let error = try #require(failure("{{ total / (1 - 1) }}"))
        #expect(error.message == "division by zero")
        #expect(error.location?.description == "t.md:1:10")
    }

    @Test func orderingTextAgainstANumberFails() throws {
        #expect(failure("{{ name < 3 }}")?.message == "cannot compare text 'abc' with a number (3) using '<'")
    }

    @Test func inNeedsAContainer() throws {
        #expect(failure("{{ 'x' in total }}")?.message == "'in' cannot look for text 'x' in a number (12)")
    }

    @Test func negatingTextFails() throws {
        #expect(failure("{{ -name }}")?.message == "'-' expects a number, found text 'abc'")
    }

    @Test func unpackingSomethingThatIsNotAPairFails() throws {
        let error = try #require(failure("{% for k, v in report %}{% endfor %}"))
        #expect(error.message == "cannot unpack text 'a' into k, v")
        #expect(error.location?.description == "t.md:1:8")
        #expect(error.hint == "each item must be a list of 2 values; to loop over keys and values write 'in …|items'")
    }

    @Test func numericFilterOnTextNamesTheDataPlace() throws {
        let error = try #require(failure("{{ name|number }}"))
        #expect(error.message == "filter 'number' expects a number, found text 'abc'")
        #expect(error.location?.description == "t.md:1:9")
        #expect(error.hint == "the value comes from data.yaml:2:7")
    }

    @Test func oddOfTextFails() throws {
        #expect(failure("{{ name is odd }}")?.message == "test 'odd' expects a whole number, found text 'abc'")
    }

    @Test func contextMustBeAMapping() throws {
        #expect(throws: HuibaoError.self) {
            try Template(source: "x", file: "t.md").render(context: DataNode(.array([])))
        }
    }

    @Test func errorsFromCustomFiltersKeepTheirPlace() throws {
        struct Broken: Error {}
        var filters = TemplateFilters.builtIn
        filters.register("broken", TemplateFilter { _ in throw Broken() })
        let template = try Template(source: "\n  {{ 1|broken }}", file: "t.md", filters: filters)
        #expect {
            try template.render(context: DataNode(.object([])))
        } throws: { error in
            (error as? HuibaoError)?.location?.description == "t.md:2:8"
        }
    }

    // MARK: Syntax

    @Test func unknownFilterFailsAtParseTimeListingTheFilters() throws {
        let error = try #require(TemplateFixture.failure("{% if false %}{{ rows|uper }}{% endif %}"))
        #expect(error.message == "unknown filter 'uper'")
        #expect(error.location?.description == "t.md:1:23")
        #expect(error.hint?.hasPrefix("filters: abs, change, cn_date,") == true)
        #expect(error.hint?.hasSuffix("; did you mean 'upper'?") == true)
    }

    @Test func unknownTestFailsListingTheTests() throws {
        let error = try #require(failure("{{ x is nmber }}"))
        #expect(error.message == "unknown test 'nmber'")
        #expect(error.location?.description == "t.md:1:9")
        #expect(error.hint?.hasSuffix("did you mean 'number'?") == true)
    }

    @Test func tooManyFilterArgumentsFailAtTheFirstExtra() throws {
        let error = try #require(failure("{{ rows|join(',', 'a', 'b') }}"))
        #expect(error.message == "filter 'join' takes at most 2 arguments")
        #expect(error.location?.description == "t.md:1:24")
    }

    @Test func argumentToAFilterWithoutParametersFails() throws {
        let error = try #require(failure("{{ name|upper(1) }}"))
        #expect(error.message == "filter 'upper' takes no arguments")
        #expect(error.hint == nil)
        #expect(error.location?.description == "t.md:1:15")
    }

    @Test func positionalArgumentAfterAKeywordOneFails() throws {
        #expect(failure("{{ total|round(precision=1, 'floor') }}")?.message == "a positional argument cannot follow a keyword argument")
    }

    @Test func argumentGivenTwiceFails() throws {
        #expect(failure("{{ total|round(1, precision=2) }}")?.message == "argument 'precision' is given twice")
    }

    @Test func unknownKeywordArgumentFails() throws {
        let error = try #require(failure("{{ total|round(digits=1) }}"))
        #expect(error.message == "filter 'round' has no argument 'digits'")
        #expect(error.hint == "its arguments: precision, method")
    }

    @Test func missingRequiredArgumentFails() throws {
        #expect(failure("{{ name|replace('a') }}")?.message == "filter 'replace' needs the argument 'new'")
    }

    @Test func unclosedBlockPointsAtItsOpeningTag() throws {
        let error = try #require(failure("第一行\n  {% if true %}\nx"))
        #expect(error.message == "this '{% if %}' is never closed")
        #expect(error.location?.description == "t.md:2:3")
        #expect(error.hint == "end it with '{% endif %}'")
    }

    @Test func mismatchedEndTagNamesTheOpenBlock() throws {
        let error = try #require(failure("{% for r in rows %}\n{% endif %}"))
        #expect(error.message == "unexpected '{% endif %}'")
        #expect(error.location?.description == "t.md:2:1")
        #expect(error.hint == "the innermost open block is '{% for %}' at t.md:1:1, which ends with '{% endfor %}'")
    }

    @Test func unknownTagSuggestsAKnownOne() throws {
        let error = try #require(failure("{% endfo %}"))
        #expect(error.message == "unknown tag 'endfo'")
        #expect(error.hint?.hasSuffix("did you mean 'endfor'?") == true)
    }

    @Test func unclosedOutputTagPointsAtItsStart() throws {
        #expect(failure("ab{{ x ")?.location?.description == "t.md:1:3")
    }

    @Test func unclosedCommentPointsAtItsStart() throws {
        #expect(failure("a\n{# 备注")?.message == "this comment is never closed")
    }

    @Test func unclosedStringPointsAtItsQuote() throws {
        let error = try #require(failure("{{ 'abc }}"))
        #expect(error.message == "this string is never closed")
        #expect(error.location?.description == "t.md:1:4")
    }

    @Test func unclosedRawBlockFails() throws {
        #expect(failure("{% raw %}{{ x }}")?.message == "this '{% raw %}' block is never closed")
    }

    @Test func strayCharacterInATagFails() throws {
        let error = try #require(failure("{{ a $ b }}"))
        #expect(error.message == "unexpected character '$' in a tag")
        #expect(error.location?.description == "t.md:1:6")
    }

    @Test func missingExpressionFails() throws {
        let error = try #require(failure("{% if %}"))
        #expect(error.message == "expected an expression, found '%}'")
        #expect(error.location?.description == "t.md:1:7")
    }

    @Test func unclosedParenthesisFails() throws {
        #expect(failure("{{ (1 + 2 }}")?.message == "expected ')' to close '(' at t.md:1:4, found '}}'")
    }

    @Test func setNeedsAName() throws {
        #expect(failure("{% set 1 = 2 %}")?.message == "expected a variable name after 'set', found '1'")
    }

    @Test func invalidHexEscapeFails() throws {
        #expect(failure(#"{{ '\x4' }}"#)?.message == #"invalid escape '\x4' in a string"#)
    }
}
