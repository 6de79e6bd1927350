import Foundation

/// Reads the YAML body of a ```chart``` block into a checked `ChartSpec`.
///
/// Everything a chart cannot be drawn from is an error here, at the key or value that causes
/// it (the body's locations point into the markup file): an unknown kind, key or option, no
/// data, series of the wrong length, a value that is not a number, a data path that does not
/// exist. A chart never silently comes out as an empty box.
public struct ChartSpecReader {
    let block: DirectiveBlock
    /// The template's merged data, for `data:` paths.
    let data: DataNode?
    /// The folder of the report file, for `csv:` paths.
    let baseDirectory: String
    private let bodyLines: [Substring]

    public init(block: DirectiveBlock, data: DataNode?, baseDirectory: String) {
        self.block = block
        self.data = data
        self.baseDirectory = baseDirectory
        bodyLines = block.body.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static let keys = ["kind", "title", "unit", "source", "note", "width", "height", "aspect", "categories", "values",
                       "targets", "series", "items", "data", "csv", "x", "y", "target", "options"]
    static let optionKeys = ["labels", "markers", "stacked", "percent", "legend", "decimals", "grouping", "min", "max",
                             "percent_decimals"]

    public func read() throws -> ChartSpec {
        let root = try block.bodyNode()
        let r = try NodeReader(root, context: "chart", kind: .markup)
        try allowOnly(r, Self.keys, what: "key")
        guard let kindNode = r["kind"] else {
            throw HuibaoError(.markup, "the chart does not say which kind it is", at: block.location,
                              hint: "add a line `kind: bar` (kinds: \(Self.kindList))")
        }
        guard case .string(let kindName) = kindNode.value,
              let entry = ChartKind.names.first(where: { $0.name == kindName.trimmingCharacters(in: .whitespaces) }) else {
            throw HuibaoError(.markup, "'\(kindNode.value)' is not a kind of chart", at: kindNode.location,
                              hint: "kinds: \(Self.kindList)")
        }
        let optionsR = try r.reader("options")
        if let optionsR { try allowOnly(optionsR, Self.optionKeys, what: "option") }
        let stackedOption = try optionsR?.bool("stacked")
        let percent = try optionsR?.bool("percent") ?? entry.percent
        let stacked = percent || (stackedOption ?? entry.stacked)
        if stacked, ![.bar, .hbar, .area].contains(entry.kind) {
            let key = optionsR?["percent"] != nil ? "percent" : "stacked"
            throw HuibaoError(.markup, "a \(entry.kind.rawValue) chart cannot be stacked", at: optionsR?[key]?.location,
                              hint: "stacked and percent are for bar, hbar and area charts")
        }

        var spec = ChartSpec(
            kind: entry.kind, stacked: stacked, percent: percent,
            title: try r.string("title"), unit: try r.string("unit"), source: try r.string("source"), note: try r.string("note"),
            width: try length(r, "width"), height: try length(r, "height"), aspect: try aspect(r),
            categories: [], series: [], targets: [], itemUnits: [],
            options: try options(optionsR), location: block.location)
        if spec.width == nil, case .fraction(let f)? = spec.height, f > 0 {
            throw HuibaoError(.markup, "chart › height cannot be a share of the width", at: r["height"]?.location,
                              hint: "write a height in millimetres (height: 80), or an aspect (aspect: 16:9)")
        }
        try ChartDataReader(reader: self, r: r, kind: entry.kind).fill(&spec)
        try check(spec, r)
        return spec
    }

    static var kindList: String { ChartKind.names.map(\.name).joined(separator: ", ") }

    // MARK: keys and their places

    /// Fails on a key not in `known`, pointing at the key itself.
    func allowOnly(_ r: NodeReader, _ known: [String], what: String) throws {
        guard case .object(let pairs) = r.node.value else { return }
        for (key, value) in pairs where !known.contains(key) {
            throw HuibaoError(.markup, "unknown \(what) '\(key)' in \(r.context)", at: keyLocation(key, near: value.location ?? r.node.location),
                              hint: "known \(what)s: \(known.joined(separator: ", "))")
        }
    }

    /// Where `key:` is written: on the line of its value, or the nearest line above it (a
    /// block value starts on the line after its key). DataNode keeps only value locations.
    func keyLocation(_ key: String, near location: SourceLocation?) -> SourceLocation? {
        guard let location else { return block.location }
        var line = location.line
        while line > block.location.line {
            let index = line - block.location.line - 1
            if index >= 0, index < bodyLines.count, let column = Self.column(of: key, in: bodyLines[index]),
               line < location.line || column < location.column {
                return SourceLocation(file: location.file, line: line, column: column)
            }
            line -= 1
        }
        return location
    }

    /// The 1-based column of `key` written as a mapping key on `line` (plain or quoted).
    private static func column(of key: String, in line: Substring) -> Int? {
        let chars = Array(line.unicodeScalars), k = Array(key.unicodeScalars)
        guard !k.isEmpty, chars.count >= k.count else { return nil }
        for i in 0...(chars.count - k.count) where Array(chars[i..<(i + k.count)]) == k {
            var start = i, end = i + k.count
            if start > 0, chars[start - 1] == "\"" || chars[start - 1] == "'" {
                guard end < chars.count, chars[end] == chars[start - 1] else { continue }
                start -= 1
                end += 1
            }
            if start > 0, !" \t-{,".unicodeScalars.contains(chars[start - 1]) { continue }
            while end < chars.count, chars[end] == " " { end += 1 }
            if end < chars.count, chars[end] == ":" { return start + 1 }
        }
        return nil
    }

    // MARK: sizes and options

    private func length(_ r: NodeReader, _ key: String) throws -> ChartLength? {
        guard let node = r[key] else { return nil }
        let expected = "a length in millimetres (120, \"120mm\") or a share of the text width (\"80%\")"
        var result: ChartLength?
        switch node.value {
        case .number(let d): result = .mm(NSDecimalNumber(decimal: d).doubleValue)
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.hasSuffix("%"), let v = Double(t.dropLast()) { result = .fraction(v / 100) }
            else if t.hasSuffix("mm"), let v = Double(t.dropLast(2).trimmingCharacters(in: .whitespaces)) { result = .mm(v) }
            else if t.hasSuffix("cm"), let v = Double(t.dropLast(2).trimmingCharacters(in: .whitespaces)) { result = .mm(v * 10) }
        default: break
        }
        guard let result else { throw r.mismatch(key, node, expected) }
        let positive: Bool
        switch result {
        case .mm(let v): positive = v >= 20 && v <= 400
        case .fraction(let f): positive = f > 0.1 && f <= 1
        }
        guard positive else {
            throw HuibaoError(.markup, "chart › \(key) '\(node.value)' is out of range", at: node.location,
                              hint: "between 20 mm and 400 mm, or between 10% and 100% of the text width")
        }
        return result
    }

    /// `aspect: 16:9`, `"4:3"` or a number (width over height).
    private func aspect(_ r: NodeReader) throws -> Double? {
        guard let node = r["aspect"] else { return nil }
        var value: Double?
        switch node.value {
        case .number(let d): value = NSDecimalNumber(decimal: d).doubleValue
        case .string(let s):
            let parts = s.split(separator: ":").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            if parts.count == 2, let w = parts[0], let h = parts[1], h > 0 { value = w / h }
        default: break
        }
        guard let value, value >= 0.5, value <= 4 else {
            throw HuibaoError(.markup, "chart › aspect must be width:height such as 16:9 or 4:3 (between 1:2 and 4:1), found '\(node.value)'",
                              at: node.location)
        }
        return value
    }

    private func options(_ r: NodeReader?) throws -> ChartOptions {
        guard let r else { return ChartOptions() }
        var o = ChartOptions()
        o.labels = try r.bool("labels")
        o.markers = try r.bool("markers")
        o.legend = try r.choice("legend", ChartOptions.Legend.self) ?? .auto
        o.grouping = try r.bool("grouping") ?? true
        for key in ["decimals", "percent_decimals"] {
            if let d = try r.int(key), !(0...6).contains(d) {
                throw HuibaoError(.markup, "chart › options › \(key) must be a whole number from 0 to 6", at: r[key]?.location)
            }
        }
        o.decimals = try r.int("decimals")
        o.percentDecimals = try r.int("percent_decimals") ?? 1
        o.min = try decimal(r, "min")
        o.max = try decimal(r, "max")
        if let lo = o.min, let hi = o.max, lo >= hi {
            throw HuibaoError(.markup, "chart › options › min (\(lo)) must be below max (\(hi))", at: r["min"]?.location)
        }
        return o
    }

    private func decimal(_ r: NodeReader, _ key: String) throws -> Decimal? {
        guard let node = r[key] else { return nil }
        guard case .number(let d) = node.value else { throw r.mismatch(key, node, "a number") }
        return d
    }

    // MARK: what a kind needs

    private func check(_ spec: ChartSpec, _ r: NodeReader) throws {
        let values = spec.series.flatMap { $0.values.compactMap { $0 } }
        guard !values.isEmpty else {
            throw HuibaoError(.markup, "the chart has no values to draw (every value is empty)",
                              at: r["series"]?.location ?? r["values"]?.location ?? r["data"]?.location ?? r["csv"]?.location ?? block.location)
        }
        let location = { (s: ChartSeries) in s.location ?? r.node.location }
        switch spec.kind {
        case .pie, .donut:
            guard spec.series.count == 1 else {
                throw HuibaoError(.markup, "a \(spec.kind.rawValue) chart shows one series, this one has \(spec.series.count)",
                                  at: location(spec.series[1]), hint: "draw several series as a bar chart, or one pie per series")
            }
            for (i, v) in spec.series[0].values.enumerated() {
                guard let v else {
                    throw HuibaoError(.markup, "the slice '\(spec.categories[i].text)' of a \(spec.kind.rawValue) chart has no value",
                                      at: spec.categories[i].location ?? location(spec.series[0]))
                }
                guard v.decimal >= 0 else {
                    throw HuibaoError(.markup, "a \(spec.kind.rawValue) chart cannot show the negative value \(v.decimal) ('\(spec.categories[i].text)')",
                                      at: v.location, hint: "the slices are shares of a whole; show changes as a bar chart")
                }
            }
            guard values.contains(where: { $0.decimal > 0 }) else {
                throw HuibaoError(.markup, "the values of this \(spec.kind.rawValue) chart add up to zero", at: location(spec.series[0]))
            }
        case .combo:
            guard spec.series.contains(where: { $0.axis == .right }), spec.series.contains(where: { $0.axis == .left }) else {
                throw HuibaoError(.markup, "a combo chart needs bars on the left axis and at least one line on the right axis",
                                  at: r["series"]?.location ?? r["y"]?.location ?? block.location,
                                  hint: "give it two series or more; the last one (or those marked `axis: right`) is the line")
            }
        case .progress:
            guard spec.series.count == 1 else {
                throw HuibaoError(.markup, "a progress chart shows one value per item against its target, this one has \(spec.series.count) series",
                                  at: location(spec.series[1]))
            }
            for (i, v) in spec.series[0].values.enumerated() where v == nil {
                throw HuibaoError(.markup, "the item '\(spec.categories[i].text)' has no value", at: spec.categories[i].location)
            }
            for t in spec.targets where t.decimal <= 0 {
                throw HuibaoError(.markup, "a target must be above zero, found \(t.decimal)", at: t.location)
            }
        case .bar, .hbar, .line, .area:
            if let s = spec.series.first(where: { $0.axis == .right }) {
                throw HuibaoError(.markup, "only a combo chart has a right axis", at: location(s),
                                  hint: "use kind: combo for bars with a line on a second axis")
            }
        }
        if spec.stacked, spec.kind == .area, let v = values.first(where: { $0.decimal < 0 }) {
            throw HuibaoError(.markup, "stacked areas cannot show the negative value \(v.decimal)", at: v.location,
                              hint: "draw values below zero as lines or bars")
        }
        if spec.percent, let v = values.first(where: { $0.decimal < 0 }) {
            throw HuibaoError(.markup, "a 100% stacked chart cannot show the negative value \(v.decimal)", at: v.location,
                              hint: "each bar shows shares of its total; use stacked instead")
        }
    }
}
