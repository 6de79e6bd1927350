import Foundation

/// `{widths=1,3,2; unit=单位：万元}` at the end of a `Table:` caption line.
struct TableAttributes {
    var widths: [Double]?
    var unit: String?
    var location: SourceLocation

    /// Takes the attributes off the end of `caption`, if it has them.
    static func split(_ caption: inout String, at location: SourceLocation) throws -> TableAttributes? {
        guard caption.hasSuffix("}"), let open = caption.lastIndex(of: "{") else { return nil }
        let body = MarkupEscaper.unescape(String(caption[caption.index(after: open)..<caption.index(before: caption.endIndex)]))
        var result = TableAttributes(location: location)
        for part in body.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else {
                throw HuibaoError(.markup, "table attribute '\(part)' needs the form key=value", at: location,
                                  hint: "e.g. {widths=1,3,2; unit=单位：万元}")
            }
            switch pair[0] {
            case "widths":
                // A trailing comma is allowed (templates write "w," per column).
                let values = pair[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }.map { Double($0) }
                guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
                    throw HuibaoError(.markup, "widths must be positive numbers separated by commas, found '\(pair[1])'", at: location)
                }
                result.widths = values.compactMap { $0 }
            case "unit":
                result.unit = pair[1]
            default:
                throw HuibaoError(.markup, "unknown table attribute '\(pair[0])'", at: location, hint: "known: widths, unit")
            }
        }
        caption = String(caption[..<open]).trimmingTrailingSpaces
        return result
    }
}
