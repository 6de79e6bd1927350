import Foundation

/// One piece of a template: literal text, a tag delimiter, or a token inside a tag.
struct TemplateToken: Sendable {
    enum Kind: Sendable, Equatable {
        case text(String)
        case outputBegin, outputEnd
        case blockBegin, blockEnd
        case name(String)
        case number(Decimal)
        case string(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var location: SourceLocation
}

/// Splits a template into tokens and applies whitespace control the way Jinja does with
/// `trim_blocks` and `lstrip_blocks` on, so that a line holding only a block tag leaves
/// no line behind: the output is line-sensitive markup.
struct TemplateLexer {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var position = 0
    private var line = 1
    private var column = 1
    private var tokens: [TemplateToken] = []

    /// - Parameter keepsFinalNewline: Whether the source's last line break stays; Jinja drops
    ///   it, but an included file keeps it, so that an include on a line of its own reads like
    ///   the file's lines pasted there instead of running into the next line.
    static func tokens(of source: String, file: String, keepsFinalNewline: Bool = false) throws -> [TemplateToken] {
        var lexer = TemplateLexer(source: source, file: file, keepsFinalNewline: keepsFinalNewline)
        try lexer.run()
        lexer.tokens.append(TemplateToken(kind: .end, location: lexer.location))
        return lexer.tokens
    }

