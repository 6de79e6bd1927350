import Foundation

/// Finds and reads style files: a built-in name (`report`) looks in `templates/`, a path is read
/// as given. `extends: NAME` overlays the file on another style, so a user's style lists only
/// what differs.
public struct StyleLoader: Sendable {
    /// The folder of built-in styles (the project's `templates/`).
    public var builtInDirectory: String

    public init(builtInDirectory: String) {
        self.builtInDirectory = builtInDirectory
    }

    public var builtInNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: builtInDirectory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// `nameOrPath` is a built-in style name or a path to a `.yaml` style file.
    public func load(_ nameOrPath: String, at reference: SourceLocation? = nil) throws -> Style {
        let node = try resolvedNode(nameOrPath, at: reference, seen: [])
        return try StyleDecoder.decode(node, name: nameOrPath)
    }

    private func resolvedNode(_ nameOrPath: String, at reference: SourceLocation?, seen: [String]) throws -> DataNode {
        let path: String
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            path = nameOrPath
        } else {
            path = (builtInDirectory as NSString).appendingPathComponent(nameOrPath + ".yaml")
            guard FileManager.default.fileExists(atPath: path) else {
                throw HuibaoError(.style, "unknown style '\(nameOrPath)'", at: reference,
                                  hint: "built-in styles: \(builtInNames.joined(separator: ", ")); or give the path of a .yaml style file")
            }
        }
        guard !seen.contains(path) else {
            throw HuibaoError(.style, "style '\(nameOrPath)' extends itself (\((seen + [path]).joined(separator: " → ")))", at: reference)
        }
        let node = try DataLoader.load(path: path)
        let reader = try NodeReader(node, context: "style '\(nameOrPath)'", kind: .style)
        guard var base = try reader.string("extends") else { return node }
        // A relative path is relative to the style file that names it.
        if base.contains("/") || base.hasSuffix(".yaml") || base.hasSuffix(".yml"), !base.hasPrefix("/") {
            base = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(base)
        }
        let baseNode = try resolvedNode(base, at: reader["extends"]?.location, seen: seen + [path])
        return try DataLoader.merge([baseNode, node])
    }
}
