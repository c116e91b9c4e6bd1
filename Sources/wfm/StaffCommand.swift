import ArgumentParser
import WFMPlanning

/// `wfm staff`: requirements per queue and interval from a forecast.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Turn a forecast into agents required per queue and interval (requirements.csv).",
        discussion: """
            Uses Erlang A for queues with patience_seconds, Erlang C otherwise; applies each queue's
            service level, ASA, occupancy and abandonment targets, its minimum, and shrinkage.

            Example:
              wfm staff --config Inputs/demo/center.yaml --forecast Inputs/demo/forecast.csv --out out/requirements.csv
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "The forecast (forecast.csv).") var forecast: String
    @Option(help: "Where to write requirements.csv.") var out: String
    @Flag(help: "Replace the output file if it exists.") var force = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let outcome = try StaffJob(configPath: config, forecastPath: forecast, outputPath: out, overwrite: force).run()
            if !output.quiet { outcome.plan.warnings.forEach { printError("warning: \($0)") } }
            switch output.format {
            case .json: print(try StaffReportJSON(outcome: outcome, outputPath: out).text(), terminator: "")
            case .table: print(outcome.summary.table().render() + "Wrote \(outcome.plan.rows.count) rows to \(out)")
            }
        }
    }
}
