import Foundation
import HuibaoCore
import HuibaoTestSupport
@testable import Huibao

/// Renders 公文 (the samples, or markup written in a test) and reads the PDF back with
/// mutool: glyphs with their text matrices and colours, and stroked paths (`-F trace`), so
/// that the tests measure the page as a ruler would.
enum GongwenHarness {
    static let mm = 72.0 / 25.4
    /// The text block of GB/T 9704-2012: 28 mm from the left, 37 mm from the top, 156 × 225 mm.
    static let left = 28 * mm, right = 184 * mm, top = 37 * mm, bottom = 262 * mm
    static let pitch = (225 * mm - 16) / 21
    static let cell = 156 * mm / 28
    static let red = [230.0 / 255, 0, 0]

    /// Baseline of grid line k (1…22): its em box starts (k − 1) pitches under the top.
    static func baseline(_ k: Int) -> Double { top + Double(k - 1) * pitch + 16 * 0.88 }

    enum Sample: String, CaseIterable, Sendable, CustomStringConvertible {
        case notice, request
        var description: String { rawValue }
        var folder: String { ProjectPaths.root + "/samples/gongwen-\(rawValue)" }
        var request: RenderRequest { RenderRequest(input: folder + "/\(rawValue).md.j2", data: [folder + "/data.yaml"]) }
    }

    static func render(_ sample: Sample) throws -> Traced {
        let path = try ProjectPaths.temporaryDirectory() + "/\(sample).pdf"
        _ = try Renderer(resources: Resources(root: ProjectPaths.root)).render(sample.request, to: path)
        return try Traced(path)
    }

    /// Renders markup (a `.md` file written for the test) in the gongwen style unless it says otherwise.
    static func render(markup: String, name: String = "gongwen") throws -> Traced {
        let dir = try ProjectPaths.temporaryDirectory()
        try markup.write(toFile: dir + "/\(name).md", atomically: true, encoding: .utf8)
        _ = try Renderer(resources: Resources(root: ProjectPaths.root)).render(RenderRequest(input: dir + "/\(name).md"),
                                                                               to: dir + "/\(name).pdf")
        return try Traced(dir + "/\(name).pdf")
    }

    /// The error rendering the markup gives (nil when it renders).
    static func error(markup: String) -> HuibaoError? {
        do {
            _ = try render(markup: markup, name: "bad")
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return HuibaoError(.usage, "unexpected \(error)")
        }
    }

    /// Front matter of a one-organ notice and the body given.
    static func notice(_ body: String, head: String = "") -> String {
        """
        ---
        style: gongwen
        title: 江临市数据资源管理局关于开展检查的通知
        issuer: 江临市数据资源管理局
        doc_number: 江数资〔2025〕6号
        addressee: 各区县数据资源管理局：
        \(head)
        ---
        \(body)
        """
    }
}

/// What mutool traces of a PDF: every glyph and every stroked path, in page coordinates
/// (points from the top left).
struct Traced {
    struct Glyph {
        var char: Character
        var page: Int
        var x: Double, y: Double
        var font: String
        /// The text matrix's horizontal and vertical size (they differ for narrowed text).
        var sizeX: Double, sizeY: Double
        var color: [Double]
        /// The font's advance of the glyph (its /W width, not shortened by compression).
        var advance: Double
        var right: Double { x + advance }
    }

    struct Stroke {
        var page: Int
        var color: [Double]
        var width: Double
        var points: [(x: Double, y: Double)]
        var isHorizontalLine: Bool { points.count == 2 && abs(points[0].y - points[1].y) < 0.01 }
        var length: Double { abs(points.last!.x - points.first!.x) }
    }

    let probe: PDFProbe
    var glyphs: [Glyph] = []
    var strokes: [Stroke] = []
    var pageCount: Int

    init(_ path: String) throws {
        probe = PDFProbe(path)
        pageCount = try probe.pageCount()
        let xml = try PDFProbe.run("mutool", ["draw", "-q", "-F", "trace", "-o", "-", path])
        var page = 0
        var color: [Double] = []
        var font = "", sx = 0.0, sy = 0.0
        var stroke: Stroke?
        func attr(_ name: String, _ line: String) -> String? { PDFProbe.attribute(name, in: line) }
        func numbers(_ s: String?) -> [Double] { (s ?? "").split(separator: " ").compactMap { Double($0) } }
        for raw in xml.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<page ") { page += 1; continue }
            if line.hasPrefix("<fill_text ") { color = numbers(attr("color", line)); continue }
            if line.hasPrefix("<span ") {
                font = (attr("font", line) ?? "").split(separator: "+").last.map(String.init) ?? ""
                let m = numbers(attr("trm", line))
                if m.count == 4 { sx = abs(m[0]); sy = abs(m[3]) }
                continue
            }
            if line.hasPrefix("<g "), let c = attr("unicode", line).flatMap(PDFProbe.unescape),
               let x = Double(attr("x", line) ?? ""), let y = Double(attr("y", line) ?? "") {
                let adv = (Double(attr("adv", line) ?? "") ?? 1) * sx
                glyphs.append(Glyph(char: c, page: page, x: x, y: y, font: font, sizeX: sx, sizeY: sy, color: color, advance: adv))
                continue
            }
            if line.hasPrefix("<stroke_path ") {
                stroke = Stroke(page: page, color: numbers(attr("color", line)), width: Double(attr("linewidth", line) ?? "") ?? 0, points: [])
                continue
            }
            if line.hasPrefix("<moveto ") || line.hasPrefix("<lineto ") || line.hasPrefix("<curveto ") {
                if let x = Double(attr("x", line) ?? ""), let y = Double(attr("y", line) ?? "") { stroke?.points.append((x, y)) }
                continue
            }
            if line.hasPrefix("</stroke_path"), let s = stroke {
                strokes.append(s)
                stroke = nil
            }
        }
    }

    /// Glyphs on one baseline of a page, left to right.
    func line(page: Int, baseline: Double) -> [Glyph] {
        glyphs.filter { $0.page == page && abs($0.y - baseline) < 0.5 && $0.char != " " }.sorted { $0.x < $1.x }
    }

    /// The glyphs of the first occurrence of `text` on a page (in drawing order).
    func find(_ text: String, page: Int? = nil) -> [Glyph]? { all(text, page: page).first }

    /// The glyphs of the last occurrence of `text` on a page.
    func findLast(_ text: String, page: Int? = nil) -> [Glyph]? { all(text, page: page).last }

    private func all(_ text: String, page: Int?) -> [[Glyph]] {
        let chars = Array(text)
        let pool = glyphs.filter { (page == nil || $0.page == page) && $0.char != " " }
        guard pool.count >= chars.count else { return [] }
        return (0...(pool.count - chars.count)).filter { i in (0..<chars.count).allSatisfy { pool[i + $0].char == chars[$0] } }
            .map { Array(pool[$0..<($0 + chars.count)]) }
    }

    /// The baselines of a page's 16 pt text, top to bottom.
    func bodyBaselines(page: Int) -> [Double] {
        let ys = glyphs.filter { $0.page == page && abs($0.sizeY - 16) < 0.05 }.map(\.y)
        var result: [Double] = []
        for y in ys.sorted() where result.last.map({ y - $0 > 1 }) ?? true { result.append(y) }
        return result
    }

    func isRed(_ color: [Double]) -> Bool {
        color.count == 3 && zip(color, GongwenHarness.red).allSatisfy { abs($0 - $1) < 0.01 }
    }
}
