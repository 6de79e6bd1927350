import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import HuibaoTypeset

@Suite struct PunctuationTests {
    @Test func aClosingMarkAtALineEndTakesHalfAnEm() throws {
        var harness = try ComposerHarness()
        var seen = 0
        for measure in ComposerSweepTests.measures.prefix(12) {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render(Corpus.paragraphs, name: "line-end-\(measure)")
            for (line, isFinal, _) in harness.bodyLines(lines) where !isFinal {
                guard let last = line.glyphs.last, Composition.closingMarks.contains(last.char), last.width > 0.9 * last.size else { continue }
                seen += 1
                #expect(abs(harness.right - last.x - last.size / 2) <= 0.3, "line-end \(last.char) not half width: \(line)")
            }
        }
        #expect(seen > 20)
    }

    @Test func twoAdjacentMarksTakeOneAndAHalfEm() throws {
        var harness = try ComposerHarness()
        harness.setMeasure(em: 40)
        // Each pair sits mid-line in a short paragraph (a last line: no justification stretch).
        let texts = ["他说：“好。”然后走了。", "见《办法》（试行）第三条。", "规定“共享为原则”，开放。"]
        let (lines, _) = try harness.render(texts, name: "pairs")
        var checked = 0
        for line in lines {
            let g = line.glyphs
            for i in 0..<(g.count - 2) where Composition.closingMarks.union(Composition.openingMarks).contains(g[i].char)
                && Composition.closingMarks.union(Composition.openingMarks).contains(g[i + 1].char) {
                let pitch = g[i + 2].x - g[i].x
                checked += 1
                #expect(abs(pitch - 1.5 * g[i].size) <= 0.3, "\(g[i].char)\(g[i + 1].char) takes \(pitch / g[i].size) em: \(line)")
            }
        }
        #expect(checked == 4)
    }

    @Test func extractedTextEqualsTheSourceText() throws {
        var harness = try ComposerHarness()
        harness.setMeasure(em: 27.3)
        let (_, pdf) = try harness.render(Corpus.paragraphs, name: "text")
        let strip: (String) -> String = { String($0.filter { !$0.isWhitespace }) }
        #expect(strip(try pdf.text()) == strip(Corpus.paragraphs.joined()))
        #expect(try pdf.text().contains("——"))
    }

    @Test func theLastLineIsNeverASingleCharacter() throws {
        var harness = try ComposerHarness()
        var finals = 0
        for measure in ComposerSweepTests.measures {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render(Corpus.paragraphs, name: "orphan-\(measure)")
            for (line, isFinal, isFirst) in harness.bodyLines(lines) where isFinal && !isFirst {
                finals += 1
                let letters = line.glyphs.filter { !Composition.closingMarks.contains($0.char) && !Composition.openingMarks.contains($0.char) }
                #expect(letters.count >= 2, "orphan last line at \(measure) em: \(line)")
            }
        }
        #expect(finals > 100)
    }
}
