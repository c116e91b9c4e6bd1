import WFMCore

/// Produces forecasts for whole weeks and scores them against what happened.
public enum Backtester {
    /// The forecast of one target day, falling back to seasonal naive (and then nothing)
    /// where `method` lacks data; says which method produced it.
    public static func forecastDay(_ target: TargetDay, method: any ForecastMethod, training: [DemandDay])
        -> (calls: [Double], usedMethod: String)?
    {
        if let calls = method.forecast(target, training: training) { return (calls, method.name) }
        let fallback = SeasonalNaive()
        return fallback.forecast(target, training: training).map { ($0, fallback.name) }
    }

    /// The target day matching a historical day.
    static func target(_ day: DemandDay) -> TargetDay {
        TargetDay(date: day.date, open: day.open, monthPosition: day.monthPosition)
    }

    /// Scores `strategy` on the weeks starting at `origins`: each week is forecast from the
    /// days before it, and compared with its normal and outlier days.
    /// - Returns: the metrics and, per week, the method the strategy used.
    public static func score(_ strategy: any ForecastStrategy, history: DemandHistory, origins: [LocalDate])
        -> (metrics: AccuracyMetrics, methods: [String])
    {
        var accumulator = AccuracyAccumulator()
        var used: [String] = []
        for origin in origins {
            let training = history.trainingDays(before: origin)
            guard !training.isEmpty else { continue }
            let method = strategy.method(training: training, origin: origin)
            used.append(method.name)
            for offset in 0..<7 {
                guard let day = history.day(origin.adding(days: offset)), day.status == .normal || day.status == .outlier,
                    let forecast = forecastDay(target(day), method: method, training: training)
                else { continue }
                accumulator.add(forecast: forecast.calls, actual: day.calls)
            }
        }
        return (accumulator.metrics, used)
    }

    /// The starts of the last `count` full weeks of `history`: weeks (beginning on
    /// `weekStartDay`) whose every open, non-holiday day lies within the history.
    public static func lastFullWeeks(_ history: DemandHistory, count: Int, weekStartDay: Weekday) -> [LocalDate] {
        guard let lastDay = history.days.last(where: { $0.status != .noData })?.date, let first = history.days.first?.date else {
            return []
        }
        var start = lastDay
        while start.weekday != weekStartDay { start = start.adding(days: -1) }
        if trailingDaysOpen(history, from: start, after: lastDay) { start = start.adding(days: -7) }
        var origins: [LocalDate] = []
        while origins.count < count, start > first {
            origins.insert(start, at: 0)
            start = start.adding(days: -7)
        }
        return origins
    }

    /// Whether the week starting at `start` has open days after `lastDay` (judged by the
    /// weekday pattern of the history: a weekday open in the history is open then too).
    private static func trailingDaysOpen(_ history: DemandHistory, from start: LocalDate, after lastDay: LocalDate) -> Bool {
        let openWeekdays = Set(history.days.filter { $0.open.contains(true) }.map(\.date.weekday))
        return (0..<7).map { start.adding(days: $0) }.contains { $0 > lastDay && openWeekdays.contains($0.weekday) }
    }
}
