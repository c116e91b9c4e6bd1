import Foundation
import Testing
import WFMCore
@testable import WFMScheduling

/// After a replan, a day that keeps its published shift gets its published breaks back only
/// where the hour its break returns to is overstaffed.
@Suite struct PublishedBreaksTests {
    @Test func publishedBreaksComeBackOnlyWhereTheyCostNothing() {
        var center = RosterRepairTests.center(maxDays: 5)
        center.shiftTemplates = [ShiftTemplate(id: "day8", paidMinutes: 420, earliestStart: TimeOfDay("09:00")!, latestStart: TimeOfDay("09:00")!,
                                               startStepMinutes: 60, breaks: [BreakRule(minutes: 60, earliestOffsetMinutes: 180,
                                                                                        latestOffsetMinutes: 240, paid: false)])]
        let agent = Agent(id: "A", name: "A", contract: "c", skills: [Skill(queue: "q")])
        var published = RosterRepairTests.shift("A", day: 0, center: center)
        published.paidMinutes = 420
        published.breaks = [RosterBreak(start: published.start.addingTimeInterval(3 * 3600), end: published.start.addingTimeInterval(4 * 3600))]
        var replanned = published
        replanned.breaks = [RosterBreak(start: published.start.addingTimeInterval(4 * 3600), end: published.start.addingTimeInterval(5 * 3600))]
        let over = RosterRepairTests.monday(center, short: [:], over: [12: 1])
        #expect(PublishedBreaks.restore([replanned], published: [published], center: center, agents: [agent], net: over) == [published])
        let tight = RosterRepairTests.monday(center, short: [:], over: [12: 0.5])
        #expect(PublishedBreaks.restore([replanned], published: [published], center: center, agents: [agent], net: tight) == [replanned],
                "half an agent spare at 12:00 is not enough to leave")
    }
}
