import Foundation
import Testing
import WFMCore
import WFMMeasure
import WFMGLPK
@testable import WFMScheduling

/// The cost of a written roster, computed from its shifts alone, on rosters small enough to
/// cost by hand.
@Suite(.serialized) struct RosterCostTests {
    let center = tinyCenter(queues: ["q1", "q2"], templates: [template("t4", paidHours: 4, from: "08:00", to: "08:00")],
                            contract: looseContract(templates: ["t4"]))

    func shift(_ agentID: String, day: Int = 0, breakAt: Int? = nil) -> RosterShift {
        let date = LocalDate("2026-11-30")!.adding(days: day)
        let start = Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + 8 * 3600))
        let breaks = breakAt.map { [RosterBreak(start: start.addingTimeInterval(Double($0 - 8) * 3600),
                                                end: start.addingTimeInterval(Double($0 - 7) * 3600))] } ?? []
        return RosterShift(agentID: agentID, date: date, templateID: "t4", start: start, end: start.addingTimeInterval(4 * 3600),
                           paidMinutes: 240, breaks: breaks)
    }

    /// One agent skilled for both queues (q2 second) works 08–12: 08:00 covers q1, 09:00 q2 (at
    /// the second-skill cost of 0.01 per hour), 10:00 and 11:00 are idle. Cost: 4 paid hours,
    /// 2 idle agent-hours, 0.01 for the second skill; nothing short.
    @Test func aCrossSkilledAgentIsSplitNeverCountedTwice() throws {
        var cross = agent("a", skills: [])
        cross.skills = [Skill(queue: "q1", priority: 1), Skill(queue: "q2", priority: 2)]
        let problem = try ScheduleProblem(center: center, agents: [cross],
                                          requirements: requirements(center, [("q1", 0, 8, 1), ("q2", 0, 9, 1), ("q1", 0, 10, 0.5), ("q2", 0, 10, 0.5)]))
        let cost = RosterMeasure(center: problem.center, agents: problem.agents).cost(of: [shift("a")], requirements: problem.requirements)
        #expect(cost.totalShortfallAgentHours < 1e-9)
        #expect(abs(cost.paidHours - 4) < 1e-9)
        #expect(abs(cost.overstaffingAgentHours - 1) < 1e-9, "08–10 fully used, 10:00 split half and half, 11:00 idle")
        #expect(abs(cost.preferenceCost - 0.015) < 1e-9, "an hour and a half hour on the second skill")
        #expect(abs(cost.objective - (4 + 0 + 1 + 0.015)) < 1e-9)
    }

    /// Two single-skilled agents and a requirement of 3 on q1 at 09:00: one agent-hour short
    /// (at 100), and a break at 09:00 makes it two.
    @Test func shortfallAndBreaksAreCounted() throws {
        let problem = try ScheduleProblem(center: center, agents: [agent("a", skills: ["q1"]), agent("b", skills: ["q1"])],
                                          requirements: requirements(center, [("q1", 0, 9, 3)]))
        let evaluator = RosterMeasure(center: problem.center, agents: problem.agents)
        let working = evaluator.cost(of: [shift("a"), shift("b")], requirements: problem.requirements)
        #expect(abs((working.shortfallAgentHours["q1"] ?? 0) - 1) < 1e-9)
        #expect(abs((working.shortfallAgentHoursByDay["q1"]?[0] ?? 0) - 1) < 1e-9)
        #expect(working.worstShortfalls.map(\.interval) == [9])
        #expect(abs(working.overstaffingAgentHours - 6) < 1e-9, "8 present hours, 2 of them covering")
        #expect(abs(working.objective - (8 + 100 + 6)) < 1e-9)
        let onBreak = evaluator.cost(of: [shift("a", breakAt: 9), shift("b")], requirements: problem.requirements)
        #expect(abs(onBreak.totalShortfallAgentHours - 2) < 1e-9)
    }

    /// On the small standard instance the written roster costs what the proven-optimal plan
    /// does whenever stage 2 keeps the plan's shifts.
    @Test func theWrittenRosterCostsWhatThePlanDid() throws {
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(try ScheduleInstanceGenerator.make(.small), options: ScheduleOptions())
        #expect(!outcome.warnings.contains { [.extraShift, .shiftsDropped].contains($0.code) })
        #expect(abs(outcome.cost.objective - (outcome.groupStage.objective ?? -1)) < 1e-6)
        #expect(outcome.termination == .optimal)
    }
}
