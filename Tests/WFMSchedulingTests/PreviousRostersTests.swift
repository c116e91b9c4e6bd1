import Foundation
import Testing
import WFMCore
import WFMGLPK
@testable import WFMScheduling

/// The week before (`--previous`): what it carries in, the rules the checker holds across the
/// week's start, and rosters the scheduler makes with it (real GLPK), each checked by hand and
/// by the rule checker.
@Suite(.serialized) struct PreviousRostersTests {
    let weekStart = LocalDate("2026-11-30")!
    let utc = TimeZone(identifier: "UTC")!

    /// A shift of agent `id` on `day` (0 = the week's Monday, negative = the weeks before),
    /// from `start` o'clock for `hours` hours, without breaks.
    func shift(_ id: String, day: Int, start: Int, hours: Int = 4, template: String = "t4") -> RosterShift {
        let date = weekStart.adding(days: day)
        let begin = Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + start * 3600))
        return RosterShift(agentID: id, date: date, templateID: template, start: begin, end: begin.addingTimeInterval(Double(hours * 3600)),
                           paidMinutes: hours * 60, breaks: [])
    }

    func previous(_ shifts: [RosterShift], weeks: Int = 1) -> PreviousRosters {
        PreviousRosters(shifts: shifts, weekStart: weekStart, weeks: weeks, timeZone: utc)
    }

    @Test func carriesTheRunTheLastShiftAndTheLookBackCounts() {
        let carried = previous([shift("a", day: -5, start: 8), shift("a", day: -3, start: 13), shift("a", day: -2, start: 8),
                                shift("a", day: -1, start: 19), shift("b", day: -7, start: 8)])
        let a = carried["a"]
        #expect(a.daysInARow == 3, "Friday to Sunday")
        #expect(a.lastShift?.date == weekStart.adding(days: -1))
        #expect(a.lastShift?.end == shift("a", day: -1, start: 19).end)
        #expect(a.weekendDays == 2 && a.lateShifts == 2 && a.paidHours == 16)
        #expect(carried["b"].daysInARow == 0, "off on Sunday")
        #expect(carried["nobody"] == CarryOver())
        #expect(carried.earliestStart(of: "a", contract: looseContract(templates: [], rest: 11)) == shift("a", day: -1, start: 19).end
            .addingTimeInterval(11 * 3600))
        #expect(carried.daysLeftInRun(of: "a", contract: looseContract(templates: [], maxConsecutive: 5)) == 2)
        #expect(carried.daysLeftInRun(of: "a", contract: looseContract(templates: [], maxConsecutive: 2)) == 0)
    }

    var center: Center {
        tinyCenter(templates: [template("t4", paidHours: 4, from: "06:00", to: "20:00")],
                   contract: looseContract(templates: ["t4"], maxConsecutive: 5, rest: 11))
    }

    func rules(_ roster: [RosterShift], after: [RosterShift]) -> [RuleViolation] {
        RosterRuleChecker(center: center, agents: [agent("a")], previous: previous(after)).violations(in: roster)
    }

    @Test func theCheckerHoldsRestAcrossTheWeeksStart() throws {
        let lateSunday = [shift("a", day: -1, start: 19)]
        let early = try #require(rules([shift("a", day: 0, start: 9)], after: lateSunday).first)
        #expect(early.rule == "min_rest_hours")
        #expect(early.detail.contains("10.00 h between the previous roster's shift of 2026-11-29 and the shift of 2026-11-30, need 11"), "\(early)")
        #expect(rules([shift("a", day: 0, start: 10)], after: lateSunday).isEmpty, "11 h of rest from Sunday 23:00")
        #expect(RosterRuleChecker(center: center, agents: [agent("a")]).violations(in: [shift("a", day: 0, start: 9)]).isEmpty,
                "without the week before, nothing crosses the boundary")
    }

    @Test func theCheckerCountsDaysInARowAcrossTheWeeksStart() throws {
        let wednesdayToSunday = (-5 ... -1).map { shift("a", day: $0, start: 8) }
        let run = try #require(rules([shift("a", day: 0, start: 8)], after: wednesdayToSunday).first)
        #expect(run.rule == "max_consecutive_days")
        #expect(run.detail == "6 days in a row from 2026-11-25 up to 2026-11-30 (5 of them in the previous roster), allowed 5")
        #expect(rules([shift("a", day: 1, start: 8)], after: wednesdayToSunday).isEmpty, "off on Monday")
        #expect(rules((0...1).map { shift("a", day: $0, start: 8) }, after: Array(wednesdayToSunday.suffix(3))).isEmpty)
        #expect(rules((0...2).map { shift("a", day: $0, start: 8) }, after: Array(wednesdayToSunday.suffix(3))).map(\.rule)
            == ["max_consecutive_days"])
    }

    func schedule(_ problem: ScheduleProblem) throws -> ScheduleOutcome {
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions(timeLimit: .seconds(20), relativeGap: 0))
        let violations = RosterRuleChecker(center: problem.center, agents: problem.agents, previous: problem.previous).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
        return outcome
    }

    @Test func anAgentWhoWorkedWednesdayToSundayIsOffOnMonday() throws {
        // One agent needed 08:00–12:00 every day; a worked Wednesday to Sunday (the contract's
        // 5 days), b did not work: b takes Monday, and a the days after.
        var problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b")],
                                          requirements: requirements(center, (0..<7).flatMap { day in (8..<12).map { ("q", day, $0, 1.0) } }))
        problem.previous = previous((-5 ... -1).map { shift("a", day: $0, start: 8) })
        let outcome = try schedule(problem)
        let monday = outcome.shifts.filter { $0.date == weekStart }
        #expect(monday.map(\.agentID) == ["b"], "\(monday)")
        #expect(outcome.cost.totalShortfallAgentHours < 1e-9)
    }

    @Test func aShiftEndingSundayAt23IsFollowedByNothingBeforeMondayAt10() throws {
        // 06:00–12:00 on Monday, one agent with a 4-hour shift: fresh, it would start by 08:00
        // and cover 4 hours; after Sunday's shift to 23:00 and 11 h of rest, the earliest start
        // is 10:00, so it covers 2 and leaves 4 short rather than break the rest.
        var problem = try ScheduleProblem(center: center, agents: [agent("a")],
                                          requirements: requirements(center, (6..<12).map { ("q", 0, $0, 1.0) }))
        problem.previous = previous([shift("a", day: -1, start: 19)])
        let outcome = try schedule(problem)
        #expect(outcome.shifts.map { hour($0.start) } == [10], "\(outcome.shifts)")
        #expect(abs(outcome.cost.totalShortfallAgentHours - 4) < 1e-9)
        problem.previous = .none
        let fresh = try schedule(problem)
        #expect(fresh.shifts.count == 1 && hour(fresh.shifts[0].start) <= 8, "without the week before: \(fresh.shifts)")
        #expect(abs(fresh.cost.totalShortfallAgentHours - 2) < 1e-9)
    }

    @Test func theGroupPlanCountsTheRunsCarriedIn() throws {
        // Two agents each with 4 days in a row up to Sunday (of at most 5): each must be off on
        // Monday or Tuesday, so the group can work only 2 of the 4 shifts wanted then. The
        // group plan knows it: nothing it plans is left out, and its objective is the roster's.
        var problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b")],
                                          requirements: requirements(center, (0..<2).flatMap { day in (8..<12).map { ("q", day, $0, 2.0) } }))
        problem.previous = previous((-4 ... -1).flatMap { [shift("a", day: $0, start: 8), shift("b", day: $0, start: 8)] })
        let outcome = try schedule(problem)
        #expect(outcome.shifts.count == 2 && Set(outcome.shifts.map(\.agentID)) == ["a", "b"], "\(outcome.shifts)")
        #expect(!outcome.warnings.contains { $0.code == .shiftsDropped }, "\(outcome.warnings)")
        #expect(abs(try #require(outcome.groupStage.objective) - outcome.cost.objective) < 1e-6)
    }

    @Test func aMemberStillRestingOnMondayMorningIsNotPlannedThen() throws {
        // Two agents, 2 needed 06:00–10:00 on Monday; a rests until 10:00: the plan has one
        // shift then, not two of which one could not be given.
        var problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b")],
                                          requirements: requirements(center, (6..<10).map { ("q", 0, $0, 2.0) }))
        problem.previous = previous([shift("a", day: -1, start: 19)])
        let outcome = try schedule(problem)
        #expect(outcome.shifts.map(\.agentID) == ["b"], "\(outcome.shifts)")
        #expect(!outcome.warnings.contains { $0.code == .shiftsDropped }, "\(outcome.warnings)")
        #expect(abs(try #require(outcome.groupStage.objective) - outcome.cost.objective) < 1e-6)
    }

    @Test func weekendsWorkedBeforeGoToTheOtherMembersNow() throws {
        // Saturday needs one agent; a worked both weekend days of the week before, b neither.
        var problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b")],
                                          requirements: requirements(center, (8..<12).map { ("q", 5, $0, 1.0) }))
        problem.previous = previous([shift("a", day: -2, start: 8), shift("a", day: -1, start: 8)])
        #expect(try schedule(problem).shifts.map(\.agentID) == ["b"])
        problem.previous = previous([shift("b", day: -2, start: 8), shift("b", day: -1, start: 8)])
        #expect(try schedule(problem).shifts.map(\.agentID) == ["a"])
    }
}
