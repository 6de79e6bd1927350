import Foundation
import Testing
@testable import HuibaoCore

/// The `chart:` section of a style: the report style's defaults, a palette that stays apart
/// in grey print, and checked keys.
@Suite struct ChartStyleTests {
    static let templates: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/templates/report.yaml") { return url.path + "/templates" }
        }
        return "templates"
    }()

    func decode(_ yaml: String) throws -> Style {
        let base = """
            page: {width_mm: 210, height_mm: 297, margin_top_mm: 30, margin_bottom_mm: 28, margin_left_mm: 27, margin_right_mm: 26}
            body: {role: song, size_pt: 12, line_pitch_pt: 21}

            """
        return try StyleDecoder.decode(try DataLoader.load(text: base + yaml, file: "style.yaml", format: .yaml), name: "test")
    }

    /// Luma on 0…1 (ITU-R BT.601), the grey a colour prints as.
    func grey(_ c: RGBColor) -> Double { 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue }

    @Test func theReportStyleSetsChartLabelsInSmallHeiWithItsPalette() throws {
        let style = try StyleLoader(builtInDirectory: Self.templates).load("report")
        #expect(style.chart.role == "hei")
        #expect(style.chart.sizePt == 9)
        #expect(style.chart.palette.count == 5)
        #expect(style.chart.caption.role == "hei" && style.chart.caption.sizePt == 10.5 && style.chart.caption.align == .center)
        #expect(style.chart.source.sizePt == 9)
    }

    @Test func thePaletteStaysApartWhenPrintedInGrey() throws {
        let style = try StyleLoader(builtInDirectory: Self.templates).load("report")
        let greys = style.chart.palette.map(grey)
        for i in greys.indices {
            for j in greys.indices where j > i {
                #expect(abs(greys[i] - greys[j]) >= 0.1, "palette colours \(i) and \(j) print as nearly the same grey")
            }
        }
        // The combo line is dark against the white page.
        #expect(grey(style.chart.lineColor) < 0.4)
    }

    @Test func aStyleWithoutAChartSectionGetsTheDefaults() throws {
        let style = try decode("")
        #expect(style.chart.role == "hei" && style.chart.sizePt == 9 && style.chart.palette.count == 5)
        #expect(style.chart.source.role == "song")
    }

    @Test func chartKeysCanBeOverridden() throws {
        let style = try decode("chart:\n  role: kai\n  size_pt: 10\n  palette: [\"#000000\", \"#FFFFFF\"]\n  caption: {size_pt: 12}")
        #expect(style.chart.role == "kai" && style.chart.sizePt == 10)
        #expect(style.chart.palette == [RGBColor(red: 0, green: 0, blue: 0), RGBColor(red: 1, green: 1, blue: 1)])
        #expect(style.chart.caption.sizePt == 12 && style.chart.caption.role == "hei")
    }

    @Test func anUnknownChartKeyIsAnErrorAtItsLine() throws {
        do {
            _ = try decode("chart:\n  colours: [\"#000000\"]")
            Issue.record("expected an error")
        } catch let error as HuibaoError {
            #expect(error.message.contains("unknown key 'colours'"))
            #expect(error.location?.line == 4)
        }
    }

    @Test func aPaletteColourThatIsNotAColourIsAnError() throws {
        do {
            _ = try decode("chart:\n  palette: [\"#1F3A5F\", 深蓝]")
            Issue.record("expected an error")
        } catch let error as HuibaoError {
            #expect(error.message.contains("深蓝"))
            #expect(error.location?.line == 4)
        }
    }
}
