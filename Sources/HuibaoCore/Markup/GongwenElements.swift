import Foundation

/// The 版头 of an official document (GB/T 9704-2012 7.2), from front-matter keys:
///
/// ```yaml
/// copy_number: "000018"            # 份号
/// secrecy: 机密★1年                # 密级和保密期限
/// urgency: 特急                    # 紧急程度
/// issuer: 江临市数据资源管理局       # 发文机关标志; a list for joint issuing, lead organ first
/// issuer_suffix: 文件              # after the name(s); "" for none
/// doc_number: 江数资〔2025〕6号      # 发文字号
/// signer: 王明                     # 签发人 (upward documents); a list for several
/// addressee: 各区县数据资源管理局：   # 主送机关
/// ```
public struct GongwenHead: Sendable {
    public var copyNumber: String?
    public var secrecy: String?
    public var urgency: String?
    /// 发文机关 names, lead organ first; empty: no 发文机关标志.
    public var issuers: [String] = []
    public var issuerSuffix: String = "文件"
    public var docNumber: GongwenForms.DocumentNumber?
    public var signers: [String] = []
    public var addressee: String?
    /// Where each key was written, for messages at layout time.
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    /// The front-matter keys, in the order of the elements on the page.
    public static let keys = ["copy_number", "secrecy", "urgency", "issuer", "issuer_suffix", "doc_number", "signer", "addressee"]

    /// The keys read from the front matter; nil when none of them is there.
    static func read(_ r: NodeReader) throws -> GongwenHead? {
        guard keys.contains(where: { r[$0] != nil }) else { return nil }
        var head = GongwenHead()
        for key in keys { if let location = r[key]?.location { head.locations[key] = location } }
        if let copy = try r.string("copy_number") {
            try GongwenForms.copyNumber(copy, at: r["copy_number"]?.location)
            head.copyNumber = copy
        }
        if let secrecy = try r.string("secrecy") {
            try GongwenForms.secrecy(secrecy, at: r["secrecy"]?.location)
            head.secrecy = secrecy
        }
        if let urgency = try r.string("urgency") {
            try GongwenForms.urgency(urgency, at: r["urgency"]?.location)
            head.urgency = urgency
        }
        head.issuers = try r.strings("issuer") ?? []
        head.issuerSuffix = try r.string("issuer_suffix") ?? "文件"
        if let number = try r.string("doc_number") {
            head.docNumber = try GongwenForms.documentNumber(number, at: r["doc_number"]?.location)
        }
        head.signers = try r.strings("signer") ?? []
        if !head.signers.isEmpty, head.docNumber == nil {
            throw HuibaoError(.markup, "签发人 is given but no 发文字号 (doc_number)", at: r["signer"]?.location,
                              hint: "签发人 sits on the line of the 发文字号 (GB/T 9704-2012 7.2.6)")
        }
        if let addressee = try r.string("addressee") {
            try GongwenForms.addressee(addressee, at: r["addressee"]?.location)
            head.addressee = addressee
        }
        return head
    }
}

/// ```attachments```: the 附件说明 under the body (7.3.4), a list of attachment names.
public struct AttachmentList: Sendable {
    public var names: [[TextRun]]
    public var location: SourceLocation
}

/// ```attachment```: an attachment page (7.3.7): starts a new page with 附件N on its first
/// line and the attachment's title centred on the third.
public struct AttachmentPage: Sendable {
    public var title: [TextRun]
    /// The number given in the block; nil: counted (附件1, 附件2 …, or 附件 when alone).
    public var number: Int?
    public var location: SourceLocation
}

/// ```banji```: the 版记 (7.4) at the bottom of the last, even page: 抄送, 印发机关 and
/// 印发日期 between thick and thin rules.
public struct Banji: Sendable {
    /// 抄送机关, as one text (ending with 。) or joined from a list.
    public var copiedTo: [TextRun]?
    public var printedBy: [TextRun]
    /// 印发日期, checked as 2025年1月5日; "印发" is added after it.
    public var printedOn: [TextRun]
    public var location: SourceLocation
}

