import Foundation
import Testing
import WFMPlanning
import _WFMTestSupport

/// The schedule job on the small fixture: the summary describes the roster in the file, and a
/// roster that broke a rule would go beside the requested name, never under it.
@Suite(.serialized) struct ScheduleJobTests {
    let small = projectRoot.appendingPathComponent("Inputs/small").path

    @Test func aRuleBreakingRosterGoesBesideTheRequestedName() {
        #expect(ScheduleJob.rejectedPath(for: "out/roster.csv") == "out/roster.rejected.csv")
        #expect(ScheduleJob.rejectedPath(for: "/tmp/x/week 49.csv") == "/tmp/x/week 49.rejected.csv")
        #expect(ScheduleJob.rejectedPath(for: "roster") == "roster.rejected.csv")
    }

    @Test func theSummaryIsThatOfTheWrittenRoster() throws {
        let folder = try TemporaryDirectory()
        let job = ScheduleJob(configPath: "\(small)/center.yaml", requirementsPath: "\(small)/requirements.csv", agentsPath: nil,
                              outputPath: folder.path("roster.csv"), exportModelPath: nil, timeLimitSeconds: 60, relativeGap: 0.005,
                              overwrite: false)
        let outcome = try job.run()
        #expect(outcome.violations.isEmpty)
        #expect(outcome.writtenPath == folder.path("roster.csv"))
        let written = try String(contentsOfFile: outcome.writtenPath, encoding: .utf8)
        let rows = written.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let paidMinutes: Double = rows.map { Double(String($0[5])) ?? 0 }.reduce(0, +)
        #expect(abs(outcome.weeks[0].schedule.cost.paidHours - paidMinutes / 60) < 1e-9, "paid hours are those of the file's rows")
        #expect(abs(outcome.weeks[0].schedule.cost.objective - (outcome.weeks[0].schedule.groupStage.objective ?? -1)) < 1e-6,
                "stage 2 kept the plan here, so the roster costs what the plan did")
    }

    @Test func aTimeLimitOutOfRangeIsRefused() {
        let job = ScheduleJob(configPath: "\(small)/center.yaml", requirementsPath: "\(small)/requirements.csv", agentsPath: nil,
                              outputPath: "/nonexistent/roster.csv", exportModelPath: nil, timeLimitSeconds: 1e20, relativeGap: 0.005,
                              overwrite: false)
        #expect(throws: PlanningError("the time limit must be from 1 s to a day, got 1e+20 s")) { try job.run() }
    }
}
