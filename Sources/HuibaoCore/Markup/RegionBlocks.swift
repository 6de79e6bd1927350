/// Regions: blocks grouped by `:::` fence lines (as Pandoc's fenced divs), set side by side
/// or in a box.
///
/// ~~~markdown
/// ::: columns 3:2          ← columns, 3 : 2 of the width (default: equal)
/// ```chart …```
/// ::: column               ← the next column
/// - 要点一
/// :::                      ← the end of the region
///
/// ::: box 本月点评         ← a shaded box, its title optional
/// 一段评述。
/// :::
/// ~~~

/// Columns set side by side, starting at the same height; the region is kept on one page.
public struct ColumnsBlock: Sendable {
    /// Relative widths, one per column.
    public var widths: [Double]
    public var columns: [[Block]]
    public var location: SourceLocation
}

/// Blocks in a shaded box with an optional title line: a commentary, a note to leaders.
public struct BoxBlock: Sendable {
    public var title: [TextRun]?
    public var blocks: [Block]
    public var location: SourceLocation
}

extension Block {
    /// The block itself, or the blocks inside a region (for walks over all text).
    public var flattened: [Block] {
        switch self {
        case .columns(let region): return region.columns.flatMap { $0.flatMap(\.flattened) }
        case .box(let box): return box.blocks.flatMap(\.flattened)
        default: return [self]
        }
    }

    /// What may stand inside a region: text, tables, figures, KPI cards (and boxes in
    /// columns); for anything else, what it is, for the message.
    fileprivate var regionName: String? {
        switch self {
        case .paragraph, .list, .table, .chart, .kpis, .box, .columns: return nil
        case .heading: return "a heading"
        case .pageBreak: return "a page break"
        case .toc: return "the contents (toc)"
        case .cover: return "a cover"
        case .signature: return "a signature"
        default: return "this block"
        }
    }

    fileprivate var locationInRegion: SourceLocation? {
        switch self {
        case .heading(let h): return h.location
        case .pageBreak(let l), .toc(let l), .cover(let l): return l
        case .signature(let s): return s.location
        default: return nil
        }
    }
}

/// The open `:::` regions while the parser reads a file: each remembers where its blocks
/// start in the parser's block list; closing one replaces those blocks with the region.
struct RegionStack {
    private enum Kind { case columns, box }

    private struct Frame {
        var kind: Kind
        var start: Int
        /// Block indices where `::: column` started a new column.
        var splits: [Int] = []
        var widths: [Double]?
        var title: [TextRun]?
        var location: SourceLocation
    }

    private var frames: [Frame] = []

    /// Reads one `:::` line (`trimmed`, without leading spaces) at `location`.
    mutating func marker(_ trimmed: String, at location: SourceLocation, blocks: inout [Block]) throws {
        let rest = trimmed.drop { $0 == ":" }.trimmingLeadingSpaces.trimmingTrailingSpaces
        let word = String(rest.prefix { $0 != " " && $0 != "\t" })
        let argument = String(rest.dropFirst(word.count)).trimmingLeadingSpaces
        switch word {
        case "":
            guard let frame = frames.popLast() else {
                throw HuibaoError(.markup, "':::' closes a region, but none is open", at: location,
                                  hint: "open one with `::: columns` or `::: box`")
            }
            try close(frame, &blocks)
        case "columns":
            if let open = frames.last {
                throw HuibaoError(.markup, "columns cannot stand inside another region (opened at \(open.location))", at: location,
                                  hint: "close that region with ::: first")
            }
            frames.append(Frame(kind: .columns, start: blocks.count, widths: try Self.widths(argument, at: location), location: location))
        case "column":
            guard let index = frames.lastIndex(where: { $0.kind == .columns }), index == frames.count - 1 else {
                throw HuibaoError(.markup, "'::: column' starts the next column of a `::: columns` region, but none is open here",
                                  at: location, hint: frames.isEmpty ? "open the region with `::: columns`" : "close the box with ::: first")
            }
            frames[index].splits.append(blocks.count)
        case "box":
            if frames.contains(where: { $0.kind == .box }) {
                throw HuibaoError(.markup, "a box cannot stand inside another box", at: location)
            }
            let title = argument.isEmpty ? nil
                : InlineParser.parse(argument, at: SourceLocation(file: location.file, line: location.line,
                                                                  column: location.column + trimmed.count - argument.count))
            frames.append(Frame(kind: .box, start: blocks.count, title: title, location: location))
        default:
            throw HuibaoError(.markup, "unknown region '::: \(word)'", at: location,
                              hint: "regions: `::: columns [3:2]` with `::: column` between columns, `::: box [title]`; `:::` closes")
        }
    }

    /// At the end of the file every region must be closed.
    func finish() throws {
        if let open = frames.last {
            throw HuibaoError(.markup, "the region opened here is never closed", at: open.location,
                              hint: "end it with a line holding only :::")
        }
    }

    private func close(_ frame: Frame, _ blocks: inout [Block]) throws {
        let inner = Array(blocks[frame.start...])
        for block in inner {
            if let what = block.regionName {
                throw HuibaoError(.markup, "\(what) cannot stand inside a region (opened at \(frame.location))",
                                  at: block.locationInRegion ?? frame.location, hint: "close the region with ::: before it")
            }
        }
        blocks.removeSubrange(frame.start...)
        switch frame.kind {
        case .box:
            guard !inner.isEmpty else { throw HuibaoError(.markup, "the box is empty", at: frame.location) }
            blocks.append(.box(BoxBlock(title: frame.title, blocks: inner, location: frame.location)))
        case .columns:
            let bounds = [frame.start] + frame.splits + [frame.start + inner.count]
            let columns = zip(bounds, bounds.dropFirst()).map { Array(inner[($0 - frame.start)..<($1 - frame.start)]) }
            guard columns.count >= 2 else {
                throw HuibaoError(.markup, "a columns region needs two columns at least", at: frame.location,
                                  hint: "put `::: column` where the next column starts")
            }
            if let widths = frame.widths, widths.count != columns.count {
                throw HuibaoError(.markup, "the region gives \(widths.count) widths (\(widths.map { "\(Int($0))" }.joined(separator: ":"))) but has \(columns.count) columns",
                                  at: frame.location)
            }
            blocks.append(.columns(ColumnsBlock(widths: frame.widths ?? Array(repeating: 1, count: columns.count),
                                                columns: columns, location: frame.location)))
        }
    }

    /// `3:2`, `1:1:1`, `60:40`; nil when none is given.
    private static func widths(_ text: String, at location: SourceLocation) throws -> [Double]? {
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: " ")) }
        guard parts.count >= 2, parts.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw HuibaoError(.markup, "'\(text)' is not a ratio of column widths", at: location,
                              hint: "write the relative widths with colons, e.g. `::: columns 3:2` or `::: columns 1:1:1`")
        }
        return parts.map { $0! }
    }
}
