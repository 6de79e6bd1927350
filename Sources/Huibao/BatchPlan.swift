import Foundation
import HuibaoCore

/// What a batch run renders: one job per data set, found by a glob or listed in a manifest.
public struct BatchOptions: Sendable {
    public var template: String
    /// A glob of data files (`data/*.json`): one job each.
    public var dataGlob: String?
    /// A CSV (`data` column, other columns are extra fields) or YAML (`jobs:` list) manifest.
    public var manifest: String?
    /// Output path pattern: `{stem}` the data file's name, `{index}`, or any data field
    /// (`{unit}`, `{meta.month}`).
    public var outputPattern: String
    public var workers: Int
    /// `(i, n)`: this process renders the jobs whose number modulo n is i − 1.
    public var shard: (index: Int, count: Int)?
    /// Render even when the inputs of an output have not changed.
    public var force: Bool
    public var style: String?

    public init(template: String, dataGlob: String? = nil, manifest: String? = nil, outputPattern: String,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, shard: (index: Int, count: Int)? = nil,
                force: Bool = false, style: String? = nil) {
        self.template = template
        self.dataGlob = dataGlob
        self.manifest = manifest
        self.outputPattern = outputPattern
        self.workers = max(workers, 1)
        self.shard = shard
        self.force = force
        self.style = style
    }
}

/// One document of a batch: its data files and the extra fields a manifest row gives it.
public struct BatchJob: Sendable {
    /// 1-based, in the order of the sorted inputs (the same on every machine of a sharded run).
    public var number: Int
    public var dataFiles: [String]
    public var fields: [(key: String, value: DataNode)]
    /// The first data file, for messages.
    public var name: String { dataFiles.first ?? "job \(number)" }
}

enum BatchPlanner {
    static func jobs(_ options: BatchOptions) throws -> [BatchJob] {
        var jobs: [BatchJob]
        if let manifest = options.manifest {
            jobs = try manifestJobs(manifest)
        } else if let glob = options.dataGlob {
            let files = try Glob.expand(glob)
            guard !files.isEmpty else {
                throw HuibaoError(.data, "no data file matches '\(glob)'", hint: "quote the pattern so the shell passes it to huibao: --data 'data/*.json'")
            }
            jobs = files.enumerated().map { BatchJob(number: $0.offset + 1, dataFiles: [$0.element], fields: []) }
        } else {
            throw HuibaoError(.usage, "batch needs --data 'GLOB' or --manifest FILE")
        }
        if let shard = options.shard {
            jobs = jobs.filter { ($0.number - 1) % shard.count == shard.index - 1 }
        }
        return jobs
    }

    /// CSV: a header row with a `data` column (paths relative to the manifest, several
    /// separated by `;`); every other column is a field of the job. YAML: `jobs:` a list of
    /// mappings with `data:` (a path or a list) and fields.
    private static func manifestJobs(_ path: String) throws -> [BatchJob] {
        let base = (path as NSString).deletingLastPathComponent
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") || base.isEmpty ? file : (base as NSString).appendingPathComponent(file)
        }
        let node = try DataLoader.load(path: path)
        let rows: [DataNode]
        if path.hasSuffix(".csv") {
            guard case .object(let pairs) = node.value, case .array(let items)? = pairs.first?.value.value else {
                throw HuibaoError(.data, "the manifest \(path) has no rows", at: node.location)
            }
            rows = items
        } else {
            let r = try NodeReader(node, context: "batch manifest", kind: .data)
            try r.allowOnly(["jobs"])
            guard let list = r["jobs"], case .array(let items) = list.value else {
                throw HuibaoError(.data, "a batch manifest needs `jobs:`, a list of {data: …, fields…}", at: node.location)
            }
            rows = items
        }
        return try rows.enumerated().map { index, row in
            guard case .object(let pairs) = row.value else {
                throw HuibaoError(.data, "each job of the manifest must be a mapping", at: row.location)
            }
            guard let data = pairs.first(where: { $0.key == "data" })?.value else {
                throw HuibaoError(.data, "job \(index + 1) of the manifest has no `data`", at: row.location,
                                  hint: "give the data file of each report in a `data` column or key")
            }
            let files: [String]
            switch data.value {
            case .string(let s): files = s.split(separator: ";").map { resolve($0.trimmingCharacters(in: .whitespaces)) }
            case .array(let items): files = try items.map { item in
                guard case .string(let s) = item.value else { throw HuibaoError(.data, "data paths must be text", at: item.location) }
                return resolve(s)
            }
            default: throw HuibaoError(.data, "`data` must be a path or a list of paths", at: data.location)
            }
            return BatchJob(number: index + 1, dataFiles: files, fields: pairs.filter { $0.key != "data" })
        }
    }
}

/// Shell-style `*`, `?` and `[…]` in the last path components (no `**`), sorted.
enum Glob {
    static func expand(_ pattern: String) throws -> [String] {
        var results: [String] = []
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        for i in 0..<Int(matches.gl_pathc) {
            if let p = matches.gl_pathv[i] { results.append(String(cString: p)) }
        }
        return results.sorted()
    }
}

/// Output names from a pattern and the job's data.
enum OutputName {
    static func expand(_ pattern: String, job: BatchJob, data: DataNode?) throws -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw HuibaoError(.usage, "the output pattern '\(pattern)' has a '{' without '}'")
            }
            let key = String(rest[rest.index(after: open)..<close])
            result += try value(key, job: job, data: data)
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    private static func value(_ key: String, job: BatchJob, data: DataNode?) throws -> String {
        switch key {
        case "stem":
            var name = (job.name as NSString).lastPathComponent
            while let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
            return name
        case "index": return String(job.number)
        default:
            var node = data
            for part in key.split(separator: ".") { node = node?[String(part)] }
            guard let node, !(node.value.description.isEmpty) else {
                throw HuibaoError(.data, "the output pattern needs '\(key)', which \(job.name) does not have",
                                  hint: "use {stem} for the data file's name, or a field every data file has")
            }
            switch node.value {
            case .string, .number, .bool: break
            default: throw HuibaoError(.data, "'\(key)' in the output pattern must be text or a number, found \(node.value.typeName)", at: node.location)
            }
            // A value becomes one path component: no folders, no hidden files.
            return node.value.description.map { "/\\:\0".contains($0) ? "_" : $0 }.reduce(into: "") { $0.append($1) }
                .replacingOccurrences(of: "..", with: "_")
        }
    }
}
