import ArgumentParser
import WFMPlanning

/// `wfm staff`: requirements per queue and interval from a forecast.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Turn a forecast into agents required per queue and interval (requirements.csv).",
        discussion: """
            Uses Erlang A for queues with patience_seconds, Erlang C otherwise; applies each queue's service level, ASA, occupancy and abandonment targets, its minimum, and shrinkage.

            Examples:
              wfm staff --config center.yaml --forecast forecast.csv --out req.csv
              wfm staff --config center.yaml --week 2026-12-07 --forecast f.csv --out r.csv
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "The forecast (forecast.csv).") var forecast: String
    @Option(help: "Where to write requirements.csv.") var out: String
    @Option(help: "First day of the week to staff (YYYY-MM-DD); default: week_start in center.yaml.") var week: String?
    @Flag(help: "Replace the output file if it exists.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let week, !CommandVocabulary.isDate(week) { throw ValidationError("--week must be a date YYYY-MM-DD, got '\(week)'") }
    }

    func run() throws {
        try reportingFailures {
            let job = StaffJob(configPath: config, forecastPath: forecast, outputPath: out, overwrite: force, week: week)
            let outcome = try job.run()
            if !output.quiet { outcome.plan.warnings.forEach { printError("warning: \($0)") } }
            switch output.format {
            case .json: print(try StaffReportJSON(outcome: outcome, outputPath: out).text(), terminator: "")
            case .table: print(outcome.text(outputPath: out))
            }
        }
    }
}
