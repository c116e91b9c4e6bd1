import Foundation
import Testing
import WFMCore
@testable import WFMForecasting

@Suite struct ForecastMethodTests {
    /// Four Mondays and one Tuesday; Mondays carry 10/20, 14/18, 12/30, 40/10 (newest last).
    let training = [
        demandDay("2026-11-02", [10, 20]), demandDay("2026-11-09", [14, 18]), demandDay("2026-11-16", [12, 30]),
        demandDay("2026-11-17", [99, 99]), demandDay("2026-11-23", [40, 10]),
    ]
    let monday = target("2026-11-30", slots: 2)

    @Test func seasonalNaiveRepeatsTheLatestSameWeekday() {
        #expect(SeasonalNaive().forecast(monday, training: training) == [40, 10])
    }

    @Test func weekdayStatistics() throws {
        #expect(WeekdayAverage(.mean, weeks: 4).forecast(monday, training: training) == [19, 19.5])
        #expect(WeekdayAverage(.median, weeks: 4).forecast(monday, training: training) == [13, 19])
        #expect(WeekdayAverage(.mean, weeks: 2).forecast(monday, training: training) == [26, 20])
        let ewma = try #require(WeekdayAverage(.exponential(smoothing: 0.5), weeks: 2).forecast(monday, training: training))
        #expect(abs(ewma[0] - (0.5 * 40 + 0.25 * 12) / 0.75) < 1e-12)
    }

    @Test func weekdayMethodsNeedTwoWeeks() {
        let tuesday = target("2026-12-01", slots: 2)
        #expect(WeekdayAverage(.median).forecast(tuesday, training: training) == nil)
        #expect(SeasonalNaive().forecast(tuesday, training: training) == [99, 99])
    }

    @Test func combinationAveragesItsMethods() {
        let combined = Combination([SeasonalNaive(), WeekdayAverage(.mean, weeks: 4)])
        #expect(combined.forecast(monday, training: training) == [29.5, 14.75])
        #expect(combined.name == "seasonal-naive+weekday-mean")
    }

    /// A perfectly multiplicative history — a level growing by 10 calls a week, weekday factors and a
    /// fixed intraday profile — is recovered by the top-down method (without damping).
    @Test func dailyProfileRecoversAMultiplicativeSeries() throws {
        let factors: [Weekday: Double] = [.mon: 1.2, .tue: 1.0, .wed: 0.9, .thu: 0.95, .fri: 0.95]
        let shares = [0.1, 0.4, 0.3, 0.2]
        let first = LocalDate("2026-08-31")!
        var days: [DemandDay] = []
        for offset in 0..<(7 * 12) {
            let date = first.adding(days: offset)
            guard let factor = factors[date.weekday] else { continue }
            let total = (1000 + 10 * Double(offset / 7)) * factor
            days.append(demandDay(date.description, shares.map { $0 * total }))
        }
        let method = DailyProfile(levelWeeks: 12, profileWeeks: 8, damping: 1, calendarEffects: false)
        let forecast = try #require(method.forecast(target("2026-11-23", slots: 4), training: days))
        let expected = (1000 + 10 * 12) * 1.2
        for (value, share) in zip(forecast, shares) {
            #expect(abs(value - share * expected) < 1e-6 * expected)
        }
    }

    @Test func accuracyMetrics() {
        var accumulator = AccuracyAccumulator()
        accumulator.add(forecast: [110, 90, 5], actual: [100, 100, nil])
        accumulator.add(forecast: [50], actual: [40])
        let metrics = accumulator.metrics
        #expect(abs(metrics.wape - 30.0 / 240) < 1e-12)
        #expect(abs(metrics.bias - 10.0 / 240) < 1e-12)
        #expect(abs(metrics.mape - (0.1 + 0.1 + 0.25) / 3) < 1e-12)
        #expect(abs(metrics.dailyWAPE - 10.0 / 240) < 1e-12)
        #expect(metrics.slots == 3 && metrics.days == 2)
    }
}
