import Testing
@testable import HuibaoCore

/// Expected outputs are what Jinja2 3.1.6 gives with trim_blocks=True, lstrip_blocks=True.
@Suite struct TemplateWhitespaceTests {
    private let data: TemplateData = [
        "rows": ["甲", "乙"], "show": true, "n": 2,
        "groups": [["name": "一组", "entries": ["a", "b"]], ["name": "二组", "entries": ["c"]]],
    ]

    private func render(_ source: String) throws -> String {
        try TemplateFixture.render(source, data)
    }

    @Test func lineHoldingOnlyABlockTagLeavesNoLine() throws {
        #expect(try render("# 标题\n{% for r in rows %}\n- {{ r }}\n{% endfor %}\n结束\n") == "# 标题\n- 甲\n- 乙\n结束")
    }

    @Test func indentationBeforeABlockTagIsStripped() throws {
        #expect(try render("列表：\n  {% if show %}\n  - 有\n  {% else %}\n  - 无\n  {% endif %}\n完\n") == "列表：\n  - 有\n完")
    }

    @Test func fullWidthSpaceCountsAsIndentation() throws {
        #expect(try render("a\n\u{3000}{% if true %}x{% endif %}") == "a\nx")
    }

    @Test func blockTagsInsideALineKeepTheLine() throws {
        #expect(try render("共{% if n > 1 %}多{% endif %}项\n") == "共多项")
    }

    @Test func spacesBeforeABlockTagAfterTextStay() throws {
        #expect(try render("  {{ n }}  {% if true %}y{% endif %}") == "  2  y")
    }

    @Test func minusStripsAllWhitespaceOnThatSide() throws {
        #expect(try render("a  \n  {%- if true -%}  \n  b  \n  {%- endif -%}\n  c") == "abc")
    }

    @Test func minusOnOutputTagsStripsToo() throws {
        #expect(try render("x   {{- 1 -}}   y\n{{ 2 }}\n") == "x1y\n2")
    }

    @Test func plusKeepsIndentationAndNewline() throws {
        #expect(try render("  {%+ if true %}\nkeep{% endif +%}\nnext") == "  keep\nnext")
    }

    @Test func commentOnItsOwnLineLeavesNoLine() throws {
        #expect(try render("a\n  {# 备注 #}\nb\n") == "a\nb")
    }

    @Test func outputTagsKeepTheirNewline() throws {
        #expect(try render("{{ 1 }}\n{{ 2 }}\n") == "1\n2")
    }

    @Test func nestedLoopsKeepItemIndentation() throws {
        let source = "{% for g in groups %}\n## {{ g.name }}\n  {% for i in g.entries %}\n  - {{ loop.index }}. {{ i }}\n  {% endfor %}\n{% endfor %}\n"
        #expect(try render(source) == "## 一组\n  - 1. a\n  - 2. b\n## 二组\n  - 1. c\n")
    }

    @Test func setOnItsOwnLineLeavesNoLine() throws {
        #expect(try render("{% set total = 3 %}\n合计：{{ total }}\n") == "合计：3")
    }

    @Test func windowsNewlinesBecomeUnixNewlines() throws {
        #expect(try render("a\r\n{% if true %}\r\nb\r\n{% endif %}\r\nc") == "a\nb\nc")
    }

    @Test func forElseLinesLeaveNoLines() throws {
        #expect(try render("{% for x in [] %}\n{{ x }}\n{% else %}\n（无）\n{% endfor %}\n") == "（无）\n")
    }

    @Test func trailingSpacesAfterTheLastTagStay() throws {
        #expect(try render("  {% if true %}x{% endif %}  \n") == "x  ")
    }

    @Test func rawTagsOnTheirOwnLinesLeaveNoLines() throws {
        // Jinja keeps the newline after `{% raw %}`, an inconsistency we do not copy: every
        // block tag alone on its line disappears with its line.
        #expect(try render("a\n  {% raw %}\n  {{x}}\n  {% endraw %}\nb") == "a\n  {{x}}\nb")
    }

    @Test func minusOnRawTagsStripsLikeOtherTags() throws {
        #expect(try render("a\n  {%- raw -%}\n  {{x}}\n  {%- endraw %}  \nb") == "a{{x}}  \nb")
    }
}
