import Foundation
import Testing
import WFMCore
@testable import WFMForecasting

@Suite struct ForecasterTests {
    @Test func holidaysAreNeitherTrainedOnNorForecast() throws {
        let holiday = LocalDate("2026-11-23")!
        let center = testCenter(holidays: [holiday, LocalDate("2026-12-02")!])
        let records = testRecords(center, from: "2026-10-05", days: 56) { date, _ in date == holiday ? 500 : 10 }
        let forecaster = try Forecaster(center: center, records: records, historyMinutes: 60)
        #expect(forecaster.histories[0].day(holiday)?.status == .holiday)
        let week = try forecaster.forecast(grid: center.timeGrid, strategy: FixedStrategy(SeasonalNaive()))
        #expect(week.entries.allSatisfy { $0.calls == 10 })
        let dates = Set(week.entries.map { center.timeGrid.intervals[$0.interval].local.date })
        #expect(dates.count == 4 && !dates.contains(LocalDate("2026-12-02")!))
        #expect(week.entries.allSatisfy { $0.ahtSeconds == 200 })
    }

    @Test func anOutageDayIsNotCarriedForward() throws {
        let center = testCenter()
        let outage = LocalDate("2026-11-23")!
        let records = testRecords(center, from: "2026-10-05", days: 56) { date, _ in date == outage ? 25 : 100 }
        let forecaster = try Forecaster(center: center, records: records, historyMinutes: 60)
        #expect(forecaster.histories[0].day(outage)?.status == .outlier)
        #expect(forecaster.exclusionWarnings.contains { $0.contains("1 outlier day(s) (2026-11-23)") })
        let week = try forecaster.forecast(grid: center.timeGrid, strategy: FixedStrategy(SeasonalNaive()))
        #expect(week.entries.allSatisfy { $0.calls == 100 })
    }

    @Test func missingDaysAreNoDataAndZeroDaysAreClosings() throws {
        let center = testCenter()
        let missing = LocalDate("2026-11-24")!, zero = LocalDate("2026-11-25")!
        let records = testRecords(center, from: "2026-10-05", days: 56) { date, _ in
            date == missing ? nil : (date == zero ? 0 : 50)
        }
        let history = try Forecaster(center: center, records: records, historyMinutes: 60).histories[0]
        #expect(history.day(missing)?.status == .noData)
        #expect(history.day(zero)?.status == .allZero)
        #expect(!history.trainingDays(before: LocalDate("2026-11-30")!).contains { $0.date == missing || $0.date == zero })
    }

    @Test func finerHistoryIsAggregatedAndPartialSlotsScaled() throws {
        let center = testCenter(intervalMinutes: 15)
        let records = testRecords(center, from: "2026-11-02", days: 14, stepMinutes: 5) { date, minute in
            date == LocalDate("2026-11-03")! && minute == 8 * 60 + 5 ? nil : 4
        }
        let history = try Forecaster(center: center, records: records, historyMinutes: 5).histories[0]
        let monday = try #require(history.day(LocalDate("2026-11-02")!))
        #expect(monday.calls[32] == 12 && monday.calls[47] == 12 && monday.calls[48] == nil)
        let tuesday = try #require(history.day(LocalDate("2026-11-03")!))
        #expect(tuesday.calls[32] == 12, "two of three 5-minute rows: scaled up")
    }

    @Test func aGapBeforeTheTargetWeekIsBridged() throws {
        let center = testCenter(weekStart: "2027-01-04")
        let records = testRecords(center, from: "2026-09-07", days: 70) { _, _ in 30 }
        let forecaster = try Forecaster(center: center, records: records, historyMinutes: 60)
        let week = try forecaster.forecast(grid: center.timeGrid, strategy: AutoSelection(candidates: ForecastMethodCatalog.methods))
        #expect(week.entries.count == 20)
        #expect(week.entries.allSatisfy { abs($0.calls - 30) < 1e-9 })
    }

