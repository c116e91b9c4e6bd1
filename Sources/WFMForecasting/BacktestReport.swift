import WFMCore

/// A rolling-origin backtest of every method on every queue.
public struct BacktestReport: Sendable, Codable {
    /// One method on one queue.
    public struct Row: Sendable, Codable {
        public var queue: String
        public var method: String
        public var metrics: AccuracyMetrics
        /// Weeks without special days.
        public var normalWeeks: AccuracyMetrics?
        /// Weeks with special days (``BacktestReport/specialWeeks``).
        public var specialWeeks: AccuracyMetrics?
        /// The prediction intervals: coverage of the 80% band and the scaled pinball loss.
        public var intervals: IntervalScore?
        /// For `auto`: the method it used for each week, oldest first.
        public var choices: [String]?
    }

    /// The weeks scored (their first days).
    public var weeks: [LocalDate]
    /// Those of them with special days: a closure, a day next to one, a day center.yaml names.
    public var specialWeeks: [LocalDate]
    /// Whether the forecasts handled special days.
    public var specialDayHandling: Bool
    /// The rows, per queue in center.yaml order, methods in catalog order.
    public var rows: [Row]

    /// Backtests every strategy over the last `weekCount` full weeks of each queue, with its
    /// prediction intervals, and the weeks with special days apart.
    /// - Parameters:
    ///   - specialDays: whether the forecasts handle special days (``SpecialDays``).
    ///   - progress: called before each queue-and-strategy run with a description.
    public init(forecaster: Forecaster, strategies: [any ForecastStrategy], weekCount: Int, weekStartDay: Weekday,
                specialDays: Bool = true, progress: (String) -> Void = { _ in }) {
        var rows: [Row] = []
        var weeks: [LocalDate] = []
        var specialWeeks: Set<LocalDate> = []
        for history in forecaster.histories {
            guard let queue = forecaster.center.queues.first(where: { $0.id == history.queue }) else { continue }
            let days = SpecialDays(center: forecaster.center, queue: queue)
            let origins = Backtester.lastFullWeeks(history, count: weekCount, weekStartDay: weekStartDay)
            if weeks.isEmpty { weeks = origins }
            specialWeeks.formUnion(origins.filter { days.isSpecialWeek(startingAt: $0) })
            for (index, strategy) in strategies.enumerated() {
                progress("backtest \(history.queue): \(strategy.name) (\(index + 1)/\(strategies.count)), \(origins.count) weeks")
                let handled = specialDays ? strategy.handlingSpecialDays(days) : strategy
                let score = Backtester.score(handled, history: history, origins: origins, specialDays: days, intervals: true)
                rows.append(Row(queue: history.queue, method: strategy.name, metrics: score.metrics, normalWeeks: score.normalWeeks,
                                specialWeeks: score.specialWeeks, intervals: score.intervals,
                                choices: strategy is AutoSelection ? score.methods : nil))
            }
        }
        self.weeks = weeks
        self.specialWeeks = specialWeeks.sorted()
        specialDayHandling = specialDays
        self.rows = rows
    }
}