enum GongwenDirectives {
    static func attachments(_ block: DirectiveBlock) throws -> AttachmentList {
        // The body is a YAML list; read it as the value of a key on the fence's line, so that
        // every item keeps its line in the markup file.
        let padding = String(repeating: "\n", count: max(block.location.line - 1, 0)) + "items:\n"
        let root = try DataLoader.load(text: padding + MarkupEscaper.unescape(block.body), file: block.location.file, format: .yaml)
        guard case .object(let pairs) = root.value, let node = pairs.first?.value,
              case .array(let items) = node.value, !items.isEmpty else {
            throw HuibaoError(.markup, "the attachments block must be a list of attachment names", at: block.location,
                              hint: "write one `- 名称` line per attachment (GB/T 9704-2012 7.3.4)")
        }
        let names = try items.map { item -> [TextRun] in
            guard case .string(let s) = item.value, !s.isEmpty else {
                throw HuibaoError(.markup, "an attachment name must be text, found \(item.value.typeName)", at: item.location)
            }
            if let last = s.last, "。，；：、.,;:".contains(last) {
                throw HuibaoError(.markup, "the attachment name '\(s)' ends with '\(last)'", at: item.location,
                                  hint: "附件名称后不加标点符号 (GB/T 9704-2012 7.3.4)")
            }
            return InlineParser.parse(s, at: item.location ?? block.location)
        }
        return AttachmentList(names: names, location: block.location)
    }

    static func attachment(_ block: DirectiveBlock) throws -> AttachmentPage {
        let r = try NodeReader(try block.bodyNode(), context: "attachment", kind: .markup)
        try r.allowOnly(["title", "number"])
        guard let title = try r.string("title") else {
            throw HuibaoError(.markup, "an attachment needs `title:` (as in the 附件说明)", at: block.location)
        }
        let number = try r.int("number")
        if let number, number < 1 {
            throw HuibaoError(.markup, "an attachment number starts at 1", at: r["number"]?.location)
        }
        return AttachmentPage(title: InlineParser.parse(title, at: r["title"]?.location ?? block.location),
                              number: number, location: block.location)
    }

    static func banji(_ block: DirectiveBlock) throws -> Banji {
        let r = try NodeReader(try block.bodyNode(), context: "banji", kind: .markup)
        try r.allowOnly(["cc", "printed_by", "printed_on"])
        guard let printedBy = try r.string("printed_by"), let printedOn = try r.string("printed_on") else {
            throw HuibaoError(.markup, "a banji needs `printed_by:` (印发机关) and `printed_on:` (印发日期)", at: block.location)
        }
        try GongwenForms.date(printedOn, what: "印发日期", at: r["printed_on"]?.location)
        var copiedTo: [TextRun]?
        if let node = r["cc"], let cc = try r.strings("cc"), !cc.isEmpty {
            // 抄送机关 are separated by ， and the last is followed by 。 (7.4.2): a list is
            // joined so; a text must already read so.
            var text = cc.joined(separator: "，")
            if case .array = node.value { text += "。" }
            guard text.hasSuffix("。") else {
                throw HuibaoError(.markup, "抄送 '\(text)' must end with 。", at: node.location,
                                  hint: "抄送机关 are separated by ， and the last one is followed by 。 (GB/T 9704-2012 7.4.2); or write them as a list")
            }
            copiedTo = InlineParser.parse(text, at: node.location ?? block.location)
        }
        return Banji(copiedTo: copiedTo, printedBy: InlineParser.parse(printedBy, at: r["printed_by"]?.location ?? block.location),
                     printedOn: InlineParser.parse(printedOn, at: r["printed_on"]?.location ?? block.location),
                     location: block.location)
    }

    /// ```signature```: `name:` (a list for joint issuing), `date:`, and for 公文 `seal:` and
    /// `note:` (附注).
    static func signature(_ block: DirectiveBlock) throws -> Signature {
        let r = try NodeReader(try block.bodyNode(), context: "signature", kind: .markup)
        try r.allowOnly(["name", "date", "seal", "note"])
        guard let names = try r.strings("name"), let first = names.first, let date = try r.string("date") else {
            throw HuibaoError(.markup, "a signature needs `name:` (the issuing organisation) and `date:`", at: block.location)
        }
        let nameLocation = r["name"]?.location ?? block.location
        var signature = Signature(name: InlineParser.parse(first, at: nameLocation),
                                  date: InlineParser.parse(date, at: r["date"]?.location ?? block.location),
                                  location: block.location)
        signature.otherNames = names.dropFirst().map { InlineParser.parse($0, at: nameLocation) }
        signature.sealed = try r.bool("seal") ?? false
        if let note = try r.string("note") {
            signature.note = InlineParser.parse(note, at: r["note"]?.location ?? block.location)
        }
        return signature
    }
}
