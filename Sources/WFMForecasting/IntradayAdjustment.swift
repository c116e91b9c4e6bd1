import Foundation
import WFMCore

/// How much the calls of a day so far move the forecast of the rest of that day.
///
/// The rest of the day is the forecast × (1 − w + w × r), where
/// - r is the ratio of actual to forecast calls over the slots that have ended, each slot
///   weighted 0.5^(age / ``halfLifeMinutes``) (its age measured from its end to the cut-off), so
///   the last hour counts more than the first when the level changes during the day;
/// - w = s / (s + ``shrinkage``), s the forecast's share of the day's calls already past: early
///   in the day little is known and the ratio is shrunk toward 1.
///
/// Both are learned per queue from the history (``learned(from:slotMinutes:)``); where the
/// history is too short, ``fallback`` applies.
public struct IntradayAdjustment: Sendable, Equatable, CustomStringConvertible {
    /// The half-life of a slot's weight in the ratio, in minutes; nil weighs every ended slot
    /// alike.
    public let halfLifeMinutes: Int?
    /// k in w = s / (s + k), a share of the day's calls (> 0): larger trusts the day less;
    /// `.infinity` keeps the week-ahead forecast.
    public let shrinkage: Double

    /// Creates an adjustment.
    public init(halfLifeMinutes: Int?, shrinkage: Double) {
        self.halfLifeMinutes = halfLifeMinutes
        self.shrinkage = shrinkage
    }

    /// `half-life 60 min, k 0.15` (or `no recency weighting, k 0.15`, or `no adjustment`).
    public var description: String {
        guard shrinkage.isFinite else { return "no adjustment" }
        return (halfLifeMinutes.map { "half-life \($0) min" } ?? "no recency weighting") + ", k \(shrinkage)"
    }

    /// Used where a queue's history holds fewer than ``minimumTrainingDays`` forecast days: the
    /// median of what ``learned(from:slotMinutes:)`` chose on the bank history's rolling 8-week
    /// windows (half-life 30–60 min, k 0.10–0.20) and on the demo center's.
    public static let fallback = IntradayAdjustment(halfLifeMinutes: 60, shrinkage: 0.15)

    /// Days the learning needs; fewer use ``fallback``.
    public static let minimumTrainingDays = 10

    /// The half-lives tried when learning, in minutes (nil: no recency weighting).
    static let halfLifeCandidates: [Int?] = [30, 60, 120, 240, nil]
    /// The shrinkage constants tried when learning.
    /// `.infinity` leaves the forecast as it is: a queue whose days move with noise rather than
    /// with their level learns to trust the week-ahead forecast.
    static let shrinkageCandidates: [Double] = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.2, 2, 4, .infinity]

    /// The ratio of actual to forecast calls so far, its weight, and the factor on the rest of
    /// the day.
    public struct Factor: Sendable, Equatable {
        /// r: the recency-weighted ratio of actual to forecast calls in the ended slots (1 when
        /// nothing was forecast or observed).
        public let observedRatio: Double
        /// w, in 0...1.
        public let weight: Double
        /// Share of the day's forecast calls in the ended slots, in 0...1.
        public let elapsedShare: Double

        /// 1 − w + w × r.
        public var value: Double { 1 - weight + weight * observedRatio }
    }

    /// The factor at `cutoffSlot` (the first slot not yet ended).
    /// - Parameters:
    ///   - forecast: the day's forecast per slot (0 where closed).
    ///   - actual: the day's actual calls per slot; slots from `cutoffSlot` on are ignored, and
    ///     nil (not reported) slots are left out of both sums.
    ///   - slotMinutes: the slot length.
    public func factor(forecast: [Double], actual: [Double?], cutoffSlot: Int, slotMinutes: Int) -> Factor {
        var weightedActual = 0.0, weightedForecast = 0.0, elapsed = 0.0
        let dayTotal = forecast.reduce(0, +)
        for slot in 0..<min(cutoffSlot, forecast.count) {
            elapsed += forecast[slot]
            guard slot < actual.count, let calls = actual[slot] else { continue }
            let weight = recencyWeight(ageMinutes: (cutoffSlot - slot - 1) * slotMinutes)
            weightedActual += weight * calls
            weightedForecast += weight * forecast[slot]
        }
        guard weightedForecast > 0, dayTotal > 0 else { return Factor(observedRatio: 1, weight: 0, elapsedShare: 0) }
        let share = min(1, elapsed / dayTotal)
        return Factor(observedRatio: weightedActual / weightedForecast, weight: share / (share + shrinkage), elapsedShare: share)
    }

    func recencyWeight(ageMinutes: Int) -> Double {
        guard let halfLifeMinutes else { return 1 }
        return pow(0.5, Double(ageMinutes) / Double(halfLifeMinutes))
    }

    /// The candidate with the least absolute error over the rest of the day, summed over every
    /// cut-off of every day in `days` (each slot boundary with open slots on both sides); nil
    /// when `days` holds fewer than ``minimumTrainingDays`` days. Ties keep the first candidate
    /// (shorter half-life, then smaller k).
    /// - Complexity: O(days × slots² × candidates); 8 weeks of 15-minute slots take milliseconds.
    static func learned(from days: [ForecastedDay], slotMinutes: Int) -> IntradayAdjustment? {
        guard days.count >= minimumTrainingDays else { return nil }
        var best: (error: Double, adjustment: IntradayAdjustment)?
        for halfLife in halfLifeCandidates {
            for shrinkage in shrinkageCandidates {
                let candidate = IntradayAdjustment(halfLifeMinutes: halfLife, shrinkage: shrinkage)
                let error = days.reduce(0.0) { $0 + candidate.restOfDayError(on: $1, slotMinutes: slotMinutes) }
                if best == nil || error < best!.error { best = (error, candidate) }
            }
        }
        return best?.adjustment
    }

    /// Σ over the day's cut-offs of Σ |reforecast − actual| over the slots after each.
    private func restOfDayError(on day: ForecastedDay, slotMinutes: Int) -> Double {
        let openSlots = day.day.open.indices.filter { day.day.open[$0] }
        guard let first = openSlots.first, let last = openSlots.last, last > first else { return 0 }
        var error = 0.0
        for cutoff in (first + 1)...last {
            let factor = factor(forecast: day.forecast, actual: day.day.calls, cutoffSlot: cutoff, slotMinutes: slotMinutes).value
            for slot in cutoff..<day.forecast.count {
                guard let actual = day.day.calls[slot] else { continue }
                error += abs(day.forecast[slot] * factor - actual)
            }
        }
        return error
    }
}
