import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a small XML part of an `.xlsx` workbook, read whole.
///
/// Names are local names: producers differ in prefixes (`x:c` from the .NET SDK, `c` from
/// Excel), and the parts of a workbook never mix two vocabularies under one local name.
struct XMLTree: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [XMLTree]
    /// The character data directly inside this element.
    var text: String

    /// The first child called `name`.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// All children called `name`.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The text of every `t` element below, in order, skipping phonetic runs (`rPh`), which
    /// hold readings and not the cell's text.
    var runText: String {
        if name == "t" { return text }
        if name == "rPh" { return "" }
        return children.map(\.runText).joined()
    }

    /// Parses `data`; nil with the parser's message when it is not well-formed XML.
    static func parse(_ data: Data) -> Result<XMLTree, XMLTreeError> {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let message = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
            return .failure(XMLTreeError(message: message, line: parser.lineNumber))
        }
        return .success(root)
    }
}

struct XMLTreeError: Error {
    var message: String
    var line: Int
}

/// `XMLParser` reports events to a delegate, which must be an `NSObject`; this one builds
/// the tree and lives only while one part is parsed.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    private var open: [XMLTree] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        var local: [String: String] = [:]
        for (key, value) in attributes {
            local[String(key.split(separator: ":").last ?? Substring(key))] = value
        }
        open.append(XMLTree(name: Self.localName(elementName), attributes: local, children: [], text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = open.popLast() else { return }
        if open.isEmpty {
            root = element
        } else {
            open[open.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += string
    }

    private static func localName(_ name: String) -> String {
        String(name.split(separator: ":").last ?? Substring(name))
    }
}
