import Foundation
import HuibaoTestSupport
import Testing
@testable import Huibao

/// Cover, contents, running heads and page breaks of the annual-report sample, read back
/// page by page with pdftotext.
@Suite struct PaginationTests {
    struct Rendered {
        var probe: PDFProbe
        var pages: [String]
        /// Page text with all whitespace removed.
        var flat: [String]
    }

    static func render() throws -> Rendered {
        let path = try ProjectPaths.temporaryDirectory() + "/annual.pdf"
        let result = try SampleReportTests.renderSample(to: path)
        let probe = PDFProbe(path)
        let pages = try (1...result.pageCount).map { try PDFProbe.run("pdftotext", ["-layout", "-enc", "UTF-8", "-f", "\($0)", "-l", "\($0)", path, "-"]) }
        return Rendered(probe: probe, pages: pages, flat: pages.map { String($0.filter { !$0.isWhitespace }) })
    }

    /// The printed page number of each page ("— 3 —" in the footer), nil when there is none.
    static func printedNumbers(_ r: Rendered) -> [Int?] {
        r.pages.map { page in
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{0C}"])) }
                .filter { !$0.isEmpty }
            guard let last = lines.last, last.hasPrefix("—"), last.hasSuffix("—") else { return nil }
            return Int(last.filter(\.isNumber))
        }
    }

    @Test func theContentsPageNumbersAreWhereTheHeadingsReallyAre() throws {
        let r = try Self.render()
        let numbers = Self.printedNumbers(r)
        #expect(numbers[0] == nil && numbers[1] == nil, "cover and contents carry no number")
        #expect(numbers[2] == 1)
        // The contents page without its title line.
        let contents = r.pages[1].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.dropFirst()
        var checked = 0
        var wrapped = ""
        for line in contents where !line.isEmpty {
            // A wrapped entry: its first line has no number; the number ends its last line.
            guard let last = line.split(separator: " ").last, let number = Int(last) else {
                wrapped += line.filter { !$0.isWhitespace && $0 != "." }
                continue
            }
            // The entry without its leader dots.
            let title = (wrapped + String(line.dropLast(last.count).filter { !$0.isWhitespace }))
                .replacingOccurrences(of: #"\.{2,}"#, with: "", options: .regularExpression)
            wrapped = ""
            guard !title.isEmpty else { continue }
            // The first body page whose text holds the heading.
            let page = r.flat.indices.dropFirst(2).first { r.flat[$0].contains(title) }
            #expect(page != nil, "heading \(title) not found")
            if let page { #expect(numbers[page] == number, "\(title): contents say \(number), heading is on page \(numbers[page] ?? -1)") }
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func everyContentsEntryLinksToABodyPageInReadingOrder() throws {
        let r = try Self.render()
        #expect(try r.probe.qpdfCheck().ok)
        let qdf = try PDFProbe.run("qpdf", ["--qdf", "--object-streams=disable", r.probe.path, "-"])
        // Page objects in order, from the page tree.
        let kids = qdf.range(of: "/Kids [").map { String(qdf[$0.upperBound...].prefix { $0 != "]" }) } ?? ""
        let pageObjects = kids.split(whereSeparator: \.isWhitespace).enumerated().filter { $0.offset % 3 == 0 }.map { String($0.element) }
        #expect(pageObjects.count == r.pages.count)
        // Every link's destination page, by position in the document.
        var targets: [Int] = []
        for object in qdf.components(separatedBy: "endobj") where object.contains("/Subtype /Link") {
            guard let dest = object.range(of: "/Dest [") else { continue }
            let object = String(object[dest.upperBound...].drop { $0.isWhitespace }.prefix { $0.isNumber })
            if let index = pageObjects.firstIndex(of: object) { targets.append(index) }
        }
        let entries = r.pages[1].split(separator: "\n").filter { $0.split(separator: " ").last.flatMap { Int($0) } != nil }.count
        #expect(targets.count == entries)
        #expect(targets.allSatisfy { $0 >= 2 }, "links lead to body pages, not the cover or contents")
        #expect(targets == targets.sorted(), "entries are in document order")
    }

    @Test func runningHeadsShowTheSectionOnOddPagesAndTheTitleOnEvenPages() throws {
        let r = try Self.render()
        let numbers = Self.printedNumbers(r)
        for (index, page) in r.pages.enumerated() {
            guard let number = numbers[index] else {
                #expect(!page.contains("江临市数据资源管理局2025年工作总结") || index == 0, "no running head on unnumbered page \(index + 1)")
                continue
            }
            let head = page.split(separator: "\n").first.map { String($0.filter { !$0.isWhitespace }) } ?? ""
            if number % 2 == 0 {
                #expect(head == "江临市数据资源管理局2025年工作总结", "even page \(number) head: \(head)")
            } else {
                #expect(head.hasPrefix("一、") || head.hasPrefix("二、") || head.hasPrefix("三、") || head.hasPrefix("四、"),
                        "odd page \(number) head: \(head)")
            }
        }
    }

    @Test func noPageEndsWithAHeading() throws {
        let r = try Self.render()
        let headings = Set(try r.probe.outlineTitles())
        for (index, page) in r.pages.enumerated().dropFirst(2) {
            let lines = page.split(separator: "\n").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
            // The last line is the page number; the one before it is the last body line.
            guard lines.count >= 2 else { continue }
            #expect(!headings.contains(lines[lines.count - 2]), "page \(index + 1) ends with the heading \(lines[lines.count - 2])")
        }
    }

    @Test func pageLabelsFollowThePrintedNumbers() throws {
        let r = try Self.render()
        let qdf = try PDFProbe.run("qpdf", ["--qdf", "--object-streams=disable", r.probe.path, "-"])
        #expect(qdf.contains("/PageLabels"))
    }
}
