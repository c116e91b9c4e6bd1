import Foundation
import Testing
import WFMCore
import WFMGLPK
import WFMMeasure
@testable import WFMScheduling

/// Fairness over weeks (`fairness:` prices, `--previous`): the measure's spreads, Gini and
/// group-level cost by hand, and the scheduler moving a weekend to the group that carried
/// fewer before (real GLPK), its cost equal to the model's.
@Suite(.serialized) struct FairnessOverWeeksTests {
    let weekStart = LocalDate("2026-11-30")!
    let utc = TimeZone(identifier: "UTC")!

    /// One contract, two groups: a1, a2 skilled for q; b1, b2 for q and r (r never needed).
    func center(weekendPrice: Double) -> Center {
        var center = tinyCenter(queues: ["q", "r"], templates: [template("t4", paidHours: 4, from: "08:00", to: "08:00")],
                                contract: looseContract(templates: ["t4"]))
        center.fairness = Fairness(prices: weekendPrice > 0 ? [.weekendDay: weekendPrice] : [:])
        return center
    }

    let agents = [agent("a1"), agent("a2"), agent("b1", skills: ["q", "r"]), agent("b2", skills: ["q", "r"])]

    func saturday(_ id: String, weeksBack: Int = 0) -> RosterShift {
        let date = weekStart.adding(days: 5 - 7 * weeksBack)
        let begin = Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + 8 * 3600))
        return RosterShift(agentID: id, date: date, templateID: "t4", start: begin, end: begin.addingTimeInterval(4 * 3600),
                           paidMinutes: 240, breaks: [])
    }

    func previous(_ shifts: [RosterShift], weeks: Int = 1) -> PreviousRosters {
        PreviousRosters(shifts: shifts, weekStart: weekStart, weeks: weeks, timeZone: utc)
    }

    /// a1 and a2 each worked both weekend days of the week before.
    var aWorkedTheWeekend: PreviousRosters {
        previous(["a1", "a2"].flatMap { id in [saturday(id, weeksBack: 1), { var sunday = saturday(id, weeksBack: 1)
            sunday.date = sunday.date.adding(days: 1); sunday.start += 86_400; sunday.end += 86_400; return sunday }()] })
    }

    @Test func theSpreadGiniAndGroupCostFollowTheirDefinitions() throws {
        let measure = FairnessMeasure(center: center(weekendPrice: 3), agents: agents, previous: aWorkedTheWeekend)
        let spread = try #require(measure.spreads(of: [saturday("b1")], burdens: [.weekendDay]).first)
        #expect(spread.loads.map(\.load) == [2, 2, 1, 0])
        #expect(spread.fairShare == 1.25 && spread.range == 2)
        // Sorted 0, 1, 2, 2: Σ (2i − n − 1) x = −1·1 + 1·2 + 3·2 = 7, over n · Σx = 4 · 5.
        #expect(abs(spread.gini - 7.0 / 20) < 1e-12)
        // Group a carries 4 where its share is 2.5; group b 1 against 2.5: 1.5 above, at 3.
        #expect(abs(measure.cost(of: [saturday("b1")]) - 4.5) < 1e-12)
        #expect(abs(measure.cost(of: [saturday("a1")]) - 7.5) < 1e-12)
        #expect(FairnessMeasure(center: center(weekendPrice: 0), agents: agents, previous: aWorkedTheWeekend).cost(of: [saturday("a1")]) == 0)
    }

    func schedule(weekendPrice: Double, previous: PreviousRosters) throws -> ScheduleOutcome {
        let center = center(weekendPrice: weekendPrice)
        var problem = try ScheduleProblem(center: center, agents: agents, requirements: requirements(center, (8..<12).map { ("q", 5, $0, 1.0) }))
        problem.previous = previous
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions(timeLimit: .seconds(20), relativeGap: 0))
        #expect(RosterRuleChecker(center: center, agents: agents, previous: previous).violations(in: outcome.shifts).isEmpty)
        return outcome
    }

    @Test func theWeekendGoesToTheGroupThatCarriedFewerBefore() throws {
        let fair = try schedule(weekendPrice: 3, previous: aWorkedTheWeekend)
        #expect(fair.shifts.count == 1 && fair.shifts[0].agentID.hasPrefix("b"), "\(fair.shifts)")
        #expect(abs(fair.cost.fairnessCost - 4.5) < 1e-9)
        #expect(abs(try #require(fair.groupStage.objective) - fair.cost.objective) < 1e-6, "the model prices fairness as the roster's measure does")
        #expect(fair.termination == .optimal)
    }

    @Test func anAgentFarAboveTheFairShareIsNamed() throws {
        // a1 worked the 5 Saturdays before: 5 weekend days against a fair share of 1.5 (6 over
        // 4 agents, with this week's Saturday), more than 2 above it.
        let busy = previous((1...5).map { saturday("a1", weeksBack: $0) }, weeks: 5)
        let outcome = try schedule(weekendPrice: 3, previous: busy)
        let warning = try #require(outcome.warnings.first { $0.code == .fairness })
        #expect(warning.message.contains("contract c: 1 agent(s) carry far more weekend days than the fair share of 1.5 over 6 week(s): a1 5"),
                "\(warning.message)")
    }
}
