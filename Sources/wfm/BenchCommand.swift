import ArgumentParser
import Foundation
import WFMPlanning

/// `wfm bench`: standard instances, timed solves, baselines and regression gates.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the scheduler on standard instances: generate, run, compare against a baseline, export.",
        discussion: """
            Instances: tiny, small, medium, large, xlarge, each also with -breaks3 (three breaks per full-time shift), -night (night shifts across midnight) or -30min (a 30-minute plan), e.g. large-breaks3.

            Examples:
              wfm bench run --sizes small,medium --repeat 3 --json results.json
              wfm bench compare --baseline base.json --current results.json --max-slowdown 25%
              wfm bench generate --size large --out large/
              wfm bench export --size large --out large.mps
              wfm bench run --sizes small,medium,large --shard 1/3 --json results.json   (then: wfm bench merge results.shard-*.json --json results.json)
            """,
        subcommands: [BenchRunCommand.self, BenchCompareCommand.self, BenchGenerateCommand.self, BenchExportCommand.self,
                      BenchMergeCommand.self, BenchSolveCommand.self])
}

/// `wfm bench run`.
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Solve instances, each run in a process of its own, and report time, memory and quality.",
        discussion: """
            Examples:
              wfm bench run --sizes small,medium --repeat 3 --time-limit 60s --json results.json
              wfm bench run --sizes large --weeks 2 --time-limit 5m        (the multi-week instance large-2w)
            """)

    @Option(help: "Instances, comma-separated.") var sizes = BenchInstances.defaultNames.joined(separator: ",")
    @Option(help: "Also a user instance: its center.yaml (with --requirements).") var config: String?
    @Option(help: "The user instance's requirements.csv.") var requirements: String?
    @Option(name: .customLong("repeat"), help: "Runs per instance.") var repetitions = 1
    @OptionGroup var limits: SolveLimitOptions
    @Option(help: "Run members 1 to N of each instance's family instead, and report their distribution.") var family: Int?
    @Option(help: "The family's seed.") var seed: UInt64 = 1
    @Option(help: "Plan each instance over this many weeks (1 to 6) as one horizon, its week repeated; results name it NAME-Nw.") var weeks = 1
    @Option(help: "Write the results as JSON (schema wfm.bench/1); a shard writes NAME.shard-I-of-N.json (default: results.shard-I-of-N.json).")
    var json: String?
    @Flag(help: "Replace the JSON file if it exists.") var force = false
    @OptionGroup var sharding: ShardOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...100).contains(repetitions) else { throw ValidationError("--repeat must be from 1 to 100, got \(repetitions)") }
        guard (config == nil) == (requirements == nil) else { throw ValidationError("--config and --requirements go together") }
        if let family, !(1...1000).contains(family) { throw ValidationError("--family must be from 1 to 1000, got \(family)") }
        guard (1...6).contains(weeks) else { throw ValidationError("--weeks must be 1 to 6, got \(weeks)") }
    }

    func run() throws {
        let names = sizes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let job = BenchRunJob(
            executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0], instances: names,
            userInstance: config.map { ($0, requirements!) }, repetitions: repetitions, timeLimitSeconds: limits.timeLimitSeconds,
            relativeGap: limits.relativeGap(), family: family.map { BenchFamily(members: $0, seed: seed) }, jsonPath: json,
            overwrite: force)
        try reportingFailures {
            var job = job
            job.weeks = weeks
            job.shard = try sharding.resolve(quiet: output.quiet)
            let results = try job.run { if !output.quiet { printError($0) } }
            print(output.format == .json ? try BenchJSON.text(results) : BenchPresenter.text(results), terminator: "")
            let written = job.shard.map { BenchRunJob.shardPath(json ?? "results.json", $0) } ?? json
            if let written, output.format == .table { print("Wrote \(written)") }
        }
    }
}
