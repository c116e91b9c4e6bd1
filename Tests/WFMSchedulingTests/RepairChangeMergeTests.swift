import Foundation
import Testing
import WFMCore
@testable import WFMScheduling

/// A repair lists one change per agent-day, however many steps made it.
@Suite struct RepairChangeMergeTests {
    func shift(_ agent: String, day: Int, breakAt hour: Int) -> RosterShift {
        let date = LocalDate("2026-11-30")!.adding(days: day)
        let start = Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + 8 * 3600))
        let lunch = start.addingTimeInterval(Double(hour - 8) * 3600)
        return RosterShift(agentID: agent, date: date, templateID: "t8", start: start, end: start.addingTimeInterval(9 * 3600), paidMinutes: 480,
                           breaks: [RosterBreak(start: lunch, end: lunch.addingTimeInterval(3600))])
    }

    @Test func stepsOnOneAgentDayAreOneChange() {
        let original = shift("a", day: 0, breakAt: 11), middle = shift("a", day: 0, breakAt: 12), last = shift("a", day: 0, breakAt: 13)
        let added = shift("b", day: 1, breakAt: 11), addedMoved = shift("b", day: 1, breakAt: 14)
        let merged = RosterRepair.merged([
            RepairChange(kind: .moveBreaks, before: original, after: middle, coveredAgentHours: 0.5),
            RepairChange(kind: .addShift, before: nil, after: added, coveredAgentHours: 6),
            RepairChange(kind: .moveBreaks, before: middle, after: last, coveredAgentHours: 0.25),
            RepairChange(kind: .moveBreaks, before: added, after: addedMoved, coveredAgentHours: 1),
        ])
        #expect(merged == [
            RepairChange(kind: .moveBreaks, before: original, after: last, coveredAgentHours: 0.75),
            RepairChange(kind: .addShift, before: nil, after: addedMoved, coveredAgentHours: 7),
        ])
    }

    @Test func breaksMovedAndMovedBackAreNoChange() {
        let original = shift("a", day: 0, breakAt: 11), moved = shift("a", day: 0, breakAt: 12)
        let other = shift("b", day: 0, breakAt: 11), otherMoved = shift("b", day: 0, breakAt: 13)
        let merged = RosterRepair.merged([
            RepairChange(kind: .moveBreaks, before: original, after: moved, coveredAgentHours: 0.5),
            RepairChange(kind: .moveBreaks, before: other, after: otherMoved, coveredAgentHours: 1),
            RepairChange(kind: .moveBreaks, before: moved, after: original, coveredAgentHours: -0.5),
        ])
        #expect(merged == [RepairChange(kind: .moveBreaks, before: other, after: otherMoved, coveredAgentHours: 1)])
    }
}
