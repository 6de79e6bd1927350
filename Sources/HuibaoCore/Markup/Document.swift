import Foundation

/// The typed report: what the markup says, before any style or font is applied.
public struct Document: Sendable {
    public var meta: DocumentMeta
    public var blocks: [Block]
    /// Footnote texts by label (`[^label]: text`), set at the bottom of the page that refers to them.
    public var footnotes: [String: Footnote]

    public init(meta: DocumentMeta, blocks: [Block], footnotes: [String: Footnote] = [:]) {
        self.meta = meta
        self.blocks = blocks
        self.footnotes = footnotes
    }
}

public struct Signature: Sendable {
    public var name: [TextRun]
    public var date: [TextRun]
    public var location: SourceLocation
    /// Joint issuing (公文): the other organisations, after the lead one in `name`.
    public var otherNames: [[TextRun]] = []
    /// 公文 with a seal (加盖印章, GB/T 9704-2012 7.3.5.1): the date 右空四字 and room for the seal.
    public var sealed = false
    /// 附注 (7.3.6): set in parentheses on the line after the date.
    public var note: [TextRun]?
}

public struct Footnote: Sendable {
    public var runs: [TextRun]
    public var location: SourceLocation
}

/// Front matter: document metadata and the style to use.
public struct DocumentMeta: Sendable {
    /// May hold line breaks: where a cover or title block breaks the title.
    public var title: String?
    /// The title on one line (PDF metadata, running heads).
    public var plainTitle: String? { title.map { $0.replacingOccurrences(of: "\n", with: "") } }
    public var subtitle: String?
    public var author: String?
    public var date: String?
    public var subject: String?
    public var style: String?
    /// Where `style:` was written, for an "unknown style" message.
    public var styleLocation: SourceLocation?
    /// The 版头 of an official document (份号 … 主送机关); nil when the front matter has none.
    public var gongwen: GongwenHead?

    public init() {}
}

/// A run of text with one emphasis; inlines of a paragraph are a flat list of runs.
public struct TextRun: Sendable, Equatable {
    public var text: String
    public var strong: Bool
    /// Where the run starts in the markup (for missing-glyph and font messages).
    public var location: SourceLocation
    /// `[^label]`: a footnote reference (its text is the label; layout prints the number).
    public var footnote: String?

    public init(text: String, strong: Bool = false, location: SourceLocation, footnote: String? = nil) {
        self.text = text
        self.strong = strong
        self.location = location
        self.footnote = footnote
    }
}

public enum Block: Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case list(ListBlock)
    case table(Table)
    case pageBreak(SourceLocation)
    /// ```chart …```: a figure drawn from data (its body is YAML).
    case chart(DirectiveBlock)
    /// ```toc```: the table of contents, with the real page numbers.
    case toc(SourceLocation)
    /// ```cover```: a cover page from the front matter (title, subtitle, author/org, date).
    case cover(SourceLocation)
    /// ```signature```: the issuing organisation and date, right-aligned at the end.
    case signature(Signature)
    /// ```attachments```: the 附件说明 of an official document.
    case attachments(AttachmentList)
    /// ```attachment```: an attachment page of an official document (a new page, 附件N, title).
    case attachment(AttachmentPage)
    /// ```banji```: the 版记 of an official document, at the bottom of its last, even page.
    case banji(Banji)
    /// ```kpis```: key indicators as a strip of cards (value, unit, 同比 ▲▼).
    case kpis(KPIBlock)
    /// `::: columns 3:2` … `::: column` … `:::`: blocks set side by side.
    case columns(ColumnsBlock)
    /// `::: box 标题` … `:::`: blocks in a shaded box (a commentary).
    case box(BoxBlock)
}

/// A fenced directive with a YAML body, as written: parsed by the stage that draws it.
public struct DirectiveBlock: Sendable {
    /// The word after the opening fence: `chart`, …
    public var name: String
    /// The lines between the fences.
    public var body: String
    /// Where the opening fence is; the body starts on the next line.
    public var location: SourceLocation

    public init(name: String, body: String, location: SourceLocation) {
        self.name = name
        self.body = body
        self.location = location
    }

    /// The body read as a YAML mapping, with locations that point into the markup file.
    public func bodyNode() throws -> DataNode {
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw HuibaoError(.markup, "the \(name) block is empty", at: location,
                              hint: "write its settings as YAML lines between the fences")
        }
        let padding = String(repeating: "\n", count: location.line)
        return try DataLoader.load(text: padding + MarkupEscaper.unescape(body), file: location.file, format: .yaml)
    }
}

public struct Heading: Sendable {
    public var level: Int
    public var runs: [TextRun]
    /// False for `# 标题 {-}`: no 一、 number.
    public var numbered: Bool
    public var location: SourceLocation
}

public struct Paragraph: Sendable {
    public var runs: [TextRun]
    public var location: SourceLocation

    public init(runs: [TextRun], location: SourceLocation) {
        self.runs = runs
        self.location = location
    }
}

public struct ListBlock: Sendable {
    public var ordered: Bool
    /// Number of the first item of an ordered list.
    public var start: Int
    public var items: [Paragraph]
    public var location: SourceLocation
}

public struct Table: Sendable {
    public enum ColumnAlignment: Sendable { case left, center, right }
    public var caption: [TextRun]?
    /// The rows above the delimiter row; a cell may span columns (merged header cells).
    public var headerRows: [[TableCell]]
    public var bodyRows: [[TableCell]]
    public var alignments: [ColumnAlignment]
    /// 注：… and 资料来源：… lines written directly under the table.
    public var notes: [[TextRun]]
    /// Relative column widths (`{widths=1,3,2}` on the caption line); nil: from the content.
    public var widths: [Double]?
    /// The unit line set above the table on the right (`{unit=单位：万元}`).
    public var unit: String?
    public var location: SourceLocation

    /// The last header row's texts (one per cell).
    public var header: [[TextRun]] { headerRows.last?.map(\.runs) ?? [] }
    /// The body rows' texts.
    public var rows: [[[TextRun]]] { bodyRows.map { $0.map(\.runs) } }
}

/// A table cell; `span` > 1 when `||` merged it with the columns to its right.
public struct TableCell: Sendable {
    public var runs: [TextRun]
    public var span: Int
}

extension Array where Element == TextRun {
    /// The plain text of the runs (outline entries, messages).
    public var plainText: String { map(\.text).joined() }
}
