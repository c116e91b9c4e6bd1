import WFMCore
import WFMReporting

/// What the page shows of a measured roster (schema `wfm.figures/1`): the verdict, the week and
/// each day per queue as `wfm report` gives them, and per open interval (as columns) the
/// required agents against those present with the service level by formula.
struct RosterFigures: Sendable, Encodable {
    /// The queue-intervals, column by column (the i-th of each array is one queue-interval).
    struct IntervalColumns: Sendable, Encodable {
        /// Local start, `YYYY-MM-DDTHH:MM`.
        var start: [String] = []
        var queue: [String] = []
        var calls: [Double] = []
        /// Agents required on the schedule (productive need grossed up by shrinkage).
        var required: [Int] = []
        /// Agents present (on shift, not on a break), a share of cross-trained agents' time.
        var present: [Double] = []
        /// By formula, in 0...1.
        var serviceLevel: [Double] = []
        /// Whether a target is missed.
        var missed: [Bool] = []
    }

    var schema = "wfm.figures/1"
    let targetsMet: Bool
    let intervalsMissed: Int
    let ruleViolations: [String]
    let targets: [QueueTargets]
    /// Per queue, then `all`.
    let weeks: [PeriodFigures]
    /// Per day and queue (of ``day`` alone when given).
    let days: [PeriodFigures]
    /// The intervals of ``day`` (every open interval of the week when nil).
    let day: String?
    let intervals: IntervalColumns

    /// The figures of `report`, intervals limited to `day` (a date of the week) when given.
    init(_ report: RosterReport, day: LocalDate?) {
        targetsMet = report.targetsMet
        intervalsMissed = report.intervalsMissed
        ruleViolations = report.ruleViolations
        targets = report.targets
        weeks = report.weeks
        days = report.days.filter { period in day.map { period.period == $0.description } ?? true }
        self.day = day?.description
        let prefix = day?.description
        var columns = IntervalColumns()
        for interval in report.intervals where interval.calls > 0 || interval.requiredScheduled > 0 || interval.present > 0 {
            if let prefix, !interval.start.hasPrefix(prefix) { continue }
            columns.start.append(String(interval.start.prefix(16)))
            columns.queue.append(interval.queue)
            columns.calls.append(interval.calls)
            columns.required.append(interval.requiredScheduled)
            columns.present.append(interval.present)
            columns.serviceLevel.append(interval.predicted.serviceLevel)
            columns.missed.append(interval.missesTarget)
        }
        intervals = columns
    }
}
