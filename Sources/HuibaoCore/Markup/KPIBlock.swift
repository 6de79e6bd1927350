import Foundation

/// A ```kpis``` block: key indicators set as a strip of cards, each with its value, unit and
/// change (同比 ▲5.2%). The body is a YAML list of items, or a mapping with `items:` and
/// settings for all of them.
///
/// ~~~markdown
/// ```kpis
/// - {label: 门急诊人次, value: 38.0, unit: 万人次, change: 5.2, change_unit: "%"}
/// - {label: 基层诊疗量占比, value: 53.1, unit: "%", change: -0.3, change_unit: 个百分点}
/// ```
/// ~~~
public struct KPIBlock: Sendable {
    public var items: [KPIItem]
    /// Cards per row; nil: the style's `kpi › columns` (at most as many as there are items).
    public var columns: Int?
    public var location: SourceLocation

    static let blockKeys = ["items", "columns", "compare", "decimals", "change_decimals"]
    static let itemKeys = ["label", "value", "unit", "change", "change_unit", "compare", "decimals", "change_decimals", "note"]

    /// Reads the directive's YAML body; every problem names its line in the markup.
    public init(directive: DirectiveBlock) throws {
        let body = try Self.body(of: directive)
        location = directive.location
        var list = body
        var defaults = KPIDefaults()
        if case .object = body.value {
            let r = try NodeReader(body, context: "kpis", kind: .markup)
            try r.allowOnly(Self.blockKeys)
            guard let items = r["items"] else {
                throw HuibaoError(.markup, "a kpis block written as a mapping needs `items:`, the list of indicators",
                                  at: body.location ?? directive.location)
            }
            list = items
            columns = try r.int("columns")
            if let c = columns, !(1...8).contains(c) {
                throw HuibaoError(.markup, "kpis › columns must be from 1 to 8, found \(c)", at: r["columns"]?.location)
            }
            defaults = KPIDefaults(compare: try r.string("compare"), decimals: try Self.places(r, "decimals"),
                                   changeDecimals: try Self.places(r, "change_decimals"))
        }
        guard case .array(let nodes) = list.value, !nodes.isEmpty else {
            throw HuibaoError(.markup, "a kpis block needs a list of indicators, found \(list.value.typeName)",
                              at: list.location ?? directive.location,
                              hint: "write one `- {label: …, value: …, unit: …, change: …, change_unit: …}` line per indicator")
        }
        items = try nodes.enumerated().map { index, node in
            try KPIItem(node, index: index, defaults: defaults, fallback: directive.location)
        }
    }

    /// The body as YAML: a list body is read as the value of `items:` (YAML lets a list
    /// stand at its key's indentation, so line and column numbers stay those of the file).
    private static func body(of directive: DirectiveBlock) throws -> DataNode {
        let firstLine = directive.body.split(separator: "\n").map { $0.trimmingLeadingSpaces }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let firstLine, firstLine.hasPrefix("-") || firstLine.hasPrefix("[") else { return try directive.bodyNode() }
        let location = directive.location
        let text = String(repeating: "\n", count: max(location.line - 1, 0)) + "items:\n" + MarkupEscaper.unescape(directive.body)
        let node = try DataLoader.load(text: text, file: location.file, format: .yaml)
        return node["items"] ?? node
    }

    fileprivate static func places(_ r: NodeReader, _ key: String) throws -> Int? {
        guard let n = try r.int(key) else { return nil }
        guard (0...6).contains(n) else {
            throw HuibaoError(.markup, "\(r.context) › \(key) must be from 0 to 6, found \(n)", at: r[key]?.location)
        }
        return n
    }
}

/// Settings a kpis mapping gives all its items.
private struct KPIDefaults {
    var compare: String?
    var decimals: Int?
    var changeDecimals: Int?
}

/// One indicator card: 门急诊人次 · 38.0万人次 · 同比 ▲5.2%.
public struct KPIItem: Sendable {
    public enum Direction: Sendable, Equatable { case up, down, flat }

    public var label: String
    /// The value as printed: a number with thousands separators ("4,862.7"), or text as given.
    public var value: String
    public var unit: String?
    /// The change, signed; nil when the card shows none.
    public var change: Decimal?
    /// The change's magnitude as printed ("5.2").
    public var changeMagnitude: String?
    /// `%`, `个百分点`, `天` …: a rate's change is in 个百分点, never in %.
    public var changeUnit: String
    /// What the change compares with (同比, 比上年, 环比); nil: the style's word.
    public var compare: String?
    /// A small line under the change (目标90%, 全省第3).
    public var note: String?
    public var location: SourceLocation

    public var direction: Direction? {
        guard let change else { return nil }
        return change > 0 ? .up : change < 0 ? .down : .flat
    }

    /// `▲5.2%`, `▼0.3个百分点`, `持平`; nil without a change.
    public var changeText: String? {
        guard let direction, let changeMagnitude else { return nil }
        switch direction {
        case .up: return "▲" + changeMagnitude + changeUnit
        case .down: return "▼" + changeMagnitude + changeUnit
        case .flat: return "持平"
        }
    }

    fileprivate init(_ node: DataNode, index: Int, defaults: KPIDefaults, fallback: SourceLocation) throws {
        let r = try NodeReader(node, context: "kpis item \(index + 1)", kind: .markup)
        try r.allowOnly(KPIBlock.itemKeys)
        location = node.location ?? fallback
        guard let label = try r.string("label"), !label.isEmpty else {
            throw HuibaoError(.markup, "kpis item \(index + 1) needs `label:` (what the indicator is, e.g. 门急诊人次)", at: location)
        }
        self.label = label
        guard let valueNode = r["value"] else {
            throw HuibaoError(.markup, "kpis item '\(label)' needs `value:`", at: location)
        }
        let decimals = try KPIBlock.places(r, "decimals") ?? defaults.decimals
        switch valueNode.value {
        case .number(let d):
            value = d.fixedText(decimals: decimals ?? Self.scale(of: d), grouping: true)
        case .string(let s):
            value = s
        default:
            throw r.mismatch("value", valueNode, "a number or text")
        }
        unit = try r.string("unit")
        compare = try r.string("compare") ?? defaults.compare
        note = try r.string("note")
        let givenUnit = try r.string("change_unit")
        changeUnit = givenUnit ?? "%"
        if let changeNode = r["change"] {
            guard case .number(let d) = changeNode.value else { throw r.mismatch("change", changeNode, "a number (negative for a fall)") }
            // A rate changes by percentage points; guessing "%" would misstate it.
            if unit == "%", givenUnit == nil {
                throw HuibaoError(.markup, "the change of '\(label)', a rate in %, needs `change_unit:`", at: changeNode.location,
                                  hint: "write change_unit: 个百分点 for a difference of rates, or change_unit: \"%\" for a relative change")
            }
            change = d
            // Rates of change are printed to one place at least (5.0%), as statistical bulletins do.
            let least = ["%", "个百分点"].contains(changeUnit) ? 1 : 0
            let places = try KPIBlock.places(r, "change_decimals") ?? defaults.changeDecimals ?? max(least, Self.scale(of: d))
            changeMagnitude = (d < 0 ? -d : d).fixedText(decimals: places, grouping: true)
        }
    }

    /// The places after the point as the number is written (Decimal keeps no trailing zeros).
    private static func scale(of d: Decimal) -> Int {
        let text = d.plainText
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }
}
