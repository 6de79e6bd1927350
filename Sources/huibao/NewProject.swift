import Foundation
import Huibao
import HuibaoCore

/// `huibao new KIND DIR`: writes a working report project of one of the three jobs, copied
/// from the built-in `templates/KIND/`: the template files (`*.md.j2`) and what
/// `templates/KIND/new/` holds (huibao.yaml, the data in YAML, an example .xlsx where it
/// fits, a README of the fields). `huibao render DIR` renders it as it is.
enum NewProject {
    /// The kinds of project (folders of templates/).
    static let kinds = ["report", "briefing", "monthly"]

    static let help = """
    huibao new — start a report project

    USAGE
      huibao new report|briefing|monthly DIR

    Writes into DIR (new or empty) a project that renders as it is:
      huibao.yaml    what to render: the template, the data files, the output
      report.md.j2   the template (with the files it includes)
      data.yaml      the data, every field explained in README.md
      *.xlsx         an example workbook the data reads, where the kind uses one

    KINDS
      report     an annual work summary (年终总结): cover, contents, KPI cards, sections,
                 a chart and a table read from districts.xlsx
      briefing   a leaders' briefing pack (汇报材料): A4 landscape, one topic a page, KPI
                 cards, a chart beside three to five points; a bar chart from districts.xlsx
      monthly    a two-page monthly report (月报) in the shared monthly data shape: KPI
                 strip, two charts side by side, a table, the month's commentary in a box

    Then:
      huibao render DIR          writes DIR/out/report.pdf (huibao.yaml's `output`)
    """

    static func run(kind: String, directory: String) -> Int32 {
        do {
            let written = try write(kind: kind, into: directory, templates: try Resources.locate().templatesDirectory)
            print("wrote \(directory)/ (a \(kind) project):")
            for file in written { print("  " + (directory as NSString).appendingPathComponent(file)) }
            print("next: huibao render \(directory)")
            return 0
        } catch {
            return reportFailure(error)
        }
    }

    /// Copies the project files of `kind` into `directory`; returns their names, in order.
    static func write(kind: String, into directory: String, templates: String) throws -> [String] {
        guard kinds.contains(kind) else {
            throw HuibaoError(.usage, "unknown kind of project '\(kind)'", hint: "kinds: \(kinds.joined(separator: ", "))")
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw HuibaoError(.data, "\(directory) is a file; huibao new writes a project into a new or empty folder")
            }
            let present = try fm.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }
            guard present.isEmpty else {
                throw HuibaoError(.data, "\(directory) is not empty (\(present.sorted().prefix(3).joined(separator: ", "))\(present.count > 3 ? ", …" : ""))",
                                  hint: "huibao new never overwrites files; give a new folder")
            }
        }
        let source = (templates as NSString).appendingPathComponent(kind)
        let skeleton = (source as NSString).appendingPathComponent("new")
        let templateFiles = try fm.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".md.j2") }.sorted()
        let projectFiles = try fm.contentsOfDirectory(atPath: skeleton).filter { !$0.hasPrefix(".") }
        // The manifest first, then the template, then the data and the README.
        let order = ["huibao.yaml", "report.md.j2"]
        let files = (templateFiles.map { (source, $0) } + projectFiles.map { (skeleton, $0) })
            .sorted { (order.firstIndex(of: $0.1) ?? order.count, $0.1) < (order.firstIndex(of: $1.1) ?? order.count, $1.1) }
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (folder, name) in files {
            try fm.copyItem(atPath: (folder as NSString).appendingPathComponent(name),
                            toPath: (directory as NSString).appendingPathComponent(name))
        }
        return files.map(\.1)
    }
}
