import WFMCore

/// The intraday reforecast scored on history: for every day of the scored weeks and every
/// cut-off, the rest of the day as the week-ahead forecast had it and as reforecast from the
/// day so far, both against what happened.
public struct IntradayBacktest: Sendable {
    /// One cut-off's scores over the scored days.
    public struct CutoffScore: Sendable, Equatable {
        /// Minutes after midnight.
        public let minuteOfDay: Int
        /// The week-ahead forecast over the rest of each day (its `dailyWAPE` is the error of
        /// the rest-of-day total).
        public let weekAhead: AccuracyMetrics
        /// The reforecast over the same slots.
        public let reforecast: AccuracyMetrics
        /// Share of rest-of-day slots whose calls fell inside the reforecast's 80% band; nil
        /// where no band could be calibrated.
        public let bandCoverage: Double?

        /// The relative cut in the rest-of-day WAPE (positive: the reforecast is better).
        public var wapeCut: Double { 1 - reforecast.wape / weekAhead.wape }
        /// The relative cut in the error of the rest-of-day total.
        public var totalErrorCut: Double { 1 - reforecast.dailyWAPE / weekAhead.dailyWAPE }
    }

    /// The queue id.
    public let queue: String
    /// The scored weeks' first days, oldest first.
    public let weeks: [LocalDate]
    /// Per scored week, the adjustment learned before it.
    public let adjustments: [IntradayAdjustment]
    /// Per cut-off, in the order asked; cut-offs no scored day is open around are left out.
    public let cutoffs: [CutoffScore]
}

extension Forecaster {
    /// Scores the intraday reforecast of every queue over the last `weekCount` full weeks:
    /// each week's days are forecast from the days before the week, and the adjustment is
    /// learned from the ``ForecastErrorModel/calibrationWeeks`` weeks before it, as
    /// `wfm intraday` would have done then.
    /// - Parameters:
    ///   - cutoffs: minutes after midnight, each a multiple of the interval.
    ///   - specialDays: whether forecasts handle special days.
    /// - Complexity: forecasts `weekCount` + 8 weeks per queue.
    public func intradayBacktest(strategy: any ForecastStrategy, weekCount: Int, weekStartDay: Weekday, cutoffs: [Int],
                                 specialDays: Bool = true) -> [IntradayBacktest] {
        center.queues.compactMap { queue in
            guard let history = histories.first(where: { $0.queue == queue.id }) else { return nil }
            let handled = specialDays ? strategy.handlingSpecialDays(SpecialDays(center: center, queue: queue)) : strategy
            var weeksForecast: [LocalDate: [ForecastedDay]] = [:]
            let forecastWeek = { (origin: LocalDate) -> [ForecastedDay] in
                if let known = weeksForecast[origin] { return known }
                let days = Backtester.forecastWeek(handled, history: history, origin: origin)?.days ?? []
                weeksForecast[origin] = days
                return days
            }
            let origins = Backtester.lastFullWeeks(history, count: weekCount, weekStartDay: weekStartDay)
            var scores = cutoffs.map { _ in (weekAhead: AccuracyAccumulator(), reforecast: AccuracyAccumulator(), inBand: 0, banded: 0) }
            var adjustments: [IntradayAdjustment] = []
            for origin in origins {
                let training = (1...ForecastErrorModel.calibrationWeeks).flatMap { forecastWeek(origin.adding(days: -7 * $0)) }
                let model = IntradayModel(queue: queue.id, training: training, slotMinutes: history.slotMinutes)
                adjustments.append(model.adjustment)
                for day in forecastWeek(origin) {
                    for (index, minute) in cutoffs.enumerated() {
                        let cutoff = minute / history.slotMinutes
                        guard day.day.open[..<cutoff].contains(true), day.day.open[cutoff...].contains(true) else { continue }
                        let reforecast = model.reforecast(forecast: day.forecast, actual: day.day.calls, cutoffSlot: cutoff)
                        let actual = Array(day.day.calls[cutoff...])
                        scores[index].weekAhead.add(forecast: Array(day.forecast[cutoff...]), actual: actual)
                        scores[index].reforecast.add(forecast: Array(reforecast.calls[cutoff...]), actual: actual)
                        guard let errors = reforecast.errors else { continue }
                        for slot in cutoff..<day.forecast.count where day.day.open[slot] {
                            guard let calls = day.day.calls[slot] else { continue }
                            let point = reforecast.calls[slot], minute = slot * history.slotMinutes
                            scores[index].banded += 1
                            if calls >= point * errors.factor(0.1, minuteOfDay: minute), calls <= point * errors.factor(0.9, minuteOfDay: minute) {
                                scores[index].inBand += 1
                            }
                        }
                    }
                }
            }
            let cutoffScores = zip(cutoffs, scores).compactMap { minute, score -> IntradayBacktest.CutoffScore? in
                guard let weekAhead = score.weekAhead.scoredMetrics, let reforecast = score.reforecast.scoredMetrics else { return nil }
                return IntradayBacktest.CutoffScore(minuteOfDay: minute, weekAhead: weekAhead, reforecast: reforecast,
                                                    bandCoverage: score.banded > 0 ? Double(score.inBand) / Double(score.banded) : nil)
            }
            return IntradayBacktest(queue: queue.id, weeks: origins, adjustments: adjustments, cutoffs: cutoffScores)
        }
    }
}
