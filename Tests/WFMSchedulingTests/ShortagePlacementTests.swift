import Foundation
import Testing
import WFMCore
import WFMGLPK
import WFMMeasure
@testable import WFMScheduling

/// Where a roster that cannot cover everything leaves its shortage: with the convex penalty,
/// spread thin rather than piled into one interval, and never below a queue's `min_agents`
/// when the team can keep it. Solved with the real GLPK library.
@Suite(.serialized) struct ShortagePlacementTests {
    let scheduler = Scheduler(solver: GLPKSolver())
    let options = ScheduleOptions(timeLimit: .seconds(20), relativeGap: 0)

    /// Four agents for one eight-hour shift on Monday, each with an hour's paid break starting
    /// between 10:00 and 13:00, against four agents needed all day (18 calls an hour at an AHT
    /// of 300 s, 1.5 erlangs: four agents answer about 91% within 20 s, three 78%, two 38%):
    /// every break leaves the queue one agent short.
    func problem(agents: Int = 4, minAgents: Int = 0) throws -> ScheduleProblem {
        let lunch = BreakRule(minutes: 60, earliestOffsetMinutes: 120, latestOffsetMinutes: 300, paid: true)
        var center = tinyCenter(templates: [template("t8", paidHours: 8, from: "08:00", to: "08:00", breaks: [lunch])],
                                contract: looseContract(templates: ["t8"], maxDays: 1))
        center.queues[0].minAgents = minAgents
        var matrix = requirements(center, (8..<16).map { ("q", 0, $0, 4.0) })
        for hour in 8..<16 { matrix.loads[0][hour] = RequirementLoad(calls: 18, ahtSeconds: 300, productiveAgents: 4) }
        return try ScheduleProblem(center: center, agents: (0..<agents).map { agent("a\($0)") }, requirements: matrix)
    }

    @Test func breaksAreSpreadWhenCoverageIsShort() throws {
        let problem = try problem()
        let outcome = try scheduler.schedule(problem, options: options)
        #expect(RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts).isEmpty)
        #expect(outcome.shifts.count == 4)
        let starts = outcome.shifts.flatMap(\.breaks).map { hour($0.start) }
        #expect(Set(starts) == [10, 11, 12, 13], "one agent on break at a time: \(starts)")
        // The same shifts with every break at 10:00 leave as many agent-hours short, and cost more.
        let piled = outcome.shifts.map { shift in
            var shift = shift
            let start = shift.start.addingTimeInterval(2 * 3600)
            shift.breaks = [RosterBreak(start: start, end: start.addingTimeInterval(3600))]
            return shift
        }
        let measure = RosterMeasure(center: problem.center, agents: problem.agents)
        let spread = measure.cost(of: outcome.shifts, requirements: problem.requirements)
        let together = measure.cost(of: piled, requirements: problem.requirements)
        #expect(abs(spread.totalShortfallAgentHours - 4) < 1e-9 && abs(together.totalShortfallAgentHours - 4) < 1e-9)
        #expect(together.shortfallCost > spread.shortfallCost + 1)
    }

    @Test func theFloorHoldsWhenTheTeamCanKeepIt() throws {
        let problem = try problem(minAgents: 3)
        let outcome = try scheduler.schedule(problem, options: options)
        #expect(outcome.cost.belowFloor.isEmpty)
        #expect(!outcome.warnings.contains { $0.code == .belowMinimumAgents })
    }

    @Test func aFloorTheTeamCannotKeepIsNamed() throws {
        let problem = try problem(agents: 2, minAgents: 3)
        let outcome = try scheduler.schedule(problem, options: options)
        #expect(outcome.cost.belowFloor.count == 8, "two agents are fewer than three in every hour")
        let warning = try #require(outcome.warnings.first { $0.code == .belowMinimumAgents })
        #expect(warning.message.contains("queue q: fewer than its min_agents 3 on the phones in 8 interval(s)"), "\(warning.message)")
    }
}
