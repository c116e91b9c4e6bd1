import ArgumentParser
import WFMPlanning

/// `wfm intraday`: the rest of today reforecast from the actuals so far, and re-planned from now on.
struct IntradayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intraday",
        abstract: "Reforecast the rest of today from the actuals so far and re-plan breaks, overtime and call-ins from now on.",
        discussion: """
            Without --roster, the reforecast alone. Exit codes: 0 done, and with a roster every queue meets its service level over the rest of the day after the actions; 2 a queue still misses it; 1 bad input; 64 usage error.

            Examples:
              wfm intraday --config Inputs/demo/center.yaml --forecast Inputs/demo/forecast.csv --actuals Inputs/demo/actuals.csv --now 2026-11-30T10:30
              wfm intraday --config center.yaml --forecast f.csv --roster roster.csv --actuals a.csv --now 2026-11-30T10:30 --absent A017,A042 --overtime-hours 2
              wfm intraday --config center.yaml --forecast f.csv --roster roster.csv --actuals a.csv --now 2026-11-30T10:30 --apply --out roster-today.csv
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "The week's forecast (forecast.csv).") var forecast: String
    @Option(help: "Today's ended intervals (actuals.csv).") var actuals: String
    @Option(help: "The cut-off, YYYY-MM-DDTHH:MM in the center's time zone.") var now: String
    @Option(help: "The published roster (roster.csv); without it, the reforecast alone.") var roster: String?
    @Option(help: "Agents (agents.csv); default: the agents path in center.yaml.") var agents: String?
    @Option(help: "History to learn the adjustment from; default: the history path in center.yaml.") var history: String?
    @Option(help: "Agents not there, comma-separated: A017 for the whole day, A017@13:00 from 13:00 on.") var absent: String?
    @Option(help: "Minutes after --now before which nothing changes.") var lead = 30
    @Option(help: "Overtime any agent may work today, in hours (0: none); default: each contract's overtime in center.yaml.")
    var overtimeHours: Double?
    @Option(help: "What an --overtime-hours hour costs, in paid hours.") var overtimePay = 1.5
    @Flag(help: "Allow calling in agents on a day off.") var callIn = false
    @Option(help: "Replications of the rest of the day to simulate (0: the formula only).") var simulate = 10
    @Option(help: "The simulation's seed.") var seed: UInt64 = 1
    @OptionGroup var previous: PreviousRosterOptions
    @Option(help: "Write the result as JSON (wfm.intraday/1) here.") var json: String?
    @Option(help: "Write the rest-of-day rows as CSV here.") var csv: String?
    @Option(help: "Write the self-contained HTML page here.") var html: String?
    @Flag(help: "Write the roster after the actions to --out.") var apply = false
    @Option(help: "Where --apply writes the changed roster.") var out: String?
    @Flag(help: "Replace output files if they exist.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if apply != (out != nil) { throw ValidationError("--apply and --out go together: --apply --out roster-today.csv") }
        if !(0...IntradayJob.maximumLeadMinutes).contains(lead) { throw ValidationError("--lead takes 0 to \(IntradayJob.maximumLeadMinutes) minutes, got \(lead)") }
        if !(0...1000).contains(simulate) { throw ValidationError("--simulate takes 0 to 1000 replications, got \(simulate)") }
        if let overtimeHours, !(overtimeHours >= 0 && overtimeHours <= 12) { throw ValidationError("--overtime-hours takes 0 to 12 hours") }
        if !(overtimePay >= 1 && overtimePay <= 5) { throw ValidationError("--overtime-pay takes 1 to 5") }
    }

    func run() throws {
        var job = IntradayJob(configPath: config, forecastPath: forecast, actualsPath: actuals, now: now)
        (job.rosterPath, job.agentsPath, job.historyPath, job.leadMinutes, job.callIn) = (roster, agents, history, lead, callIn)
        (job.overtimeHours, job.overtimePayFactor, job.replications, job.seed) = (overtimeHours, overtimePay, simulate, seed)
        job.absent = absent.map { $0.split(separator: ",").map(String.init) } ?? []
        (job.previousPaths, job.jsonPath, job.csvPath, job.htmlPath, job.rosterOutPath, job.overwrite) = (previous.previous, json, csv, html, out, force)
        var exitCode: Int32 = 0
        try reportingFailures {
            let (outcome, written) = try job.run()
            print(output.format == .json ? try IntradayPresenter.json(outcome.result) : IntradayPresenter.text(outcome.result), terminator: "")
            if output.format != .json { written.forEach { print("Wrote \($0)") } }
            exitCode = outcome.result.targetsMet ? 0 : 2
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
