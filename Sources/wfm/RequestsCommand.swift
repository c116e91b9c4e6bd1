import ArgumentParser
import WFMPlanning

/// `wfm requests`: time off, swaps and wishes decided against the published roster's coverage.
struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Decide time-off, swap and shift-wish requests against the published roster's rules and coverage.",
        discussion: """
            Each request, in priority order (1 first), then submission order, is approved when the roster after it keeps every rule and leaves no interval below target that met it (by the report's verdict: formula, or simulation of the request's day with --simulate N), or stays within center.yaml's requests: allowance; approved with a repair on that day (breaks moved, overtime, a call-in) when that restores coverage; otherwise denied, naming the rule or the intervals and service level it would cost. A time off where requests.max_off_per_interval agents are already off by requests is waitlisted. With --out, writes decisions.csv, requests.json (schema wfm.requests/1), roster.csv after the approvals, and its report.

            Examples:
              wfm requests --config Inputs/demo/center.yaml --forecast out/forecast.csv --roster out/roster.csv --requests requests.csv
              wfm requests --config center.yaml --forecast forecast.csv --roster published/v2/roster.csv --requests requests.csv --out decided/
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "The forecast (forecast.csv).") var forecast: String
    @Option(help: "The published roster (roster.csv, or a published version's roster).") var roster: String
    @Option(help: "The requests (requests.csv).") var requests: String
    @Option(help: "The folder for decisions.csv, requests.json, the roster after the approvals and its report.") var out: String?
    @OptionGroup var verdictOptions: VerdictOptions
    @Option(help: "Simulate this many replications of each request's day (1 to 10000): needed for a verdict by simulation.") var simulate: Int?
    @Option(help: "The simulation's seed.") var seed: UInt64 = 1
    @Flag(help: "Replace files in --out if they exist.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let simulate, !(1...ReportJob.maximumReplications).contains(simulate) {
            throw ValidationError("--simulate must be from 1 to \(ReportJob.maximumReplications), got \(simulate)")
        }
    }

    func run() throws {
        try reportingFailures {
            var job = RequestsJob(configPath: config, forecastPath: forecast, rosterPath: roster, requestsPath: requests, outDirectory: out,
                                  overwrite: force)
            job.replications = simulate
            job.seed = seed
            job.verdict = verdictOptions.verdict
            let outcome = try job.run { if !output.quiet { printError($0) } }
            print(output.format == .json ? try outcome.json() : outcome.text(), terminator: "")
        }
    }
}
