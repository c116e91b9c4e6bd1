import Foundation
import Testing
import WFMCore
@testable import WFMForecasting

/// Prediction intervals: quantiles centred on the forecast and monotone, calibrated on the
/// strategy's own errors, covering about what they say.
@Suite("Prediction intervals")
struct PredictionIntervalTests {
    static func synthetic(weeks: Int) throws -> (Center, Forecaster) {
        let center = testCenter(intervalMinutes: 30, weekStart: "2026-11-30")
        let generator = SyntheticHistory(center: center, patterns: [.init(queue: "q", dailyCalls: [900, 800, 780, 760, 820, 0, 0], ahtSeconds: 300)],
                                         seed: 7)
        let records = generator.records(weeks: weeks, endingBefore: center.weekStart, intervalMinutes: 30)
        return (center, try Forecaster(center: center, records: records, historyMinutes: 30))
    }

    @Test func quantilesAreMonotoneAndCentredOnTheForecast() throws {
        let (center, forecaster) = try Self.synthetic(weeks: 20)
        let forecast = try forecaster.forecast(grid: center.timeGrid, strategy: FixedStrategy(WeekdayAverage(.mean)))
        #expect(!forecast.entries.isEmpty)
        for entry in forecast.entries {
            #expect(entry.quantiles.map(\.probability) == ForecastErrorModel.levels)
            #expect(zip(entry.quantiles, entry.quantiles.dropFirst()).allSatisfy { $0.calls <= $1.calls }, "\(entry.quantiles)")
            #expect(entry.quantiles.first { $0.probability == 0.5 }?.calls == entry.calls)
            #expect(entry.calls(atProbability: 0.5) == entry.calls)
        }
    }

    /// Poisson noise around a steady pattern: the 80% band covers about 80% of the slots.
    @Test func theBandCoversWhatItSays() throws {
        let (_, forecaster) = try Self.synthetic(weeks: 30)
        let history = forecaster.histories[0]
        let origins = Backtester.lastFullWeeks(history, count: 10, weekStartDay: .mon)
        let score = Backtester.score(FixedStrategy(WeekdayAverage(.mean)), history: history, origins: origins, intervals: true)
        let intervals = try #require(score.intervals)
        #expect(intervals.slots > 300)
        #expect((0.72...0.88).contains(intervals.coverage80), "\(intervals.coverage80)")
        #expect(intervals.scaledPinball > 0 && intervals.scaledPinball < score.metrics.wape, "\(intervals)")
    }

    /// Between two quantiles the calls are interpolated; beyond the last there is no answer.
    @Test func callsAtAProbabilityInterpolate() {
        var entry = ForecastEntry(interval: 0, queue: "q", calls: 100, ahtSeconds: 300)
        entry.quantiles = [CallQuantile(probability: 0.1, calls: 80), CallQuantile(probability: 0.5, calls: 100),
                           CallQuantile(probability: 0.9, calls: 130)]
        #expect(entry.calls(atProbability: 0.9) == 130)
        #expect(abs(entry.calls(atProbability: 0.7)! - 115) < 1e-9)
        #expect(entry.calls(atProbability: 0.95) == nil)
        #expect(ForecastEntry(interval: 0, queue: "q", calls: 100, ahtSeconds: 300).calls(atProbability: 0.5) == 100)
    }
}
