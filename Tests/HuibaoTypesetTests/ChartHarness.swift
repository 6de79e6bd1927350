import Foundation
import HuibaoCore
import HuibaoTestSupport
@testable import HuibaoTypeset

/// Renders report markup holding charts into a real PDF and reads the drawing back from the
/// file with mutool: filled and stroked paths (`-F trace`) and every glyph with its
/// direction (`-F stext`), so chart tests measure what a reader gets.
struct ChartHarness {
    var style: Style
    let fonts: FontSystem

    init() throws {
        style = try StyleLoader(builtInDirectory: ProjectPaths.templates).load("report")
        style.footer.format = ""
        fonts = try FontSystem(fontsDirectory: ProjectPaths.fonts, roles: try FontRoles.load(path: ProjectPaths.fonts + "/roles.yaml"))
    }

    /// The palette's first colour: what single-series bars are filled with.
    var firstColor: RGBColor { style.chart.palette[0] }

    func layout(_ markup: String, data: DataNode? = nil, baseDirectory: String = ".") throws -> LaidOutDocument {
        let document = try MarkupParser.parse(markup, file: "report.md")
        return try DocumentLayout(style: style, composer: ParagraphComposer(fonts: fonts), data: data, baseDirectory: baseDirectory)
            .layout(document)
    }

    func render(_ markup: String, data: DataNode? = nil, baseDirectory: String = ".", name: String = "chart") throws -> PDFProbe {
        let laidOut = try layout(markup, data: data, baseDirectory: baseDirectory)
        let path = try ProjectPaths.temporaryDirectory() + "/\(name).pdf"
        try PDFWriter().write(laidOut, to: path)
        return PDFProbe(path)
    }

    /// The error a chart block gives, or nil when it renders.
    func error(_ markup: String, data: DataNode? = nil, baseDirectory: String = ".") -> HuibaoError? {
        do {
            _ = try layout(markup, data: data, baseDirectory: baseDirectory)
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return HuibaoError(.usage, "unexpected \(error)")
        }
    }

    /// A markup document with one chart whose YAML body is `body`.
    static func chart(_ body: String) -> String { "```chart\n" + body + "\n```\n" }
}

// MARK: paths

/// A path drawn in the PDF, in page coordinates (points from the top left, y down).
struct DrawnPath {
    var filled: Bool
    var color: [Double]
    var points: [(x: Double, y: Double)]
    var page: Int
    var lineWidth: Double

    func hasColor(_ c: RGBColor, tolerance: Double = 0.004) -> Bool {
        color.count == 3 && abs(color[0] - c.red) < tolerance && abs(color[1] - c.green) < tolerance && abs(color[2] - c.blue) < tolerance
    }

    /// The axis-aligned rectangle of a filled four-corner path (a `re` operator), if it is one.
    var rect: (x: Double, y: Double, width: Double, height: Double)? {
        guard filled, points.count == 4 else { return nil }
        let xs = Set(points.map { ($0.x * 1000).rounded() }), ys = Set(points.map { ($0.y * 1000).rounded() })
        guard xs.count <= 2, ys.count <= 2 else { return nil }
        let x0 = points.map(\.x).min()!, x1 = points.map(\.x).max()!
        let y0 = points.map(\.y).min()!, y1 = points.map(\.y).max()!
        return (x0, y0, x1 - x0, y1 - y0)
    }
}

/// A glyph's em box as drawn: origin on the baseline, advance along the text direction.
struct GlyphBox {
    var char: Character
    var origin: (x: Double, y: Double)
    /// Unit vector of the text direction (1, 0 for ordinary text; rotated labels differ).
    var direction: (x: Double, y: Double)
    var advance: Double
    var size: Double
    var page: Int

    /// The em box corners: from 0.12 em below the baseline to 0.88 em above it.
    var corners: [(x: Double, y: Double)] {
        let up = (x: direction.y, y: -direction.x)
        return [(0.0, -0.12), (advance, -0.12), (advance, 0.88), (0.0, 0.88)].map { a, b in
            (origin.x + a * direction.x + b * size * up.x, origin.y + a * direction.y + b * size * up.y)
        }
    }

    var center: (x: Double, y: Double) {
        let c = corners
        return ((c[0].x + c[2].x) / 2, (c[0].y + c[2].y) / 2)
    }

    /// Whether two em boxes overlap by more than `slack` points (separating axis test).
    func overlaps(_ other: GlyphBox, slack: Double = 0.3) -> Bool {
        let a = corners, b = other.corners
        for poly in [a, b] {
            for i in 0..<4 {
                let p = poly[i], q = poly[(i + 1) % 4]
                let axis = (x: q.y - p.y, y: p.x - q.x)
                let length = (axis.x * axis.x + axis.y * axis.y).squareRoot()
                guard length > 0 else { continue }
                let project = { (pts: [(x: Double, y: Double)]) -> (Double, Double) in
                    let v = pts.map { ($0.x * axis.x + $0.y * axis.y) / length }
                    return (v.min()!, v.max()!)
                }
                let (a0, a1) = project(a), (b0, b1) = project(b)
                if a1 - slack <= b0 || b1 - slack <= a0 { return false }
            }
        }
        return true
    }
}

