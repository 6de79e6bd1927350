import Huibao

/// The parsed command line of `huibao`.
struct Invocation {
    enum Command {
        case help(topic: String?)
        case version
        case render(RenderArguments)
        case check(RenderArguments)
        case batch(BatchOptions)
        case new(kind: String, directory: String)
    }

    /// The arguments of `render`, and of `check` (which takes only the input, data and schema).
    struct RenderArguments {
        var input: String
        var data: [String] = []
        var style: String?
        var schema: String?
        var output: String?
        var allowFontFallback = false
        var realDate = false
        /// Write the markup the template made to this file instead of a PDF.
        var markupOutput: String?
    }

    struct UsageError: Error {
        var message: String
    }

    static func parse(_ arguments: [String]) throws -> Command {
        guard let command = arguments.first else { return .help(topic: nil) }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "-h", "--help", "help": return .help(topic: rest.first)
        case "--version", "version": return .version
        case "render":
            if rest.contains("-h") || rest.contains("--help") { return .help(topic: "render") }
            return .render(try parseRender(rest))
        case "batch":
            if rest.contains("-h") || rest.contains("--help") { return .help(topic: "batch") }
            return .batch(try BatchCommand.parse(rest))
        case "check":
            if rest.contains("-h") || rest.contains("--help") { return .help(topic: "check") }
            return .check(try parseRender(rest, command: "check"))
        case "new":
            if rest.contains("-h") || rest.contains("--help") { return .help(topic: "new") }
            guard rest.count == 2, !rest[0].hasPrefix("-"), !rest[1].hasPrefix("-") else {
                throw UsageError(message: "new takes a kind (report, briefing or monthly) and a folder, e.g. `huibao new briefing q1`")
            }
            return .new(kind: rest[0], directory: rest[1])
        default:
            throw UsageError(message: "unknown command '\(command)'")
        }
    }

    private static func parseRender(_ arguments: [String], command: String = "render") throws -> RenderArguments {
        var input: String?
        var result = RenderArguments(input: "")
        var i = 0
        func value(_ option: String) throws -> String {
            i += 1
            guard i < arguments.count, !arguments[i].hasPrefix("-") || arguments[i] == "-" else {
                throw UsageError(message: "\(option) needs a value")
            }
            return arguments[i]
        }
        while i < arguments.count {
            let argument = arguments[i]
            if command == "check", !["--data", "-d", "--schema"].contains(argument), argument.hasPrefix("-") {
                throw UsageError(message: "unknown option '\(argument)' for check")
            }
            switch argument {
            case "--data", "-d": result.data.append(try value(argument))
            case "--schema": result.schema = try value(argument)
            case "--style", "-s": result.style = try value(argument)
            case "--output", "-o": result.output = try value(argument)
            case "--allow-font-fallback": result.allowFontFallback = true
            case "--real-date": result.realDate = true
            case "--markup": result.markupOutput = try value(argument)
            default:
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)' for render") }
                guard input == nil else { throw UsageError(message: "\(command) takes one input file, got '\(input!)' and '\(argument)'") }
                input = argument
            }
            i += 1
        }
        guard let input else {
            throw UsageError(message: command == "check" ? "check needs a template" : "render needs an input file (a .md markup file or a template)")
        }
        result.input = input
        return result
    }

    static let generalHelp = """
    huibao — print-ready Chinese reports from data and a template

    USAGE
      huibao render TEMPLATE --data FILE [--data FILE …] [--style NAME] -o OUT.pdf
      huibao render FILE.md -o OUT.pdf
      huibao render DIR                      a report project (see `huibao help new`)
      huibao new report|briefing|monthly DIR
      huibao check TEMPLATE --data FILE [--schema FILE]
      huibao batch TEMPLATE --data 'GLOB' --out 'out/{stem}.pdf' [--jobs N] [--shard I/N]
      huibao help render|check|batch|new

    COMMANDS
      render     fill a template with data (or read a markup file) and write a PDF
      check      check the data against the template's schema and run the template, without
                 writing anything; lists every problem
      batch      one PDF per data file or manifest row, in parallel, with a summary
      new        write a working report project: an annual report, a briefing pack or a
                 monthly report, with its template, data and a README of the fields

    OPTIONS
      -h, --help     show this help
      --version      show the version

    EXIT CODES
      0 the PDF was written (check: no problems) · 1 bad input (the message says where) · 2 wrong command line

    Examples:
      huibao render samples/annual-report/report.md.j2 --data samples/annual-report/data.yaml -o out/annual-report.pdf
      huibao render notes.md -o notes.pdf
      huibao new briefing q1 && huibao render q1
    """

    static let renderHelp = """
    huibao render — write a PDF from report markup or from a template and data

    USAGE
      huibao render INPUT [--data FILE …] [--style NAME|FILE.yaml] [-o OUT.pdf]

    INPUT
      A .md file is report markup (front matter, # headings, paragraphs, lists, tables).
      Any other file (e.g. report.md.j2) is a Jinja-like template; --data files fill it.
      A folder is a report project: its huibao.yaml names the template, data and output
      (without one: report.md.j2, data.yaml, out/report.pdf); -o and --style still apply.

    OPTIONS
      -d, --data FILE          YAML, JSON, CSV or .xlsx data, or a data manifest (a YAML file
                               whose only key is `sources`); several are merged, later ones win
      --schema FILE            the schema the data must fit (default: schema.yaml beside the
                               template, when there is one); the first problem stops the render
      -s, --style NAME         built-in style (report, briefing, briefing-16x9, monthly, gongwen)
                               or a style file; overrides the front matter
      -o, --output OUT.pdf     where to write (default: INPUT's name with .pdf, in this folder)
      --allow-font-fallback    set characters that no font of their role has in another face
                               (a warning names them) instead of stopping
      --markup OUT.md          write the markup the template makes (to see what an error about
                               "(rendered markup)" lines points at) instead of a PDF
      --real-date              write today's date as the PDF creation date (default: a fixed
                               date, so the same input always gives the same bytes)

    The PDF is written to a temporary file and renamed: a failed run never leaves a
    half-written file behind, and an existing OUT.pdf stays as it was.
    """

    static let checkHelp = """
    huibao check — check a template's data without rendering

    USAGE
      huibao check TEMPLATE [--data FILE …] [--schema FILE]

    Loads the data as render does, checks it against the schema (--schema, or schema.yaml
    beside the template) and lists every problem at once, each as file:line:col: error: …
    with what was expected. When the data fits, the template is run over it too, so that an
    undefined name or a loop over a number is found before a render.

    OPTIONS
      -d, --data FILE     YAML, JSON, CSV or .xlsx data, or a data manifest; merged in order
      --schema FILE       the schema to check against

    EXIT CODES
      0 no problems ("ok: N values checked") · 1 problems (listed) · 2 wrong command line
    """
}
