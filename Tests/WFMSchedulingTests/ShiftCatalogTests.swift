import Foundation
import Testing
import WFMCore
import WFMScheduling

@Suite struct ShiftCatalogTests {
    let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    func template(days: [Weekday] = [], earliest: String = "07:00", latest: String = "09:00", step: Int = 15) -> ShiftTemplate {
        ShiftTemplate(
            id: "t", paidMinutes: 480, earliestStart: TimeOfDay(earliest)!, latestStart: TimeOfDay(latest)!, startStepMinutes: step,
            breaks: [BreakRule(minutes: 30, earliestOffsetMinutes: 180, latestOffsetMinutes: 300, paid: false)], days: days)
    }

    @Test func everyStartOnEveryAllowedDay() {
        let grid = TimeGrid(timeZone: amsterdam, weekStart: LocalDate("2026-11-30")!, intervalMinutes: 15)
        #expect(ShiftCatalog.options(for: template(), grid: grid).count == 9 * 7)
        let weekend = ShiftCatalog.options(for: template(days: [.sat, .sun]), grid: grid)
        #expect(weekend.count == 9 * 2)
        #expect(Set(weekend.map(\.date.weekday)) == [.sat, .sun])
        #expect(weekend.allSatisfy { $0.end.timeIntervalSince($0.start) == 510 * 60 })
    }

    @Test func nightShiftAcrossTheDSTChangeKeepsItsRealLength() {
        let grid = TimeGrid(timeZone: amsterdam, weekStart: LocalDate("2026-10-19")!, intervalMinutes: 15)
        let nights = ShiftCatalog.options(for: template(days: [.sat], earliest: "22:00", latest: "22:00"), grid: grid)
        #expect(nights.count == 1)
        let shift = nights[0]
        #expect(shift.end.timeIntervalSince(shift.start) == 510 * 60)
        #expect(LocalDateTime(shift.end, in: amsterdam).description == "2026-10-25T05:30")
    }

    @Test func startsSkippedBySpringForwardAreLeftOut() {
        let grid = TimeGrid(timeZone: amsterdam, weekStart: LocalDate("2026-03-23")!, intervalMinutes: 15)
        let options = ShiftCatalog.options(for: template(days: [.sun], earliest: "01:30", latest: "03:00", step: 30), grid: grid)
        #expect(options.map { LocalDateTime($0.start, in: amsterdam).description } == ["2026-03-29T01:30", "2026-03-29T03:00"])
    }
}