extension PDFProbe {
    /// Every filled or stroked path, from `mutool draw -F trace`.
    func paths() throws -> [DrawnPath] {
        let xml = try Self.run("mutool", ["draw", "-q", "-F", "trace", "-o", "-", path])
        var result: [DrawnPath] = []
        var page = 0
        var current: DrawnPath?
        for raw in xml.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<page ") { page += 1; continue }
            if line.hasPrefix("<fill_path ") || line.hasPrefix("<stroke_path ") {
                let color = (Self.attr("color", line) ?? "").split(separator: " ").compactMap { Double($0) }
                current = DrawnPath(filled: line.hasPrefix("<fill_path"), color: color, points: [], page: page,
                                    lineWidth: Double(Self.attr("linewidth", line) ?? "") ?? 0)
                continue
            }
            if line.hasPrefix("<moveto ") || line.hasPrefix("<lineto ") || line.hasPrefix("<curveto ") {
                if let x = Double(Self.attr("x", line) ?? ""), let y = Double(Self.attr("y", line) ?? "") {
                    current?.points.append((x, y))
                }
                continue
            }
            if line.hasPrefix("</fill_path") || line.hasPrefix("</stroke_path"), let path = current {
                result.append(path)
                current = nil
            }
        }
        return result
    }

    /// Filled rectangles of one colour, left to right (then top to bottom).
    func rects(_ color: RGBColor, page: Int = 1) throws -> [(x: Double, y: Double, width: Double, height: Double)] {
        try paths().filter { $0.page == page && $0.hasColor(color) }.compactMap(\.rect)
            .sorted { ($0.x, $0.y) < ($1.x, $1.y) }
    }

    /// Every glyph with its text direction, from `mutool draw -F stext`.
    func glyphBoxes() throws -> [GlyphBox] {
        let xml = try Self.run("mutool", ["draw", "-q", "-F", "stext", "-o", "-", path])
        var result: [GlyphBox] = []
        var page = 0
        var size = 0.0
        for raw in xml.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<page ") { page += 1; continue }
            if line.hasPrefix("<font ") { size = Double(Self.attr("size", line) ?? "") ?? 0; continue }
            guard line.hasPrefix("<char "), let q = Self.attr("quad", line)?.split(separator: " ").compactMap({ Double($0) }), q.count == 8,
                  let x = Double(Self.attr("x", line) ?? ""), let y = Double(Self.attr("y", line) ?? ""),
                  let c = Self.attr("c", line).flatMap(Self.character), c != " " else { continue }
            let dx = q[2] - q[0], dy = q[3] - q[1]
            let advance = (dx * dx + dy * dy).squareRoot()
            guard advance > 0 else { continue }
            result.append(GlyphBox(char: c, origin: (x, y), direction: (dx / advance, dy / advance), advance: advance, size: size, page: page))
        }
        return result
    }

    /// The text with all white space removed, as `pdftotext -raw` gives it: in drawing
    /// order, which keeps each turned (45°, 90°) label whole where the layout-guessing
    /// default mode interleaves diagonal labels.
    func compactText() throws -> String {
        try Self.run("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"]).filter { !$0.isWhitespace }
    }

    private static func attr(_ name: String, _ line: String) -> String? { PDFProbe.attribute(name, in: line) }

    private static func character(_ s: String) -> Character? { PDFProbe.unescape(s) }
}

/// Horizontal grid lines and the tick labels left of (or right of) them: the value axis as
/// drawn, from which the tests take points per unit.
struct MeasuredAxis {
    /// (value, y) for every tick, top to bottom.
    var ticks: [(value: Double, y: Double)]

    /// Points per unit and the y of zero, fitted through the ticks.
    var pointsPerUnit: Double {
        guard let first = ticks.first, let last = ticks.last, first.value != last.value else { return 0 }
        return (last.y - first.y) / (first.value - last.value)
    }

    func y(_ value: Double) -> Double {
        let first = ticks[0]
        return first.y - (value - first.value) * pointsPerUnit
    }

    /// Reads number labels whose glyphs end left of `rightOf` (left axis) or start right of
    /// `leftOf` (right axis), joined into numbers per baseline.
    static func read(_ glyphs: [GlyphBox], page: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) -> MeasuredAxis {
        let candidates = glyphs.filter {
            $0.page == page && abs($0.direction.y) < 0.01 && xRange.contains($0.origin.x) && yRange.contains($0.origin.y)
                && ("0123456789.,-%".contains($0.char))
        }
        var rows: [(y: Double, text: String, size: Double)] = []
        for g in candidates.sorted(by: { ($0.origin.y, $0.origin.x) < ($1.origin.y, $1.origin.x) }) {
            if let last = rows.last, abs(last.y - g.origin.y) < 0.5 {
                rows[rows.count - 1].text.append(g.char)
            } else {
                rows.append((g.origin.y, String(g.char), g.size))
            }
        }
        let ticks = rows.compactMap { row -> (Double, Double)? in
            guard let v = Double(row.text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")) else { return nil }
            // The label's em box is centred on its tick: baseline − 0.38 em.
            return (v, row.y - 0.38 * row.size)
        }
        return MeasuredAxis(ticks: ticks)
    }
}
