import WFMCore

/// The prediction interval of a forecast: the empirical distribution of the ratio of actual to
/// forecast calls in the strategy's own week-ahead forecasts of recent weeks, by two-hour band
/// of the day (pooled over the whole day where a band has fewer than 30 slots).
///
/// The quantiles are centred on the point forecast: the calls at probability p are the
/// forecast × R(p) / R(0.5), R the ratio quantile. So the median is the forecast itself, and
/// staffing for p = 0.5 is staffing for the forecast.
public struct ForecastErrorModel: Sendable, Equatable {
    /// The probabilities forecast.csv carries.
    public static let levels: [Double] = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95]
    /// Weeks before the origin whose forecasts calibrate the model.
    public static let calibrationWeeks = 8
    static let bandMinutes = 120
    static let minimumBandSamples = 30
    /// Slots forecast below this many calls are left out (their ratios say little).
    static let minimumForecast = 1.0

    private let byBand: [Int: [Double]]
    private let pooled: [Double]

    /// Slots the model was calibrated on.
    public var samples: Int { pooled.count }

    /// The model of `days` (forecast and actual); nil when fewer than 30 slots qualify.
    init?(days: [ForecastedDay], slotMinutes: Int) {
        var bands: [Int: [Double]] = [:]
        for day in days {
            for (slot, forecast) in day.forecast.enumerated() where forecast >= Self.minimumForecast {
                guard let actual = day.day.calls[slot] else { continue }
                bands[slot * slotMinutes / Self.bandMinutes, default: []].append(actual / forecast)
            }
        }
        let pooled = bands.values.flatMap { $0 }.sorted()
        guard pooled.count >= Self.minimumBandSamples else { return nil }
        self.pooled = pooled
        byBand = bands.filter { $0.value.count >= Self.minimumBandSamples }.mapValues { $0.sorted() }
    }

    /// The factor on the point forecast at probability `p` for the slot starting `minuteOfDay`.
    public func factor(_ p: Double, minuteOfDay: Int) -> Double {
        let ratios = byBand[minuteOfDay / Self.bandMinutes] ?? pooled
        let middle = Self.quantile(ratios, 0.5)
        return middle > 0 ? Self.quantile(ratios, p) / middle : 1
    }

    /// The quantiles at ``levels`` of `calls` forecast for the slot starting `minuteOfDay`.
    public func quantiles(calls: Double, minuteOfDay: Int) -> [CallQuantile] {
        Self.levels.map { CallQuantile(probability: $0, calls: calls * factor($0, minuteOfDay: minuteOfDay)) }
    }

    /// The p-quantile of sorted `values`, linear between order statistics.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard let first = values.first else { return 0 }
        let position = p * Double(values.count - 1)
        let low = Int(position.rounded(.down))
        guard low + 1 < values.count else { return values[values.count - 1] }
        let weight = position - Double(low)
        return low < 0 ? first : values[low] * (1 - weight) + values[low + 1] * weight
    }
}

/// One historical day forecast a week ahead.
struct ForecastedDay {
    let day: DemandDay
    let forecast: [Double]
}
