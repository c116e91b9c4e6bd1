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
}
