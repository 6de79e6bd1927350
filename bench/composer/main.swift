// composer-bench: sets the body text of ../shared/bench/annual.json (twice: about 35 pages) with
// Huibao's paragraph composer and once with Pango's own justified PangoLayout, on the same
// fonts, measure and line pitch, and writes both PDFs. bench/composer.sh times the two.
//
//   composer-bench huibao|pango ANNUAL.json OUT.pdf
import CPangoCairo
import Foundation
import HuibaoCore
import HuibaoTypeset

func paragraphs(of node: DataNode) -> [String] {
    var texts: [String] = []
    func walk(_ n: DataNode) {
        switch n.value {
        case .object(let pairs):
            if case .string(let type)? = n["type"]?.value {
                if type == "paragraph", case .string(let t)? = n["text"]?.value { texts.append(t) }
                if type == "point", case .string(let title)? = n["title"]?.value, case .string(let t)? = n["text"]?.value {
                    texts.append(title + t)
                }
                return
            }
            for (key, value) in pairs where key == "text" || key == "sections" || key == "blocks" || key == "summary" || key == "closing" {
                if key == "text", case .array(let items) = value.value {
                    for item in items { if case .string(let t) = item.value { texts.append(t) } }
                } else {
                    walk(value)
                }
            }
        case .array(let items):
            items.forEach(walk)
        default:
            break
        }
    }
    walk(node)
    return texts
}

let arguments = CommandLine.arguments
guard arguments.count == 4, ["huibao", "pango"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: composer-bench huibao|pango ANNUAL.json OUT.pdf\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
do {
    var style = try StyleLoader(builtInDirectory: root + "/templates").load("report")
    style.footer.format = ""
    let fonts = try FontSystem(fontsDirectory: root + "/fonts", roles: try FontRoles.load(path: root + "/fonts/roles.yaml"))
    // The annual report's body text twice: about 35 pages, the "30-page document" of the issue.
    let once = paragraphs(of: try DataLoader.load(path: arguments[2]))
    let texts = once + once
    if arguments[1] == "huibao" {
        let location = SourceLocation(file: arguments[2], line: 1, column: 1)
        let document = Document(meta: DocumentMeta(), blocks: texts.map {
            .paragraph(Paragraph(runs: [TextRun(text: $0, location: location)], location: location))
        })
        let laidOut = try DocumentLayout(style: style, composer: ParagraphComposer(fonts: fonts)).layout(document)
        try PDFWriter().write(laidOut, to: arguments[3])
        print("huibao: \(texts.count) paragraphs, \(laidOut.pages.count) pages")
    } else {
        let pages = try PangoReference.render(texts, style: style, fonts: fonts, to: arguments[3])
        print("pango: \(texts.count) paragraphs, \(pages) pages")
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
