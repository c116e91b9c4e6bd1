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
              wfm staff --config center.yaml --forecast forecast.csv --risk 0.9 --out req.csv
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "The forecast (forecast.csv).") var forecast: String
    @Option(help: "Where to write requirements.csv.") var out: String
    @Option(help: "First day of the week to staff (YYYY-MM-DD); default: week_start in center.yaml.") var week: String?
    @OptionGroup var horizon: HorizonOptions
    @Option(help: "Staff each interval for this quantile of its forecast calls, so its targets are met with this probability (0.5 to 0.99; needs the forecast's calls_pNN columns). Default: staffing.percentile in center.yaml, else the point forecast.")
    var risk: Double?
    @Flag(help: "Replace the output file if it exists.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let week, !CommandVocabulary.isDate(week) { throw ValidationError("--week must be a date YYYY-MM-DD, got '\(week)'") }
        if let risk, !(0.5...0.99).contains(risk) { throw ValidationError("--risk must be a probability from 0.5 to 0.99, got \(risk)") }
    }

    func run() throws {
        try reportingFailures {
            var job = StaffJob(configPath: config, forecastPath: forecast, outputPath: out, overwrite: force, week: week)
            job.percentile = risk
            job.weeks = horizon.weeks
            let outcomes = try job.run()
            if !output.quiet { outcomes.flatMap(\.plan.warnings).forEach { printError("warning: \($0)") } }
            switch output.format {
            case .json: print(try StaffReportJSON(outcomes: outcomes, outputPath: out).text(), terminator: "")
            case .table: print(StaffJob.Outcome.text(outcomes, outputPath: out))
            }
        }
    }
}
