import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import HuibaoTypeset

/// Style options of the composer and the font-role rules, each measured in a real PDF.
@Suite struct ComposerRulesTests {
    static let pureHan = String(repeating: "全市统筹推进数据资源整合共享和开发利用工作取得明显成效各项任务按期完成", count: 4)

    @Test func gridModePutsExactlyTwentyEightCharactersOnEveryFullLine() throws {
        var harness = try ComposerHarness()
        harness.style.body.role = "fang"
        harness.style.body.sizePt = 16
        harness.style.body.linePitchPt = 28.95
        harness.style.page.marginLeftMm = 28
        harness.style.page.marginRightMm = 26
        harness.style.typography.gridCharsPerLine = 28
        let (lines, _) = try harness.render([Self.pureHan, Self.pureHan], name: "grid")
        let pitch = 156 * PageGeometry.pointsPerMm / 28
        var full = 0
        for (line, isFinal, isFirst) in harness.bodyLines(lines) where !isFinal {
            #expect(line.glyphs.count == (isFirst ? 26 : 28), "\(line.glyphs.count) characters: \(line)")
            for (a, b) in zip(line.glyphs, line.glyphs.dropFirst()) {
                #expect(abs(b.x - a.x - pitch) < 0.05, "pitch \(b.x - a.x) instead of \(pitch): \(line)")
            }
            if !isFirst {
                full += 1
                #expect(abs(line.glyphs[0].x - harness.left) < 0.05)
            }
        }
        #expect(full >= 6)
    }

    @Test func strictKinsokuKeepsDashAndEllipsisPairsOffALineStart() throws {
        var harness = try ComposerHarness()
        harness.style.typography.kinsoku = .strict
        let text = "数据资源目录编制——这是一项基础工作——年内完成……各区县普遍反映目录好用……我们还将继续完善——直到全部达标为止——并向社会公开……"
        var starts = 0
        for measure in ComposerSweepTests.measures {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render([text, text], name: "strict-\(measure)")
            for line in lines.dropFirst() {
                starts += 1
                #expect(line.glyphs[0].char != "—" && line.glyphs[0].char != "…", "strict: \(line)")
            }
        }
        #expect(starts > 50)
    }

    @Test func gbKinsokuLetsADashPairStartALine() throws {
        // The same text at gb level: —— may begin a line (GB/T 15834 allows it), and does
        // at some measure, which shows the strict test above tests the level, not chance.
        var harness = try ComposerHarness()
        let text = "数据资源目录编制——这是一项基础工作——年内完成……各区县普遍反映目录好用……我们还将继续完善——直到全部达标为止——并向社会公开……"
        var dashStarts = 0
        for measure in ComposerSweepTests.measures {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render([text, text], name: "gb-\(measure)")
            dashStarts += lines.filter { $0.glyphs[0].char == "—" || $0.glyphs[0].char == "…" }.count
        }
        #expect(dashStarts > 0)
    }

    @Test func hanLatinSpacingCanBeTurnedOff() throws {
        var harness = try ComposerHarness()
        harness.style.typography.cjkLatinSpacing = false
        harness.setMeasure(em: 40)
        let (lines, _) = try harness.render(["采用API接口", "达到5G标准"], name: "no-cjk-latin")
        var pairs = 0
        for line in lines {
            for (a, b) in zip(line.glyphs, line.glyphs.dropFirst()) where Composition.isHan(a.char) != Composition.isHan(b.char) {
                pairs += 1
                #expect(abs(b.x - (a.x + a.width)) < 0.1, "\(a.char)\(b.char) not solid: \(line)")
            }
        }
        #expect(pairs == 4)
    }

    @Test func anOpeningBracketAtALineStartLosesHalfAnEmWhenAsked() throws {
        var harness = try ComposerHarness()
        harness.style.typography.compressLineStartBracket = true
        let text = String(repeating: "全市数据工作（含区县）取得成效，“一网通办”持续深化《办法》施行", count: 6)
        var seen = 0
        for measure in ComposerSweepTests.measures {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render([text], name: "bracket-\(measure)")
            for (line, isFinal, isFirst) in harness.bodyLines(lines) where !isFirst {
                let first = line.glyphs[0]
                if Composition.openingMarks.contains(first.char) {
                    seen += 1
                    #expect(abs(first.x - (harness.left - first.size / 2)) < 0.3, "bracket not pulled out: \(line)")
                } else {
                    #expect(abs(first.x - harness.left) < 0.3)
                }
                if !isFinal { #expect(abs(harness.visibleRightEdge(line) - harness.right) <= 0.3, "\(line)") }
            }
        }
        #expect(seen > 5)
    }

    @Test func linesSitOnTheFixedPitchWithATwoEmFirstLineIndent() throws {
        var harness = try ComposerHarness()
        harness.setMeasure(em: 30)
        let (lines, _) = try harness.render([Self.pureHan], name: "pitch")
        #expect(lines.count > 3)
        #expect(abs(lines[0].glyphs[0].x - (harness.left + 2 * harness.em)) < 0.05)
        for (a, b) in zip(lines, lines.dropFirst()) {
            #expect(abs(b.y - a.y - harness.style.body.linePitchPt) < 0.01)
        }
    }

    @Test func aMissingRoleFontStopsWithTheRoleAndFamilyNamed() throws {
        var roles = try FontRoles.load(path: ProjectPaths.fonts + "/roles.yaml")
        roles.roles["fang"]?.families = ["No Such FangSong"]
        let fonts = try FontSystem(fontsDirectory: ProjectPaths.fonts, roles: roles)
        #expect(throws: HuibaoError.self) { try fonts.verify(roleKeys: ["song", "fang"]) }
        do {
            try fonts.verify(roleKeys: ["fang"])
        } catch let error as HuibaoError {
            #expect(error.message.contains("'fang'"))
            #expect(error.message.contains("仿宋"))
            #expect(error.message.contains("No Such FangSong"))
        }
        try fonts.verify(roleKeys: ["song", "hei", "kai", "title"])
    }

    @Test func aCharacterFromTheRolesFallbackFamilyIsReported() throws {
        // FandolFang covers GB 2312 only: 𠮷 (U+20BB7) comes from the role's second family.
        let fonts = try FontSystem(fontsDirectory: ProjectPaths.fonts, roles: try FontRoles.load(path: ProjectPaths.fonts + "/roles.yaml"))
        let composer = ParagraphComposer(fonts: fonts)
        let typography = try StyleLoader(builtInDirectory: ProjectPaths.templates).load("report").typography
        let location = SourceLocation(file: "names.md", line: 4, column: 3)
        let paragraph = try composer.compose([TextSpan(text: "王𠮷同志", role: "fang", sizePt: 16, location: location)],
                                             format: ParagraphFormat(measurePt: 400, typography: typography))
        #expect(paragraph.fallbacks.count == 1)
        #expect(paragraph.fallbacks.first?.text == "𠮷")
        #expect(paragraph.fallbacks.first?.family == "Noto Serif CJK SC")
        #expect(paragraph.fallbacks.first?.description.hasPrefix("names.md:4:3") == true)
    }
}
