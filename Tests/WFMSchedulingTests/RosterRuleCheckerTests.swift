import Foundation
import Testing
import WFMCore
import WFMScheduling

/// The checker catches a planted violation of each rule in an otherwise valid roster.
@Suite struct RosterRuleCheckerTests {
    let lunch = BreakRule(minutes: 60, earliestOffsetMinutes: 120, latestOffsetMinutes: 180, paid: false)
    var center: Center {
        tinyCenter(templates: [template("t8", paidHours: 8, from: "07:00", to: "12:00", breaks: [lunch]),
                               template("wk", paidHours: 4, from: "10:00", to: "10:00", days: [.sat])],
                   contract: looseContract(templates: ["t8"], minHours: 16, maxHours: 24, minDays: 2, maxDays: 4, maxConsecutive: 3, rest: 11))
    }
    let agents = [agent("a", unavailable: [.date(LocalDate("2026-12-04")!), .timeRange(LocalDate("2026-12-03")!, from: TimeOfDay("06:00")!, to: TimeOfDay("08:00")!)])]

    func shift(day: Int, start: Int, template: String = "t8", breakAt: Int? = nil, length: Int = 9, paid: Int = 480) -> RosterShift {
        let date = LocalDate("2026-11-30")!.adding(days: day)
        let begin = Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + start * 3600))
        let lunchStart = begin.addingTimeInterval(Double((breakAt ?? start + 2) - start) * 3600)
        return RosterShift(agentID: "a", date: date, templateID: template, start: begin, end: begin.addingTimeInterval(Double(length * 3600)),
                           paidMinutes: paid, breaks: [RosterBreak(start: lunchStart, end: lunchStart.addingTimeInterval(3600))])
    }

    var valid: [RosterShift] { [shift(day: 0, start: 8), shift(day: 1, start: 8)] }

    func rules(_ roster: [RosterShift]) -> Set<String> {
        Set(RosterRuleChecker(center: center, agents: agents).violations(in: roster).map(\.rule))
    }

    @Test func aValidRosterPasses() { #expect(rules(valid).isEmpty) }

    @Test(arguments: [
        ("min_rest_hours", 0), ("breaks", 1), ("unavailable", 2), ("start_window", 3), ("one_shift_per_day", 4),
        ("max_consecutive_days", 5), ("templates", 6), ("weekly_paid_hours", 7), ("days_per_week", 8), ("length", 9), ("unavailable", 10),
    ])
    func catchesAPlantedViolation(rule: String, plant: Int) {
        var roster = valid
        switch plant {
        case 0: roster[1] = shift(day: 1, start: 7); roster[0] = shift(day: 0, start: 12)
        case 1: roster[0] = shift(day: 0, start: 8, breakAt: 9)
        case 2: roster.append(shift(day: 4, start: 8))
        case 3: roster[0] = shift(day: 0, start: 13)
        case 4: roster.append(shift(day: 1, start: 12))
        case 5: roster += [shift(day: 2, start: 8), shift(day: 3, start: 9)]
        case 6: roster[0].templateID = "wk"
        case 7: roster += [shift(day: 2, start: 8), shift(day: 5, start: 8)]
        case 8: roster = []
        case 9: roster[0] = shift(day: 0, start: 8, length: 10)
        default: roster[1] = shift(day: 3, start: 7)
        }
        #expect(rules(roster).contains(rule), "\(rules(roster))")
    }
}
