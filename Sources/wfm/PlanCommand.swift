import ArgumentParser
import WFMPlanning

/// `wfm plan`: forecast, staff, schedule and report in one go.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Run the whole pipeline: forecast, staffing, roster and report (with simulation and HTML), into one folder.",
        discussion: """
            Forecasts the week from the history center.yaml names, staffs it, schedules the agents and reports on the roster; every intermediate file goes to --out. Exit codes: 0 every target met; 2 everything written but targets missed; 1 a stage failed; 64 usage error.

            Examples:
              wfm plan Inputs/demo/center.yaml --out out/
              wfm plan center.yaml --out plan/ --simulate 100 --time-limit 2m --force
              wfm plan week2/center.yaml --out week2/ --previous week1/roster.csv
              wfm plan center.yaml --out month/ --weeks 4                        (one roster, report and calendar for 4 weeks)
              wfm plan center.yaml --out plan/ --format json --quiet
              wfm plan --centers centers.txt --out plans/                     (one folder per center, summary.json)
              wfm plan --centers centers.txt --out plans/ --shard 2/4         (then: wfm plan --merge plans/)
            """)

    @Argument(help: "The center description (default: center.yaml).") var config: String?
    @Option(help: "The folder for every file.") var out = "out"
    @OptionGroup var previous: PreviousRosterOptions
    @OptionGroup var verdict: VerdictOptions
    @OptionGroup var limits: SolveLimitOptions
    @OptionGroup var horizon: HorizonOptions
    @Option(help: "Weeks to simulate in the report, 0 for the formula only.") var simulate = 30
    @Option(help: "The simulation's seed.") var seed: UInt64 = 1
    @Option(help: "Also write one iCalendar file per agent into this folder.") var ics: String?
    @Flag(help: "Replace output files if they exist.") var force = false
    @Option(help: "Output format: table (for people) or json (for machines, schema wfm.plan/1).") var format: OutputFormat = .table
    @Flag(help: "Print no progress on standard error.") var quiet = false
    @Option(help: "Plan every center of this list (one center.yaml per line) instead, each into a folder of --out.") var centers: String?
    @Option(help: "Merge the shards' summaries in this folder into summary.json and summary.csv.") var merge: String?
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        guard (0...ReportJob.maximumReplications).contains(simulate) else {
            throw ValidationError("--simulate must be from 0 to \(ReportJob.maximumReplications), got \(simulate)")
        }
        try validateCenters()
    }

    func run() throws {
        if centers != nil || merge != nil { return try runCenters() }
        var job = PlanJob(configPath: config ?? "center.yaml", outDirectory: out, timeLimitSeconds: limits.timeLimitSeconds(weeks: horizon.weeks), relativeGap: limits.relativeGap(),
                          replications: simulate, seed: seed, icsDirectory: ics, overwrite: force)
        job.previousPaths = previous.previous
        job.verdict = verdict.verdict
        job.weeks = horizon.weeks
        var exitCode: Int32 = 0
        try reportingFailures {
            let outcome = try job.run { if !quiet { printError($0) } }
            if !quiet, format == .table { outcome.warningLines.forEach { printError("warning: \($0)") } }
            print(format == .json ? try outcome.json() : outcome.text(), terminator: "")
            exitCode = outcome.exitCode
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
