/// Forecast accuracy over a set of slots and days.
public struct AccuracyMetrics: Sendable, Codable, Equatable {
    /// Weighted absolute percentage error: Σ|F − A| / ΣA over slots.
    public var wape: Double
    /// Mean absolute percentage error over slots with A > 0.
    public var mape: Double
    /// Σ(F − A) / ΣA: positive when the forecast is too high.
    public var bias: Double
    /// WAPE of daily totals: Σ_days |ΣF − ΣA| / ΣA.
    public var dailyWAPE: Double
    /// Slots scored.
    public var slots: Int
    /// Days scored.
    public var days: Int
}

/// Accumulates forecast-versus-actual pairs into ``AccuracyMetrics``.
public struct AccuracyAccumulator: Sendable {
    private var absoluteError = 0.0, signedError = 0.0, actualTotal = 0.0
    private var percentageErrors = 0.0, percentageCount = 0
    private var dailyAbsoluteError = 0.0
    private var slots = 0, days = 0

    /// Creates an empty accumulator.
    public init() {}

    /// Adds one day: forecast and actual per slot (slots with no actual are skipped).
    public mutating func add(forecast: [Double], actual: [Double?]) {
        var forecastSum = 0.0, actualSum = 0.0
        for (f, a) in zip(forecast, actual) {
            guard let a else { continue }
            absoluteError += abs(f - a)
            signedError += f - a
            actualTotal += a
            forecastSum += f
            actualSum += a
            if a > 0 {
                percentageErrors += abs(f - a) / a
                percentageCount += 1
            }
            slots += 1
        }
        dailyAbsoluteError += abs(forecastSum - actualSum)
        days += 1
    }

    /// The metrics, or nil when no day was scored.
    public var scoredMetrics: AccuracyMetrics? { days > 0 ? metrics : nil }

    /// The metrics so far (0 where nothing was scored).
    public var metrics: AccuracyMetrics {
        let total = actualTotal > 0 ? actualTotal : .nan
        return AccuracyMetrics(
            wape: absoluteError / total, mape: percentageCount > 0 ? percentageErrors / Double(percentageCount) : .nan,
            bias: signedError / total, dailyWAPE: dailyAbsoluteError / total, slots: slots, days: days)
    }
}
