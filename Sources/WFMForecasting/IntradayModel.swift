import WFMCore

/// One queue's intraday reforecasting: the ``IntradayAdjustment`` learned from the week-ahead
/// forecasts of the weeks before the forecast week (as the forecast's own prediction intervals
/// are), and those forecasts, which also calibrate the reforecast's band.
public struct IntradayModel: Sendable {
    /// The queue id.
    public let queue: String
    /// How the day so far moves the rest of it.
    public let adjustment: IntradayAdjustment
    /// Days the adjustment was learned from; 0 when ``IntradayAdjustment/fallback`` applies.
    public let trainingDays: Int
    private let training: [ForecastedDay]
    private let slotMinutes: Int

    /// The model learned from `training`, or the fallback when it holds too few days.
    init(queue: String, training: [ForecastedDay], slotMinutes: Int) {
        self.queue = queue
        self.training = training
        self.slotMinutes = slotMinutes
        let learned = IntradayAdjustment.learned(from: training, slotMinutes: slotMinutes)
        adjustment = learned ?? .fallback
        trainingDays = learned == nil ? 0 : training.count
    }

    /// A model with a given adjustment and no history (its reforecasts have no band).
    public init(queue: String, adjustment: IntradayAdjustment, slotMinutes: Int) {
        self.queue = queue
        self.adjustment = adjustment
        self.slotMinutes = slotMinutes
        training = []
        trainingDays = 0
    }

    /// Ended intervals whose calls the level-shift test compares: two, so that one noisy
    /// interval does not set it off.
    public static let shiftWindowSlots = 2
    /// How many robust standard deviations (1.4826 × the median absolute deviation of the
    /// training days' steps) from their median a step must lie to count as a shift. 2.5: on
    /// the bank history's intraday backtest (8 weeks) 2.5 and 3 score alike, while 2.5 catches
    /// more planted +30% peaks in the demo's 10:00–10:30 window (7 of 10 simulated days) and
    /// flagged none of 30 queue-days without one.
    static let shiftDeviations = 2.5

    /// The calls of the last ``shiftWindowSlots`` ended intervals moved away from the day's
    /// level before them far more than the same intervals did on the training days: the day
    /// has left its pattern (an outage, a campaign, a storm), and the rest of it is reforecast
    /// at the window's level.
    public struct LevelShift: Sendable, Equatable {
        /// The first slot of the window.
        public let fromSlot: Int
        /// Actual over week-ahead forecast calls in the window.
        public let ratio: Double
        /// What was tested: the window's ratio over the day's ratio before it, or (when
        /// ``withinDay`` is false, the window starting the day) the window's ratio.
        public let step: Double
        /// Whether ``step`` compares the window with the day before it.
        public let withinDay: Bool
        /// Its usual range: the training days' median in the same window ± 2.5 robust
        /// standard deviations.
        public let usual: ClosedRange<Double>
    }

    /// The rest of a day re-estimated at a cut-off.
    public struct Reforecast: Sendable {
        /// The learned factor from the day so far.
        public let factor: IntradayAdjustment.Factor
        /// Set when the last intervals moved outside the usual range; the rest of the day is
        /// then the forecast × their ratio instead of × ``factor``.
        public let shift: LevelShift?
        /// The factor applied to the rest of the day (``IntradayModel/applied(_:shift:)``).
        public var applied: Double { IntradayModel.applied(factor, shift: shift) }
        /// Calls per slot: the forecast before the cut-off, the forecast × factor from it on.
        public let calls: [Double]
        /// The reforecast's own error at this cut-off on the training days; nil without a
        /// history or with fewer than 30 slots.
        public let errors: ForecastErrorModel?
    }

