import WFMCore

/// A day to forecast: its date, which slots are open, and its place in the month.
public struct TargetDay: Sendable, Equatable {
    /// The local date.
    public let date: LocalDate
    /// Whether each slot is open.
    public let open: [Bool]
    /// The day's place among the month's business days.
    public let monthPosition: MonthPosition

    /// Creates a target day.
    public init(date: LocalDate, open: [Bool], monthPosition: MonthPosition) {
        self.date = date
        self.open = open
        self.monthPosition = monthPosition
    }
}

/// A way to forecast calls per slot from a queue's training days.
public protocol ForecastMethod: Sendable {
    /// The name used on the command line and in reports, e.g. `weekday-median`.
    var name: String { get }

    /// Calls per slot for `target` (0 in closed slots), or nil when the training days do not
    /// hold enough of the target's weekday for this method.
    /// - Parameter training: normal days before the forecast origin, oldest first.
    func forecast(_ target: TargetDay, training: [DemandDay]) -> [Double]?
}

extension ForecastMethod {
    /// The last `count` training days on `weekday`, newest first.
    func recent(_ training: [DemandDay], weekday: Weekday, count: Int) -> [DemandDay] {
        Array(training.reversed().lazy.filter { $0.date.weekday == weekday }.prefix(count))
    }
}

/// Same slot, same weekday, one week earlier — or the latest such day with data.
public struct SeasonalNaive: ForecastMethod {
    public let name = "seasonal-naive"

    /// Creates the method.
    public init() {}

    public func forecast(_ target: TargetDay, training: [DemandDay]) -> [Double]? {
        let days = recent(training, weekday: target.date.weekday, count: 4)
        guard !days.isEmpty else { return nil }
        return target.open.indices.map { slot in
            target.open[slot] ? days.lazy.compactMap { $0.calls[slot] }.first ?? 0 : 0
        }
    }
}

/// A statistic of the same weekday and slot over the last N weeks.
public struct WeekdayAverage: ForecastMethod {
    /// Which statistic.
    public enum Statistic: Sendable, Equatable {
        case mean
        case median
        /// Exponentially weighted: the newest week weighs `smoothing`, the one before
        /// `smoothing × (1 − smoothing)`, and so on.
        case exponential(smoothing: Double)
    }

    /// The statistic.
    public let statistic: Statistic
    /// How many weeks back.
    public let weeks: Int

    /// Creates the method.
    public init(_ statistic: Statistic, weeks: Int = 8) {
        self.statistic = statistic
        self.weeks = weeks
    }

    public var name: String {
        switch statistic {
        case .mean: "weekday-mean"
        case .median: "weekday-median"
        case .exponential: "weekday-ewma"
        }
    }

    /// Needs at least 2 weeks of the target's weekday.
    public func forecast(_ target: TargetDay, training: [DemandDay]) -> [Double]? {
        let days = recent(training, weekday: target.date.weekday, count: weeks)
        guard days.count >= 2 else { return nil }
        return target.open.indices.map { slot in
            guard target.open[slot] else { return 0 }
            let values = days.compactMap { $0.calls[slot] }
            guard !values.isEmpty else { return 0 }
            switch statistic {
            case .mean:
                return values.reduce(0, +) / Double(values.count)
            case .median:
                return median(values)
            case .exponential(let smoothing):
                var weight = smoothing, total = 0.0, weights = 0.0
                for value in values {
                    total += weight * value
                    weights += weight
                    weight *= 1 - smoothing
                }
                return total / weights
            }
        }
    }
}

/// The average of other methods' forecasts (e.g. the best two in a backtest).
public struct Combination: ForecastMethod {
    /// The methods combined, with equal weights.
    public let methods: [any ForecastMethod]

    /// Creates the combination.
    public init(_ methods: [any ForecastMethod]) { self.methods = methods }

    public var name: String { methods.map(\.name).joined(separator: "+") }

    public func forecast(_ target: TargetDay, training: [DemandDay]) -> [Double]? {
        let forecasts = methods.compactMap { $0.forecast(target, training: training) }
        guard forecasts.count == methods.count, let first = forecasts.first else { return nil }
        return first.indices.map { slot in forecasts.reduce(0) { $0 + $1[slot] } / Double(forecasts.count) }
    }
}
