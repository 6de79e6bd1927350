import Foundation

/// Where `{% include %}`, `{% extends %}` and `{% from … import %}` find other templates.
///
/// A path is looked up first beside the template that names it, then in each search folder
/// in order (the built-in templates, for a template that extends a built-in base).
public struct TemplateLibrary: Sendable {
    /// Folders searched after the naming template's own folder.
    public var searchDirectories: [String]
    /// The text of the file at a path; nil when there is no such file.
    private let read: @Sendable (String) throws -> String?

    public init(searchDirectories: [String] = [], read: @escaping @Sendable (String) throws -> String?) {
        self.searchDirectories = searchDirectories
        self.read = read
    }

    /// Templates on disk, which must be UTF-8 text.
    public static func fileSystem(searchDirectories: [String] = []) -> TemplateLibrary {
        TemplateLibrary(searchDirectories: searchDirectories) { path in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw HuibaoError(.template, "cannot read the template '\(path)'", hint: "Check that you are allowed to read it.")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw HuibaoError(.template, "the template '\(path)' is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1),
                                  hint: "Save the file again choosing the encoding UTF-8.")
            }
            return text
        }
    }

    /// Templates held in memory by path, for tests and for tools that generate templates.
    public static func files(_ files: [String: String], searchDirectories: [String] = []) -> TemplateLibrary {
        TemplateLibrary(searchDirectories: searchDirectories) { files[$0] }
    }

    /// What looking for a template found.
    enum Lookup {
        case found(path: String, text: String)
        /// Nowhere; the paths looked at.
        case missing(tried: [String])
    }

    /// The path `reference` names from the template `file`, and its text.
    func find(_ reference: String, from file: String) throws -> Lookup {
        let folder = (file as NSString).deletingLastPathComponent
        let folders = reference.hasPrefix("/") ? [""] : [folder] + searchDirectories
        var tried: [String] = []
        for base in folders {
            let path = Self.join(base, reference)
            tried.append(path)
            if let text = try read(path) { return .found(path: path, text: text) }
        }
        return .missing(tried: tried)
    }

    /// `base/reference` with `.` and `..` steps taken, kept relative when `base` is.
    static func join(_ base: String, _ reference: String) -> String {
        var parts = reference.hasPrefix("/") ? [""] : base.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts == [""] && !base.hasPrefix("/") { parts = [] }
        for piece in reference.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                if let last = parts.last, last != "..", !last.isEmpty { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
