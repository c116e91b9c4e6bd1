import Foundation
import WFMCore

/// One queue's rest of the day re-estimated at `--now`.
public struct QueueReforecast: Sendable {
    /// The queue id.
    public let queue: String
    /// The model that re-estimated it.
    public let model: IntradayModel
    /// The first slot of the day (minutes ÷ interval) that had not ended at `--now`.
    public let cutoffSlot: Int
    /// Calls the week-ahead forecast expected in the ended intervals that have actuals.
    public let forecastSoFar: Double
    /// Calls offered in those intervals.
    public let actualSoFar: Double
    /// Ended open intervals with no row in the actuals (left out of the ratio).
    public let unreportedIntervals: Int
    /// The calls' reforecast.
    public let reforecast: IntradayModel.Reforecast
    /// The factor on the rest of the day's AHT: the handled-call-weighted ratio of actual to
    /// forecast AHT so far, shrunk with the calls' weight.
    public let ahtFactor: Double
    /// Calls the week-ahead forecast expects from the cut-off to the end of the day.
    public let restOfDayForecast: Double
    /// Calls the reforecast expects over the same intervals.
    public let restOfDayReforecast: Double
}

/// Re-estimates the rest of today for every queue from the actuals so far.
public enum IntradayReforecaster {
    /// The week's forecast with the rest of `now`'s day reforecast, and each queue's reforecast.
    ///
    /// The rest of the day starts at the interval `now` falls in (an interval in progress is
    /// reforecast). The quantiles of a reforecast interval come from the reforecast's own error
    /// model where the model has one, else from the forecast's scaled by the factor.
    /// - Parameters:
    ///   - forecast: the week's forecast (forecast.csv).
    ///   - actuals: today's ended intervals.
    ///   - models: per queue id; a queue without one gets ``IntradayAdjustment/fallback``.
    public static func reforecast(center: Center, grid: TimeGrid, now: Date, forecast: [ForecastEntry], actuals: [IntervalActual],
                                  models: [String: IntradayModel]) -> (forecast: [ForecastEntry], queues: [QueueReforecast]) {
        let slotMinutes = grid.intervalMinutes
        let today = LocalDateTime(now, in: center.timeZone)
        let cutoffSlot = today.minuteOfDay / slotMinutes
        let slotOf = { (interval: Int) -> Int? in
            let local = grid.intervals[interval].local
            return local.date == today.date ? local.minuteOfDay / slotMinutes : nil
        }
        var entries = forecast
        var queues: [QueueReforecast] = []
        for queue in center.queues {
            let slots = 1440 / slotMinutes
            var forecastCalls = Array(repeating: 0.0, count: slots), forecastAHT = Array(repeating: queue.ahtSeconds, count: slots)
            var actualCalls = [Double?](repeating: nil, count: slots)
            var handled = [Double?](repeating: nil, count: slots), actualAHT = Array(repeating: 0.0, count: slots)
            var ownEntries: [Int] = []
            for (index, entry) in forecast.enumerated() where entry.queue == queue.id {
                guard let slot = slotOf(entry.interval) else { continue }
                forecastCalls[slot] = entry.calls
                forecastAHT[slot] = entry.ahtSeconds
                ownEntries.append(index)
            }
            for actual in actuals where actual.queue == queue.id {
                guard let slot = slotOf(actual.interval) else { continue }
                actualCalls[slot] = actual.offered
                handled[slot] = actual.handled
                actualAHT[slot] = actual.ahtSeconds
            }
            let model = models[queue.id] ?? IntradayModel(queue: queue.id, adjustment: .fallback, slotMinutes: slotMinutes)
            let result = model.reforecast(forecast: forecastCalls, actual: actualCalls, cutoffSlot: cutoffSlot)
            let ahtRatio = model.adjustment.ahtRatio(forecast: forecastAHT, actual: actualAHT, handled: handled, cutoffSlot: cutoffSlot,
                                                     slotMinutes: slotMinutes)
            let ahtFactor = 1 - result.factor.weight + result.factor.weight * ahtRatio
            for index in ownEntries {
                guard let slot = slotOf(entries[index].interval), slot >= cutoffSlot else { continue }
                let original = entries[index]
                entries[index].calls = result.calls[slot]
                entries[index].ahtSeconds = original.ahtSeconds * ahtFactor
                let minute = slot * slotMinutes
                entries[index].quantiles = result.errors?.quantiles(calls: result.calls[slot], minuteOfDay: minute)
                    ?? original.quantiles.map { CallQuantile(probability: $0.probability, calls: $0.calls * result.applied) }
            }
            let ended = (0..<min(cutoffSlot, slots))
            let reported = ended.filter { actualCalls[$0] != nil }
            queues.append(QueueReforecast(
                queue: queue.id, model: model, cutoffSlot: cutoffSlot,
                forecastSoFar: reported.reduce(0) { $0 + forecastCalls[$1] }, actualSoFar: reported.reduce(0) { $0 + actualCalls[$1]! },
                unreportedIntervals: ended.filter { forecastCalls[$0] > 0 && actualCalls[$0] == nil }.count, reforecast: result,
                ahtFactor: ahtFactor, restOfDayForecast: forecastCalls[min(cutoffSlot, slots)...].reduce(0, +),
                restOfDayReforecast: result.calls[min(cutoffSlot, slots)...].reduce(0, +)))
        }
        return (entries, queues)
    }
}

extension IntradayAdjustment {
    /// The handled-call-weighted ratio of actual to forecast AHT in the ended slots, each slot
    /// weighted by recency as the calls are; 1 when nothing was handled.
    func ahtRatio(forecast: [Double], actual: [Double], handled: [Double?], cutoffSlot: Int, slotMinutes: Int) -> Double {
        var actualWork = 0.0, forecastWork = 0.0
        for slot in 0..<min(cutoffSlot, forecast.count) {
            guard let calls = handled[slot], calls > 0 else { continue }
            let weight = recencyWeight(ageMinutes: (cutoffSlot - slot - 1) * slotMinutes)
            actualWork += weight * calls * actual[slot]
            forecastWork += weight * calls * forecast[slot]
        }
        return forecastWork > 0 ? actualWork / forecastWork : 1
    }
}
