import Foundation
import Testing
import WFMCore
import WFMScheduling

/// The repair adds shifts only on days off, only where they pay for themselves, and never
/// breaks a rule.
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
        let changes = RosterRepair(center: center, agents: [agent]).changes(to: roster, shortfall: Self.shortWednesday(center))
        #expect(changes.map(\.shift) == [Self.shift("A", day: 2, center: center)])
        #expect(changes.first?.coveredAgentHours == 8)
        #expect(RosterRuleChecker(center: center, agents: [agent]).violations(in: roster + changes.map(\.shift)).isEmpty)
    }

    @Test func neverBreaksAContractRule() {
        let center = Self.center(maxDays: 4)
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        let roster = [0, 1, 3, 4].map { Self.shift("A", day: $0, center: center) }
        #expect(RosterRepair(center: center, agents: [agent]).changes(to: roster, shortfall: Self.shortWednesday(center)).isEmpty,
                "four days is the contract's maximum")
        let away = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")], unavailable: [.weekday(.wed)])
        #expect(RosterRepair(center: Self.center(maxDays: 5), agents: [away]).changes(to: roster, shortfall: Self.shortWednesday(center)).isEmpty,
                "nor calls in an agent who is away")
    }

    @Test func addsNothingThatDoesNotPayForItself() {
        var center = Self.center(maxDays: 5)
        center.costs = Costs(shortfallPerAgentHour: 0.5, overstaffingPerAgentHour: 1, paidHour: 1)
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        #expect(RosterRepair(center: center, agents: [agent]).changes(to: [], shortfall: Self.shortWednesday(center)).isEmpty,
                "8 agent-hours short at 0.5 are worth less than 8 paid hours at 1")
    }
}
