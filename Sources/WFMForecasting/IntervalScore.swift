/// How well prediction intervals held in a backtest.
public struct IntervalScore: Sendable, Codable, Equatable {
    /// Share of slots whose actual calls fell inside the 80% band (10% to 90% quantiles).
    public var coverage80: Double
    /// The pinball loss averaged over the 10%, 50% and 90% quantiles, divided by the mean
    /// actual calls per slot (0 is perfect; comparable across queues, like WAPE).
    public var scaledPinball: Double
    /// Slots scored.
    public var slots: Int
}

/// Accumulates slots into an ``IntervalScore``.
struct IntervalScoreAccumulator {
    private var covered = 0, slots = 0
    private var pinball = 0.0, actualTotal = 0.0

    /// Adds one slot: the actual and the calls at 10%, 50% and 90%.
    mutating func add(actual: Double, p10: Double, p50: Double, p90: Double) {
        slots += 1
        if actual >= p10 && actual <= p90 { covered += 1 }
        for (level, quantile) in [(0.1, p10), (0.5, p50), (0.9, p90)] {
            let miss = actual - quantile
            pinball += max(level * miss, (level - 1) * miss) / 3
        }
        actualTotal += actual
    }

    var score: IntervalScore? {
        guard slots > 0, actualTotal > 0 else { return nil }
        return IntervalScore(coverage80: Double(covered) / Double(slots), scaledPinball: pinball / actualTotal, slots: slots)
    }
}
