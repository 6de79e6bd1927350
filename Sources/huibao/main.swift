import Foundation
import Huibao
import HuibaoCore

/// `huibao`: exit 0 when the PDF is written, 1 for bad input, 2 for a wrong command line.
func run() -> Int32 {
    let command: Invocation.Command
    do {
        command = try Invocation.parse(Array(CommandLine.arguments.dropFirst()))
    } catch let error as Invocation.UsageError {
        printError("huibao: \(error.message)\nRun `huibao --help` for usage.")
        return 2
    } catch {
        printError("huibao: \(error)")
        return 2
    }
    switch command {
    case .help(let topic):
        print(topic == "render" ? Invocation.renderHelp : topic == "check" ? Invocation.checkHelp
              : topic == "batch" ? BatchCommand.help : topic == "new" ? NewProject.help : Invocation.generalHelp)
        return 0
    case .version:
        print("huibao \(huibaoVersion)")
        return 0
    case .render(let arguments):
        return render(arguments)
    case .check(let arguments):
        return check(arguments)
    case .batch(let options):
        return BatchCommand.run(options)
    case .new(let kind, let directory):
        return NewProject.run(kind: kind, directory: directory)
    }
}

let huibaoVersion = "0.1.0"

func render(_ arguments: Invocation.RenderArguments) -> Int32 {
    if ReportProject.isProject(arguments.input) { return renderProject(arguments) }
    let output = arguments.output ?? defaultOutput(for: arguments.input)
    do {
        var options = RenderOptions()
        options.allowFontFallback = arguments.allowFontFallback
        if arguments.realDate {
            options.creationDate = ISO8601DateFormatter().string(from: Date())
        } else if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
            options.creationDate = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
        }
        let renderer = try Renderer(options: options)
        let request = RenderRequest(input: arguments.input, data: arguments.data, style: arguments.style, schema: arguments.schema)
        if let markupPath = arguments.markupOutput {
            let markup = try renderer.markupText(for: request, data: try renderer.data(for: request))
            guard FileManager.default.createFile(atPath: markupPath, contents: Data(markup.utf8)) else {
                throw HuibaoError(.output, "cannot write \(markupPath)")
            }
            print("wrote \(markupPath) (the markup the template made)")
            return 0
        }
        let result = try renderer.render(request, to: output)
        for note in result.fallbacks { printError(note) }
        print("wrote \(output) (\(result.pageCount) page\(result.pageCount == 1 ? "" : "s"))")
        return 0
    } catch {
        return reportFailure(error)
    }
}

/// `huibao check`: every problem on standard error, then a count; exit 1 when there are any.
func check(_ arguments: Invocation.RenderArguments) -> Int32 {
    do {
        let request = RenderRequest(input: arguments.input, data: arguments.data, schema: arguments.schema)
        let result = try Renderer().check(request)
        guard result.problems.isEmpty else {
            for problem in result.problems { printError(problem.description) }
            let count = result.problems.count
            printError("\(count) problem\(count == 1 ? "" : "s") found")
            return 1
        }
        let against = result.schema.map { " against \($0)" } ?? " (no schema; the template ran over the data)"
        print("ok: \(result.checkedValues) values checked\(against)")
        return 0
    } catch {
        return reportFailure(error)
    }
}

func defaultOutput(for input: String) -> String {
    var name = URL(fileURLWithPath: input).lastPathComponent
    for suffix in [".j2", ".jinja", ".md", ".txt"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
    return name + ".pdf"
}

/// Prints an error the way every command does and gives its exit code: 2 for a wrong
/// command line, 1 for bad input.
func reportFailure(_ error: Error) -> Int32 {
    guard let error = error as? HuibaoError else {
        printError("error: \(error)")
        return 1
    }
    printError(error.description)
    return error.kind == .usage ? 2 : 1
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

exit(run())