    @Test func aDSTWeekForecastsEveryRealInterval() throws {
        let center = testCenter(intervalMinutes: 15, allDay: true, timeZone: "Europe/Amsterdam", weekStart: "2026-10-19")
        let records = testRecords(center, from: "2026-09-07", days: 42) { _, minute in Double(minute / 60) }
        let forecaster = try Forecaster(center: center, records: records, historyMinutes: 15)
        let week = try forecaster.forecast(grid: center.timeGrid, strategy: FixedStrategy(WeekdayAverage(.median)))
        #expect(week.entries.count == 676)
        let repeated = week.entries.filter { center.timeGrid.intervals[$0.interval].local.description == "2026-10-25T02:30" }
        #expect(repeated.count == 2 && repeated.allSatisfy { $0.calls == 2 })
    }

    @Test func tooLittleHistoryFallsBackWithAWarning() throws {
        let center = testCenter()
        let records = testRecords(center, from: "2026-11-23", days: 7) { _, _ in 8 }
        let week = try Forecaster(center: center, records: records, historyMinutes: 60)
            .forecast(grid: center.timeGrid, strategy: FixedStrategy(WeekdayAverage(.median)))
        #expect(week.entries.count == 20)
        #expect(week.warnings.contains { $0.contains("weekday-median needs at least 2 weeks of mon; used seasonal-naive") })
    }

    @Test func badHistoryIsAnError() throws {
        let center = testCenter(queues: ["q", "r"])
        let onlyQ = testRecords(center, queue: "q", from: "2026-11-02", days: 14) { _, _ in 5 }
        #expect(throws: ForecastingError("history has no rows for queue 'r' (expected rows with queue=r)")) {
            try Forecaster(center: center, records: onlyQ, historyMinutes: 60)
        }
        let zeros = testRecords(center, queue: "q", from: "2026-11-02", days: 14) { _, _ in 0 }
            + testRecords(center, queue: "r", from: "2026-11-02", days: 14) { _, _ in 1 }
        let silent = #expect(throws: ForecastingError.self) { try Forecaster(center: center, records: zeros, historyMinutes: 60) }
        #expect(silent?.message.contains("'q'") == true, "\(silent?.message ?? "")")
    }

    @Test func autoPicksTheBestRankedCandidate() throws {
        let center = testCenter()
        var random = SeededGenerator(seed: 5)
        let records = testRecords(center, from: "2026-08-03", days: 119) { date, _ in
            Double(random.nextPoisson(mean: 200 + Double(date.weekday.isoNumber) * 20))
        }
        let history = try Forecaster(center: center, records: records, historyMinutes: 60).histories[0]
        let training = history.trainingDays(before: LocalDate("2026-11-30")!)
        let auto = AutoSelection(candidates: ForecastMethodCatalog.methods)
        let ranked = auto.ranked(training: training, origin: LocalDate("2026-11-30")!)
        #expect(ranked.count == ForecastMethodCatalog.methods.count + 1)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.wape <= $1.wape })
        #expect(auto.method(training: training, origin: LocalDate("2026-11-30")!).name == ranked[0].method.name)
        #expect(ranked.first { $0.method.name == "seasonal-naive" }!.wape > ranked[0].wape)
    }

    @Test func lastFullWeeksSkipAWeekStillOpen() throws {
        let center = testCenter()
        let records = testRecords(center, from: "2026-10-05", days: 53) { _, _ in 5 }
        let history = try Forecaster(center: center, records: records, historyMinutes: 60).histories[0]
        #expect(history.days.last?.date == LocalDate("2026-11-26")!)
        let weeks = Backtester.lastFullWeeks(history, count: 3, weekStartDay: .mon)
        #expect(weeks.map(\.description) == ["2026-11-02", "2026-11-09", "2026-11-16"])
    }
}

@Suite struct BusinessCalendarTests {
    @Test func turnOfMonthPositions() {
        let calendar = BusinessCalendar(center: testCenter(holidays: [LocalDate("2026-12-01")!]), queue: testCenter().queues[0])
        #expect(calendar.position(of: LocalDate("2026-12-02")!) == MonthPosition(fromStart: 1, fromEnd: 22))
        #expect(calendar.position(of: LocalDate("2026-12-31")!) == MonthPosition(fromStart: 22, fromEnd: 1))
        #expect(calendar.position(of: LocalDate("2026-12-29")!).turnOfMonthClass == -3)
        #expect(calendar.position(of: LocalDate("2026-12-15")!).turnOfMonthClass == nil)
    }
}
