import WFMCore

/// A rolling-origin backtest of every method on every queue.
public struct BacktestReport: Sendable, Codable {
    /// One method on one queue.
    public struct Row: Sendable, Codable {
        public var queue: String
        public var method: String
        public var metrics: AccuracyMetrics
        /// For `auto`: the method it used for each week, oldest first.
        public var choices: [String]?
    }

    /// The weeks scored (their first days).
    public var weeks: [LocalDate]
    /// The rows, per queue in center.yaml order, methods in catalog order.
    public var rows: [Row]

    /// Backtests every strategy over the last `weekCount` full weeks of each queue.
    /// - Parameter progress: called before each queue-and-strategy run with a description.
    public init(forecaster: Forecaster, strategies: [any ForecastStrategy], weekCount: Int, weekStartDay: Weekday,
                progress: (String) -> Void = { _ in }) {
        var rows: [Row] = []
        var weeks: [LocalDate] = []
        for history in forecaster.histories {
            let origins = Backtester.lastFullWeeks(history, count: weekCount, weekStartDay: weekStartDay)
            if weeks.isEmpty { weeks = origins }
            for (index, strategy) in strategies.enumerated() {
                progress("backtest \(history.queue): \(strategy.name) (\(index + 1)/\(strategies.count)), \(origins.count) weeks")
                let (metrics, used) = Backtester.score(strategy, history: history, origins: origins)
                rows.append(Row(queue: history.queue, method: strategy.name, metrics: metrics,
                                choices: strategy is AutoSelection ? used : nil))
            }
        }
        self.weeks = weeks
        self.rows = rows
    }
}
