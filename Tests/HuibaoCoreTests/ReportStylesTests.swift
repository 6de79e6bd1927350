import Foundation
import Testing
@testable import HuibaoCore

/// The three jobs' styles: `briefing` (and its 16:9 page), `monthly`, the KPI section of
/// `report`, and what a style file of one's own may change in them.
@Suite struct ReportStylesTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }()
    static let loader = StyleLoader(builtInDirectory: root + "/templates")

    @Test func theBriefingPageIsA4LandscapeAndItsSixteenByNineVariantIsAsWide() throws {
        let a4 = try Self.loader.load("briefing").page
        #expect((a4.widthMm, a4.heightMm) == (297, 210))
        let wide = try Self.loader.load("briefing-16x9").page
        #expect(wide.widthMm == 297)
        #expect(abs(wide.widthMm / wide.heightMm - 16.0 / 9.0) < 0.001)
    }

    @Test func aBriefingTopicStartsAPageInATitleBar() throws {
        let topic = try #require(try Self.loader.load("briefing").headings.first)
        #expect(topic.pageBreakBefore)
        #expect(topic.barFill == RGBColor(hex: "#1F3A5F"))
        #expect(topic.text.color == RGBColor(hex: "#FFFFFF"))
        #expect(topic.numbering.isEmpty)
    }

    @Test func theBriefingFooterNamesTheMeetingAndDateWithThePageOnTheRight() throws {
        let footer = try Self.loader.load("briefing").footer
        #expect(footer.format.contains("{subject}") && footer.format.contains("{date}"))
        #expect(footer.formatRight == "{page} / {pages}")
        #expect(footer.align == .left)
    }

    @Test func theMonthlyHeadShowsTheUnitAndTheMonthAlsoOnThePageWithTheTitle() throws {
        let header = try #require(try Self.loader.load("monthly").header)
        #expect(header.format == "{author}")
        #expect(header.formatRight == "{subtitle}")
        #expect(header.onTitlePage)
    }

    @Test func reportCardsAreRedForARiseAndGreenForAFallByDefault() throws {
        let kpi = try Self.loader.load("report").kpi
        #expect(kpi.upColor == RGBColor(hex: "#C0392B"))
        #expect(kpi.downColor == RGBColor(hex: "#1E8449"))
        #expect(kpi.compare == "同比")
        #expect(kpi.value.sizePt > 2 * kpi.label.sizePt)
    }

    @Test func aStyleOfOnesOwnFlipsTheColoursOfChangeAndSwitchesOffTheCardBorder() throws {
        let dir = NSTemporaryDirectory() + "huibao-kpi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/west.yaml"
        try """
            extends: report
            kpi:
              up_color: "#1E8449"
              down_color: "#C0392B"
              border_color: none
              align: center
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let kpi = try Self.loader.load(path).kpi
        #expect(kpi.upColor == RGBColor(hex: "#1E8449"))
        #expect(kpi.downColor == RGBColor(hex: "#C0392B"))
        #expect(kpi.borderColor == nil)
        #expect(kpi.align == .center)
        #expect(kpi.fill != nil)
    }

    @Test func aStyleWithoutTheNewSectionsGetsTheirDefaults() throws {
        let dir = NSTemporaryDirectory() + "huibao-kpi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/plain.yaml"
        try "page: {width_mm: 210, height_mm: 297, margin_top_mm: 25, margin_bottom_mm: 25, margin_left_mm: 25, margin_right_mm: 25}\nbody: {size_pt: 12}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let style = try Self.loader.load(path)
        #expect(style.kpi.columns == 4)
        #expect(style.columns.gapMm == 8)
        #expect(style.box.paddingPt == 10)
        #expect(style.list.bullet == "•" && !style.list.hanging)
        #expect(style.headings.allSatisfy { !$0.pageBreakBefore && $0.barFill == nil })
        #expect(style.footer.formatRight == nil)
    }

    @Test func aTypoInTheKPISectionIsReportedAtItsLine() throws {
        let dir = NSTemporaryDirectory() + "huibao-kpi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/typo.yaml"
        try "extends: report\nkpi:\n  up_colour: \"#000000\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: HuibaoError.self) { try Self.loader.load(path) }
        do {
            _ = try Self.loader.load(path)
        } catch let error as HuibaoError {
            #expect(error.message.contains("unknown key 'up_colour'"))
            #expect(error.location?.line == 3)
        }
    }
}
