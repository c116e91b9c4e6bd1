import Foundation
import Testing
import WFMCore
@testable import WFMScheduling

@Suite("Availability")
struct AvailabilityTests {
    /// A night shift starting Monday 22:00 runs into Tuesday: an agent away all Tuesday cannot
    /// work it (found by the `medium-night` benchmark instance, where stage 2 gave such shifts).
    @Test func aNightShiftNeedsTheNextDayFreeToo() throws {
        let grid = TimeGrid(timeZone: TimeZone(identifier: "UTC")!, weekStart: LocalDate("2026-11-30")!, intervalMinutes: 60)
        let night = ShiftTemplate(id: "night8", paidMinutes: 480, earliestStart: TimeOfDay("22:00")!, latestStart: TimeOfDay("22:00")!,
                                  startStepMinutes: 60, breaks: [])
        let monday = try #require(GridShift.all(night, grid: grid).first { $0.day == 0 })
        let awayTuesday = Agent(id: "A", name: "A", contract: "c", skills: [], unavailable: [.date(LocalDate("2026-12-01")!)])
        let awayWednesday = Agent(id: "B", name: "B", contract: "c", skills: [], unavailable: [.date(LocalDate("2026-12-02")!)])
        #expect(!Availability.isFree(awayTuesday, for: monday, in: grid.timeZone))
        #expect(Availability.isFree(awayWednesday, for: monday, in: grid.timeZone))
    }

    @Test func theNightInstanceIsScheduledWithinEveryRule() throws {
        let problem = try ScheduleInstanceGenerator.make(StandardInstance(.small, .night))
        #expect(problem.center.shiftTemplates.contains { $0.id == "night8" })
        #expect(StandardInstance("small-night") == StandardInstance(.small, .night))
        #expect(StandardInstance("small-standard") == nil && StandardInstance("huge") == nil)
    }
}
