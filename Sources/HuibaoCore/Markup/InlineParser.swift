import Foundation

/// Inline markup: `**strong**` and backslash escapes of ASCII punctuation (as CommonMark).
enum InlineParser {
    /// One source line of text starting at `location`.
    static func parse(_ text: String, at location: SourceLocation) -> [TextRun] {
        parse(lines: [(text, location)])
    }

    /// Several source lines of one paragraph. A line break becomes nothing when either side is
    /// Chinese (Han, kana or full-width punctuation), else one space: a break in the middle of
    /// a Chinese sentence in the source must not open a gap in the printed line.
    static func parse(lines: [(String, SourceLocation)]) -> [TextRun] {
        var runs: [TextRun] = []
        var current = ""
        var currentStart: SourceLocation?
        var strong = false

        func flush() {
            if !current.isEmpty, let start = currentStart {
                if let last = runs.last, last.strong == strong, last.footnote == nil {
                    runs[runs.count - 1].text += current
                } else {
                    runs.append(TextRun(text: current, strong: strong, location: start))
                }
            }
            current = ""
            currentStart = nil
        }

        for (lineNumber, (text, location)) in lines.enumerated() {
            if lineNumber > 0 {
                let previous = current.last ?? runs.last?.text.last
                if let previous, let next = text.first, !CharacterClass.isWide(previous), !CharacterClass.isWide(next) {
                    if currentStart == nil { currentStart = location }
                    current.append(" ")
                }
            }
            let chars = Array(text)
            var i = 0
            var column = location.column
            while i < chars.count {
                let c = chars[i]
                if c == "\\", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                    if currentStart == nil { currentStart = SourceLocation(file: location.file, line: location.line, column: column) }
                    current.append(chars[i + 1])
                    i += 2; column += 2
                    continue
                }
                if c == "[", i + 2 < chars.count, chars[i + 1] == "^", let close = chars[(i + 2)...].firstIndex(of: "]"),
                   close > i + 2, !chars[(i + 2)..<close].contains(" ") {
                    // [^label]: a footnote reference.
                    flush()
                    let label = String(chars[(i + 2)..<close])
                    runs.append(TextRun(text: label, strong: strong,
                                        location: SourceLocation(file: location.file, line: location.line, column: column),
                                        footnote: label))
                    column += close + 1 - i
                    i = close + 1
                    continue
                }
                if c == "*", i + 1 < chars.count, chars[i + 1] == "*", strong || hasClosingStrong(chars, from: i + 2) {
                    flush()
                    strong.toggle()
                    i += 2; column += 2
                    continue
                }
                if currentStart == nil { currentStart = SourceLocation(file: location.file, line: location.line, column: column) }
                current.append(c)
                i += 1; column += 1
            }
        }
        flush()
        return runs
    }

    /// `**` opens strong only if a closing `**` follows in the same line (else it is literal).
    private static func hasClosingStrong(_ chars: [Character], from start: Int) -> Bool {
        var i = start
        while i + 1 < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "*", chars[i + 1] == "*" { return i > start }
            i += 1
        }
        return false
    }
}

/// Makes inserted data plain text: whatever a value holds, it cannot open a heading, a list,
/// a table cell, emphasis or a directive (issue: data escaping).
public enum MarkupEscaper {
    public static func escape(_ text: String) -> String {
        var out = escapeCharacters(text)
        // `Table:` at a line start would make the line a caption.
        if out.hasPrefix("Table:") { out.insert("\\", at: out.index(out.startIndex, offsetBy: 5)) }
        return out.replacingOccurrences(of: "\nTable:", with: "\nTable\\:")
    }

    private static func escapeCharacters(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var atLineStart = true
        // Whether the output's current line is spaces, then ASCII digits and nothing else
        // ("12" before a "." would open a numbered list). Kept as we go: looking back at the
        // line for every "." made long texts full of numbers slow (quadratic).
        var lineLeading = true, lineDigits = false, lineOther = false
        func append(_ s: Unicode.Scalar) {
            out.append(s)
            if s == "\n" {
                lineLeading = true; lineDigits = false; lineOther = false
            } else if !(lineLeading && s == " ") {
                lineLeading = false
                if isDigit(s) && !lineOther { lineDigits = true } else { lineOther = true }
            }
        }
        for c in text.unicodeScalars {
            if isAlwaysEscaped(c) || (atLineStart && (c == "-" || c == "+" || c == "=" || c == ":")) {
                append("\\")
            } else if atLineStart, isDigit(c) {
                append(c)
                atLineStart = false
                continue
            } else if c == "." || c == ")", lineDigits, !lineOther {
                append("\\")
            }
            append(c)
            atLineStart = c == "\n" || (atLineStart && (c == " " || c == "\t"))
        }
        return String(out)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// Backslash, asterisk, hash, bar, backtick, brackets, underscore, angle brackets: markup
    /// wherever they stand.
    private static func isAlwaysEscaped(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\\", "*", "#", "|", "`", "[", "]", "_", "<", ">": return true
        default: return false
        }
    }

    /// Undoes `escape` (a backslash before ASCII punctuation) for the parts of the markup that
    /// are not inline text — front matter, directive bodies, table attributes — so that data
    /// inserted there by a template reads as it was (0.7, not 0\.7).
    public static func unescape(_ text: String) -> String {
        var out = ""
        var pending = false
        for c in text {
            if pending {
                if !(c.isASCII && (c.isPunctuation || c.isSymbol)) { out.append("\\") }
                pending = false
                if c == "\\" { pending = true; continue }
                out.append(c)
                continue
            }
            if c == "\\" { pending = true; continue }
            out.append(c)
        }
        if pending { out.append("\\") }
        return out
    }
}
