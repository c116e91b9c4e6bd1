import Foundation
import Testing
import _WFMTestSupport

/// The roster depends on the inputs alone, not on how busy the machine is: the same instance
/// scheduled on a quiet machine and beside processes that keep every core busy is the same
/// file, byte for byte, and neither run says the clock stopped anything.
@Suite(.serialized) struct DeterminismTests {
    /// Processes that spin until stopped, one per core.
    final class BusyCores {
        private var processes: [Process] = []

        init() throws {
            for _ in 0..<ProcessInfo.processInfo.activeProcessorCount {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "while :; do :; done"]
                try process.run()
                processes.append(process)
            }
        }

        /// Killed outright: a shell spinning in a builtin loop may not heed SIGTERM.
        deinit {
            processes.forEach { kill($0.processIdentifier, SIGKILL) }
            processes.forEach { $0.waitUntilExit() }
        }
    }

    /// Member 2 of the medium family: three queues, cross-trained agents, both stages at work.
    @Test func theRosterIsTheSameOnAQuietAndABusyMachine() throws {
        try expectTheSameRosterQuietAndBusy(generate: ["--size", "medium", "--family", "2", "--seed", "1"], instance: "family/member-02")
    }

    /// The large instance's seeds 1 to 4 (600 agents, the large-model path and stage 2's
    /// budgets): about two minutes each, so run only when `WFM_LONG_TESTS` is set.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WFM_LONG_TESTS"] != nil, "set WFM_LONG_TESTS=1: minutes per seed"),
          arguments: [1, 2, 3, 4])
    func largeSeedsAreTheSameOnAQuietAndABusyMachine(seed: Int) throws {
        // A limit far above the work, as a user allows for a roster that depends only on its inputs.
        try expectTheSameRosterQuietAndBusy(generate: ["--size", "large", "--seed", "\(seed)"], instance: "family", limit: "300s")
    }

    /// Generates an instance (`wfm bench generate` with `generate`, into `family`), schedules
    /// the one in `instance` (within `limit`) on a quiet machine and beside processes that keep every core busy,
    /// and expects the same roster file, with no run saying the clock stopped anything.
    private func expectTheSameRosterQuietAndBusy(generate: [String], instance: String, limit: String = "60s") throws {
        let folder = try TemporaryDirectory()
        let generated = try runWFM(["bench", "generate"] + generate + ["--out", folder.path("family")])
        #expect(generated.status == 0, "\(generated.error)")
        let member = folder.path(instance)
        let schedule = { (name: String) in
            try runWFM(["schedule", "--config", "\(member)/center.yaml", "--requirements", "\(member)/requirements.csv",
                        "--out", folder.path(name), "--time-limit", limit, "--format", "json", "--quiet"])
        }
        let quiet = try schedule("quiet.csv")
        let busy = try { () throws -> (status: Int32, output: String, error: String) in
            let load = try BusyCores()
            defer { withExtendedLifetime(load) {} }
            return try schedule("busy.csv")
        }()
        #expect(quiet.status == 0 && busy.status == 0, "\(quiet.error)\(busy.error)")
        for run in [quiet, busy] {
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
            #expect(summary["time_limit_reached"] as? Bool == false, "the clock stopped nothing")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("quiet.csv"))) == Data(contentsOf: URL(fileURLWithPath: folder.path("busy.csv"))))
    }

    /// A replan (the demo's cross-training scenario: the group plan's credits for kept shifts
    /// and breaks at work) writes the same roster in two processes, one of them beside busy
    /// cores. Each process hashes dictionaries with a seed of its own, so a model whose columns
    /// followed a dictionary's order would differ here, and its interior point with it.
    @Test func aReplanIsTheSameInEveryProcess() throws {
        let folder = try TemporaryDirectory()
        let replan = { (out: String) in
            try runWFM(["whatif", "--config", "Inputs/demo/center.yaml", "--forecast", "Inputs/demo/forecast.csv",
                        "--roster", "Inputs/demo/roster.csv", "--scenario", "Inputs/demo/scenarios/cross-training.yaml",
                        "--mode", "replan", "--out-dir", folder.path(out)])
        }
        let quiet = try replan("quiet")
        let busy = try { () throws -> (status: Int32, output: String, error: String) in
            let load = try BusyCores()
            defer { withExtendedLifetime(load) {} }
            return try replan("busy")
        }()
        #expect([quiet.status, busy.status].allSatisfy { $0 == 0 || $0 == 2 }, "\(quiet.error)\(busy.error)")
        #expect(!quiet.output.contains("time limit") && !busy.output.contains("time limit"))
        let file = "roster-cross-training-replanned.csv"
        let written = try [folder.path("quiet/\(file)"), folder.path("busy/\(file)")].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(!written[0].isEmpty && written[0] == written[1])
    }
}