    private init(source: String, file: String, keepsFinalNewline: Bool) {
        // Newlines are normalised to "\n" and one final newline is dropped, as Jinja does.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.unicodeScalars.count)
        var previousWasCR = false
        for s in source.unicodeScalars {
            if s == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = s == "\r"
            scalars.append(previousWasCR ? "\n" : s)
        }
        if scalars.last == "\n", !keepsFinalNewline { scalars.removeLast() }
        self.scalars = scalars
        self.file = file
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private func scalar(at index: Int) -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private func error(_ message: String, at location: SourceLocation, hint: String? = nil) -> HuibaoError {
        HuibaoError(.template, message, at: location, hint: hint)
    }

    private mutating func advance(by count: Int = 1) {
        for _ in 0..<count where position < scalars.count {
            if scalars[position] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            position += 1
        }
    }

    private mutating func skipWhitespace() {
        while let s = scalar(at: position), s.properties.isWhitespace { advance() }
    }

    private func matches(_ literal: String, at index: Int) -> Bool {
        var i = index
        for s in literal.unicodeScalars {
            guard scalar(at: i) == s else { return false }
            i += 1
        }
        return true
    }

    // MARK: Text and tags

    private mutating func run() throws {
        while position < scalars.count {
            let textStart = position
            let textLocation = location
            var tagStart = position
            while tagStart + 1 < scalars.count,
                  !(scalars[tagStart] == "{" && "{%#".unicodeScalars.contains(scalars[tagStart + 1])) {
                tagStart += 1
            }
            guard tagStart + 1 < scalars.count else {
                emitText(scalars[textStart...], at: textLocation)
                advance(by: scalars.count - position)
                return
            }
            let opener = scalars[tagStart + 1]
            let sign = scalar(at: tagStart + 2).flatMap { $0 == "-" || $0 == "+" ? $0 : nil }
            let text = controlled(scalars[textStart..<tagStart], opener: opener, sign: sign)
            emitText(text, at: textLocation)
            advance(by: tagStart - position)
            let tagLocation = location
            advance(by: sign == nil ? 2 : 3)
            switch opener {
            case "{": try lexOutputTag(at: tagLocation)
            case "%": try lexBlockTag(at: tagLocation)
            default: try skipComment(at: tagLocation)
            }
        }
    }

    /// The text before a tag after the tag's whitespace control: `{%-` strips all whitespace
    /// before it; otherwise a block or comment tag alone on its line takes the indentation with it.
    private func controlled(_ text: ArraySlice<Unicode.Scalar>, opener: Unicode.Scalar, sign: Unicode.Scalar?) -> ArraySlice<Unicode.Scalar> {
        if sign == "-" {
            var end = text.endIndex
            while end > text.startIndex, scalars[end - 1].properties.isWhitespace { end -= 1 }
            return text[..<end]
        }
        guard opener != "{", sign != "+" else { return text }
        let lineStart = (text.lastIndex(of: "\n").map { $0 + 1 }) ?? text.startIndex
        let atLineStart = lineStart > text.startIndex || text.startIndex == 0 || scalars[text.startIndex - 1] == "\n"
        guard atLineStart, text[lineStart...].allSatisfy({ $0.properties.isWhitespace }) else { return text }
        return text[..<lineStart]
    }

    private mutating func emitText(_ text: ArraySlice<Unicode.Scalar>, at location: SourceLocation) {
        guard !text.isEmpty else { return }
        var string = String.UnicodeScalarView()
        string.append(contentsOf: text)
        tokens.append(TemplateToken(kind: .text(String(string)), location: location))
    }

    /// After a closing `-%}` all whitespace goes; after a plain `%}` (trim_blocks) one newline.
    private mutating func trimAfterTag(sign: Unicode.Scalar?, trimsNewline: Bool) {
        if sign == "-" {
            skipWhitespace()
        } else if sign == nil, trimsNewline, scalar(at: position) == "\n" {
            advance()
        }
    }

    private mutating func lexOutputTag(at tagLocation: SourceLocation) throws {
        tokens.append(TemplateToken(kind: .outputBegin, location: tagLocation))
        while true {
            skipWhitespace()
            guard position < scalars.count else {
                throw error("this '{{' is never closed", at: tagLocation, hint: "end the expression with '}}'")
            }
            let closeLocation = location
            if matches("-}}", at: position) || matches("}}", at: position) {
                let sign = scalars[position] == "-" ? scalars[position] : nil
                advance(by: sign == nil ? 2 : 3)
                tokens.append(TemplateToken(kind: .outputEnd, location: closeLocation))
                trimAfterTag(sign: sign, trimsNewline: false)
                return
            }
            tokens.append(try lexToken())
        }
    }

    private mutating func lexBlockTag(at tagLocation: SourceLocation) throws {
        if let rawEnd = rawTagEnd(from: position) {
            advance(by: rawEnd.index - position)
            trimAfterTag(sign: rawEnd.sign, trimsNewline: true)
            return try lexRaw(at: tagLocation)
        }
        tokens.append(TemplateToken(kind: .blockBegin, location: tagLocation))
        while true {
            skipWhitespace()
            guard position < scalars.count else {
                throw error("this '{%' is never closed", at: tagLocation, hint: "end the tag with '%}'")
            }
            let closeLocation = location
            if let close = blockClose(at: position) {
                advance(by: close.length)
                tokens.append(TemplateToken(kind: .blockEnd, location: closeLocation))
                trimAfterTag(sign: close.sign, trimsNewline: true)
                return
            }
            tokens.append(try lexToken())
        }
    }

    /// The block close (`%}`, `-%}` or `+%}`) at `index`, if there is one.
    private func blockClose(at index: Int) -> (length: Int, sign: Unicode.Scalar?)? {
        if matches("%}", at: index) { return (2, nil) }
        if let s = scalar(at: index), s == "-" || s == "+", matches("%}", at: index + 1) { return (3, s) }
        return nil
    }

    /// Whether the block tag whose body starts at `index` is `raw` or `endraw` (per `name`),
    /// and if so where it ends and how it is closed.
    private func rawTagEnd(from index: Int, name: String = "raw") -> (index: Int, sign: Unicode.Scalar?)? {
        var i = index
        while let s = scalar(at: i), s.properties.isWhitespace { i += 1 }
        guard matches(name, at: i) else { return nil }
        i += name.unicodeScalars.count
        if let s = scalar(at: i), s.properties.isXIDContinue { return nil }
        while let s = scalar(at: i), s.properties.isWhitespace { i += 1 }
        guard let close = blockClose(at: i) else { return nil }
        return (i + close.length, close.sign)
    }

    /// Text up to `{% endraw %}`, kept verbatim apart from the whitespace control of its tags.
    private mutating func lexRaw(at rawLocation: SourceLocation) throws {
        let contentStart = position
        let contentLocation = location
        var i = position
        while i + 1 < scalars.count {
            if scalars[i] == "{" && scalars[i + 1] == "%" {
                let sign = scalar(at: i + 2).flatMap { $0 == "-" || $0 == "+" ? $0 : nil }
                if let end = rawTagEnd(from: i + (sign == nil ? 2 : 3), name: "endraw") {
                    emitText(controlled(scalars[contentStart..<i], opener: "%", sign: sign), at: contentLocation)
                    advance(by: end.index - position)
                    trimAfterTag(sign: end.sign, trimsNewline: true)
                    return
                }
            }
            i += 1
        }
        throw error("this '{% raw %}' block is never closed", at: rawLocation, hint: "end it with '{% endraw %}'")
    }

    private mutating func skipComment(at tagLocation: SourceLocation) throws {
        let bodyStart = position
        while position < scalars.count, !matches("#}", at: position) { advance() }
        guard position < scalars.count else {
            throw error("this comment is never closed", at: tagLocation, hint: "end it with '#}'")
        }
        let sign: Unicode.Scalar? = position > bodyStart && scalars[position - 1] == "-" ? "-" : nil
        advance(by: 2)
        trimAfterTag(sign: sign, trimsNewline: true)
    }

    // MARK: Tokens inside tags

    private static let twoCharacterSymbols = ["//", "==", "!=", "<=", ">="]
    private static let oneCharacterSymbols = "+-*/%~<>()[],.|=".unicodeScalars

    private mutating func lexToken() throws -> TemplateToken {
        let start = location
        let s = scalars[position]
        if s == "_" || s.properties.isXIDStart {
            var name = String.UnicodeScalarView()
            while let c = scalar(at: position), c.properties.isXIDContinue {
                name.append(c)
                advance()
            }
            return TemplateToken(kind: .name(String(name)), location: start)
        }
        if ("0"..."9").contains(s) { return TemplateToken(kind: .number(try lexNumber(at: start)), location: start) }
        if s == "'" || s == "\"" { return TemplateToken(kind: .string(try lexString(at: start)), location: start) }
        if let symbol = Self.twoCharacterSymbols.first(where: { matches($0, at: position) }) {
            advance(by: 2)
            return TemplateToken(kind: .symbol(symbol), location: start)
        }
        if Self.oneCharacterSymbols.contains(s) {
            advance()
            return TemplateToken(kind: .symbol(String(s)), location: start)
        }
        throw error("unexpected character '\(s)' in a tag", at: start)
    }

    /// Digits with optional `_` separators, a fraction and an exponent, as Jinja reads them.
    private mutating func lexNumber(at start: SourceLocation) throws -> Decimal {
        var text = ""
        func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { ("0"..."9").contains($0) } ?? false }
        func digits() {
            while let c = scalar(at: position), isDigit(c) || c == "_" {
                if c != "_" { text.unicodeScalars.append(c) }
                advance()
            }
        }
        digits()
        if scalar(at: position) == ".", isDigit(scalar(at: position + 1)) {
            text += "."
            advance()
            digits()
        }
        if let e = scalar(at: position), e == "e" || e == "E" {
            let signed = scalar(at: position + 1) == "+" || scalar(at: position + 1) == "-"
            if isDigit(scalar(at: position + (signed ? 2 : 1))) {
                text += "e" + (signed ? String(scalars[position + 1]) : "")
                advance(by: signed ? 2 : 1)
                digits()
            }
        }
        guard let value = Decimal(strictText: text) else {
            throw error("'\(text)' is not a number this template can hold", at: start)
        }
        return value
    }

