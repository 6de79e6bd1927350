import Foundation
import Huibao
import HuibaoCore

/// A report project: a folder holding a template and its data, rendered with
/// `huibao render DIR`. What to render is in `DIR/huibao.yaml` when there is one:
///
/// ```yaml
/// template: report.md.j2            # in DIR, else a built-in one (briefing/report.md.j2)
/// data: [data.yaml, districts.xlsx] # merged in order, as --data files
/// style: briefing-16x9              # optional: overrides the template's style
/// output: out/report.pdf            # relative to DIR
/// ```
///
/// Without it, by convention: the template is `report.md.j2` (or the folder's only `.md.j2`,
/// or its only `.md`), the data `data.yaml` (or `data.json`), the PDF `out/<name>.pdf`.
struct ReportProject {
    var directory: String
    var template: String
    var data: [String]
    var style: String?
    var output: String

    static let manifestName = "huibao.yaml"

    static func isProject(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Reads the project's manifest (or applies the conventions); every file it names must exist.
    static func load(_ directory: String, templates: String) throws -> ReportProject {
        let manifest = (directory as NSString).appendingPathComponent(manifestName)
        func inProject(_ path: String) -> String {
            path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        }
        var project: ReportProject
        if FileManager.default.fileExists(atPath: manifest) {
            let r = try NodeReader(try DataLoader.load(path: manifest), context: manifestName, kind: .data)
            try r.allowOnly(["template", "data", "style", "output"])
            let template: String
            if let name = try r.string("template") {
                // A template of the project, else a built-in one (templates/briefing/report.md.j2).
                let local = inProject(name), builtIn = (templates as NSString).appendingPathComponent(name)
                guard let found = [local, builtIn].first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                    throw HuibaoError(.data, "the template '\(name)' is neither in \(directory) nor among the built-in templates",
                                      at: r["template"]?.location, hint: "looked at \(local) and \(builtIn)")
                }
                template = found
            } else {
                template = try conventionalTemplate(in: directory)
            }
            let data = try (r.strings("data") ?? conventionalData(in: directory).map { ($0 as NSString).lastPathComponent })
            for (index, file) in data.enumerated() where !FileManager.default.fileExists(atPath: inProject(file)) {
                let location = r["data"].flatMap { node -> SourceLocation? in
                    if case .array(let items) = node.value, index < items.count { return items[index].location }
                    return node.location
                }
                throw HuibaoError(.data, "the data file '\(file)' is not in \(directory)", at: location)
            }
            project = ReportProject(directory: directory, template: template, data: data.map(inProject), style: try r.string("style"),
                                    output: inProject(try r.string("output") ?? outputPath(for: template)))
        } else {
            let template = try conventionalTemplate(in: directory)
            project = ReportProject(directory: directory, template: template, data: conventionalData(in: directory), style: nil,
                                    output: inProject(outputPath(for: template)))
        }
        return project
    }

    /// `out/<template name>.pdf`.
    private static func outputPath(for template: String) -> String {
        "out/" + defaultOutput(for: template)
    }

    private static func conventionalTemplate(in directory: String) throws -> String {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let templates = files.filter { $0.hasSuffix(".md.j2") }, markup = files.filter { $0.hasSuffix(".md") && $0 != "README.md" }
        let chosen = templates.contains("report.md.j2") ? "report.md.j2"
            : templates.count == 1 ? templates[0] : templates.isEmpty && markup.count == 1 ? markup[0] : nil
        guard let chosen else {
            throw HuibaoError(.data, "cannot tell which template to render in \(directory)"
                              + (templates.count > 1 ? " (\(templates.joined(separator: ", ")))" : ""),
                              hint: "name it report.md.j2, or write `template: NAME` in \(directory)/\(manifestName)")
        }
        return (directory as NSString).appendingPathComponent(chosen)
    }

    private static func conventionalData(in directory: String) -> [String] {
        ["data.yaml", "data.yml", "data.json"].map { (directory as NSString).appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0) }.prefix(1).map { $0 }
    }
}

/// `huibao render DIR`: the project's template and data, written to its output (or `-o`).
func renderProject(_ arguments: Invocation.RenderArguments) -> Int32 {
    do {
        let project = try ReportProject.load(arguments.input, templates: try Resources.locate().templatesDirectory)
        guard arguments.data.isEmpty else {
            throw HuibaoError(.usage, "a project names its data in \(ReportProject.manifestName); --data does not go with a folder")
        }
        var resolved = arguments
        resolved.input = project.template
        resolved.data = project.data
        resolved.style = arguments.style ?? project.style
        resolved.output = arguments.output ?? project.output
        if arguments.output == nil {
            try FileManager.default.createDirectory(atPath: (project.output as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        }
        return render(resolved)
    } catch {
        return reportFailure(error)
    }
}