    /// Re-estimates the rest of a day from its first `cutoffSlot` slots.
    /// - Parameters:
    ///   - forecast: the day's week-ahead forecast per slot (0 where closed).
    ///   - actual: the calls of the ended slots (nil where not reported; later slots ignored).
    ///   - cutoffSlot: the first slot that has not ended.
    public func reforecast(forecast: [Double], actual: [Double?], cutoffSlot: Int) -> Reforecast {
        let factor = adjustment.factor(forecast: forecast, actual: actual, cutoffSlot: cutoffSlot, slotMinutes: slotMinutes)
        let shift = levelShift(forecast: forecast, actual: actual, cutoffSlot: cutoffSlot)
        return Reforecast(factor: factor, shift: shift, calls: Self.scaled(forecast, from: cutoffSlot, by: Self.applied(factor, shift: shift)),
                          errors: errorModel(cutoffSlot: cutoffSlot))
    }

    /// The factor on the rest of the day: the learned `factor`, or after a level shift the
    /// window's ratio. The step test is strict enough that trusting the window fully keeps
    /// every cut-off of the bank history's backtest better than the week-ahead forecast (a
    /// weight of ½ scored within a point) and follows a planted peak whole.
    static func applied(_ factor: IntradayAdjustment.Factor, shift: LevelShift?) -> Double {
        shift?.ratio ?? factor.value
    }

    /// Actual over forecast calls in the ``shiftWindowSlots`` slots before `cutoffSlot`; nil
    /// when a slot is unreported or nothing was forecast.
    private static func windowRatio(forecast: [Double], actual: [Double?], cutoffSlot: Int, window length: Int = shiftWindowSlots) -> Double? {
        let window = max(0, cutoffSlot - length)..<min(cutoffSlot, forecast.count)
        guard window.count == length else { return nil }
        var calls = 0.0, forecastCalls = 0.0
        for slot in window {
            guard slot < actual.count, let known = actual[slot] else { return nil }
            calls += known
            forecastCalls += forecast[slot]
        }
        return forecastCalls > 0 ? calls / forecastCalls : nil
    }

    /// The level shift at `cutoffSlot`, if the window's step (``stepRatio(forecast:actual:cutoffSlot:)``)
    /// lies outside the training days' usual range; nil without at least
    /// ``IntradayAdjustment/minimumTrainingDays`` of them.
    /// The window's ratio over the ratio of the reported slots before it (`stepping`): how far
    /// the day's level moved within the day. Day-to-day level differences cancel, so a change
    /// stands out of the noise sooner than in the window's ratio alone, which is what is
    /// compared when the window starts the day (fewer than ``shiftWindowSlots`` open slots
    /// before it).
    private static func shiftStatistic(forecast: [Double], actual: [Double?], cutoffSlot: Int, stepping: Bool, window length: Int) -> Double? {
        guard let window = windowRatio(forecast: forecast, actual: actual, cutoffSlot: cutoffSlot, window: length) else { return nil }
        guard stepping else { return window }
        var calls = 0.0, forecastCalls = 0.0
        for slot in 0..<max(0, cutoffSlot - length) where forecast[slot] > 0 {
            guard slot < actual.count, let known = actual[slot] else { continue }
            calls += known
            forecastCalls += forecast[slot]
        }
        return calls > 0 && forecastCalls > 0 ? window / (calls / forecastCalls) : nil
    }

