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
        commandName: "generate", abstract: "Write a standard instance as center.yaml, agents.csv and requirements.csv.",
        discussion: "Example: wfm bench generate --size large-night --out large-night/ && wfm schedule --config large-night/center.yaml --requirements large-night/requirements.csv --out roster.csv")

    @Option(help: "The instance, e.g. large or medium-breaks3.") var size: String
    @Option(help: "The seed (default: 1).") var seed: UInt64 = 1
    @Option(help: "The folder to write.") var out: String
    @Flag(help: "Replace files if they exist.") var force = false

    func run() throws {
        try reportingFailures {
            try BenchGenerateJob(instance: size, seed: seed, outDirectory: out, overwrite: force).run().forEach { print("Wrote \($0)") }
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
    @OptionGroup var limits: SolveLimitOptions

    func run() throws {
        try reportingFailures {
            let record = try BenchSolveJob(instance: instance, configPath: config, requirementsPath: requirements,
                                           timeLimitSeconds: limits.timeLimitSeconds, relativeGap: limits.relativeGap()).run()
            print(try BenchJSON.text(record), terminator: "")
        }
    }
}
