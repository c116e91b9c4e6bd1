import Foundation
import Testing
import WFMCore

@Suite struct LocalDateTests {
    @Test(arguments: [("2026-11-30", Weekday.mon), ("2000-02-29", .tue), ("1970-01-01", .thu), ("2026-12-25", .fri)])
    func parsesAndKnowsItsWeekday(text: String, weekday: Weekday) throws {
        let date = try #require(LocalDate(text))
        #expect(date.description == text)
        #expect(date.weekday == weekday)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-11-30", "2026-11-31", "tomorrow"])
    func rejectsImpossibleDates(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func roundTripsAcrossCenturies() {
        for days in stride(from: -200_000, through: 200_000, by: 997) {
            let date = LocalDate(daysSinceEpoch: days)
            let (year, month, day) = date.components
            #expect(LocalDate(year: year, month: month, day: day) == date)
        }
    }
}

@Suite struct TimestampTests {
    let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    @Test func parsesLocalAndOffsetForms() throws {
        let local = try #require(Timestamp("2026-11-02T09:15"))
        #expect(local == .local(LocalDateTime(date: LocalDate("2026-11-02")!, minuteOfDay: 555)))
        let spaced = try #require(Timestamp("2026-11-02 09:15:00"))
        #expect(spaced == local)
        guard case .exact(let instant, _) = try #require(Timestamp("2026-11-02T09:15+01:00")) else {
            Issue.record("expected an exact instant")
            return
        }
        #expect(instant == Date(timeIntervalSince1970: 1_793_607_300))
        #expect(Timestamp.format(instant, in: amsterdam) == "2026-11-02T09:15+01:00")
    }

    @Test(arguments: ["2026-11-02T25:00", "2026-11-02T09:15:30", "2026-11-02", "2026-11-02T09:15+1", "x2026-11-02T09:15"])
    func rejectsMalformedTimestamps(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func dstGapsAndOverlapsAreVisible() {
        let gap = LocalDateTime(date: LocalDate("2026-03-29")!, minuteOfDay: 2 * 60 + 30)
        #expect(gap.instants(in: amsterdam).isEmpty)
        let overlap = LocalDateTime(date: LocalDate("2026-10-25")!, minuteOfDay: 2 * 60 + 30)
        let instants = overlap.instants(in: amsterdam)
        #expect(instants.count == 2)
        #expect(instants[1].timeIntervalSince(instants[0]) == 3600)
    }
}

@Suite struct TimeGridTests {
    let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    @Test func normalWeekHas672QuarterHours() {
        let grid = TimeGrid(timeZone: amsterdam, weekStart: LocalDate("2026-11-30")!, intervalMinutes: 15)
        #expect(grid.intervals.count == 672)
        #expect(grid.intervals[0].local.description == "2026-11-30T00:00")
        #expect(grid.intervals.last!.local.description == "2026-12-06T23:45")
        #expect(grid.intervals.last!.dayOffset == 6)
    }

    @Test func springForwardWeekHasFourFewerQuarterHours() {
        let grid = TimeGrid(timeZone: amsterdam, weekStart: LocalDate("2026-03-23")!, intervalMinutes: 15)
        #expect(grid.intervals.count == 668)
        let sunday = grid.intervals.filter { $0.local.date == LocalDate("2026-03-29")! }
        #expect(sunday.count == 92)
        let labels = sunday.map { $0.local.description }
        #expect(labels.contains("2026-03-29T01:45") && labels.contains("2026-03-29T03:00") && !labels.contains("2026-03-29T02:00"))
    }

    @Test func fallBackWeekHasFourMoreQuarterHours() {
        let grid = TimeGrid(timeZone: amsterdam, weekStart: LocalDate("2026-10-19")!, intervalMinutes: 15)
        #expect(grid.intervals.count == 676)
        let repeated = grid.intervals.filter { $0.local.description == "2026-10-25T02:15" }
        #expect(repeated.count == 2)
        #expect(grid.index(startingAt: repeated[1].start) == repeated[1].index)
    }

    @Test func openingHoursSelectIntervals() {
        let hours = OpeningHours(ranges: [.mon: [.init(opens: TimeOfDay("08:00")!, closes: TimeOfDay("12:00")!)]])
        let monday = LocalDate("2026-11-30")!
        #expect(hours.isOpen(at: LocalDateTime(date: monday, minuteOfDay: 8 * 60)))
        #expect(!hours.isOpen(at: LocalDateTime(date: monday, minuteOfDay: 12 * 60)))
        #expect(!hours.isOpen(at: LocalDateTime(date: monday.adding(days: 1), minuteOfDay: 9 * 60)))
    }
}

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test func poissonMeansAreRight() {
        var random = SeededGenerator(seed: 1)
        for mean in [0.5, 7.0, 80.0, 2000.0] {
            let samples = (0..<20_000).map { _ in Double(random.nextPoisson(mean: mean)) }
            let average = samples.reduce(0, +) / Double(samples.count)
            #expect(abs(average - mean) < 0.05 * mean + 0.05, "mean \(mean)")
        }
    }
}
