import Foundation
import Testing
@testable import HuibaoCore

private let base = """
    ---
    title: {% block title %}工作报告{% endblock +%}
    ---
    {% block body %}
    默认正文
    {% endblock %}
    {% block footer %}（完）{% endblock %}
    """

@Suite struct TemplateInheritanceTests {
    @Test func childBlocksReplaceTheBaseBlocksAndTheRestIsKept() throws {
        let output = try renderLibrary([
            "report/base.md.j2": base,
            "report/main.md.j2": """
                {% extends "base.md.j2" %}
                {% block title %}{{ year }}年工作总结{% endblock %}
                {% block body %}
                # 总体情况
                {% endblock %}
                """,
        ], ["year": 2025])
        #expect(output == "---\ntitle: 2025年工作总结\n---\n# 总体情况\n（完）")
    }

    @Test func superShowsTheBlockOfTheExtendedTemplate() throws {
        let output = try renderLibrary([
            "report/base.md.j2": base,
            "report/main.md.j2": "{% extends \"base.md.j2\" %}{% block footer %}附件略。{{ super() }}{% endblock %}",
        ])
        #expect(output.hasSuffix("默认正文\n附件略。（完）"))
    }

    @Test func threeLevelsResolveToTheMostDerivedBlock() throws {
        let output = try renderLibrary([
            "report/base.md.j2": "[{% block a %}A{% endblock %}|{% block b %}B{% endblock %}]",
            "report/mid.md.j2": "{% extends \"base.md.j2\" %}{% block a %}a{% endblock %}{% block b %}b{% endblock %}",
            "report/main.md.j2": "{% extends \"mid.md.j2\" %}{% block b %}<{{ super() }}>{% endblock %}",
        ])
        #expect(output == "[a|<b>]")
    }

    @Test func nestedBlocksCanBeOverriddenOnTheirOwn() throws {
        let output = try renderLibrary([
            "report/base.md.j2": "{% block page %}P({% block inner %}i{% endblock %}){% endblock %}",
            "report/main.md.j2": "{% extends \"base.md.j2\" %}{% block inner %}I{% endblock %}",
        ])
        #expect(output == "P(I)")
    }

    @Test func setAtTheTopOfAChildIsSeenByTheBase() throws {
        let output = try renderLibrary([
            "report/base.md.j2": "{% block t %}{% endblock %}{{ unit_name }}",
            "report/main.md.j2": "{% extends \"base.md.j2\" %}\n{% set unit_name = '江临市' %}\n{% block t %}单位：{% endblock %}",
        ])
        #expect(output == "单位：江临市")
    }

    @Test func blockThatOverridesNothingIsAnError() throws {
        let error = try #require(libraryFailure([
            "report/base.md.j2": base,
            "report/main.md.j2": "{% extends \"base.md.j2\" %}\n{% block boddy %}x{% endblock %}",
        ]))
        #expect(error.location?.description == "report/main.md.j2:2:10")
        #expect(error.message == "block 'boddy' overrides nothing: 'base.md.j2' has no block of that name")
        #expect(error.hint?.contains("did you mean 'body'") == true)
    }

    @Test func textOutsideBlocksInAChildIsAnError() throws {
        let error = try #require(libraryFailure([
            "report/base.md.j2": base,
            "report/main.md.j2": "{% extends \"base.md.j2\" %}\n这一行不会出现\n",
        ]))
        #expect(error.location?.description == "report/main.md.j2:2:1")
        #expect(error.message.contains("would never be shown"))
    }

    @Test func extendsMustComeFirst() throws {
        let error = try #require(libraryFailure([
            "report/base.md.j2": base,
            "report/main.md.j2": "前言\n{% extends \"base.md.j2\" %}",
        ]))
        #expect(error.message == "'{% extends %}' must come first in the template")
        #expect(error.location?.line == 2)
    }

    @Test func blockDefinedTwiceIsAnError() throws {
        let error = try #require(libraryFailure(["report/main.md.j2": "{% block a %}{% endblock %}\n{% block a %}{% endblock %}"]))
        #expect(error.message.hasPrefix("block 'a' is defined twice"))
    }

    @Test func endblockNameMustMatch() throws {
        let error = try #require(libraryFailure(["report/main.md.j2": "{% block a %}x{% endblock b %}"]))
        #expect(error.message == "'{% endblock b %}' closes the block 'a'")
        #expect(try renderLibrary(["report/main.md.j2": "{% block a %}x{% endblock a %}"]) == "x")
    }

    @Test func superOutsideABlockOrWithoutAParentIsAnError() throws {
        #expect(libraryFailure(["report/main.md.j2": "{{ super() }}"])?.message == "super() can only be used inside a block")
        #expect(libraryFailure(["report/main.md.j2": "{% block a %}{{ super() }}{% endblock %}"])?.message
            == "super() in block 'a': no template above this one has that block")
    }

    @Test func extendsCycleIsAnError() throws {
        let error = try #require(libraryFailure([
            "report/main.md.j2": "{% extends \"a.md.j2\" %}",
            "report/a.md.j2": "{% extends \"main.md.j2\" %}",
        ]))
        #expect(error.message == "extends cycle: report/main.md.j2 → report/a.md.j2 → report/main.md.j2")
    }

    @Test func errorInABaseBlockPointsIntoTheBaseFile() throws {
        let error = try #require(libraryFailure([
            "report/base.md.j2": "标题\n{% block body %}{{ missing }}{% endblock %}",
            "report/main.md.j2": "{% extends \"base.md.j2\" %}",
        ]))
        #expect(error.location?.description == "report/base.md.j2:2:20")
    }

    @Test func workedExampleComposesExtendsIncludeAndAnImportedMacroOverEverySourceKind() throws {
        let folder = DataSourceFixture.path("sources")
        let data = try DataLoader.load(paths: [folder + "/sources.yaml"])
        let file = folder + "/report.md.j2"
        let markup = try Template(source: try String(contentsOfFile: file, encoding: .utf8), file: file).render(context: data)
        #expect(markup.hasPrefix("---\ntitle: 江临市数据资源月报（二月）\nauthor: 江临市数据资源管理局\ndate: 2025年3月5日\n---\n# 主要指标\n"))
        #expect(markup.contains("- 共享调用：1,234.5万次，同比增长5.2%\n- 开放数据集：386.0个，同比下降3.1%\n\n# 各区县"))
        #expect(markup.contains("| 南湾区（含开发区） | 1,020.7 | 持平 |"))
        #expect(markup.contains("- 西山区：0.3万条\n"))
        #expect(markup.hasSuffix("- 二月：1,350次\n\n（江临市数据资源管理局）\n"))
    }
}
