import WFMCore
import WFMReporting

/// What the page shows of a measured roster (schema `wfm.figures/1`): the verdict, the week and
/// each day per queue as `wfm report` gives them, and per interval the required agents against
/// those present with the service level by formula.
struct RosterFigures: Sendable, Encodable {
    /// One queue-interval.
    struct IntervalPoint: Sendable, Encodable {
        /// Local start, `YYYY-MM-DDTHH:MM`.
        let start: String
        let queue: String
        let calls: Double
        /// Agents required on the schedule (productive need grossed up by shrinkage).
        let required: Int
        /// Agents present (on shift, not on a break), a share of cross-trained agents' time.
        let present: Double
        /// By formula, in 0...1.
        let serviceLevel: Double
        /// Whether a target is missed.
        let missed: Bool
    }

    var schema = "wfm.figures/1"
    let targetsMet: Bool
    let intervalsMissed: Int
    let ruleViolations: [String]
    let targets: [QueueTargets]
    /// Per queue, then `all`.
    let weeks: [PeriodFigures]
    /// Per day and queue.
    let days: [PeriodFigures]
    /// The intervals of ``day`` (every open interval of the week when nil).
    let day: String?
    let intervals: [IntervalPoint]

    /// The figures of `report`, intervals limited to `day` (a date of the week) when given.
    init(_ report: RosterReport, day: LocalDate?) {
        targetsMet = report.targetsMet
        intervalsMissed = report.intervalsMissed
        ruleViolations = report.ruleViolations
        targets = report.targets
        weeks = report.weeks
        days = report.days
        self.day = day?.description
        let prefix = day?.description
        intervals = report.intervals.compactMap { interval in
            guard interval.calls > 0 || interval.requiredScheduled > 0 || interval.present > 0 else { return nil }
            if let prefix, !interval.start.hasPrefix(prefix) { return nil }
            return IntervalPoint(start: String(interval.start.prefix(16)), queue: interval.queue, calls: interval.calls,
                                 required: interval.requiredScheduled, present: interval.present,
                                 serviceLevel: interval.predicted.serviceLevel, missed: interval.missesTarget)
        }
    }
}
