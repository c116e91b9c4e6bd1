import Foundation
import Testing
import _WFMTestSupport

/// Runs the real `wfm` binary and returns its exit status, standard output and standard error.
/// Both streams go to files rather than pipes, so that no amount of output can block the
/// process while it is waited for.
func runWFM(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
    try WFMProcess(arguments, environment: environment).finish()
}

/// A `wfm` process started and not yet waited for, so that several can run at once (shards).
/// It inherits the test's environment less the shard variables, plus `environment`.
final class WFMProcess {
    private let process = Process()
    private let streams: TemporaryDirectory
    private let outputPath: String, errorPath: String
    private let output: FileHandle, error: FileHandle

    /// The variables from which wfm takes a shard index: never inherited from the test's own run.
    static let shardVariables = ["JOB_COMPLETION_INDEX", "WFM_SHARDS", "AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE",
                                 "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP", "SLURM_ARRAY_TASK_COUNT"]

    /// Starts `wfm arguments` in the project's folder.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [products, Bundle.main.bundleURL, products.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("wfm") }
        let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        streams = try TemporaryDirectory()
        outputPath = try streams.write("stdout", "")
        errorPath = try streams.write("stderr", "")
        output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        error = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = projectRoot
        var inherited = ProcessInfo.processInfo.environment
        for name in Self.shardVariables { inherited[name] = nil }
        process.environment = inherited.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the process; its exit status, standard output and standard error.
    func finish() throws -> (status: Int32, output: String, error: String) {
        process.waitUntilExit()
        try? output.close()
        try? error.close()
        return (process.terminationStatus, try String(contentsOfFile: outputPath, encoding: .utf8), try String(contentsOfFile: errorPath, encoding: .utf8))
    }
}

@Suite(.serialized) struct ErlangCommandTests {
    @Test func thousandCallsAnHour() throws {
        let plain = try runWFM(["erlang", "--calls", "1000", "--interval", "1h", "--aht", "120s", "--sl", "80/20"])
        #expect(plain.status == 0)
        #expect(plain.output.contains("Productive agents: 38 (binding target: service_level)"))
        let capped = try runWFM(["erlang", "--calls", "1000", "--interval", "1h", "--aht", "120s", "--sl", "80/20", "--max-occupancy", "0.85"])
        #expect(capped.output.contains("Productive agents: 40 (binding target: occupancy)"))
    }

    /// `80/20` and `80%/20s` are one target, and every answer says how it was understood;
    /// `0.8/20` is refused rather than read as 0.8%.
    @Test func theTargetsUnderstoodAreEchoed() throws {
        let plain = try runWFM(["erlang", "--calls", "120", "--interval", "15m", "--aht", "300s", "--sl", "80/20"])
        let marked = try runWFM(["erlang", "--calls", "120", "--interval", "15m", "--aht", "5m", "--sl", "80%/20s"])
        #expect(plain.output.contains("Targets: 80% answered within 20 s\n"))
        #expect(plain.output.contains("Productive agents: 46") && marked.output.contains("Productive agents: 46"))
        let capped = try runWFM(["erlang", "--calls", "120", "--interval", "15m", "--aht", "300s", "--sl", "80/20", "--max-occupancy", "85%"])
        #expect(capped.output.contains("Targets: 80% answered within 20 s, occupancy ≤ 85.0%"))
        #expect(capped.output.contains("Productive agents: 48 (binding target: occupancy)"), "40 erlangs need 48 agents to stay at 85%")
        let fraction = try runWFM(["erlang", "--calls", "120", "--interval", "15m", "--aht", "300s", "--sl", "0.8/20"])
        #expect(fraction.status == 64)
        #expect(fraction.error.contains("did you mean 80/20?"))
        let staffed = try runWFM(["staff", "--config", "Inputs/small/center.yaml", "--forecast", "Inputs/small/forecast.csv",
                                  "--out", try TemporaryDirectory().path("req.csv")])
        #expect(staffed.output.hasPrefix("Targets: support: 80% answered within 20 s\n"))
    }

    @Test func erlangAAsJSON() throws {
        let result = try runWFM(["erlang", "--calls", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20", "--patience", "5m", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["agents_productive"] as? Int == 13)
        #expect(json["model"] as? String == "Erlang A")
        let performance = try #require(json["performance"] as? [String: Any])
        #expect(abs((performance["service_level"] as? Double ?? 0) - 0.85818) < 5e-6)
    }

    @Test func hugeLoadAnswersExactly() throws {
        let result = try runWFM(["erlang", "--calls", "50000", "--interval", "30m", "--aht", "300s", "--sl", "80/20", "--format", "json"])
        #expect(result.status == 0)
        #expect(!result.output.lowercased().contains("nan"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let agents = try #require(json["agents_productive"] as? Int)
        #expect(agents > 8334 && agents < 8400)
    }

    @Test(arguments: [
        ["erlang", "--calls", "10", "--interval", "15", "--aht", "300s", "--sl", "80/20"],
        ["erlang", "--calls", "10", "--interval", "15m", "--aht", "300s", "--sl", "120/20"],
        ["erlang", "--calls", "-1", "--interval", "15m", "--aht", "300s", "--sl", "80/20"],
        ["frobnicate"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let result = try runWFM(arguments)
        #expect(result.status == 64, "\(result.error)")
    }
}

@Suite(.serialized) struct StaffCommandTests {
    let demo = "Inputs/demo"

    @Test func staffsTheDemoDeterministically() throws {
        let folder = try TemporaryDirectory()
        let first = try runWFM(["staff", "--config", "\(demo)/center.yaml", "--forecast", "\(demo)/forecast.csv", "--out", folder.path("a.csv")])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Wrote 984 rows"))
        _ = try runWFM(["staff", "--config", "\(demo)/center.yaml", "--forecast", "\(demo)/forecast.csv", "--out", folder.path("b.csv"), "--quiet"])
        let a = try String(contentsOfFile: folder.path("a.csv"), encoding: .utf8)
        let b = try String(contentsOfFile: folder.path("b.csv"), encoding: .utf8)
        #expect(a == b)
        #expect(a.hasPrefix("interval_start,queue,calls,aht_seconds,erlangs,agents_productive,agents_scheduled,service_level,asa_seconds,occupancy,abandon_rate,binding\n"))
        #expect(a.split(separator: "\n").count == 985)
    }

    @Test func badForecastExitsOneAndWritesNothing() throws {
        let folder = try TemporaryDirectory()
        let forecast = try folder.write("forecast.csv", "interval_start,queue,calls,aht_seconds\n2026-11-30T09:00,billing,ten,300\n2026-11-30T09:00,support,1,300\n")
        let result = try runWFM(["staff", "--config", "\(demo)/center.yaml", "--forecast", forecast, "--out", folder.path("req.csv")])
        #expect(result.status == 1)
        #expect(result.error.contains("forecast.csv:2: calls: 'ten' is not a number"))
        #expect(result.error.contains("forecast.csv:3: queue: unknown queue 'support'"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("req.csv")))
    }

    @Test func existingOutputIsKeptWithoutForce() throws {
        let folder = try TemporaryDirectory()
        let existing = try folder.write("req.csv", "mine\n")
        let refused = try runWFM(["staff", "--config", "\(demo)/center.yaml", "--forecast", "\(demo)/forecast.csv", "--out", existing])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "mine\n")
        let forced = try runWFM(["staff", "--config", "\(demo)/center.yaml", "--forecast", "\(demo)/forecast.csv", "--out", existing, "--force", "--format", "json"])
        #expect(forced.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(forced.output.utf8)) as? [String: Any])
        #expect(json["rows"] as? Int == 984)
    }
}
