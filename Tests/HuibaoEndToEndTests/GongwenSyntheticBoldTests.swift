import Foundation
import HuibaoTestSupport
import Testing
import HuibaoCore

/// Synthetic bold (`typography › synthetic_bold`): 仿宋 and 楷体 have no bold face, so bold text
/// in them is drawn once as text and its outlines stroked over it; the text extracts once.
@Suite struct GongwenSyntheticBoldTests {
    typealias H = GongwenHarness

    @Test func boldFangsongIsStrokedAndExtractedExactlyOnce() throws {
        let pdf = try H.render(markup: H.notice("各单位**务必按时报送**材料。"))
        let bold = try #require(pdf.find("务必按时报送", page: 1))
        #expect(bold.allSatisfy { $0.font.contains("FandolFang") }, "the regular face, drawn once")
        #expect(pdf.glyphs.filter { $0.char == "务" }.count == 1)
        let text = try pdf.probe.text().filter { !$0.isWhitespace }
        #expect(text.components(separatedBy: "务必按时报送").count == 2, "extracted once")
        // Stroked outlines over those six glyphs, in black, 0.035 em wide.
        let strokes = pdf.strokes.filter { s in
            s.page == 1 && s.points.contains { p in p.x > bold.first!.x - 1 && p.x < bold.last!.x + 17 && abs(p.y - bold[0].y + 6) < 12 }
        }
        #expect(!strokes.isEmpty)
        #expect(strokes.allSatisfy { abs($0.width - 0.035 * 16) < 0.01 && $0.color.allSatisfy { $0 == 0 } })
        // Plain text around it is not stroked.
        let plain = try #require(pdf.find("各单位", page: 1))
        #expect(!pdf.strokes.contains { s in s.page == 1 && s.points.contains { abs($0.x - plain[1].x - 8) < 7 && abs($0.y - plain[1].y + 6) < 8 } })
    }

    @Test func boldInAFaceWithABoldWeightIsNotStroked() throws {
        // The title role's face is a real bold: nothing to synthesise.
        let pdf = try H.render(markup: H.notice("正文。"))
        #expect(pdf.strokes.filter { $0.width < 1 && !pdf.isRed($0.color) }.isEmpty)
    }

    @Test func withoutTheOptionBoldFangsongStaysRegularAndUnstroked() throws {
        let dir = try ProjectPaths.temporaryDirectory()
        try "extends: gongwen\ntypography:\n  synthetic_bold: false\n".write(toFile: dir + "/plain.yaml", atomically: true, encoding: .utf8)
        let pdf = try H.render(markup: H.notice("各单位**务必按时报送**材料。").replacingOccurrences(of: "style: gongwen", with: "style: \(dir)/plain.yaml"))
        #expect(pdf.find("务必按时报送", page: 1) != nil)
        #expect(pdf.strokes.filter { $0.width < 1 }.isEmpty)
    }
}
