import Foundation
import Testing
import WFMCore

/// The rules over weeks (`--weeks N`): rotations' days off, `weekends_off` and
/// `average_weekly_paid_hours`, as each week of a horizon is given them and as the checker
/// holds them; every figure worked out by hand in the comments.
@Suite struct HorizonRulesTests {
    let monday = LocalDate("2026-11-30")!
    let utc = TimeZone(identifier: "UTC")!

    func center(_ contract: Contract, rotations: [Rotation] = []) -> Center {
        let allDay = OpeningHours.Range(opens: TimeOfDay("00:00")!, closes: TimeOfDay("24:00")!)
        var center = Center(
            name: "rules", timeZone: utc, intervalMinutes: 60, weekStart: monday,
            openingHours: OpeningHours(ranges: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [allDay]) })),
            queues: [Queue(id: "q", ahtSeconds: 300, serviceLevel: ServiceLevelTarget(fraction: 0.8, withinSeconds: 20))],
            shiftTemplates: [ShiftTemplate(id: "t8", paidMinutes: 480, earliestStart: TimeOfDay("08:00")!, latestStart: TimeOfDay("08:00")!,
                                           startStepMinutes: 60, breaks: [])],
            contracts: [contract])
        center.rotations = rotations
        return center
    }

    func contract(weekly: ClosedRange<Double> = 0...40, days: ClosedRange<Int> = 0...7) -> Contract {
        Contract(id: "c", weeklyPaidHours: Bounds(min: weekly.lowerBound, max: weekly.upperBound),
                 daysPerWeek: Bounds(min: days.lowerBound, max: days.upperBound), maxConsecutiveDays: 7, minRestHours: 0, templates: ["t8"])
    }

    func agent(_ id: String, rotationWeek: Int? = nil, unavailable: [Unavailability] = []) -> Agent {
        var agent = Agent(id: id, name: id, contract: "c", skills: [Skill(queue: "q")], unavailable: unavailable)
        agent.rotationWeek = rotationWeek
        return agent
    }

    /// An 8-hour shift of `id` on `day` (0 = the first week's Monday).
    func shift(_ id: String, day: Int) -> RosterShift {
        let date = monday.adding(days: day)
        let start = Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + 8 * 3600))
        return RosterShift(agentID: id, date: date, templateID: "t8", start: start, end: start.addingTimeInterval(8 * 3600),
                           paidMinutes: 480, breaks: [])
    }

    @Test func aRotationCyclesItsWeeksFromItsStartEachAgentFromTheirOwnWeek() {
        // Week 1 of the cycle: Saturday and Sunday off; week 2: Monday and Tuesday off.
        let rotation = Rotation(id: "r", start: monday, daysOff: [[.sat, .sun], [.mon, .tue]])
        #expect(rotation.isDayOff(monday.adding(days: 5), offset: 0) && !rotation.isDayOff(monday, offset: 0))
        #expect(rotation.isDayOff(monday.adding(days: 7), offset: 0), "the next Monday is in cycle week 2")
        #expect(rotation.isDayOff(monday, offset: 1) && !rotation.isDayOff(monday.adding(days: 5), offset: 1))
        #expect(rotation.cycleWeek(of: monday.adding(days: -1), offset: 0) == 1, "the week before the start is cycle week 2 too")
        #expect(rotation.cycleWeek(of: monday.adding(days: 14), offset: 0) == 0)

        var rotating = contract()
        rotating.rotation = "r"
        let center = center(rotating, rotations: [rotation])
        let assigned = center.rotationAssignments(of: [agent("a"), agent("b"), agent("c"), agent("d", rotationWeek: 1)])
        #expect(["a", "b", "c", "d"].map { assigned[$0]?.offset } == [0, 1, 0, 0], "spread in agents.csv order, rotation_week wins")

        let horizon = PlanningHorizon(firstWeekStart: monday, weeks: 2)
        let rules = HorizonRules(center: center, agents: [agent("a"), agent("b")], horizon: horizon)
        let first = rules.agents([agent("a"), agent("b")], week: 0, before: [])
        #expect(first[0].fixedDaysOff == [monday.adding(days: 5), monday.adding(days: 6)])
        #expect(first[1].fixedDaysOff == [monday, monday.adding(days: 1)])
        let second = rules.agents([agent("a"), agent("b")], week: 1, before: [])
        #expect(second[0].fixedDaysOff == [monday.adding(days: 7), monday.adding(days: 8)])
    }

    @Test func aFixedDayOffIsNotLeave() {
        var off = agent("a", unavailable: [.date(monday)])
        off.fixedDaysOff = [monday.adding(days: 1)]
        #expect(off.isAbsentAllDay(on: monday) && off.isOnLeave(on: monday))
        #expect(off.isAbsentAllDay(on: monday.adding(days: 1)) && !off.isOnLeave(on: monday.adding(days: 1)))
        // 32–40 h over 4 days: a day of leave counts 8 h, so the minimum is 24 h; a fixed day off lowers nothing.
        let week = contract(weekly: 32...40, days: 4...5)
        #expect(week.paidMinutes(leaveDays: 1) == 1440...2400)
        #expect(week.paidMinutes(leaveDays: 0) == 1920...2400)
        let checked = RosterRuleChecker(center: center(contract()), agents: [off]).violations(in: [shift("a", day: 1), shift("a", day: 0)])
        #expect(checked.map(\.rule).sorted() == ["day_off", "unavailable"], "\(checked)")
        #expect(checked.contains { $0.detail == "2026-12-01 t8: 2026-12-01 is a fixed day off (a rotation's, or a weekend owed under weekends_off)" })
    }

    @Test func aWeekendIsFixedOffOnlyWhenTheRunOfWeeksWouldFallShort() {
        var rule = contract()
        rule.weekendsOff = WeekendsOffRule(min: 1, perWeeks: 2)
        let horizon = PlanningHorizon(firstWeekStart: monday, weeks: 2)
        let rules = HorizonRules(center: center(rule), agents: [agent("a"), agent("b")], horizon: horizon)
        // a worked the first Saturday, b only the Friday: a owes the second weekend, b does not.
        let week2 = rules.agents([agent("a"), agent("b")], week: 1, before: [shift("a", day: 5), shift("b", day: 4)])
        #expect(week2[0].fixedDaysOff == [monday.adding(days: 12), monday.adding(days: 13)])
        #expect(week2[1].fixedDaysOff.isEmpty)
        #expect(rules.agents([agent("a")], week: 0, before: [])[0].fixedDaysOff.isEmpty, "a weekend before the shifts known counts as off")

        let checker = HorizonRuleChecker(center: center(rule), agents: [agent("a")], horizon: horizon)
        let both = checker.violationsOverWeeks(in: [shift("a", day: 5), shift("a", day: 13)])
        #expect(both.map(\.rule) == ["weekends_off"], "\(both)")
        #expect(both.first?.detail == "0 weekend(s) off in the 2 week(s) from 2026-11-30 to 2026-12-13, need 1")
        #expect(checker.violationsOverWeeks(in: [shift("a", day: 5), shift("a", day: 11)]).isEmpty, "Friday is not the weekend")
    }

    @Test func aSundayBeforeAWeekendOwedIsOffWhenItWouldLeaveNextWeekShort() {
        // Five days a week, weekends off one in two, at most `run` days in a row. Working this
        // weekend owes the next; a Sunday worked then runs into Monday, and with at most five in
        // a row only four of next week's weekdays can be worked: this Sunday is fixed off.
        func sundayOff(run: Int) -> Bool {
            var rule = contract(days: 5...5)
            rule.maxConsecutiveDays = run
            rule.weekendsOff = WeekendsOffRule(min: 1, perWeeks: 2)
            let horizon = PlanningHorizon(firstWeekStart: monday, weeks: 2)
            return HorizonRules(center: center(rule), agents: [agent("a")], horizon: horizon)
                .agents([agent("a")], week: 0, before: [])[0].fixedDaysOff == [monday.adding(days: 6)]
        }
        #expect(sundayOff(run: 5))
        #expect(!sundayOff(run: 6), "six in a row allowed: Monday to Friday still fit after a Sunday")
    }

    @Test func theHoursLeftForAWeekKeepTheAverageReachable() {
        // 0–40 h a week, 28–30 h on average over 2 weeks: 56–60 h in all.
        var averaged = contract()
        averaged.averageWeeklyPaidHours = Bounds(min: 28, max: 30)
        let horizon = PlanningHorizon(firstWeekStart: monday, weeks: 2)
        let rules = HorizonRules(center: center(averaged), agents: [agent("a")], horizon: horizon)
        // Week 1: at least 56 − 40 (week 2's most) = 16 h, at most 60 − 0 = 60 h (the week's 40 h applies on top).
        #expect(rules.paidMinuteWindows([agent("a")], week: 0, before: [])["a"] == 960...3600)
        // After 40 h in week 1, week 2 must hold 16 to 20 h.
        let worked = (0..<5).map { shift("a", day: $0) }
        #expect(rules.paidMinuteWindows([agent("a")], week: 1, before: worked)["a"] == 960...1200)

        let checker = HorizonRuleChecker(center: center(averaged), agents: [agent("a")], horizon: horizon)
        let short = checker.violationsOverWeeks(in: worked)
        #expect(short.map(\.detail) == ["20.00 h a week on average over 2 weeks from 2026-11-30 to 2026-12-13, allowed 28–30"], "\(short)")
        #expect(checker.violationsOverWeeks(in: worked + [shift("a", day: 7), shift("a", day: 8), shift("a", day: 9)]).map(\.rule)
            == ["average_weekly_paid_hours"], "64 h is 32 a week, above 30")
        // 56 h: 28 a week.
        #expect(checker.violationsOverWeeks(in: Array(worked.prefix(4)) + [shift("a", day: 7), shift("a", day: 8), shift("a", day: 9)]).isEmpty)
    }

    @Test func aRotationDayWorkedIsNamed() {
        var rotating = contract()
        rotating.rotation = "r"
        let center = center(rotating, rotations: [Rotation(id: "r", start: monday, daysOff: [[.mon], [.tue]])])
        let checker = HorizonRuleChecker(center: center, agents: [agent("a")], horizon: PlanningHorizon(firstWeekStart: monday, weeks: 2))
        #expect(checker.violationsOverWeeks(in: [shift("a", day: 0), shift("a", day: 7), shift("a", day: 8)]).map(\.detail)
            == ["2026-11-30 t8: a day off in cycle week 1 of rotation r", "2026-12-08 t8: a day off in cycle week 2 of rotation r"])
    }

    @Test func eachWeekIsCheckedWithTheWeeksBeforeItCarriedIn() {
        var tight = contract()
        tight.maxConsecutiveDays = 5
        let checker = HorizonRuleChecker(center: center(tight), agents: [agent("a")], horizon: PlanningHorizon(firstWeekStart: monday, weeks: 2))
        // Wednesday to Sunday of week 1, then Monday of week 2: six days in a row across the boundary.
        let shifts = (2...7).map { shift("a", day: $0) }
        #expect(checker.weekViolations(index: 0, in: shifts).isEmpty)
        #expect(checker.weekViolations(index: 1, in: shifts).map(\.rule) == ["max_consecutive_days"])
        #expect(checker.violationsOutside([shift("a", day: 14)]).map(\.rule) == ["week"])
    }
}
