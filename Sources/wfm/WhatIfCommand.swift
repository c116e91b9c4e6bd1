import ArgumentParser
import WFMPlanning

/// `wfm whatif`: the published roster under peaks, absences and new targets, side by side.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Evaluate the published roster under what-if scenarios, side by side with the baseline.",
        discussion: """
            Keeps the roster (less the agents a scenario makes absent) and measures it against each scenario's forecast and targets, by formula and, with --simulate, by simulation. Exit codes: 0 every target met in every scenario, 2 targets missed somewhere, 1 bad input, 64 usage error.

            Examples:
              wfm whatif --config center.yaml --forecast f.csv --roster r.csv --volume +25% --aht +10% --absent A017,A042,A051@mon
              wfm whatif --config center.yaml --forecast f.csv --roster r.csv --scenario scenarios/monday-peak.yaml --simulate 20
              wfm whatif --config center.yaml --forecast f.csv --roster r.csv --scenario peak.yaml --mode repair
              wfm whatif --config center.yaml --forecast f.csv --roster r.csv --sweep volume=0.8:1.4:0.05
              wfm whatif --config center.yaml --forecast f.csv --roster r.csv --scenario s1.yaml ... --mode replan --shard 2/4 --json whatif.json
              wfm whatif --merge whatif.shard-*.json --json whatif.json
            """)

    @Option(help: "The center description (center.yaml).") var config: String?
    @Option(help: "The forecast (forecast.csv).") var forecast: String?
    @Option(help: "The published roster (roster.csv).") var roster: String?
    @Option(help: "Agents (agents.csv); default: the agents path in center.yaml.") var agents: String?
    @Option(help: "A scenario file; repeat for several.") var scenario: [String] = []
    @Option(help: "Volume change for every queue and interval, e.g. +25%, -10% or x1.3.") var volume: String?
    @Option(help: "Handle-time change, e.g. +10%.") var aht: String?
    @Option(help: "Agents away: ids joined by commas, each all week or @mon / @2026-12-01 (days joined by +).") var absent: String?
    @Option(help: "Sweep one parameter: volume=0.8:1.4:0.05, aht=…, shrinkage=…, absent=0:10") var sweep: String?
    @Option(help: "evaluate (keep the roster), repair (also move breaks, extend shifts into allowed overtime and add shifts on days off where that fixes the shortfall best) or replan (also re-schedule near it).")
    var mode: WhatIfModeArgument = .evaluate
    @OptionGroup var previous: PreviousRosterOptions
    @OptionGroup var verdict: VerdictOptions
    @OptionGroup var limits: SolveLimitOptions
    @Option(help: "What a replan pays per agent-day it changes, in paid hours (default: 8).", transform: number) var changeCost = 8.0
    @Flag(help: "Add each scenario's week-level capacity: FTE required and available, and the cheapest hires.") var capacity = false
    @Option(help: "Also simulate this many weeks per scenario (1 to 10000).") var simulate: Int?
    @Option(help: "The simulation's seed.") var seed: UInt64 = 1
    @Option(help: "Also write the comparison as a self-contained HTML page.") var html: String?
    @Option(help: "Write each repaired or replanned roster to this folder as roster-<scenario>.csv.") var outDir: String?
    @Option(help: "Also write the comparison as JSON (schema wfm.whatif/2); a shard writes NAME.shard-I-of-N.json (default: whatif.shard-I-of-N.json).")
    var json: String?
    @Option(parsing: .upToNextOption, help: "Merge these shards' results (wfm whatif --shard … --json) into the whole run's instead.")
    var merge: [String] = []
    @OptionGroup var sharding: ShardOptions
    @Flag(help: "Replace the HTML file, JSON file and rosters if they exist.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try validateSharding()
        guard changeCost >= 0, changeCost <= 1e6 else { throw ValidationError("--change-cost must be from 0 to 1,000,000, got \(changeCost)") }
        if let simulate, !(1...ReportJob.maximumReplications).contains(simulate) {
            throw ValidationError("--simulate must be from 1 to \(ReportJob.maximumReplications), got \(simulate)")
        }
        // A flag value that does not parse is a usage error (64), as in every other command.
        do {
            _ = try QuickScenario.make(volume: volume, aht: aht, absent: absent)
            _ = try sweep.map(WhatIfSweep.init)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        if !merge.isEmpty { return try runMerge() }
        var exitCode: Int32 = 0
        try reportingFailures {
            var job = WhatIfJob(
                configPath: config!, forecastPath: forecast!, rosterPath: roster!, agentsPath: agents, scenarioPaths: scenario,
                commandLine: try QuickScenario.make(volume: volume, aht: aht, absent: absent), replications: simulate, seed: seed,
                sweep: try sweep.map(WhatIfSweep.init), mode: mode.mode)
            job.timeLimitSeconds = limits.timeLimitSeconds
            job.relativeGap = limits.relativeGap(standard: WhatIfJob.replanGap)
            job.changeCostPerAgentDay = changeCost
            job.capacity = capacity
            job.previousPaths = previous.previous
            job.verdict = verdict.verdict
            job.shard = try sharding.resolve(quiet: output.quiet)
            let quiet = output.quiet
            let outcome = try job.run { if !quiet { printError($0) } }
            if job.shard != nil { return try finishShard(outcome) }
            if let json { try WhatIfJob.write(try outcome.json(), to: json, overwrite: force) }
            if !quiet, output.format == .table { outcome.warnings.forEach { printError("warning: \($0)") } }
            if let html { try WhatIfJob.write(outcome.html(), to: html, overwrite: force) }
            let rosters = try outDir.map { try outcome.writeChangedRosters(to: $0, overwrite: force) } ?? []
            print(output.format == .json ? try outcome.json() : outcome.text(), terminator: "")
            if output.format == .table {
                for path in (html.map { [$0] } ?? []) + (json.map { [$0] } ?? []) + rosters { print("Wrote \(path)") }
                if let outDir, rosters.isEmpty { print("No roster was changed (mode \(mode.mode.rawValue)): nothing written to \(outDir)") }
            }
            exitCode = outcome.exitCode
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
