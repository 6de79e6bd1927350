import Foundation
import HuibaoCore
import Synchronization

/// How one job of a batch ended.
public enum BatchOutcome: Sendable {
    case rendered(output: String, pages: Int)
    /// The output exists and its inputs have not changed since it was written.
    case skipped(output: String)
    case failed(message: String)
}

public struct BatchResult: Sendable {
    public var job: BatchJob
    public var outcome: BatchOutcome
}

public struct BatchSummary: Sendable {
    public var results: [BatchResult]
    public var seconds: Double
    public var rendered: Int { results.filter { if case .rendered = $0.outcome { true } else { false } }.count }
    public var skipped: Int { results.filter { if case .skipped = $0.outcome { true } else { false } }.count }
    public var failures: [BatchResult] { results.filter { if case .failed = $0.outcome { true } else { false } } }
    public var pages: Int { results.reduce(0) { if case .rendered(_, let p) = $1.outcome { $0 + p } else { $0 } } }
}

/// Runs a batch: `workers` threads, each with its own `RenderSession` (fonts loaded once per
/// worker), taking jobs in order. A failing job is recorded and the batch goes on; outputs
/// are written atomically by the PDF writer; an output whose inputs are unchanged (same
/// content hash as when it was written) is skipped unless `force`.
public struct BatchRunner: Sendable {
    public var renderer: Renderer
    public var options: BatchOptions

    public init(renderer: Renderer, options: BatchOptions) {
        self.renderer = renderer
        self.options = options
    }

    public func run(progress: @escaping @Sendable (BatchResult, _ done: Int, _ total: Int) -> Void) throws -> BatchSummary {
        let start = Date()
        let jobs = try BatchPlanner.jobs(options)
        let shared = try InputFingerprint.shared(template: options.template, resources: renderer.resources, style: options.style)
        let run = RunState()
        let workers = min(options.workers, max(jobs.count, 1))
        var workerRenderer = self.renderer
        if workers > 1 { workerRenderer.options.drawOnAnotherThread = false }
        let renderer = workerRenderer
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let session = RenderSession(renderer: renderer)
            while true {
                let index: Int? = run.next.withLock { next in
                    guard next < jobs.count else { return nil }
                    defer { next += 1 }
                    return next
                }
                guard let index else { break }
                let result = BatchResult(job: jobs[index], outcome: render(jobs[index], session, shared, run))
                let done = run.results.withLock { results -> Int in
                    results.append(result)
                    return results.count
                }
                progress(result, done, jobs.count)
            }
        }
        let results = run.results.withLock { $0 }.sorted { $0.job.number < $1.job.number }
        return BatchSummary(results: results, seconds: Date().timeIntervalSince(start))
    }

    /// What the workers share: the next job to take, the results, the outputs claimed.
    private final class RunState: Sendable {
        let next = Mutex(0)
        let results = Mutex<[BatchResult]>([])
        let claimed = Mutex(Set<String>())
    }

    private func render(_ job: BatchJob, _ session: RenderSession, _ shared: UInt64, _ run: RunState) -> BatchOutcome {
        do {
            let request = RenderRequest(input: options.template, data: job.dataFiles, style: options.style)
            var data = try renderer.data(for: request)
            if !job.fields.isEmpty { data = try DataLoader.merge([data ?? DataNode(.object([])), DataNode(.object(job.fields))]) }
            let output = try OutputName.expand(options.outputPattern, job: job, data: data)
            let isNew = run.claimed.withLock { $0.insert(output).inserted }
            guard isNew else {
                throw HuibaoError(.usage, "two jobs would write \(output); make the output pattern unique (add {stem})")
            }
            let fingerprint = try InputFingerprint.of(job, shared: shared)
            let stamp = InputFingerprint.stampPath(for: output)
            if !options.force, FileManager.default.fileExists(atPath: output),
               (try? String(contentsOfFile: stamp, encoding: .utf8)) == fingerprint {
                return .skipped(output: output)
            }
            let directory = (output as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            let result = try session.render(request, data: data, to: output)
            try fingerprint.write(toFile: stamp, atomically: true, encoding: .utf8)
            return .rendered(output: output, pages: result.pageCount)
        } catch let error as HuibaoError {
            return .failed(message: error.description)
        } catch {
            return .failed(message: "\(error)")
        }
    }
}

/// A content hash of everything an output depends on: the template's folder, the built-in
/// styles and font roles, the style asked for, the data files and manifest fields, and the
/// huibao version. FNV-1a 64 (change detection, not security).
enum InputFingerprint {
    static let version = "huibao 0.1.0"

    static func shared(template: String, resources: Resources, style: String?) throws -> UInt64 {
        var hash = FNV1a()
        hash.add(version)
        hash.add(style ?? "")
        let folder = (template as NSString).deletingLastPathComponent
        for path in files(in: folder.isEmpty ? "." : folder) + files(in: resources.templatesDirectory)
            + [resources.fontsDirectory + "/roles.yaml", template] {
            hash.add(path)
            if let data = FileManager.default.contents(atPath: path) { hash.add(data) }
        }
        return hash.value
    }

    static func of(_ job: BatchJob, shared: UInt64) throws -> String {
        var hash = FNV1a(seed: shared)
        for file in job.dataFiles {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw HuibaoError(.data, "cannot read \(file)")
            }
            hash.add(file)
            hash.add(data)
        }
        for (key, value) in job.fields { hash.add(key + "=" + value.value.description) }
        return String(hash.value, radix: 16)
    }

    /// `.name.pdf.inputs` beside the output: written after the PDF, so a PDF without one
    /// (or with another hash) is rendered again.
    static func stampPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".inputs").path
    }

    /// Template-like files of a folder (not its subfolders), sorted.
    private static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { [".j2", ".jinja", ".md", ".yaml", ".yml", ".csv"].contains(where: $0.hasSuffix) }
            .sorted().map { (folder as NSString).appendingPathComponent($0) }
    }
}

struct FNV1a {
    private(set) var value: UInt64

    init(seed: UInt64 = 0xcbf2_9ce4_8422_2325) { value = seed }

    mutating func add(_ data: Data) {
        for byte in data {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    mutating func add(_ text: String) {
        add(Data(text.utf8))
        add(Data([0]))
    }
}
