import Foundation
@testable import HuibaoCore

/// Data for template tests written as Swift literals: `["report": ["year": 2024]]`.
/// Built by hand so that these tests do not depend on the YAML loader.
struct TemplateData: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    var node: DataNode

    init(_ node: DataNode) { self.node = node }
    init(dictionaryLiteral elements: (String, TemplateData)...) {
        node = DataNode(.object(elements.map { (key: $0.0, value: $0.1.node) }))
    }
    init(arrayLiteral elements: TemplateData...) { node = DataNode(.array(elements.map(\.node))) }
    init(stringLiteral value: String) { node = DataNode(.string(value)) }
    init(integerLiteral value: Int) { node = DataNode(.number(Decimal(value))) }
    // Through the literal's shortest text, so 2.345 stays exactly 2.345.
    init(floatLiteral value: Double) { node = DataNode(.number(Decimal(string: "\(value)")!)) }
    init(booleanLiteral value: Bool) { node = DataNode(.bool(value)) }
    init(nilLiteral: ()) { node = DataNode(.null) }

    /// An exact decimal written as text: `.number("0.05")`.
    static func number(_ text: String) -> TemplateData { TemplateData(DataNode(.number(Decimal(string: text)!))) }

    /// `value` as defined at `data.yaml:line:column`.
    static func at(_ line: Int, _ column: Int, _ value: TemplateData) -> TemplateData {
        TemplateData(DataNode(value.node.value, at: SourceLocation(file: "data.yaml", line: line, column: column)))
    }
}

enum TemplateFixture {
    /// Renders `source` as template file "t.md".
    static func render(_ source: String, _ data: TemplateData = [:],
                       escape: @escaping @Sendable (String) -> String = { $0 }) throws -> String {
        try Template(source: source, file: "t.md").render(context: data.node, escape: escape)
    }

    /// The error parsing or rendering `source` throws, or nil when it renders.
    static func failure(_ source: String, _ data: TemplateData = [:]) -> HuibaoError? {
        do {
            _ = try render(source, data)
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return HuibaoError(.usage, "not a HuibaoError: \(error)")
        }
    }

    /// A stand-in for the markup escaper: enough to see whether escaping happened.
    @Sendable static func angleEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
