import Foundation
import HuibaoTestSupport
import Testing

/// `huibao batch` as the 2 a.m. cron job meets it: many reports, some broken, reruns, shards,
/// an interrupted run.
@Suite struct BatchTests {
    static let binary = CommandLineTests.binary

    /// A folder with a template and `count` data files; `broken` of them are bad in three ways.
    func project(count: Int, broken: Set<Int> = []) throws -> String {
        let dir = try ProjectPaths.temporaryDirectory()
        try "# {{ unit }}{{ month }}月运行情况\n\n本月{{ unit }}各项工作平稳推进，完成{{ figure }}件。\n"
            .write(toFile: dir + "/report.md.j2", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        for i in 1...count {
            var json = "{\"unit\": \"第\(i)街道\", \"month\": \(i % 12 + 1), \"figure\": \(i * 7)}"
            if broken.contains(i) {
                switch i % 3 {
                case 0: json = "{\"unit\": \"坏\", \"month\": 1, \"figure\": }"      // malformed JSON
                case 1: json = "{\"unit\": \"缺\", \"month\": 1}"                    // figure is missing
                default: json = "[1, 2, 3]"                                          // not a mapping
                }
            }
            try json.write(toFile: dir + String(format: "/data/unit-%03d.json", i), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func batch(_ dir: String, _ extra: [String] = []) throws -> (status: Int32, output: String) {
        try PDFProbe.runStatus(Self.binary, ["batch", dir + "/report.md.j2", "--data", dir + "/data/*.json",
                                             "--out", dir + "/out/{stem}.pdf"] + extra)
    }

    func outputs(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []).filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }.sorted()
    }

    @Test func aBrokenReportDoesNotStopTheOthersAndARerunSkipsWhatIsUnchanged() throws {
        let dir = try project(count: 20, broken: [4, 9, 14])
        let first = try batch(dir, ["-j", "2"])
        #expect(first.status == 1)
        #expect(first.output.contains("batch: 17 rendered, 0 skipped (unchanged), 3 failed"), "\(first.output)")
        #expect(outputs(dir).count == 17)
        for name in ["unit-004", "unit-009", "unit-014"] {
            #expect(first.output.contains("failed: \(dir)/data/\(name).json"), "\(first.output)")
        }
        // Each failure says where and what: the malformed JSON with its line and column.
        #expect(first.output.contains("unit-009.json:1:"), "\(first.output)")
        #expect(first.output.contains("figure"), "\(first.output)")
        let second = try batch(dir)
        #expect(second.status == 1)
        #expect(second.output.contains("batch: 0 rendered, 17 skipped (unchanged), 3 failed"), "\(second.output)")
        // Mended data renders; the rest is still skipped; --force renders everything again.
        for i in [4, 9, 14] {
            try "{\"unit\": \"第\(i)街道\", \"month\": 3, \"figure\": 1}".write(toFile: dir + String(format: "/data/unit-%03d.json", i), atomically: true, encoding: .utf8)
        }
        let third = try batch(dir)
        #expect(third.status == 0)
        #expect(third.output.contains("batch: 3 rendered, 17 skipped (unchanged), 0 failed"), "\(third.output)")
        let forced = try batch(dir, ["--force"])
        #expect(forced.output.contains("batch: 20 rendered, 0 skipped"), "\(forced.output)")
        // A changed template makes every output stale.
        try "# {{ unit }}\n\n新版{{ figure }}。\n".write(toFile: dir + "/report.md.j2", atomically: true, encoding: .utf8)
        #expect(try batch(dir).output.contains("batch: 20 rendered, 0 skipped"))
    }

    @Test func outputNamesComeFromDataFieldsAndMustNotCollide() throws {
        let dir = try project(count: 3)
        let (status, output) = try PDFProbe.runStatus(Self.binary, ["batch", dir + "/report.md.j2", "--data", dir + "/data/*.json",
                                                                    "--out", dir + "/out/{unit}-{month}月.pdf"])
        #expect(status == 0, "\(output)")
        #expect(outputs(dir) == ["第1街道-2月.pdf", "第2街道-3月.pdf", "第3街道-4月.pdf"])
        let clash = try PDFProbe.runStatus(Self.binary, ["batch", dir + "/report.md.j2", "--data", dir + "/data/*.json",
                                                         "--out", dir + "/same/x.pdf"])
        #expect(clash.0 == 1)
        #expect(clash.1.contains("2 failed"), "\(clash.1)")
        #expect(clash.1.contains("two jobs would write"), "\(clash.1)")
    }

    @Test func shardsSplitARunWithoutOverlap() throws {
        let dir = try project(count: 10)
        var seen: [String] = []
        for shard in 1...3 {
            let (status, _) = try batch(dir, ["--shard", "\(shard)/3", "--force"])
            #expect(status == 0)
            let now = outputs(dir)
            let new = now.filter { !seen.contains($0) }
            #expect(new.count == [4, 3, 3][shard - 1], "shard \(shard) rendered \(new)")
            seen = now
        }
        #expect(seen.count == 10)
        #expect(try batch(dir, ["--shard", "4/3"]).status == 2)
    }

    @Test func aManifestNamesEachReportsDataAndExtraFields() throws {
        let dir = try project(count: 2)
        try "data,district\ndata/unit-001.json,东湖区\ndata/unit-002.json,西山区\n".write(toFile: dir + "/jobs.csv", atomically: true, encoding: .utf8)
        let (status, output) = try PDFProbe.runStatus(Self.binary, ["batch", dir + "/report.md.j2", "--manifest", dir + "/jobs.csv",
                                                                    "--out", dir + "/out/{district}.pdf"])
        #expect(status == 0, "\(output)")
        #expect(outputs(dir) == ["东湖区.pdf", "西山区.pdf"])
    }

    @Test func killingABatchLeavesNoPartialPDFUnderAnOutputName() throws {
        let dir = try project(count: 80)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["batch", dir + "/report.md.j2", "--data", dir + "/data/*.json", "--out", dir + "/out/{stem}.pdf", "-j", "1"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until some reports exist, then kill it hard in the middle of the run.
        let deadline = Date().addingTimeInterval(20)
        while outputs(dir).count < 5, Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let done = outputs(dir)
        #expect(done.count >= 5 && done.count < 80, "\(done.count) outputs")
        for name in done {
            let check = try PDFProbe(dir + "/out/" + name).qpdfCheck()
            #expect(check.ok, "\(name) is not a whole PDF: \(check.output)")
        }
    }

    @Test func aLogGetsOneLinePerReport() throws {
        let dir = try project(count: 3, broken: [2])
        let (_, output) = try batch(dir)
        let lines = output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("[") && $0.contains("/3] rendered") }.count == 2)
        #expect(lines.filter { $0.contains("/3] FAILED") }.count == 1)
    }
}
