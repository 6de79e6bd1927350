import Foundation

/// Reads a finished PDF from the outside with real tools (mutool, pdftotext, pdffonts, qpdf),
/// so tests measure what a reader gets, not what the code meant to draw.
public struct PDFProbe {
    public let path: String

    public init(_ path: String) { self.path = path }

    /// A drawn character with its origin (baseline left) and advance box.
    public struct Glyph: Equatable, CustomStringConvertible {
        public var char: Character
        public var x: Double
        public var y: Double
        /// Advance-box width (the font's /W width; not shortened by compression).
        public var width: Double
        public var size: Double
        public var font: String
        public var page: Int
        public var description: String { "\(char)@\(String(format: "%.2f", x))" }
    }

    /// A line: glyphs on one baseline, left to right (mutool's synthetic spaces removed).
    public struct Line: CustomStringConvertible {
        public var glyphs: [Glyph]
        public var page: Int
        public var y: Double
        public var text: String { String(glyphs.map(\.char)) }
        public var description: String { "p\(page) y=\(String(format: "%.1f", y)) \(text)" }
    }

    /// Every character, from `mutool draw -F stext`.
    public func glyphs() throws -> [Glyph] {
        let xml = try Self.run("mutool", ["draw", "-q", "-F", "stext", "-o", "-", path])
        var result: [Glyph] = []
        var page = 0
        var font = "", size = 0.0
        for rawLine in xml.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<page ") { page += 1; continue }
            if line.hasPrefix("<font ") {
                font = Self.attribute("name", in: line) ?? ""
                size = Double(Self.attribute("size", in: line) ?? "") ?? 0
                continue
            }
            guard line.hasPrefix("<char "), let quad = Self.attribute("quad", in: line),
                  let x = Double(Self.attribute("x", in: line) ?? ""), let y = Double(Self.attribute("y", in: line) ?? ""),
                  let c = Self.attribute("c", in: line).flatMap(Self.unescape) else { continue }
            let q = quad.split(separator: " ").compactMap { Double($0) }
            guard q.count == 8 else { continue }
            result.append(Glyph(char: c, x: x, y: y, width: q[2] - q[0], size: size, font: font, page: page))
        }
        return result
    }

    /// Glyphs grouped into lines by baseline; spaces dropped (mutool invents them for gaps).
    public func lines() throws -> [Line] {
        var lines: [Line] = []
        for g in try glyphs() where g.char != " " {
            if let last = lines.last, last.page == g.page, abs(last.y - g.y) < 0.5 * g.size, let prev = last.glyphs.last,
               g.x > prev.x - 0.5, g.x - (prev.x + prev.width) < 3 * g.size {
                lines[lines.count - 1].glyphs.append(g)
            } else {
                lines.append(Line(glyphs: [g], page: g.page, y: g.y))
            }
        }
        return lines
    }

    public func text() throws -> String { try Self.run("pdftotext", ["-enc", "UTF-8", path, "-"]) }

    public func text(page: Int) throws -> String {
        try Self.run("pdftotext", ["-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", path, "-"])
    }

    /// `pdffonts` rows: (name without subset tag, embedded, subset).
    public func fonts() throws -> [(name: String, embedded: Bool, subset: Bool)] {
        let out = try Self.run("pdffonts", [path])
        return out.split(separator: "\n").dropFirst(2).compactMap { row in
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            guard cols.count >= 7 else { return nil }
            let n = cols.count
            let name = String(cols[0]).split(separator: "+").last.map(String.init) ?? String(cols[0])
            return (name, cols[n - 5] == "yes", cols[n - 4] == "yes")
        }
    }

    public func pageCount() throws -> Int {
        let out = try Self.run("qpdf", ["--show-npages", path])
        return Int(out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// `qpdf --check`: exit status 0 and no warnings.
    public func qpdfCheck() throws -> (ok: Bool, output: String) {
        let (status, out) = try Self.runStatus("qpdf", ["--check", path])
        return (status == 0 && !out.contains("WARNING"), out)
    }

    /// Outline titles with their depth, from qpdf's JSON.
    public func outlineTitles() throws -> [String] {
        let json = try Self.run("qpdf", ["--json", "--json-key=outlines", path])
        guard let data = json.data(using: .utf8),
              let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let outlines = root["outlines"] as? [[String: Any]] else { return [] }
        func walk(_ items: [[String: Any]]) -> [String] {
            items.flatMap { item in [(item["title"] as? String) ?? ""] + walk((item["kids"] as? [[String: Any]]) ?? []) }
        }
        return walk(outlines)
    }

    /// The Info dictionary as `pdfinfo` prints it.
    public func info() throws -> [String: String] {
        let out = try Self.run("pdfinfo", [path])
        var result: [String: String] = [:]
        for row in out.split(separator: "\n") {
            guard let colon = row.firstIndex(of: ":") else { continue }
            result[String(row[..<colon])] = row[row.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    // MARK: running tools

    public static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let (status, out) = try runStatus(tool, arguments)
        guard status == 0 else { throw ProbeError(message: "\(tool) \(arguments.joined(separator: " ")) exited \(status): \(out)") }
        return out
    }

    public static func runStatus(_ tool: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    public struct ProbeError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The value of `name="…"` in one line of mutool's XML output.
    public static func attribute(_ name: String, in line: String) -> String? {
        guard let range = line.range(of: " \(name)=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The character of an XML `c="…"` value (`&#x4e2d;`, `&amp;` …).
    public static func unescape(_ s: String) -> Character? {
        if s.hasPrefix("&#x"), s.hasSuffix(";"), let v = UInt32(s.dropFirst(3).dropLast(), radix: 16), let u = Unicode.Scalar(v) {
            return Character(u)
        }
        switch s {
        case "&amp;": return "&"
        case "&lt;": return "<"
        case "&gt;": return ">"
        case "&quot;": return "\""
        case "&apos;": return "'"
        default: return s.first
        }
    }
}

/// The project's root folder (holding templates/ and fonts/), found from this file's path.
public enum ProjectPaths {
    public static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }

    public static var fonts: String { root + "/fonts" }
    public static var templates: String { root + "/templates" }

    /// A fresh temporary folder for one test.
    public static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "huibao-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
