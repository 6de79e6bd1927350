import Foundation
import Huibao
import HuibaoCore

/// `huibao batch`: the arguments, the help, and the run with its progress and summary.
enum BatchCommand {
    static func parse(_ arguments: [String]) throws -> BatchOptions {
        var template: String?
        var glob: String?, manifest: String?, pattern: String?, style: String?
        var workers = ProcessInfo.processInfo.activeProcessorCount
        var shard: (Int, Int)?
        var force = false
        var i = 0
        func value(_ option: String) throws -> String {
            i += 1
            guard i < arguments.count else { throw Invocation.UsageError(message: "\(option) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--data", "-d": glob = try value(argument)
            case "--manifest", "-m": manifest = try value(argument)
            case "--out", "--output", "-o": pattern = try value(argument)
            case "--style", "-s": style = try value(argument)
            case "--force": force = true
            case "--jobs", "-j":
                guard let n = Int(try value(argument)), n >= 1 else { throw Invocation.UsageError(message: "--jobs needs a number of at least 1") }
                workers = n
            case "--shard":
                let text = try value(argument)
                let parts = text.split(separator: "/").compactMap { Int($0) }
                guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
                    throw Invocation.UsageError(message: "--shard takes I/N with 1 ≤ I ≤ N, e.g. --shard 2/8, found '\(text)'")
                }
                shard = (parts[0], parts[1])
            default:
                if argument.hasPrefix("-") { throw Invocation.UsageError(message: "unknown option '\(argument)' for batch") }
                guard template == nil else { throw Invocation.UsageError(message: "batch takes one template, got '\(template!)' and '\(argument)'") }
                template = argument
            }
            i += 1
        }
        guard let template else { throw Invocation.UsageError(message: "batch needs a template") }
        guard (glob == nil) != (manifest == nil) else {
            throw Invocation.UsageError(message: "batch needs either --data 'GLOB' or --manifest FILE")
        }
        guard let pattern else { throw Invocation.UsageError(message: "batch needs --out PATTERN, e.g. --out 'out/{stem}.pdf'") }
        return BatchOptions(template: template, dataGlob: glob, manifest: manifest, outputPattern: pattern,
                            workers: workers, shard: shard, force: force, style: style)
    }

    static func run(_ options: BatchOptions) -> Int32 {
        let terminal = isatty(STDERR_FILENO) == 1
        let summary: BatchSummary
        do {
            let runner = BatchRunner(renderer: try Renderer(), options: options)
            summary = try runner.run { result, done, total in
                report(result, done: done, total: total, terminal: terminal)
            }
        } catch {
            return reportFailure(error)
        }
        if terminal { printError("") }
        let failures = summary.failures
        var line = "batch: \(summary.rendered) rendered, \(summary.skipped) skipped (unchanged), \(failures.count) failed"
        line += String(format: " — %d jobs, %d pages in %.2f s", summary.results.count, summary.pages, summary.seconds)
        if summary.seconds > 0, summary.pages > 0 { line += String(format: " (%.0f pages/s)", Double(summary.pages) / summary.seconds) }
        print(line)
        for failure in failures {
            if case .failed(let message) = failure.outcome { print("failed: \(failure.job.name)\n  \(message.replacingOccurrences(of: "\n", with: "\n  "))") }
        }
        return failures.isEmpty ? 0 : 1
    }

    /// A progress bar on a terminal; one plain line per job for logs (cron, CI).
    private static func report(_ result: BatchResult, done: Int, total: Int, terminal: Bool) {
        if terminal {
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r  \(bar) \(done)/\(total)".utf8))
            return
        }
        let prefix = "[\(done)/\(total)]"
        let line: String
        switch result.outcome {
        case .rendered(let output, let pages): line = "\(prefix) rendered \(output) (\(pages) page\(pages == 1 ? "" : "s"))"
        case .skipped(let output): line = "\(prefix) skipped \(output) (unchanged)"
        case .failed: line = "\(prefix) FAILED \(result.job.name) (see the summary)"
        }
        // Written straight to the file descriptor: a log sees every line as it happens.
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static let help = """
    huibao batch — one PDF per data set, in parallel, for unattended runs

    USAGE
      huibao batch TEMPLATE --data 'GLOB' --out 'PATTERN' [options]
      huibao batch TEMPLATE --manifest FILE.csv|FILE.yaml --out 'PATTERN' [options]

    INPUT
      --data 'GLOB'        every matching data file is one report (quote the pattern)
      --manifest FILE      a CSV with a `data` column (paths relative to the manifest; more
                           columns are fields of the report), or YAML `jobs: [{data: …, …}]`

    OUTPUT
      --out 'PATTERN'      where each PDF goes: {stem} the data file's name, {index} the job's
                           number, or any field of the data ({unit}, {meta.month})

    OPTIONS
      -j, --jobs N         parallel workers (default: all cores)
      --shard I/N          render only jobs I, I+N, I+2N … (numbered in sorted order), so that
                           N machines share one run without talking to each other
      --force              render even outputs whose inputs are unchanged
      -s, --style NAME     style for every report

    A failing report does not stop the others; the summary lists each failure with its
    reason and the exit code is 1 if any failed. Every PDF is written to a temporary file and
    renamed, so an interrupted run never leaves a half-written PDF under an output name. An
    output whose template, styles and data are unchanged since it was written is skipped
    (a hidden .NAME.pdf.inputs file beside it holds the content hash).

    Examples:
      huibao batch templates/monthly/report.md.j2 --data 'data/*.json' --out 'out/{stem}.pdf'
      huibao batch report.md.j2 --manifest units.csv --out 'out/{unit}-{month}.pdf' --shard 3/8
    """
}