    /// The level shift at `cutoffSlot`: for the last ``shiftWindowSlots`` ended intervals and
    /// for twice as many, the statistic (``shiftStatistic(forecast:actual:cutoffSlot:stepping:window:)``)
    /// against the same window's on the training days, median ± 2.5 robust standard deviations
    /// (at least Poisson's); of the windows outside their range, the one furthest outside in
    /// those deviations. The longer window keeps a shift found an interval or two ago in sight
    /// once the shorter one's earlier part holds it too; it is only tried when the day before
    /// it has slots to step from (on the bank history, its ratio alone made 09:00 worse than
    /// the week-ahead forecast). Nil without at least
    /// ``IntradayAdjustment/minimumTrainingDays`` training days.
    private func levelShift(forecast: [Double], actual: [Double?], cutoffSlot: Int) -> LevelShift? {
        var best: (score: Double, shift: LevelShift)?
        for window in [Self.shiftWindowSlots, 2 * Self.shiftWindowSlots] {
            let before = max(0, cutoffSlot - window)
            let stepping = forecast[..<before].filter { $0 > 0 }.count >= Self.shiftWindowSlots
            guard stepping || window == Self.shiftWindowSlots, let ratio = Self.windowRatio(forecast: forecast, actual: actual, cutoffSlot: cutoffSlot, window: window),
                let statistic = Self.shiftStatistic(forecast: forecast, actual: actual, cutoffSlot: cutoffSlot, stepping: stepping, window: window)
            else { continue }
            let usual = training.compactMap {
                Self.shiftStatistic(forecast: $0.forecast, actual: $0.day.calls, cutoffSlot: cutoffSlot, stepping: stepping, window: window)
            }.sorted()
            guard usual.count >= IntradayAdjustment.minimumTrainingDays else { continue }
            let median = ForecastErrorModel.quantile(usual, 0.5)
            let windowCalls = forecast[before..<cutoffSlot].reduce(0, +), earlierCalls = forecast[..<before].reduce(0, +)
            let poisson = (1 / max(windowCalls, 1) + (stepping ? 1 / max(earlierCalls, 1) : 0)).squareRoot()
            let deviation = max(1.4826 * ForecastErrorModel.quantile(usual.map { abs($0 - median) }.sorted(), 0.5), poisson)
            let score = abs(statistic - median) / deviation
            guard score > Self.shiftDeviations, best.map({ score > $0.score }) ?? true else { continue }
            let spread = deviation * Self.shiftDeviations
            best = (score, LevelShift(fromSlot: before, ratio: ratio, step: statistic, withinDay: stepping, usual: (median - spread)...(median + spread)))
        }
        return best?.shift
    }

    /// The calls of `forecast` from `cutoffSlot` on scaled by `factor`; earlier slots 0 when
    /// `zeroingPast`, else as forecast.
    static func scaled(_ forecast: [Double], from cutoffSlot: Int, by factor: Double, zeroingPast: Bool = false) -> [Double] {
        forecast.enumerated().map { slot, calls in slot >= cutoffSlot ? calls * factor : (zeroingPast ? 0 : calls) }
    }

    /// The distribution of actual over reforecast calls after `cutoffSlot` on the training days.
    private func errorModel(cutoffSlot: Int) -> ForecastErrorModel? {
        let reforecasts = training.map { day in
            let factor = adjustment.factor(forecast: day.forecast, actual: day.day.calls, cutoffSlot: cutoffSlot, slotMinutes: slotMinutes)
            return ForecastedDay(day: day.day, forecast: Self.scaled(day.forecast, from: cutoffSlot, by: factor.value, zeroingPast: true))
        }
        return ForecastErrorModel(days: reforecasts, slotMinutes: slotMinutes)
    }
}

extension Forecaster {
    /// The intraday model of `queue` for a day of the week starting `week`, learned from the
    /// `strategy`'s week-ahead forecasts of the ``ForecastErrorModel/calibrationWeeks`` weeks before.
    /// - Parameter specialDays: whether the forecasts handle special days, as `wfm forecast` did.
    public func intradayModel(queue: String, week: LocalDate, strategy: any ForecastStrategy, specialDays: Bool = true) -> IntradayModel {
        guard let history = histories.first(where: { $0.queue == queue }),
            let queueConfig = center.queues.first(where: { $0.id == queue })
        else {
            return IntradayModel(queue: queue, adjustment: .fallback, slotMinutes: center.intervalMinutes)
        }
        let handled = specialDays ? strategy.handlingSpecialDays(SpecialDays(center: center, queue: queueConfig)) : strategy
        let training = (1...ForecastErrorModel.calibrationWeeks).compactMap {
            Backtester.forecastWeek(handled, history: history, origin: week.adding(days: -7 * $0))?.days
        }.flatMap { $0 }
        return IntradayModel(queue: queue, training: training, slotMinutes: history.slotMinutes)
    }
}
