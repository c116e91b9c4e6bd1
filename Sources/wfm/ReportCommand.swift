import ArgumentParser
import WFMPlanning

/// `wfm report`: any roster measured against the service level and utilization targets.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Check a roster against the service level and utilization targets, by formula and by simulation.",
        discussion: """
            Works on any roster.csv, including one edited by hand; a roster that breaks a rule is reported, not refused. Exit codes: 0 every target met in every interval; 2 report written but targets missed; 1 bad input; 64 usage error.

            Examples:
              wfm report --config center.yaml --forecast forecast.csv --roster roster.csv
              wfm report --config center.yaml --forecast f.csv --roster r.csv --simulate 30 --out-dir report/
              wfm report --config center.yaml --forecast f.csv --roster r.csv --html report.html --ics calendars/
              wfm report --config center.yaml --forecast f-4weeks.csv --roster r-4weeks.csv --weeks 4 --out-dir report/
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "The forecast (forecast.csv).") var forecast: String
    @Option(help: "The roster to check (roster.csv).") var roster: String
    @Option(help: "Agents (agents.csv); default: the agents path in center.yaml.") var agents: String?
    @Option(help: "First day of the week (YYYY-MM-DD); default: week_start in center.yaml.") var week: String?
    @OptionGroup var horizon: HorizonOptions
    @OptionGroup var previous: PreviousRosterOptions
    @OptionGroup var verdict: VerdictOptions
    @Option(help: "Also simulate this many weeks (1 to 10000) and report 95% confidence intervals.") var simulate: Int?
    @Option(help: "The simulation's seed.") var seed: UInt64 = 1
    @Option(help: "Output format: table, json or csv (per queue and interval).") var format: ReportFormat = .table
    @Option(help: "Write the self-contained HTML report here.") var html: String?
    @Option(help: "Write report.json, report-intervals.csv, report-periods.csv, agent-schedule.csv and report.html here.")
    var outDir: String?
    @Option(help: "Write one iCalendar file per agent into this folder.") var ics: String?
    @Flag(help: "Replace output files if they exist.") var force = false
    @Flag(help: "Print no progress on standard error.") var quiet = false

    func validate() throws {
        if let week, !CommandVocabulary.isDate(week) { throw ValidationError("--week must be a date YYYY-MM-DD, got '\(week)'") }
        if let simulate, !(1...ReportJob.maximumReplications).contains(simulate) {
            throw ValidationError("--simulate must be from 1 to \(ReportJob.maximumReplications) replications, got \(simulate)")
        }
    }

    func run() throws {
        var job = ReportJob(configPath: config, forecastPath: forecast, rosterPath: roster, agentsPath: agents, week: week,
                            replications: simulate, seed: seed, htmlPath: html, outDirectory: outDir, icsDirectory: ics, overwrite: force)
        job.previousPaths = previous.previous
        job.verdict = verdict.verdict
        job.weeks = horizon.weeks
        var exitCode: Int32 = 0
        try reportingFailures {
            let outcome = try job.run { if !quiet { printError($0) } }
            if !quiet { outcome.warnings.forEach { printError("warning: \($0)") } }
            switch format {
            case .table:
                print(outcome.text(), terminator: "")
                outcome.written.forEach { print("Wrote \($0)") }
            case .json: print(try outcome.json(), terminator: "")
            case .csv: print(outcome.csv(), terminator: "")
            }
            exitCode = outcome.exitCode
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
