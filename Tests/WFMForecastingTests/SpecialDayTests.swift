import Foundation
import Testing
import WFMCore
@testable import WFMForecasting

/// Special days: the days around closures are recognised, their effects learned from history
/// (a planted effect recovered), applied to the forecast, and center.yaml's rules obeyed.
@Suite("Special days")
struct SpecialDayTests {
    /// Thirty weeks from Monday 2026-03-02, a closure every fourth Monday from the third week.
    static let first = LocalDate("2026-03-02")!
    static let closures: Set<LocalDate> = Set(stride(from: 2, to: 30, by: 4).map { first.adding(days: 7 * $0) })

    /// 100 calls an hour on ordinary days (Monday 120), the day after each closure ×`effect`.
    static func history(effect: Double, center: Center) -> [HistoryRecord] {
        testRecords(center, from: first.description, days: 7 * 30) { date, _ in
            if center.holidays.contains(date) { return nil }
            let base = date.weekday == .mon ? 120.0 : 100.0
            return closures.contains(date.adding(days: -1)) ? base * effect : base
        }
    }

    @Test func daysAroundAClosureAreClassified() {
        let center = testCenter(holidays: [LocalDate("2026-12-07")!])
        let days = SpecialDays(center: center, queue: center.queues[0])
        #expect(days.kind(of: LocalDate("2026-12-08")!) == .dayAfter)
        #expect(days.kind(of: LocalDate("2026-12-04")!) == .dayBefore, "the Friday before a closed Monday: the weekend is not open")
        #expect(days.kind(of: LocalDate("2026-12-10")!) == .shortWeek)
        #expect(days.kind(of: LocalDate("2026-12-07")!) == nil, "the closure itself is not a business day")
        #expect(days.kind(of: LocalDate("2026-12-15")!) == nil)
        #expect(days.isSpecialWeek(startingAt: LocalDate("2026-12-07")!) && !days.isSpecialWeek(startingAt: LocalDate("2026-12-14")!))
    }

    /// A day after a closure planted at +30% is learned within 5%, the days that carry no
    /// effect near 1.
    @Test func aPlantedDayAfterEffectIsRecovered() throws {
        let center = testCenter(holidays: Self.closures)
        let forecaster = try Forecaster(center: center, records: Self.history(effect: 1.3, center: center), historyMinutes: 60)
        let training = forecaster.histories[0].trainingDays(before: Self.first.adding(days: 7 * 30))
        let effects = SpecialDays(center: center, queue: center.queues[0]).effects(learnedFrom: training)
        let dayAfter = try #require(effects.factors[.dayAfter])
        #expect(abs(dayAfter / 1.3 - 1) < 0.05, "\(dayAfter)")
        #expect(effects.samples[.dayAfter] == Self.closures.count)
        #expect(abs((effects.factors[.dayBefore] ?? 1) - 1) < 0.01 && abs((effects.factors[.shortWeek] ?? 1) - 1) < 0.01)
    }

    /// The week after the history, whose Monday is closed: its Tuesday is forecast at the
    /// learned effect above an ordinary Tuesday, and as ordinary with special days off.
    @Test func theForecastAppliesTheEffect() throws {
        let week = Self.first.adding(days: 7 * 30)
        var center = testCenter(holidays: Self.closures.union([week]), weekStart: week.description)
        let forecaster = try Forecaster(center: center, records: Self.history(effect: 1.3, center: center), historyMinutes: 60)
        let strategy = FixedStrategy(WeekdayAverage(.median))
        let tuesday = { (forecast: WeekForecast) in
            forecast.entries.filter { center.timeGrid.intervals[$0.interval].local.date == week.adding(days: 1) }.map(\.calls)
        }
        let handled = try forecaster.forecast(grid: center.timeGrid, strategy: strategy)
        let ordinary = try forecaster.forecast(grid: center.timeGrid, strategy: strategy, specialDays: false)
        #expect(tuesday(ordinary).allSatisfy { abs($0 - 100) < 1e-9 }, "the median of ordinary Tuesdays")
        #expect(tuesday(handled).allSatisfy { abs($0 / 130 - 1) < 0.05 }, "\(tuesday(handled))")
        #expect(handled.notes.contains { $0.contains("day after a closure") })
        center.specialDays = [SpecialDayRule(date: week.adding(days: 1), like: .mon, factor: 0.5)]
        let ruled = try Forecaster(center: center, records: Self.history(effect: 1.3, center: center), historyMinutes: 60)
            .forecast(grid: center.timeGrid, strategy: strategy)
        #expect(tuesday(ruled).allSatisfy { abs($0 - 60) < 1e-9 }, "like an ordinary Monday (120), halved: \(tuesday(ruled))")
    }
}
