import ArgumentParser

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// Options every command shares.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (for people) or json (for machines).")
    var format: OutputFormat = .table

    @Flag(help: "Print no progress or warnings on standard error.")
    var quiet = false
}

/// How `wfm report` prints its result.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
}
