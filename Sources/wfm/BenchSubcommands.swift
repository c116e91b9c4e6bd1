import ArgumentParser
import Foundation
import WFMPlanning

/// `wfm bench compare`.
struct BenchCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare results with a baseline; exit 2 when a gate fails.",
        discussion: """
            Gates per instance of the baseline: it was run; no rule is broken; the objective rose by at most --max-objective-loss and the gap by as much; the median wall time rose by at most --max-slowdown (or by under a quarter second). Exit codes: 0 every gate passes, 2 a gate fails, 1 unreadable files.

            Example: wfm bench compare --baseline base.json --current results.json --max-slowdown 25% --max-objective-loss 0.5%
            """)

    @Option(help: "The baseline results (wfm bench run --json).") var baseline: String
    @Option(help: "The results to check.") var current: String
    @Option(help: "Largest accepted slowdown of the median wall time (default: 25%).", transform: ShareArgument.parse)
    var maxSlowdown = ShareArgument(fraction: 0.25)
    @Option(help: "Largest accepted rise of the objective, and of the gap (default: 0.5%).", transform: ShareArgument.parse)
    var maxObjectiveLoss = ShareArgument(fraction: 0.005)

    func run() throws {
        var failed = false
        try reportingFailures {
            let gates = BenchGates(maxSlowdown: maxSlowdown.fraction, maxObjectiveLoss: maxObjectiveLoss.fraction)
            let checks = BenchComparison.checks(baseline: try BenchJSON.results(path: baseline), current: try BenchJSON.results(path: current),
                                                gates: gates)
            print(BenchPresenter.text(checks), terminator: "")
            failed = checks.contains { !$0.passed }
        }
        if failed { throw ExitCode(2) }
    }
}

/// `wfm bench generate`.
struct BenchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write a standard instance, or a family of instances around one, as center.yaml, agents.csv and requirements.csv.",
        discussion: """
            With --family N, writes members 1 to N of the family around the instance (a standard size, or --config with --requirements), each in a folder member-01 … of --out: later weeks of the calendar, demand scaled and mixed per queue, interval noise, absences moved, a few agents on another contract; --seed then seeds the family.

            Examples:
              wfm bench generate --size large-night --out large-night/ && wfm schedule --config large-night/center.yaml --requirements large-night/requirements.csv --out roster.csv
              wfm bench generate --size medium --family 20 --seed 7 --out medium-family/
              wfm bench generate --config center.yaml --requirements requirements.csv --family 10 --out my-family/
              wfm bench generate --centers 20 --size small,medium --out centers/   (then: wfm plan --centers centers/centers.txt --out plans/)
            """)

    @Option(help: "The instance, e.g. large or medium-breaks3.") var size: String?
    @Option(help: "A user's instance instead: its center.yaml (with --requirements).") var config: String?
    @Option(help: "The user instance's requirements.csv.") var requirements: String?
    @Option(help: "Write members 1 to N of the instance's family instead.") var family: Int?
    @Option(help: "Write N centers with call history instead, for wfm plan --centers: standard instances of the sizes --size lists (default: small,medium), each with six weeks of history, and centers.txt.")
    var centers: Int?
    @Option(help: "The seed (default: 1); with --family, the family's.") var seed: UInt64 = 1
    @Option(help: "The folder to write.") var out: String
    @Flag(help: "Replace files if they exist.") var force = false

    func validate() throws {
        if let centers {
            guard config == nil, family == nil else { throw ValidationError("--centers writes standard instances: it does not go with --config or --family") }
            guard (1...CenterSetGenerator.maximumCenters).contains(centers) else {
                throw ValidationError("--centers must be from 1 to \(CenterSetGenerator.maximumCenters), got \(centers)")
            }
            return
        }
        guard (size == nil) != (config == nil) else { throw ValidationError("name either --size or --config (with --requirements)") }
        guard (config == nil) == (requirements == nil) else { throw ValidationError("--config and --requirements go together") }
        if let family, !(1...1000).contains(family) { throw ValidationError("--family must be from 1 to 1000, got \(family)") }
    }

    func run() throws {
        try reportingFailures {
            if let centers {
                let sizes = (size ?? "small,medium").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                let files = try CenterSetGenerator(centers: centers, sizes: sizes, seed: seed, outDirectory: out, overwrite: force).run()
                print("Wrote \(centers) centers (center.yaml, agents.csv, history.csv each) and \(files.last ?? "")")
                return
            }
            var job = BenchGenerateJob(instance: size ?? "", seed: seed, outDirectory: out, overwrite: force)
            job.userInstance = config.map { ($0, requirements!) }
            job.familyMembers = family
            try job.run().forEach { print("Wrote \($0)") }
        }
    }
}

/// `wfm bench export`.
struct BenchExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an instance's group model as MPS or LP, to solve it with another solver.",
        discussion: "Example: wfm bench export --size large --out large.mps  (then scripts/highs-check.py large.mps --results results.json)")

    @Option(help: "The instance, e.g. large.") var size: String
    @Option(help: "The model file, .mps or .lp.") var out: String
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() throws {
        try reportingFailures {
            let size = try BenchExportJob(instance: self.size, outputPath: out, overwrite: force).run()
            print("Wrote \(out) (\(size))")
        }
    }
}

/// `wfm bench solve`: one measured solve, for `wfm bench run`; prints its record as JSON.
struct BenchSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: "One measured solve (used by bench run).",
                                                    shouldDisplay: false)

    @Option var instance: String?
    @Option var config: String?
    @Option var requirements: String?
    @Option var familySeed: UInt64?
    @Option var member: Int?
    @Option var weeks = 1
    @OptionGroup var limits: SolveLimitOptions

    func run() throws {
        try reportingFailures {
            var job = BenchSolveJob(instance: instance, configPath: config, requirementsPath: requirements,
                                    timeLimitSeconds: limits.timeLimitSeconds, relativeGap: limits.relativeGap())
            if let familySeed, let member { job.familyMember = (familySeed, member) }
            job.weeks = weeks
            let record = try job.run()
            print(try BenchJSON.text(record), terminator: "")
        }
    }
}

/// `wfm bench merge`.
struct BenchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Combine the results of a sharded bench run into the results of the whole run.",
        discussion: """
            Each shard of `wfm bench run --shard I/N --json results.json` writes results.shard-I-of-N.json; merge checks that every shard is there once, of one run, and writes what the unsharded run would (every figure but the timings the same).

            Example: wfm bench merge results.shard-*.json --json results.json
            """)

    @Argument(help: "The shards' result files.") var files: [String]
    @Option(help: "Write the merged results as JSON (schema wfm.bench/1).") var json: String?
    @Flag(help: "Replace the JSON file if it exists.") var force = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let results = try BenchMerge(paths: files, outputPath: json, overwrite: force).run()
            print(output.format == .json ? try BenchJSON.text(results) : BenchPresenter.text(results), terminator: "")
            if let json, output.format == .table { print("Wrote \(json)") }
        }
    }
}
