import Foundation
import HuibaoCore
import HuibaoTestSupport
import Testing
@testable import HuibaoTypeset

/// The composer's rules, measured in real PDFs over many line widths (TYPOGRAPHY.md §5).
@Suite struct ComposerSweepTests {
    /// 24 measures from 18 to 41 em, none a whole number of em, so that every paragraph meets
    /// kinsoku push-backs, Latin words at line ends and marks at line ends somewhere.
    static let measures: [Double] = (0..<24).map { 18.13 + Double($0) * 0.997 }

    @Test func everyNonFinalLineIsFlushKinsokuCleanAndFreeOfHolesAtManyWidths() throws {
        var harness = try ComposerHarness()
        var checkedLines = 0
        for measure in Self.measures {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render(Corpus.paragraphs, name: "sweep-\(measure)")
            for (line, isFinal, _) in harness.bodyLines(lines) {
                let first = line.glyphs.first!.char, last = line.glyphs.last!.char
                #expect(!Composition.noStart.contains(first), "line starts with \(first) at \(measure) em: \(line)")
                #expect(!Composition.noEnd.contains(last), "line ends with \(last) at \(measure) em: \(line)")
                if line.glyphs.count >= 2 {
                    let tail = line.glyphs.suffix(1)[line.glyphs.count - 1].char
                    let next = lines.first(where: { $0.y > line.y && $0.page == line.page })?.glyphs.first?.char
                    if tail == "—", next == "—" { Issue.record("—— split at \(measure) em: \(line)") }
                    if tail == "…", next == "…" { Issue.record("…… split at \(measure) em: \(line)") }
                }
                for (a, b) in zip(line.glyphs, line.glyphs.dropFirst()) {
                    let gap = b.x - (a.x + a.width)
                    #expect(gap < 0.5 * harness.em, "gap of \(gap) pt between \(a.char) and \(b.char) at \(measure) em: \(line)")
                }
                guard !isFinal else {
                    #expect(harness.visibleRightEdge(line) <= harness.right + 0.3, "final line overfull: \(line)")
                    continue
                }
                checkedLines += 1
                let off = harness.visibleRightEdge(line) - harness.right
                #expect(abs(off) <= 0.3, "line off the right edge by \(off) pt at \(measure) em: \(line)")
            }
        }
        #expect(checkedLines > 500)
    }

    @Test func hanGapsInAJustifiedLineShareTheSlackEvenly() throws {
        var harness = try ComposerHarness()
        var lines = 0
        for measure in Self.measures.prefix(8) {
            harness.setMeasure(em: measure)
            let (pdfLines, _) = try harness.render(Corpus.paragraphs, name: "even-\(measure)")
            for (line, isFinal, _) in harness.bodyLines(pdfLines) where !isFinal {
                var extras: [Double] = []
                for (a, b) in zip(line.glyphs, line.glyphs.dropFirst())
                where Composition.isHan(a.char) && (Composition.isHan(b.char) || Composition.closingMarks.contains(b.char))
                    && Corpus.adjacentWithoutSpace(a.char, b.char) {
                    extras.append(b.x - a.x - a.size)
                }
                guard extras.count >= 3, let lo = extras.min(), let hi = extras.max() else { continue }
                lines += 1
                #expect(hi - lo <= 0.05, "uneven spacing (\(lo)…\(hi) pt) at \(measure) em: \(line)")
                #expect(hi <= 0.25 * harness.em, "loose line (\(hi) pt per gap) at \(measure) em: \(line)")
            }
        }
        #expect(lines > 100)
    }

    @Test func latinWordsAndNumbersAreNeverSpacedOut() throws {
        // A word is set with the font's own advances and kerning at every measure: its glyph
        // pitches never change when the line around it is stretched.
        var harness = try ComposerHarness()
        var widths: [String: [Double]] = [:]
        func isWordChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || ".,%/".contains(c)) }
        for measure in Self.measures.prefix(10) {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render(Corpus.paragraphs, name: "latin-\(measure)")
            for line in lines {
                // Each word (a run of letters and digits with no space) → its glyph pitches.
                var word = "", wordPitches: [Double] = []
                func flush() {
                    if word.count > 1 { widths[word, default: []].append(wordPitches.reduce(0, +)) }
                    word = ""; wordPitches = []
                }
                for (a, b) in zip(line.glyphs, line.glyphs.dropFirst()) {
                    if isWordChar(a.char), isWordChar(b.char), Corpus.adjacentWithoutSpace(a.char, b.char) {
                        if word.isEmpty { word.append(a.char) }
                        word.append(b.char)
                        wordPitches.append(b.x - a.x)
                    } else {
                        flush()
                    }
                }
                flush()
            }
        }
        #expect(widths.count > 20)
        for (word, values) in widths {
            let spread = values.max()! - values.min()!
            #expect(spread < 0.05, "the width of \(word) varies by \(spread) pt over measures: \(values)")
        }
    }

    @Test func hanAndLatinAreAQuarterEmApartExceptAtLineEdges() throws {
        var harness = try ComposerHarness()
        var pairs = 0
        for measure in Self.measures.suffix(6) {
            harness.setMeasure(em: measure)
            let (lines, _) = try harness.render(Corpus.paragraphs, name: "cjk-latin-\(measure)")
            for line in lines {
                // The line's own justification stretch, which every gap carries.
                let hanExtras = zip(line.glyphs, line.glyphs.dropFirst())
                    .filter { Composition.isHan($0.0.char) && Composition.isHan($0.1.char) && Corpus.adjacentWithoutSpace($0.0.char, $0.1.char) }.map { $0.1.x - $0.0.x - $0.0.size }
                let stretch = hanExtras.sorted().dropFirst(hanExtras.count / 2).first ?? 0
                for (a, b) in zip(line.glyphs, line.glyphs.dropFirst())
                where ((Composition.isHan(a.char) && Composition.isLatinOrDigit(b.char)) || (Composition.isLatinOrDigit(a.char) && Composition.isHan(b.char)))
                    && Corpus.adjacentWithoutSpace(a.char, b.char) {
                    pairs += 1
                    let gap = (b.x - (a.x + a.width) - stretch) / a.size
                    #expect(gap >= 0.12 && gap <= 0.34, "Han–Latin gap \(gap) em between \(a.char)\(b.char): \(line)")
                }
            }
        }
        #expect(pairs > 100)
    }
}
