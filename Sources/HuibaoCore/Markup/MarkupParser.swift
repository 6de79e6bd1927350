/// Parses report markup (front matter, headings, paragraphs, lists, pipe tables, directives)
/// into a `Document`. Line-based and close to Markdown; see docs/markup.md.
public struct MarkupParser {
    private let file: String
    private let lines: [Substring]

    public init(source: String, file: String) {
        self.file = file
        // Keep empty lines: line numbers must match the file.
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    public static func parse(_ source: String, file: String) throws -> Document {
        try MarkupParser(source: source, file: file).parse()
    }

    private func location(_ lineIndex: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: lineIndex + 1, column: column)
    }

    public func parse() throws -> Document {
        var index = 0
        var meta = DocumentMeta()
        if let first = lines.first, first.trimmingTrailingSpaces == "---" {
            (meta, index) = try frontMatter()
        }
        var blocks: [Block] = []
        var footnotes: [String: Footnote] = [:]
        var pendingCaption: [TextRun]?
        var pendingAttributes: TableAttributes?
        var autoNumber = 0
        var regions = RegionStack()
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingTrailingSpaces
            if trimmed.isEmpty { index += 1; continue }
            if trimmed.trimmingLeadingSpaces.hasPrefix(":::") {
                let column = line.count - line.trimmingLeadingSpaces.count + 1
                try regions.marker(trimmed.trimmingLeadingSpaces, at: location(index, column), blocks: &blocks)
                index += 1
                continue
            }
            if let heading = try heading(at: index) {
                blocks.append(.heading(heading)); index += 1
                autoNumber = 0
                continue
            }
            if trimmed.hasPrefix("```") {
                let (block, next) = try directive(at: index)
                blocks.append(block); index = next; continue
            }
            if trimmed.hasPrefix("Table:") {
                let rest = trimmed.dropFirst(6)
                var text = rest.trimmingLeadingSpaces
                pendingAttributes = try TableAttributes.split(&text, at: location(index))
                pendingCaption = InlineParser.parse(text, at: location(index, 7 + rest.count - rest.trimmingLeadingSpaces.count))
                index += 1
                guard index < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix("|") else {
                    throw HuibaoError(.markup, "a table caption must be followed directly by a pipe table",
                                      at: location(index - 1), hint: "put the `| a | b |` lines on the next line")
                }
                continue
            }
            if trimmed.trimmingLeadingSpaces.hasPrefix("|") {
                var (table, next) = try table(at: index, caption: pendingCaption)
                if let attributes = pendingAttributes {
                    if let widths = attributes.widths, widths.count != table.alignments.count {
                        throw HuibaoError(.markup, "the caption gives \(widths.count) column widths but the table has \(table.alignments.count) columns",
                                          at: attributes.location)
                    }
                    table.widths = attributes.widths
                    table.unit = attributes.unit
                }
                pendingCaption = nil
                pendingAttributes = nil
                blocks.append(.table(table)); index = next; continue
            }
            if let (label, footnote, next) = try footnoteDefinition(at: index) {
                if let earlier = footnotes[label] {
                    throw HuibaoError(.markup, "footnote [^\(label)] is defined twice (first at \(earlier.location))",
                                      at: footnote.location)
                }
                footnotes[label] = footnote
                index = next
                continue
            }
            if let marker = listMarker(line) {
                var (list, next) = list(at: index)
                if marker.ordered, marker.number == 0 {
                    // `#.` points interrupted by a table or figure keep counting (1. 2. | 3.).
                    list.start = autoNumber + 1
                    autoNumber += list.items.count
                }
                blocks.append(.list(list)); index = next; continue
            }
            let (paragraph, next) = paragraph(at: index)
            blocks.append(.paragraph(paragraph)); index = next
        }
        try regions.finish()
        try checkReferences(blocks.flatMap(\.flattened), footnotes)
        return Document(meta: meta, blocks: blocks, footnotes: footnotes)
    }

    /// `[^label]: text` (continued on the following lines until a blank line).
    private func footnoteDefinition(at index: Int) throws -> (String, Footnote, Int)? {
        let line = lines[index]
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]"),
              line[line.index(after: close)...].hasPrefix(":") else { return nil }
        let label = String(line[line.index(line.startIndex, offsetBy: 2)..<close])
        guard !label.isEmpty, !label.contains(" ") else { return nil }
        let textStart = line.index(close, offsetBy: 2)
        let first = String(line[textStart...])
        let column = line.distance(from: line.startIndex, to: textStart) + 1 + (first.count - first.trimmingLeadingSpaces.count)
        var pieces = [(first.trimmingLeadingSpaces.trimmingTrailingSpaces, location(index, column))]
        var next = index + 1
        while next < lines.count, !lines[next].trimmingTrailingSpaces.isEmpty, !startsBlock(lines[next], next), !lines[next].hasPrefix("[^") {
            let stripped = lines[next].trimmingLeadingSpaces
            pieces.append((String(stripped).trimmingTrailingSpaces, location(next, lines[next].count - stripped.count + 1)))
            next += 1
        }
        return (label, Footnote(runs: InlineParser.parse(lines: pieces), location: location(index)), next)
    }

    /// Every [^label] needs its definition somewhere in the file.
    private func checkReferences(_ blocks: [Block], _ footnotes: [String: Footnote]) throws {
        func check(_ runs: [TextRun]) throws {
            for run in runs {
                guard let label = run.footnote, footnotes[label] == nil else { continue }
                throw HuibaoError(.markup, "footnote [^\(label)] is never defined", at: run.location,
                                  hint: "add a line `[^\(label)]: 注释文字` after the paragraph")
            }
        }
        for block in blocks {
            switch block {
            case .paragraph(let p): try check(p.runs)
            case .heading(let h): try check(h.runs)
            case .list(let l): for item in l.items { try check(item.runs) }
            case .table(let t):
                for row in t.headerRows + t.bodyRows { for cell in row { try check(cell.runs) } }
                for note in t.notes { try check(note) }
            case .pageBreak, .chart, .toc, .cover, .signature, .kpis, .columns, .box: break
            case .attachments, .attachment, .banji: break
            }
        }
    }

    // MARK: front matter

    private func frontMatter() throws -> (DocumentMeta, Int) {
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" }) else {
            throw HuibaoError(.markup, "front matter opened with '---' is never closed", at: location(0),
                              hint: "end the front matter with a line holding only '---'")
        }
        // Blank lines in front keep the YAML loader's line numbers equal to the file's.
        let yaml = String(repeating: "\n", count: 1) + MarkupEscaper.unescape(lines[1..<end].joined(separator: "\n"))
        var meta = DocumentMeta()
        guard !lines[1..<end].allSatisfy({ $0.trimmingTrailingSpaces.isEmpty }) else { return (meta, end + 1) }
        let node = try DataLoader.load(text: yaml, file: file, format: .yaml)
        let r = try NodeReader(node, context: "front matter", kind: .markup)
        try r.allowOnly(["title", "subtitle", "author", "org", "date", "subject", "style"] + GongwenHead.keys)
        meta.title = try r.string("title")
        meta.subtitle = try r.string("subtitle")
        meta.author = try r.string("author") ?? r.string("org")
        meta.date = try r.string("date")
        meta.subject = try r.string("subject")
        meta.style = try r.string("style")
        meta.styleLocation = r["style"]?.location
        meta.gongwen = try GongwenHead.read(r)
        return (meta, end + 1)
    }

    // MARK: blocks

    private func heading(at index: Int) throws -> Heading? {
        let line = lines[index]
        guard line.hasPrefix("#") else { return nil }
        let hashes = line.prefix { $0 == "#" }.count
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        guard hashes <= 6 else {
            throw HuibaoError(.markup, "a heading has at most 6 levels (######), found \(hashes) '#'", at: location(index))
        }
        var text = String(rest).trimmingLeadingSpaces.trimmingTrailingSpaces
        var numbered = true
        if text.hasSuffix("{-}") {
            numbered = false
            text = String(text.dropLast(3)).trimmingTrailingSpaces
        }
        guard !text.isEmpty else {
            throw HuibaoError(.markup, "heading has no text", at: location(index), hint: "write the heading after the '#', e.g. `# 总体情况`")
        }
        let column = hashes + 1 + (rest.count - rest.trimmingLeadingSpaces.count)
        return Heading(level: hashes, runs: InlineParser.parse(text, at: location(index, column)),
                       numbered: numbered, location: location(index))
    }

    /// Paragraph lines run until a blank line or the start of another block.
    private func paragraph(at start: Int) -> (Paragraph, Int) {
        var index = start
        var pieces: [(String, SourceLocation)] = []
        while index < lines.count {
            let line = lines[index]
            if line.trimmingTrailingSpaces.isEmpty { break }
            if index > start, startsBlock(line, index) { break }
            let stripped = line.trimmingLeadingSpaces
            pieces.append((String(stripped).trimmingTrailingSpaces, location(index, line.count - stripped.count + 1)))
            index += 1
        }
        return (Paragraph(runs: InlineParser.parse(lines: pieces), location: location(start)), index)
    }

    private func startsBlock(_ line: Substring, _ index: Int) -> Bool {
        let t = line.trimmingLeadingSpaces
        return (try? heading(at: index)) != nil || t.hasPrefix("```") || t.hasPrefix("|") || listMarker(line) != nil
            || t.hasPrefix("Table:") || t.hasPrefix(":::")
    }

    /// `- `, `* `, `+ ` (bullet), `12. ` / `12) ` (ordered) or `#. ` (ordered, numbered on from
    /// the last `#.` item under the same heading; number 0): the marker's kind, number, length.
    private func listMarker(_ line: Substring) -> (ordered: Bool, number: Int, length: Int)? {
        let indent = line.count - line.trimmingLeadingSpaces.count
        guard indent < 4 else { return nil }
        let t = line.dropFirst(indent)
        if let c = t.first, "-*+".contains(c), t.dropFirst().first == " " {
            if c == "*", t.hasPrefix("**") { return nil }
            return (false, 0, indent + 2)
        }
        if t.hasPrefix("#. ") { return (true, 0, indent + 3) }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = t.dropFirst(digits.count)
        guard let d = after.first, d == "." || d == ")", after.dropFirst().first == " " else { return nil }
        return (true, Int(digits) ?? 1, indent + digits.count + 2)
    }

    private func list(at start: Int) -> (ListBlock, Int) {
        let first = listMarker(lines[start])!
        var items: [Paragraph] = []
        var index = start
        while index < lines.count, let marker = listMarker(lines[index]), marker.ordered == first.ordered {
            let itemLine = index
            var pieces: [(String, SourceLocation)] = [
                (String(lines[index].dropFirst(marker.length)).trimmingLeadingSpaces.trimmingTrailingSpaces,
                 location(index, marker.length + 1)),
            ]
            index += 1
            // Continuation lines (lazy, as Markdown) until a blank line or a new item/block.
            while index < lines.count, !lines[index].trimmingTrailingSpaces.isEmpty, !startsBlock(lines[index], index) {
                let stripped = lines[index].trimmingLeadingSpaces
                pieces.append((String(stripped).trimmingTrailingSpaces, location(index, lines[index].count - stripped.count + 1)))
                index += 1
            }
            items.append(Paragraph(runs: InlineParser.parse(lines: pieces), location: location(itemLine)))
            // One blank line between items keeps the list going.
            if index + 1 < lines.count, lines[index].trimmingTrailingSpaces.isEmpty,
               let next = listMarker(lines[index + 1]), next.ordered == first.ordered {
                index += 1
            }
        }
        return (ListBlock(ordered: first.ordered, start: first.number, items: items, location: location(start)), index)
    }

    private func table(at start: Int, caption: [TextRun]?) throws -> (Table, Int) {
        var index = start
        var rows: [(cells: [TableCell], line: Int)] = []
        var alignments: [Table.ColumnAlignment]?
        var headerRows = 0
        while index < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix("|") {
            let cells = splitCells(lines[index], lineIndex: index)
            if alignments == nil, let a = delimiterRow(cells.map(\.text)) {
                guard index > start else {
                    throw HuibaoError(.markup, "a table needs a header row above its delimiter row (|---|---|)", at: location(index))
                }
                alignments = a
                headerRows = rows.count
            } else {
                rows.append((Self.merge(cells, at: location(index)), index))
            }
            index += 1
        }
        guard let alignments else {
            throw HuibaoError(.markup, "a pipe table needs a delimiter row such as |---|---:| under its header",
                              at: location(start), hint: "the second line of the table says how columns align: --- left, ---: right, :---: centre")
        }
        let columns = alignments.count
        for row in rows {
            let width = row.cells.reduce(0) { $0 + $1.span }
            guard width == columns else {
                throw HuibaoError(.markup, "table row has \(width) cells but the header has \(columns)", at: location(row.line),
                                  hint: "every row needs one cell per column; `||` merges a cell with the next column")
            }
        }
        var notes: [[TextRun]] = []
        while index < lines.count {
            let t = lines[index].trimmingLeadingSpaces.trimmingTrailingSpaces
            guard Self.notePrefixes.contains(where: { t.hasPrefix($0) }) else { break }
            let column = lines[index].count - lines[index].trimmingLeadingSpaces.count + 1
            notes.append(InlineParser.parse(t, at: location(index, column)))
            index += 1
        }
        return (Table(caption: caption, headerRows: rows.prefix(headerRows).map(\.cells),
                      bodyRows: rows.dropFirst(headerRows).map(\.cells), alignments: alignments, notes: notes,
                      widths: nil, unit: nil, location: location(start)), index)
    }

    /// Lines directly under a table that are its notes (GB practice: 注 and 资料来源).
    static let notePrefixes = ["注：", "注:", "资料来源：", "资料来源:", "来源：", "数据来源："]

    /// `| a || b |`: a cell with nothing at all between its bars (not even a space) merges
    /// into the cell on its left, as in MultiMarkdown.
    private static func merge(_ cells: [(text: String, location: SourceLocation, empty: Bool)], at location: SourceLocation) -> [TableCell] {
        var result: [TableCell] = []
        for cell in cells {
            if cell.empty, !result.isEmpty {
                result[result.count - 1].span += 1
            } else {
                result.append(TableCell(runs: InlineParser.parse(cell.text, at: cell.location), span: 1))
            }
        }
        return result
    }

    /// Cells of a `| a | b |` line; `\|` is a literal bar inside a cell. Each cell's location
    /// is the column of its first character; `empty` marks `||` (no character at all).
    private func splitCells(_ line: Substring, lineIndex: Int) -> [(text: String, location: SourceLocation, empty: Bool)] {
        var cells: [(text: String, location: SourceLocation, empty: Bool)] = []
        var current = ""
        var raw = 0
        var textColumn: Int?
        var escaped = false
        let chars = Array(line.trimmingTrailingSpaces)
        guard let firstBar = chars.firstIndex(of: "|") else { return [] }
        func finish() {
            cells.append((current.trimmingTrailingSpaces, location(lineIndex, textColumn ?? 1), raw == 0))
            current = ""
            raw = 0
            textColumn = nil
        }
        for index in (firstBar + 1)..<chars.count {
            let c = chars[index]
            let column = index + 1
            if !escaped, c == "|" { finish(); continue }
            raw += 1
            if current.isEmpty, c == " " || c == "\t" { continue }
            if textColumn == nil { textColumn = column }
            current.append(c)
            escaped = !escaped && c == "\\"
        }
        if !current.isEmpty { finish() }
        return cells
    }

    private func delimiterRow(_ cells: [String]) -> [Table.ColumnAlignment]? {
        var result: [Table.ColumnAlignment] = []
        for cell in cells {
            let body = cell.trimmingCharacters(in: ":")
            guard body.count >= 1, body.allSatisfy({ $0 == "-" }) else { return nil }
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            result.append(left && right ? .center : right ? .right : .left)
        }
        return result.isEmpty ? nil : result
    }

    /// A fenced directive: ```pagebreak``` (more kinds come with charts, cover and TOC).
    private func directive(at start: Int) throws -> (Block, Int) {
        let opener = lines[start].trimmingLeadingSpaces.trimmingTrailingSpaces
        let name = opener.dropFirst(3).trimmingLeadingSpaces.trimmingTrailingSpaces
        guard let end = lines.indices.dropFirst(start + 1).first(where: { lines[$0].trimmingTrailingSpaces.trimmingLeadingSpaces == "```" }) else {
            throw HuibaoError(.markup, "directive block opened with ``` is never closed", at: location(start))
        }
        switch name {
        case "pagebreak":
            return (.pageBreak(location(start)), end + 1)
        case "toc":
            return (.toc(location(start)), end + 1)
        case "cover":
            return (.cover(location(start)), end + 1)
        case "signature":
            let block = DirectiveBlock(name: "signature", body: lines[(start + 1)..<end].joined(separator: "\n"), location: location(start))
            return (.signature(try GongwenDirectives.signature(block)), end + 1)
        case "attachments", "attachment", "banji":
            // 公文 elements (GongwenElements.swift).
            let block = DirectiveBlock(name: String(name), body: lines[(start + 1)..<end].joined(separator: "\n"), location: location(start))
            switch name {
            case "attachments": return (.attachments(try GongwenDirectives.attachments(block)), end + 1)
            case "attachment": return (.attachment(try GongwenDirectives.attachment(block)), end + 1)
            default: return (.banji(try GongwenDirectives.banji(block)), end + 1)
            }
        case "chart":
            let body = lines[(start + 1)..<end].joined(separator: "\n")
            return (.chart(DirectiveBlock(name: String(name), body: body, location: location(start))), end + 1)
        case "kpis":
            let body = lines[(start + 1)..<end].joined(separator: "\n")
            return (.kpis(try KPIBlock(directive: DirectiveBlock(name: "kpis", body: body, location: location(start)))), end + 1)
        default:
            throw HuibaoError(.markup, "unknown directive '\(name)'", at: location(start, 4),
                              hint: "known directives: attachment, attachments, banji, chart, cover, kpis, pagebreak, signature, toc")
        }
    }
}

extension StringProtocol {
    var trimmingTrailingSpaces: String {
        var s = String(self)
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
    var trimmingLeadingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" })
    }
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
