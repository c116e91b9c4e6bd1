import Foundation
import Testing
import WFMCore
import WFMGLPK
@testable import WFMScheduling

/// Horizons of two weeks (`--weeks 2`) made with real GLPK on tiny centers where each rule over
/// weeks decides the roster; each roster is checked by hand and by the horizon's rule checker,
/// and each test fails with its rule taken out.
@Suite(.serialized) struct HorizonSchedulerTests {
    let monday = LocalDate("2026-11-30")!
    let horizon = PlanningHorizon(firstWeekStart: LocalDate("2026-11-30")!, weeks: 2)

    func center(_ edit: (inout Contract) -> Void) -> Center {
        var contract = looseContract(templates: ["t8"])
        edit(&contract)
        return tinyCenter(templates: [template("t8", paidHours: 8, from: "08:00", to: "08:00")], contract: contract)
    }

    /// Both weeks' requirements: `needs[(day of the horizon, hour)] = agents`.
    func requirements(_ center: Center, days: [Int], hours: Range<Int> = 8..<16) -> [RequirementMatrix] {
        (0..<2).map { week in
            WFMSchedulingTests.requirements(center, days.filter { $0 / 7 == week }.flatMap { day in hours.map { ("q", day % 7, $0, 1.0) } })
        }
    }

    func schedule(_ center: Center, agents: [Agent], requirements: [RequirementMatrix]) throws -> [RosterShift] {
        let weeks = try HorizonScheduler(Scheduler(solver: GLPKSolver())).schedule(
            center: center, agents: agents, horizon: horizon, requirements: requirements,
            options: ScheduleOptions(timeLimit: .seconds(20), relativeGap: 0))
        let shifts = weeks.flatMap(\.outcome.shifts)
        let broken = HorizonRuleChecker(center: center, agents: agents, horizon: horizon).violations(in: shifts)
        #expect(broken.isEmpty, "\(broken)")
        return shifts
    }

    @Test func anAgentWhoWorkedTheFirstWeekendIsOffTheSecond() throws {
        // One agent, one needed on both Saturdays: at most one weekend worked in two.
        let ruled = center { $0.weekendsOff = WeekendsOffRule(min: 1, perWeeks: 2) }
        let shifts = try schedule(ruled, agents: [agent("a")], requirements: requirements(ruled, days: [5, 12]))
        #expect(shifts.map(\.date) == [monday.adding(days: 5)], "\(shifts)")
        let free = center { _ in }
        #expect(try schedule(free, agents: [agent("a")], requirements: requirements(free, days: [5, 12])).count == 2, "without the rule, both")
    }

    @Test func theLaterWeekMakesUpTheAverage() throws {
        // 0–40 h a week, 28–30 h on average: five days wanted in week 1, none in week 2; week 2
        // then holds 16 h (two shifts), the least that brings the two weeks to 56 h.
        let ruled = center { $0.averageWeeklyPaidHours = Bounds(min: 28, max: 30); $0.weeklyPaidHours = Bounds(min: 0, max: 40) }
        let shifts = try schedule(ruled, agents: [agent("a")], requirements: requirements(ruled, days: Array(0..<5)))
        #expect(shifts.filter { $0.date < monday.adding(days: 7) }.count == 5)
        #expect(shifts.filter { $0.date >= monday.adding(days: 7) }.count == 2, "\(shifts.map(\.date))")
        let free = center { _ in }
        #expect(try schedule(free, agents: [agent("a")], requirements: requirements(free, days: Array(0..<5))).count == 5)
    }

    @Test func aRotationKeepsItsDaysOffEvenWhereTheyAreWanted() throws {
        // Every day wanted; two agents on a rotation off Monday in cycle week 1 and Tuesday in
        // week 2, from different cycle weeks: each week, one covers the day the other is off.
        var ruled = center { $0.rotation = "r" }
        ruled.rotations = [Rotation(id: "r", start: monday, daysOff: [[.mon], [.tue]])]
        let shifts = try schedule(ruled, agents: [agent("a"), agent("b")], requirements: requirements(ruled, days: Array(0..<14)))
        let a = Set(shifts.filter { $0.agentID == "a" }.map(\.date)), b = Set(shifts.filter { $0.agentID == "b" }.map(\.date))
        #expect(!a.contains(monday) && !a.contains(monday.adding(days: 8)), "a: Monday of week 1, Tuesday of week 2")
        #expect(!b.contains(monday.adding(days: 1)) && !b.contains(monday.adding(days: 7)), "b: Tuesday of week 1, Monday of week 2")
        #expect(a.union(b).count == 14, "every day covered by one of them")
    }

    @Test func theSecondWeekStartsAfterTheFirstWithRestAndRunsCarried() throws {
        // At most 5 days in a row: one agent wanted every day of both weeks works 5, rests, and
        // the run carries across the boundary.
        let ruled = center { $0.maxConsecutiveDays = 5 }
        let shifts = try schedule(ruled, agents: [agent("a")], requirements: requirements(ruled, days: Array(0..<14)))
        let dates = Set(shifts.map(\.date))
        for start in 0..<9 { #expect((start..<start + 6).contains { !dates.contains(monday.adding(days: $0)) }, "a day off in any six from day \(start)") }
    }
}