    /// A quoted string with Python's escapes; an unknown escape keeps its backslash, as in Python.
    private mutating func lexString(at start: SourceLocation) throws -> String {
        let quote = scalars[position]
        advance()
        var value = String.UnicodeScalarView()
        while let c = scalar(at: position), c != quote {
            let escapeLocation = location
            advance()
            guard c == "\\", let e = scalar(at: position) else {
                value.append(c)
                continue
            }
            advance()
            switch e {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "f": value.append("\u{0C}")
            case "v": value.append("\u{0B}")
            case "a": value.append("\u{07}")
            case "b": value.append("\u{08}")
            case "0": value.append("\0")
            case "\\", "'", "\"": value.append(e)
            case "\n": break  // a backslash at the end of a line continues the string
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<width {
                    guard let h = scalar(at: position), h.properties.isASCIIHexDigit else { break }
                    hex.unicodeScalars.append(h)
                    advance()
                }
                guard hex.count == width, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw error("invalid escape '\\\(e)\(hex)' in a string", at: escapeLocation,
                                hint: "\\\(e) needs exactly \(width) hex digits")
                }
                value.append(scalar)
            default:
                value.append("\\")
                value.append(e)
            }
        }
        guard position < scalars.count else {
            throw error("this string is never closed", at: start, hint: "end it with the quote it starts with: \(quote)")
        }
        advance()
        return String(value)
    }
}
