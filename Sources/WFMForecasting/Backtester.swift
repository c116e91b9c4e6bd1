import WFMCore

/// A strategy's backtest: its accuracy over all weeks scored, and apart over weeks with and
/// without special days, its prediction intervals, and the method it used each week.
public struct BacktestScore: Sendable {
    /// Over every week scored.
    public var metrics: AccuracyMetrics
    /// Weeks without special days (nil when special days were not told apart, or none).
    public var normalWeeks: AccuracyMetrics?
    /// Weeks with a closure, a day next to one, or a day center.yaml names.
    public var specialWeeks: AccuracyMetrics?
    /// The prediction intervals, when scored.
    public var intervals: IntervalScore?
    /// The method used each week, oldest first.
    public var methods: [String]
}

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
    /// - Parameters:
    ///   - specialDays: when given, the weeks with special days are also scored apart.
    ///   - intervals: whether to score prediction intervals, each week's calibrated on the
    ///     ``ForecastErrorModel/calibrationWeeks`` weeks before it, as a forecast would be.
    public static func score(_ strategy: any ForecastStrategy, history: DemandHistory, origins: [LocalDate],
                             specialDays: SpecialDays? = nil, intervals: Bool = false) -> BacktestScore {
        var all = AccuracyAccumulator(), normal = AccuracyAccumulator(), special = AccuracyAccumulator()
        var bands = IntervalScoreAccumulator()
        var used: [String] = []
        var weeks: [LocalDate: [ForecastedDay]?] = [:]
        let forecast = { (origin: LocalDate) -> [ForecastedDay]? in
            if let known = weeks[origin] { return known }
            let week = forecastWeek(strategy, history: history, origin: origin)
            weeks[origin] = week?.days
            return week?.days
        }
        for origin in origins {
            guard let week = forecastWeek(strategy, history: history, origin: origin) else { continue }
            weeks[origin] = week.days
            used.append(week.method)
            let isSpecial = specialDays?.isSpecialWeek(startingAt: origin) ?? false
            for day in week.days {
                all.add(forecast: day.forecast, actual: day.day.calls)
                if isSpecial { special.add(forecast: day.forecast, actual: day.day.calls) } else { normal.add(forecast: day.forecast, actual: day.day.calls) }
            }
            guard intervals else { continue }
            let calibration = (1...ForecastErrorModel.calibrationWeeks).compactMap { forecast(origin.adding(days: -7 * $0)) }.flatMap { $0 }
            guard let model = ForecastErrorModel(days: calibration, slotMinutes: history.slotMinutes) else { continue }
            for day in week.days {
                for (slot, calls) in day.forecast.enumerated() where day.day.open[slot] {
                    guard let actual = day.day.calls[slot] else { continue }
                    let minute = slot * history.slotMinutes
                    bands.add(actual: actual, p10: calls * model.factor(0.1, minuteOfDay: minute), p50: calls,
                              p90: calls * model.factor(0.9, minuteOfDay: minute))
                }
            }
        }
        return BacktestScore(
            metrics: all.metrics, normalWeeks: specialDays == nil ? nil : normal.scoredMetrics,
            specialWeeks: specialDays == nil ? nil : special.scoredMetrics, intervals: bands.score, methods: used)
    }

    /// The week starting at `origin` forecast from the days before it, day by day (its normal
    /// and outlier days), and the method used; nil when nothing precedes it.
    static func forecastWeek(_ strategy: any ForecastStrategy, history: DemandHistory, origin: LocalDate)
        -> (method: String, days: [ForecastedDay])?
    {
        let training = history.trainingDays(before: origin)
        guard !training.isEmpty else { return nil }
        let method = strategy.method(training: training, origin: origin)
        let days = (0..<7).compactMap { offset -> ForecastedDay? in
            guard let day = history.day(origin.adding(days: offset)), day.status == .normal || day.status == .outlier,
                let forecast = forecastDay(target(day), method: method, training: training)
            else { return nil }
            return ForecastedDay(day: day, forecast: forecast.calls)
        }
        return (method.name, days)
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
