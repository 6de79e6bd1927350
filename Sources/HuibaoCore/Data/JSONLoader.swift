import Foundation

/// An RFC 8259 JSON parser that records the line and column of every value.
///
/// Hand-written because `JSONSerialization` forgets where values were and reads numbers as
/// binary doubles; here a number is a `Decimal` built from its own text.
struct JSONLoader {
    static func load(text: String, file: String) throws -> DataNode {
        var parser = JSONLoader(text: text, file: file)
        parser.skipWhitespace()
        guard parser.peek != nil else {
            throw parser.error("the data file is empty; expected a mapping of names to values",
                               hint: "Write the data as { \"name\": value, … }.")
        }
        let root = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.peek == nil else {
            throw parser.error("expected the end of the file after the top-level value, found \(parser.found)",
                               hint: "A JSON file holds one value; put everything inside the outer { … }.")
        }
        return root
    }

    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1

    private init(text: String, file: String) {
        self.scalars = Array(text.unicodeScalars)
        self.file = file
    }

    // MARK: - Reading

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// What is at the current position, worded for a message.
    private var found: String {
        switch peek {
        case nil: return "the end of the file"
        case "\n", "\r": return "a line break"
        case "\t": return "a tab"
        case "'": return "a single quote"
        case let scalar?: return "'\(scalar)'"
        }
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
        }
    }

    private func error(_ message: String, hint: String? = nil) -> HuibaoError {
        HuibaoError(.data, message, at: here, hint: hint)
    }

    // MARK: - Values

    private mutating func parseValue() throws -> DataNode {
        let start = here
        switch peek {
        case "{":
            return try parseObject()
        case "[":
            return try parseArray()
        case "\"":
            return DataNode(.string(try parseString()), at: start)
        case let scalar? where scalar == "-" || ("0"..."9").contains(scalar):
            return DataNode(.number(try parseNumber()), at: start)
        case nil:
            throw error("expected a value, found the end of the file")
        case "'":
            throw error("expected a value, found \(found)",
                        hint: "JSON text must be in double quotes \"…\", not single quotes.")
        case let scalar? where scalar.properties.isAlphabetic:
            return try parseWord()
        default:
            throw error("expected a value (text in double quotes, a number, true, false, null, a list or a mapping), found \(found)")
        }
    }

    private mutating func parseWord() throws -> DataNode {
        let start = here
        var word = ""
        while let scalar = peek, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            word.unicodeScalars.append(scalar)
            advance()
        }
        switch word {
        case "true": return DataNode(.bool(true), at: start)
        case "false": return DataNode(.bool(false), at: start)
        case "null": return DataNode(.null, at: start)
        default:
            let hint = ["true", "false", "null"].contains(word.lowercased())
                ? "Write true, false and null in lowercase."
                : "Text must be put in double quotes: \"\(word)\"."
            throw HuibaoError(.data, "expected a value, found '\(word)'", at: start, hint: hint)
        }
    }

    private mutating func parseObject() throws -> DataNode {
        let start = here
        advance()
        skipWhitespace()
        var pairs: [(key: String, value: DataNode)] = []
        if peek == "}" {
            advance()
            return DataNode(.object(pairs), at: start)
        }
        var firstSeen: [String: SourceLocation] = [:]
        while true {
            guard peek == "\"" else {
                let after = pairs.isEmpty ? "'{'" : "','"
                let hint: String? = switch peek {
                case "}": "Remove the ',' before '}'; JSON allows no comma after the last entry."
                case "'": "JSON keys must be in double quotes \"…\", not single quotes."
                default: nil
                }
                throw error("expected a key in double quotes after \(after), found \(found)", hint: hint)
            }
            let keyLocation = here
            let key = try parseString()
            if let first = firstSeen[key] {
                throw HuibaoError(
                    .data, "the key '\(key)' appears twice in this mapping; it was first given at \(first)",
                    at: keyLocation, hint: "Remove one of the two, or rename one of them.")
            }
            firstSeen[key] = keyLocation
            skipWhitespace()
            guard peek == ":" else {
                throw error("expected ':' after the key \"\(key)\", found \(found)")
            }
            advance()
            skipWhitespace()
            pairs.append((key, try parseValue()))
            skipWhitespace()
            switch peek {
            case ",":
                advance()
                skipWhitespace()
            case "}":
                advance()
                return DataNode(.object(pairs), at: start)
            default:
                let hint: String? = switch peek {
                case nil: "The mapping that opens at \(start) is never closed with '}'."
                case "\"": "A ',' is missing between two entries."
                default: nil
                }
                throw error("expected ',' or '}' after a value, found \(found)", hint: hint)
            }
        }
    }

    private mutating func parseArray() throws -> DataNode {
        let start = here
        advance()
        skipWhitespace()
        var items: [DataNode] = []
        if peek == "]" {
            advance()
            return DataNode(.array(items), at: start)
        }
        while true {
            if peek == "]" {
                throw error("expected a value after ',', found ']'",
                            hint: "Remove the ',' before ']'; JSON allows no comma after the last item.")
            }
            items.append(try parseValue())
            skipWhitespace()
            switch peek {
            case ",":
                advance()
                skipWhitespace()
            case "]":
                advance()
                return DataNode(.array(items), at: start)
            default:
                let hint: String? = peek == nil ? "The list that opens at \(start) is never closed with ']'." : nil
                throw error("expected ',' or ']' after a value in a list, found \(found)", hint: hint)
            }
        }
    }

    // MARK: - Strings

    private mutating func parseString() throws -> String {
        let start = here
        advance()
        var text = String.UnicodeScalarView()
        while true {
            switch peek {
            case nil:
                throw HuibaoError(.data, "this text has no closing '\"'", at: start,
                                  hint: "Add a '\"' where the text ends.")
            case "\"":
                advance()
                return String(text)
            case "\\":
                text.append(try parseEscape())
            case "\n", "\r":
                throw error("a line break cannot be inside text in double quotes",
                            hint: "If the text ends here, add the closing '\"'; for a line break inside the text, write \\n.")
            case let scalar? where scalar.value < 0x20:
                throw error("a control character (U+\(hex4(scalar.value))) cannot be inside text in double quotes",
                            hint: "Write it as an escape such as \\t or \\u\(hex4(scalar.value)), or delete it.")
            case let scalar?:
                text.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        let start = here
        advance()
        guard let letter = peek else {
            throw error("expected an escape after '\\', found the end of the file")
        }
        advance()
        switch letter {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u": break
        default:
            throw HuibaoError(
                .data, "unknown escape '\\\(letter)'; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                at: start, hint: "To write a backslash itself (as in a Windows path), double it: \\\\.")
        }

        let first = try parseHexDigits(escapeAt: start)
        switch first {
        case 0xD800...0xDBFF:
            // A character outside the Basic Multilingual Plane, written as a UTF-16 surrogate pair.
            let unpaired = HuibaoError(
                .data, "the escape \\u\(hex4(first)) is the first half of a surrogate pair and must be followed by a second escape \\uDC00…\\uDFFF",
                at: start)
            guard peek == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" else { throw unpaired }
            let secondStart = here
            advance()
            advance()
            let second = try parseHexDigits(escapeAt: secondStart)
            guard (0xDC00...0xDFFF).contains(second) else { throw unpaired }
            // Both halves are in range, so the combined value is a valid scalar.
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw HuibaoError(
                .data, "the escape \\u\(hex4(first)) is the second half of a surrogate pair, but no first half comes before it",
                at: start)
        default:
            // Everything outside the surrogate range is a valid scalar.
            return Unicode.Scalar(first)!
        }
    }

    /// The four hexadecimal digits after `\u`.
    private mutating func parseHexDigits(escapeAt start: SourceLocation) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt32? = switch peek?.value {
            case let v? where (0x30...0x39).contains(v): v - 0x30
            case let v? where (0x41...0x46).contains(v): v - 0x41 + 10
            case let v? where (0x61...0x66).contains(v): v - 0x61 + 10
            default: nil
            }
            guard let digit else {
                throw HuibaoError(.data, "the escape \\u must be followed by four hexadecimal digits, found \(found)",
                                  at: start)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws -> Decimal {
        let start = here
        let startIndex = index
        func isDigit(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { ("0"..."9").contains($0) } ?? false }

        if peek == "-" { advance() }
        guard isDigit(peek) else { throw error("expected a digit after '-', found \(found)") }
        let leadingZero = peek == "0"
        advance()
        if leadingZero, isDigit(peek) {
            throw HuibaoError(.data, "a number cannot start with 0 followed by more digits", at: start,
                              hint: "Put codes such as \"007\" in double quotes to keep them as text.")
        }
        while isDigit(peek) { advance() }
        if peek == "." {
            advance()
            guard isDigit(peek) else { throw error("expected a digit after the decimal point, found \(found)") }
            while isDigit(peek) { advance() }
        }
        if peek == "e" || peek == "E" {
            advance()
            if peek == "+" || peek == "-" { advance() }
            guard isDigit(peek) else { throw error("expected a digit in the exponent, found \(found)") }
            while isDigit(peek) { advance() }
        }

        let text = String(String.UnicodeScalarView(scalars[startIndex..<index]))
        guard let number = DataLoader.exactDecimal(text) else {
            throw HuibaoError(.data, "the number \(text) is too long or too large to be held exactly (at most 38 significant digits)", at: start,
                              hint: "Put it in double quotes to keep it as text.")
        }
        return number
    }
}
