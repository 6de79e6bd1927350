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

    /// The two long documents: the annual-report sample, and the shared annual.json workload
    /// (a copy in Tests/Fixtures/bench) through bench/annual's template.
    enum Workload: String, CaseIterable, Sendable, CustomStringConvertible {
        case sample, bench
        var description: String { rawValue }
        var request: RenderRequest {
            switch self {
            case .sample:
                return RenderRequest(input: SampleReportTests.sample + "/report.md.j2", data: [SampleReportTests.sample + "/data.yaml"])
            case .bench:
                return RenderRequest(input: ProjectPaths.root + "/bench/annual/report.md.j2",
                                     data: [ProjectPaths.root + "/Tests/Fixtures/bench/annual.json"])
            }
        }
        /// What the running head of an even page says.
        var title: String {
            self == .sample ? "江临市数据资源管理局2025年工作总结" : "某市卫生健康委员会2025年工作总结"
        }
    }

    static func render(_ workload: Workload = .sample) throws -> Rendered {
        let path = try ProjectPaths.temporaryDirectory() + "/\(workload).pdf"
        let renderer = try Renderer(resources: Resources(root: ProjectPaths.root))
        let result = try renderer.render(workload.request, to: path)
        let probe = PDFProbe(path)
        let pages = try (1...result.pageCount).map { try PDFProbe.run("pdftotext", ["-layout", "-enc", "UTF-8", "-f", "\($0)", "-l", "\($0)", path, "-"]) }
        return Rendered(probe: probe, pages: pages, flat: pages.map { String($0.filter { !$0.isWhitespace }) })
    }

    /// The pages the contents take (they come after the cover and carry no number).
    static func contentsPages(_ r: Rendered) -> [Int] {
        let numbers = printedNumbers(r)
        return Array(r.pages.indices.dropFirst().prefix { numbers[$0] == nil })
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

    @Test(arguments: Workload.allCases)
    func theContentsPageNumbersAreWhereTheHeadingsReallyAre(_ workload: Workload) throws {
        let r = try Self.render(workload)
        let numbers = Self.printedNumbers(r)
        let contentsPages = Self.contentsPages(r)
        #expect(numbers[0] == nil && !contentsPages.isEmpty, "cover and contents carry no number")
        let firstBody = contentsPages.last! + 1
        #expect(numbers[firstBody] == 1)
        // The contents pages without the title line.
        let contents = contentsPages.flatMap { r.pages[$0].split(separator: "\n") }.map { $0.trimmingCharacters(in: .whitespaces) }
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
            let page = r.flat.indices.dropFirst(firstBody).first { r.flat[$0].contains(title) }
            #expect(page != nil, "heading \(title) not found")
            if let page { #expect(numbers[page] == number, "\(title): contents say \(number), heading is on page \(numbers[page] ?? -1)") }
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test(arguments: Workload.allCases)
    func everyContentsEntryLinksToABodyPageInReadingOrder(_ workload: Workload) throws {
        let r = try Self.render(workload)
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
        let contentsPages = Self.contentsPages(r)
        let entries = contentsPages.flatMap { r.pages[$0].split(separator: "\n") }
            .filter { $0.split(separator: " ").last.flatMap { Int($0) } != nil }.count
        #expect(targets.count == entries)
        #expect(targets.allSatisfy { $0 > contentsPages.last! }, "links lead to body pages, not the cover or contents")
        #expect(targets == targets.sorted(), "entries are in document order")
    }

    @Test(arguments: Workload.allCases)
    func runningHeadsShowTheSectionOnOddPagesAndTheTitleOnEvenPages(_ workload: Workload) throws {
        let r = try Self.render(workload)
        let numbers = Self.printedNumbers(r)
        for (index, page) in r.pages.enumerated() {
            guard let number = numbers[index] else {
                #expect(!r.flat[index].hasPrefix(workload.title) || index == 0, "no running head on unnumbered page \(index + 1)")
                continue
            }
            let head = page.split(separator: "\n").first.map { String($0.filter { !$0.isWhitespace }) } ?? ""
            if number % 2 == 0 {
                #expect(head == workload.title, "even page \(number) head: \(head)")
            } else {
                #expect(head.contains("、") && !head.hasPrefix(workload.title), "odd page \(number) head: \(head)")
            }
        }
    }

    @Test(arguments: Workload.allCases)
    func noPageEndsWithAHeading(_ workload: Workload) throws {
        let r = try Self.render(workload)
        let headings = Set(try r.probe.outlineTitles())
        for (index, page) in r.pages.enumerated().dropFirst(Self.contentsPages(r).count + 1) {
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

/// The shared annual workload's long table and outline (issue: pagination).
@Suite struct AnnualWorkloadTests {
    @Test func theSixtyRowTableRepeatsItsHeaderOnEveryPageItSpans() throws {
        let r = try PaginationTests.render(.bench)
        // 表7 lists the 60 projects; its header row starts 序号 项目名称 建设单位.
        let header = "序号项目名称建设单位"
        let first = try #require(r.flat.firstIndex { $0.contains("重点建设项目推进情况一览表") })
        let last = try #require(r.flat.firstIndex { $0.contains("1,465,290") })
        #expect(last > first, "the table spans pages")
        for page in first...last { #expect(r.flat[page].contains(header), "page \(page + 1) of the long table has no header row") }
    }

    @Test func theOutlineHasAnEntryPerSection() throws {
        let r = try PaginationTests.render(.bench)
        let outline = try r.probe.outlineTitles()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ProjectPaths.root + "/Tests/Fixtures/bench/annual.json"))) as? [String: Any]
        let sections = (json?["sections"] as? [[String: Any]]) ?? []
        let titles = sections.compactMap { $0["title"] as? String }
        #expect(titles.count >= 8)
        for title in titles { #expect(outline.contains { $0.hasSuffix(title) }, "no outline entry for \(title)") }
        let subsections = sections.flatMap { ($0["sections"] as? [[String: Any]]) ?? [] }.compactMap { $0["title"] as? String }
        for title in subsections { #expect(outline.contains { $0.hasSuffix(title) }, "no outline entry for \(title)") }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: SampleReportTests.pdfcheck)))
    func theWorkloadPassesTheIndependentChecker() throws {
        let r = try PaginationTests.render(.bench)
        let (status, output) = try PDFProbe.runStatus(SampleReportTests.pdfcheck, [r.probe.path, "--kinsoku-level", "gb",
                                                                                  "--justify-max-gap", "0.5"])
        #expect(status == 0, "\(output)")
    }
}
