/// An error a person can act on: where it is, what was found, what was expected.
///
/// Every stage reports bad input with this one type so the CLI can print it the same way
/// (`file:line:col: error: message`) and exit with code 1.
public struct HuibaoError: Error, Sendable, CustomStringConvertible {
    /// Which stage found the problem; it decides the wording of the prefix only.
    public enum Kind: String, Sendable {
        case data, template, markup, style, font, layout, output, usage
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: String
    /// An optional second line: what to do about it.
    public var hint: String?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.hint = hint
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
