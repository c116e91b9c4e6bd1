import Foundation
import Testing
import WFMCore
import WFMScheduling

/// The repair changes only what pays for itself, reports every change, and never breaks a rule:
/// shifts added on days off, shifts extended into allowed overtime, breaks moved.
@Suite("RosterRepair")
struct RosterRepairTests {
    /// UTC, hourly, open every day 09:00–17:00, one queue; an 8-hour template at 09:00; a
    /// contract of at most `maxDays` days.
    static func center(maxDays: Int) -> Center {
        let open = OpeningHours.Range(opens: TimeOfDay("09:00")!, closes: TimeOfDay("17:00")!)
        return Center(
            name: "Repair", timeZone: TimeZone(identifier: "UTC")!, intervalMinutes: 60, weekStart: LocalDate("2026-11-30")!,
            openingHours: OpeningHours(ranges: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [open]) })),
            queues: [Queue(id: "q", ahtSeconds: 300, serviceLevel: ServiceLevelTarget(fraction: 0.8, withinSeconds: 20))],
            shiftTemplates: [ShiftTemplate(id: "day8", paidMinutes: 480, earliestStart: TimeOfDay("09:00")!, latestStart: TimeOfDay("09:00")!,
                                           startStepMinutes: 60, breaks: [])],
            contracts: [Contract(id: "c", weeklyPaidHours: Bounds(min: 0, max: 40), daysPerWeek: Bounds(min: 0, max: maxDays),
                                 maxConsecutiveDays: 7, minRestHours: 11, templates: ["day8"])])
    }

    static func shift(_ agent: String, day: Int, center: Center) -> RosterShift {
        let date = center.weekStart.adding(days: day)
        let start = TimeGrid.startOfDay(date, in: center.timeZone).addingTimeInterval(9 * 3600)
        return RosterShift(agentID: agent, date: date, templateID: "day8", start: start, end: start.addingTimeInterval(8 * 3600),
                           paidMinutes: 480, breaks: [])
    }

    /// Wednesday (day 2) is one agent short all day.
    static func shortWednesday(_ center: Center) -> [[Double]] {
        var shortfall = Array(repeating: 0.0, count: center.timeGrid.intervals.count)
        for hour in 9..<17 { shortfall[2 * 24 + hour] = 1 }
        return [shortfall]
    }

    @Test func addsTheShiftThatCoversTheShortfallOnADayOff() {
        let center = Self.center(maxDays: 5)
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        let roster = [0, 1, 3, 4].map { Self.shift("A", day: $0, center: center) }
        let repaired = RosterRepair(center: center, agents: [agent]).repair(roster, net: Self.shortWednesday(center))
        #expect(repaired.changes.map(\.after) == [Self.shift("A", day: 2, center: center)])
        #expect(repaired.changes.map(\.kind) == [.addShift])
        #expect(repaired.changes.first?.coveredAgentHours == 8)
        #expect(repaired.shifts == roster + [Self.shift("A", day: 2, center: center)])
        #expect(RosterRuleChecker(center: center, agents: [agent]).violations(in: repaired.shifts).isEmpty)
    }

    @Test func neverBreaksAContractRule() {
        let center = Self.center(maxDays: 4)
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        let roster = [0, 1, 3, 4].map { Self.shift("A", day: $0, center: center) }
        #expect(RosterRepair(center: center, agents: [agent]).repair(roster, net: Self.shortWednesday(center)).changes.isEmpty,
                "four days is the contract's maximum")
        let away = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")], unavailable: [.weekday(.wed)])
        #expect(RosterRepair(center: Self.center(maxDays: 5), agents: [away]).repair(roster, net: Self.shortWednesday(center)).changes.isEmpty,
                "nor calls in an agent who is away")
    }

    @Test func addsNothingThatDoesNotPayForItself() {
        var center = Self.center(maxDays: 5)
        center.costs = Costs(shortfallPerAgentHour: 0.5, overstaffingPerAgentHour: 1, paidHour: 1)
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        #expect(RosterRepair(center: center, agents: [agent]).repair([], net: Self.shortWednesday(center)).changes.isEmpty,
                "8 agent-hours short at 0.5 are worth less than 8 paid hours at 1")
    }

    /// Net staffing of one queue: `short` agents missing in the given hours of Monday (day 0),
    /// `over` agents too many in others.
    static func monday(_ center: Center, short: [Int: Double], over: [Int: Double] = [:]) -> [[Double]] {
        var net = Array(repeating: 0.0, count: center.timeGrid.intervals.count)
        for (hour, agents) in short { net[hour] = agents }
        for (hour, agents) in over { net[hour] = -agents }
        return [net]
    }

    /// Monday is short 17:00–20:00 (after the 09:00–17:00 shift): with overtime of at most two
    /// hours a shift, the repair extends the shift by two hours after it, pays them at the
    /// factor, and the checker, told of the allowance, finds no broken rule.
    @Test func extendsAShiftIntoAllowedOvertime() {
        var center = Self.center(maxDays: 5)
        center.openingHours = OpeningHours(ranges: Dictionary(uniqueKeysWithValues: Weekday.allCases.map {
            ($0, [OpeningHours.Range(opens: TimeOfDay("09:00")!, closes: TimeOfDay("20:00")!)])
        }))
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        let roster = [Self.shift("A", day: 0, center: center)]
        let net = Self.monday(center, short: [17: 1, 18: 1, 19: 1])
        #expect(RosterRepair(center: center, agents: [agent]).repair(roster, net: net).changes.allSatisfy { $0.kind != .overtime },
                "no overtime unless the scenario allows it")
        let allowance = [OvertimeAllowance(maxMinutesPerShift: 120, maxHoursPerWeek: 4, payFactor: 1.5)]
        var repair = RosterRepair(center: center, agents: [agent])
        repair.overtime = allowance
        let repaired = repair.repair(roster, net: net)
        let overtime = repaired.changes.filter { $0.kind == .overtime }
        #expect(overtime.count == 1)
        #expect(overtime.first?.after.overtimeAfterMinutes == 120 && overtime.first?.after.end == roster[0].end.addingTimeInterval(7200))
        #expect(overtime.first?.paidHoursAdded == 2 && overtime.first?.coveredAgentHours == 2)
        let checker = RosterRuleChecker(center: center, agents: [agent], overtime: allowance)
        #expect(checker.violations(in: repaired.shifts).isEmpty)
        #expect(RosterRuleChecker(center: center, agents: [agent]).violations(in: repaired.shifts).map(\.rule) == ["overtime"],
                "without the allowance, overtime is a broken rule")
        var expensive = center
        expensive.costs = Costs(shortfallPerAgentHour: 1.2, overstaffingPerAgentHour: 1, paidHour: 1)
        var dear = RosterRepair(center: expensive, agents: [agent])
        dear.overtime = allowance
        #expect(dear.repair(roster, net: net).changes.filter { $0.kind == .overtime }.isEmpty,
                "an hour short at 1.2 is worth less than an overtime hour at 1.5")
    }

    /// A lunch placed where the queue is short moves to where it is over, inside its window;
    /// nothing else changes.
    @Test func movesABreakFromAShortIntervalToASurplusOne() {
        var center = Self.center(maxDays: 5)
        center.shiftTemplates = [ShiftTemplate(id: "day8", paidMinutes: 420, earliestStart: TimeOfDay("09:00")!, latestStart: TimeOfDay("09:00")!,
                                               startStepMinutes: 60, breaks: [BreakRule(minutes: 60, earliestOffsetMinutes: 120,
                                                                                        latestOffsetMinutes: 300, paid: false)])]
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        var shift = Self.shift("A", day: 0, center: center)
        shift.paidMinutes = 420
        shift.breaks = [RosterBreak(start: shift.start.addingTimeInterval(3 * 3600), end: shift.start.addingTimeInterval(4 * 3600))]
        let repaired = RosterRepair(center: center, agents: [agent]).repair([shift], net: Self.monday(center, short: [12: 1], over: [13: 1]))
        #expect(repaired.changes.map(\.kind) == [.moveBreaks])
        #expect(repaired.shifts.first?.breaks.first?.start == shift.start.addingTimeInterval(4 * 3600), "13:00, where one agent is spare")
        #expect(repaired.changes.first?.coveredAgentHours == 1)
        #expect(RosterRuleChecker(center: center, agents: [agent]).violations(in: repaired.shifts).isEmpty)
    }

    /// A cross-trained agent's lunch sits where the weighty queue is short; the other place in
    /// its window is short on the light queue. Moving it is worth something at the scheduler's
    /// costs (the shortfall moves to the cheaper queue) but covers no agent-hour short, so
    /// repair leaves it.
    @Test func aBreakMoveThatCoversNothingIsNotMade() {
        var center = Self.center(maxDays: 5)
        var light = center.queues[0]
        light.id = "light"
        var heavy = center.queues[0]
        heavy.id = "heavy"
        heavy.weight = 3
        center.queues = [heavy, light]
        center.shiftTemplates = [ShiftTemplate(id: "day8", paidMinutes: 420, earliestStart: TimeOfDay("09:00")!, latestStart: TimeOfDay("09:00")!,
                                               startStepMinutes: 60, breaks: [BreakRule(minutes: 60, earliestOffsetMinutes: 180,
                                                                                        latestOffsetMinutes: 240, paid: false)])]
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "heavy"), Skill(queue: "light")])
        var shift = Self.shift("A", day: 0, center: center)
        shift.paidMinutes = 420
        shift.breaks = [RosterBreak(start: shift.start.addingTimeInterval(3 * 3600), end: shift.start.addingTimeInterval(4 * 3600))]
        var heavyNet = Array(repeating: 0.0, count: center.timeGrid.intervals.count), lightNet = heavyNet
        heavyNet[12] = 1
        lightNet[13] = 1
        let repaired = RosterRepair(center: center, agents: [agent]).repair([shift], net: [heavyNet, lightNet])
        #expect(repaired.changes.isEmpty, "\(repaired.changes)")
        lightNet[13] = -1
        let useful = RosterRepair(center: center, agents: [agent]).repair([shift], net: [heavyNet, lightNet])
        #expect(useful.changes.map(\.kind) == [.moveBreaks] && useful.changes.first?.coveredAgentHours == 1, "where 13:00 is over, the move covers an hour")
    }

    /// Only the agents the changes name have a different week.
    @Test func changesOnlyTheAgentsItReports() {
        let center = Self.center(maxDays: 5)
        let agents = ["A", "B", "C"].map { Agent(id: $0, name: $0, contract: "c", skills: [Skill(queue: "q")]) }
        let roster = ["A", "B", "C"].flatMap { id in [0, 1, 3, 4].map { Self.shift(id, day: $0, center: center) } }
        var net = Self.shortWednesday(center)
        for hour in 9..<17 { net[0][2 * 24 + hour] = 2 }
        var repair = RosterRepair(center: center, agents: agents)
        repair.overtime = [OvertimeAllowance(agents: ["C"], maxMinutesPerShift: 60, maxHoursPerWeek: 2)]
        let repaired = repair.repair(roster, net: net)
        let named = Set(repaired.changes.map(\.agentID))
        #expect(repaired.agentsChanged == 2)
        for id in ["A", "B", "C"] {
            let unchanged = repaired.shifts.filter { $0.agentID == id } == roster.filter { $0.agentID == id }
            #expect(unchanged != named.contains(id), "\(id)")
        }
    }
}
