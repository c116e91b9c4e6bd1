import WFMCore

/// Top-down forecasting: the day's total from weekly levels with a damped trend, weekday
/// factors and turn-of-month effects, spread over the day by a robust intraday profile.
///
/// - Weekday factors and weekly levels come from alternating medians over the last
///   ``levelWeeks`` weeks of complete days (robust to outlier days).
/// - Turn-of-month effects (the first and last three business days of a month) are median
///   ratios of actual to expected totals over all training weeks, shrunk towards 1.
/// - The trend is the Theil–Sen slope of the weekly levels, damped by ``damping`` per week
///   ahead; the current level is the median of the last 6 trend-adjusted levels.
/// - The profile is the per-slot median share of the day over the last ``profileWeeks``
///   same-weekday days, renormalized over the target's open slots.
public struct DailyProfile: ForecastMethod {
    public let name = "daily-profile"
    /// Weeks of daily totals for levels, factors and trend.
    public let levelWeeks: Int
    /// Same-weekday days for the intraday profile.
    public let profileWeeks: Int
    /// Trend damping per week ahead, in `0...1` (0: no trend).
    public let damping: Double
    /// Whether turn-of-month effects are estimated.
    public let calendarEffects: Bool

    /// Creates the method.
    public init(levelWeeks: Int = 12, profileWeeks: Int = 8, damping: Double = 0.8, calendarEffects: Bool = true) {
        self.levelWeeks = levelWeeks
        self.profileWeeks = profileWeeks
        self.damping = damping
        self.calendarEffects = calendarEffects
    }

    public func forecast(_ target: TargetDay, training: [DemandDay]) -> [Double]? {
        guard let last = training.last?.date else { return nil }
        let complete = training.filter { $0.isComplete && $0.total > 0 }
        let window = complete.filter { $0.date.days(to: last) < 7 * levelWeeks }
        guard let model = DailyVolumeModel(window: window, all: complete, calendarEffects: calendarEffects),
            let total = model.total(for: target, damping: damping),
            let profile = profile(target, days: recent(window, weekday: target.date.weekday, count: profileWeeks))
        else { return nil }
        return profile.map { $0 * total }
    }

    /// The per-slot median share of the day, over the target's open slots, summing to 1.
    private func profile(_ target: TargetDay, days: [DemandDay]) -> [Double]? {
        guard !days.isEmpty else { return nil }
        let shares = target.open.indices.map { slot -> Double in
            guard target.open[slot] else { return 0 }
            let values = days.compactMap { day in day.calls[slot].map { $0 / day.total } }
            return values.isEmpty ? 0 : median(values)
        }
        let sum = shares.reduce(0, +)
        return sum > 0 ? shares.map { $0 / sum } : nil
    }
}

/// The median of all pairwise slopes (robust to outliers).
func theilSenSlope(_ points: [(x: Double, y: Double)]) -> Double {
    var slopes: [Double] = []
    for i in points.indices {
        for j in points.indices where j > i && points[j].x != points[i].x {
            slopes.append((points[j].y - points[i].y) / (points[j].x - points[i].x))
        }
    }
    return slopes.isEmpty ? 0 : median(slopes)
}

extension Int {
    /// Division rounding towards negative infinity.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
