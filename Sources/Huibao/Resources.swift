import Foundation
import HuibaoCore

/// Where the built-in styles (`templates/`) and font configuration (`fonts/`) are.
///
/// Looked up in order: `$HUIBAO_HOME`; the folders above the running executable (a build in
/// the project's `.build/`); the current directory and its parents; `/usr/local/share/huibao`.
public struct Resources: Sendable {
    public var root: String
    public var templatesDirectory: String { root + "/templates" }
    public var fontsDirectory: String { root + "/fonts" }

    public init(root: String) { self.root = root }

    public static func locate() throws -> Resources {
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["HUIBAO_HOME"] { candidates.append(home) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates += ancestors(of: executable.deletingLastPathComponent().path)
        candidates += ancestors(of: FileManager.default.currentDirectoryPath)
        candidates.append("/usr/local/share/huibao")
        for candidate in candidates where isRoot(candidate) { return Resources(root: candidate) }
        throw HuibaoError(.usage, "cannot find Huibao's templates/ and fonts/ folders",
                          hint: "set HUIBAO_HOME to the folder of the Huibao project")
    }

    private static func isRoot(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/templates/report.yaml")
            && FileManager.default.fileExists(atPath: path + "/fonts/roles.yaml")
    }

    private static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var url = URL(fileURLWithPath: path)
        for _ in 0..<8 {
            result.append(url.path)
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return result
    }
}
