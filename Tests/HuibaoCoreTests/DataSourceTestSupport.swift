import Foundation
@testable import HuibaoCore

/// Files and small readers shared by the tests of the CSV, Excel, SQLite and manifest loaders.
enum DataSourceFixture {
    /// `Tests/Fixtures/NAME`.
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// A new empty folder under the temporary directory; the caller removes it.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huibao-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `text` to `name` in `folder` and returns the path.
    @discardableResult
    static func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The thrown `HuibaoError`, or nil when nothing is thrown.
    static func failure(_ body: () throws -> Void) -> HuibaoError? {
        do {
            try body()
            return nil
        } catch let error as HuibaoError {
            return error
        } catch {
            return HuibaoError(.usage, "not a HuibaoError: \(error)")
        }
    }
}

extension DataNode {
    /// The items of a list (empty for anything else).
    var items: [DataNode] {
        if case .array(let items) = value { return items }
        return []
    }

    /// The keys of a mapping, in order (empty for anything else).
    var keys: [String] {
        if case .object(let pairs) = value { return pairs.map(\.key) }
        return []
    }

    var number: Decimal? {
        if case .number(let n) = value { return n }
        return nil
    }

    var text: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// `file:line:col` of the value.
    var place: String { location?.description ?? "nowhere" }
}
