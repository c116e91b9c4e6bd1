import Foundation
import Testing
import WFMCore
@testable import WFMPlanning

/// One definition of a changed agent-day in every what-if mode: a shift gained or lost, or its
/// template, start, end, breaks or overtime changed, or a timed absence during it; breaks-only
/// days counted apart.
@Suite struct AgentDayChangesTests {
    let monday = LocalDate("2026-11-30")!

    func shift(_ agent: String, _ day: Int, start: Double = 8, breakAt: Double = 12, overtime: Int = 0) -> RosterShift {
        let midnight = Date(timeIntervalSince1970: 1_764_457_200).addingTimeInterval(Double(day) * 86_400)
        var shift = RosterShift(agentID: agent, date: monday.adding(days: day), templateID: "day8", start: midnight.addingTimeInterval(start * 3600),
                                end: midnight.addingTimeInterval((start + 9) * 3600), paidMinutes: 480,
                                breaks: [RosterBreak(start: midnight.addingTimeInterval(breakAt * 3600), end: midnight.addingTimeInterval((breakAt + 1) * 3600))])
        shift.overtimeAfterMinutes = overtime
        return shift
    }

    @Test func everyKindOfChangeCountsOnceAndBreaksOnlyApart() {
        let published = [shift("A", 0), shift("A", 1), shift("B", 0), shift("B", 1), shift("C", 0)]
        let roster = [
            shift("A", 0),                 // unchanged
            shift("A", 1, breakAt: 13),    // breaks only
            shift("B", 0, start: 9),       // start
            shift("B", 1, overtime: 60),   // overtime
            shift("C", 2),                 // C's Monday lost, Wednesday gained
        ]
        let changes = AgentDayChanges.between(published, roster)
        #expect(changes == AgentDayChanges(changed: 5, breaksOnly: 1))
    }

    @Test func aTimedAbsenceChangesItsDayEvenWhenTheShiftStays() {
        let published = [shift("A", 0), shift("A", 1)]
        let changes = AgentDayChanges.between(published, published, offPhones: [AgentDayChanges.key(published[0])])
        #expect(changes == AgentDayChanges(changed: 1, breaksOnly: 0))
        #expect(AgentDayChanges.between(published, published) == .none)
    }
}
