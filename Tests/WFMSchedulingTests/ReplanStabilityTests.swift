import Foundation
import Testing
import WFMCore
import WFMGLPK
import WFMIO
@testable import WFMScheduling

/// A replan stays near the published roster: given a roster as good as its own, the scheduler
/// hands each agent their published shifts back.
@Suite(.serialized) struct ReplanStabilityTests {
    @Test func agentsKeepTheirPublishedWeekWhenItCostsNothing() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let center = try CenterReader.read(path: root.appendingPathComponent("Inputs/small/center.yaml").path)
        let agents = try AgentsReader.read(path: center.agentsPath!, center: center)
        let requirements = try RequirementsReader.read(path: root.appendingPathComponent("Inputs/small/requirements.csv").path, center: center,
                                                       grid: center.timeGrid)
        var problem = try ScheduleProblem(center: center, agents: agents, requirements: requirements)
        let fresh = try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions()).shifts
        // Two agents with no absences or wishes and different weeks swap them: the same roster
        // for the center, other weeks for the two.
        let starts = { (agent: String) in Set(fresh.filter { $0.agentID == agent }.map(\.start)) }
        let free = ["S01", "S04", "S05", "S06"]
        let pair = try #require(free.flatMap { a in free.map { (a, $0) } }.first { $0.0 < $0.1 && starts($0.0) != starts($0.1) },
                                "two agents with different weeks")
        let swapped = fresh.map { shift -> RosterShift in
            var shift = shift
            shift.agentID = shift.agentID == pair.0 ? pair.1 : shift.agentID == pair.1 ? pair.0 : shift.agentID
            return shift
        }
        problem.published = swapped
        let replanned = try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions()).shifts
        let week = { (roster: [RosterShift], agent: String) in Set(roster.filter { $0.agentID == agent }.map { "\($0.templateID)@\($0.start)" }) }
        for agent in [pair.0, pair.1] { #expect(week(replanned, agent) == week(swapped, agent), "\(agent) keeps the published week") }
    }

    /// Three agents on one eight-hour Monday shift, each with an hour's break that may start
    /// from 09:00 to 14:00, against three agents needed all day: every break leaves the queue
    /// one agent short wherever it is, so a roster is as good with the breaks anywhere. The
    /// published roster has them at 10:00, 12:00 and 13:00; a replan keeps each where it was
    /// (the group plan's credit for kept breaks), and the plan's objective is the roster's cost
    /// (every credit earned, so nothing is counted as changed).
    @Test func aReplanKeepsPublishedBreaksThatCostNothing() throws {
        let lunch = BreakRule(minutes: 60, earliestOffsetMinutes: 60, latestOffsetMinutes: 360, paid: true)
        let center = tinyCenter(templates: [template("t8", paidHours: 8, from: "08:00", to: "08:00", breaks: [lunch])],
                                contract: looseContract(templates: ["t8"], maxDays: 1))
        let agents = ["a0", "a1", "a2"].map { agent($0) }
        var problem = try ScheduleProblem(center: center, agents: agents, requirements: requirements(center, (8..<16).map { ("q", 0, $0, 3.0) }))
        let monday = try #require(center.timeGrid.intervals.first { $0.dayOffset == 0 && $0.local.minuteOfDay == 8 * 60 }).start
        let publishedHours = ["a0": 12, "a1": 10, "a2": 13]
        problem.published = agents.map { agent in
            let lunchStart = monday.addingTimeInterval(Double(publishedHours[agent.id]! - 8) * 3600)
            return RosterShift(agentID: agent.id, date: LocalDate("2026-11-30")!, templateID: "t8", start: monday,
                               end: monday.addingTimeInterval(8 * 3600), paidMinutes: 480,
                               breaks: [RosterBreak(start: lunchStart, end: lunchStart.addingTimeInterval(3600))])
        }
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions(timeLimit: .seconds(20), relativeGap: 0))
        #expect(RosterRuleChecker(center: center, agents: agents).violations(in: outcome.shifts).isEmpty)
        let kept = Dictionary(uniqueKeysWithValues: outcome.shifts.map { ($0.agentID, $0.breaks.map { hour($0.start) }) })
        #expect(kept == publishedHours.mapValues { [$0] }, "\(kept)")
        let planned = try #require(outcome.groupStage.objective)
        #expect(abs(planned - outcome.cost.objective) < 1e-6, "\(planned) against \(outcome.cost.objective)")
    }
}
