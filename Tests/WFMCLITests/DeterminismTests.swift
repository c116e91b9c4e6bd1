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
        let folder = try TemporaryDirectory()
        let generated = try runWFM(["bench", "generate", "--size", "medium", "--family", "2", "--seed", "1", "--out", folder.path("family")])
        #expect(generated.status == 0, "\(generated.error)")
        let member = folder.path("family/member-02")
        let schedule = { (name: String) in
            try runWFM(["schedule", "--config", "\(member)/center.yaml", "--requirements", "\(member)/requirements.csv",
                        "--out", folder.path(name), "--format", "json", "--quiet"])
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
}
