import Foundation
import WFMCore

/// Generates realistic call history deterministically, for demos and tests: a double-humped
/// intraday curve, weekday levels, a gentle trend, Poisson noise, and no rows on closed days.
public struct SyntheticHistory: Sendable {
    /// The demand pattern of one queue.
    public struct QueuePattern: Sendable {
        /// The queue id.
        public var queue: String
        /// Expected calls per open day, Monday first (7 values).
        public var dailyCalls: [Double]
        /// Mean handle time in seconds; each interval's AHT varies around it.
        public var ahtSeconds: Double
        /// Relative growth per week (0.01 = +1% a week).
        public var weeklyTrend: Double

        /// Creates a pattern.
        public init(queue: String, dailyCalls: [Double], ahtSeconds: Double, weeklyTrend: Double = 0) {
            precondition(dailyCalls.count == 7, "one daily volume per weekday, Monday first")
            self.queue = queue
            self.dailyCalls = dailyCalls
            self.ahtSeconds = ahtSeconds
            self.weeklyTrend = weeklyTrend
        }
    }

    /// The center: time zone, opening hours, holidays and queues.
    public var center: Center
    /// The demand per queue.
    public var patterns: [QueuePattern]
    /// The random seed.
    public var seed: UInt64

    /// Creates a generator.
    public init(center: Center, patterns: [QueuePattern], seed: UInt64) {
        self.center = center
        self.patterns = patterns
        self.seed = seed
    }

    /// The relative call intensity at a wall-clock minute: a morning peak near 10:30, a
    /// smaller afternoon peak near 14:30, and a low base from opening to closing.
    public static func intradayShape(minuteOfDay: Int) -> Double {
        let hour = Double(minuteOfDay) / 60
        let morning = exp(-pow((hour - 10.5) / 1.6, 2))
        let afternoon = 0.75 * exp(-pow((hour - 14.5) / 1.9, 2))
        return 0.12 + morning + afternoon
    }

    /// Expected calls per interval for `pattern` on `date`, for each open interval start
    /// (wall-clock minute), `weeksFromStart` weeks after the first generated week.
    public func expectedCalls(for pattern: QueuePattern, date: LocalDate, intervalMinutes: Int, weeksFromStart: Double)
        -> [(minuteOfDay: Int, calls: Double)]
    {
        guard let queue = center.queue(pattern.queue), !center.holidays.contains(date) else { return [] }
        let minutes = stride(from: 0, to: 1440, by: intervalMinutes).filter {
            center.isOpen(queue, at: LocalDateTime(date: date, minuteOfDay: $0))
        }
        let weights = minutes.map { Self.intradayShape(minuteOfDay: $0 + intervalMinutes / 2) }
        let total = weights.reduce(0, +)
        guard total > 0 else { return [] }
        let daily = pattern.dailyCalls[date.weekday.isoNumber - 1] * pow(1 + pattern.weeklyTrend, weeksFromStart)
        return zip(minutes, weights).map { ($0, daily * $1 / total) }
    }

    /// History for `weeks` whole weeks ending the day before `end`, at `intervalMinutes`,
    /// per queue in time order. Same seed, same records.
    public func records(weeks: Int, endingBefore end: LocalDate, intervalMinutes: Int) -> [HistoryRecord] {
        var random = SeededGenerator(seed: seed)
        let first = end.adding(days: -7 * weeks)
        var records: [HistoryRecord] = []
        for pattern in patterns {
            for day in 0..<(7 * weeks) {
                let date = first.adding(days: day)
                for (minute, mean) in expectedCalls(for: pattern, date: date, intervalMinutes: intervalMinutes,
                                                     weeksFromStart: Double(day) / 7) {
                    let local = LocalDateTime(date: date, minuteOfDay: minute)
                    guard let start = local.instants(in: center.timeZone).first else { continue }
                    let calls = random.nextPoisson(mean: mean)
                    let aht = calls > 0 ? (pattern.ahtSeconds * (0.9 + 0.2 * random.nextUnitInterval())).rounded() : nil
                    records.append(HistoryRecord(start: start, local: local, queue: pattern.queue, calls: Double(calls), ahtSeconds: aht))
                }
            }
        }
        return records
    }
}
