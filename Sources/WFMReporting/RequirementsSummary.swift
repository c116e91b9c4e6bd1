import WFMCore

/// Per queue and day: the calls, the agent-hours to schedule, and the peak — the numbers a
/// scheduler checks first in a requirements file.
public struct RequirementsSummary: Sendable, Equatable, Codable {
    /// One queue on one day.
    public struct Day: Sendable, Equatable, Codable {
        /// The queue id.
        public var queue: String
        /// The local date.
        public var date: LocalDate
        /// Expected calls.
        public var calls: Double
        /// Scheduled agent-hours (agents to schedule × interval length).
        public var scheduledAgentHours: Double
        /// The most agents to schedule in one interval.
        public var peakScheduledAgents: Int
        /// The wall-clock start of the (first) peak interval.
        public var peakAt: String
    }

    /// Queue-days in queue order (as in center.yaml), then date.
    public var days: [Day]

    /// Summarizes requirement rows.
    /// - Parameters:
    ///   - rows: the requirements.
    ///   - grid: the week they belong to.
    ///   - queueOrder: queue ids in display order.
    public init(rows: [IntervalRequirement], grid: TimeGrid, queueOrder: [String]) {
        let hoursPerInterval = Double(grid.intervalMinutes) / 60
        var days: [String: Day] = [:]
        for row in rows {
            let interval = grid.intervals[row.interval]
            let key = "\(row.queue)#\(interval.local.date)"
            var day = days[key] ?? Day(queue: row.queue, date: interval.local.date, calls: 0, scheduledAgentHours: 0,
                                       peakScheduledAgents: -1, peakAt: "")
            day.calls += row.calls
            day.scheduledAgentHours += Double(row.agentsScheduled) * hoursPerInterval
            if row.agentsScheduled > day.peakScheduledAgents {
                day.peakScheduledAgents = row.agentsScheduled
                day.peakAt = TimeOfDay(minutes: interval.local.minuteOfDay)!.description
            }
            days[key] = day
        }
        let rank = Dictionary(uniqueKeysWithValues: queueOrder.enumerated().map { ($1, $0) })
        self.days = days.values.sorted { (rank[$0.queue] ?? .max, $0.date) < (rank[$1.queue] ?? .max, $1.date) }
    }

    /// The summary as a terminal table.
    public func table() -> TextTable {
        var table = TextTable(columns: [
            .init("queue", .left), .init("date", .left), .init("day", .left), .init("calls"), .init("agent-hours"),
            .init("peak agents"), .init("peak at", .left),
        ])
        for day in days {
            table.append([
                day.queue, day.date.description, day.date.weekday.rawValue, NumberFormatting.fixed(day.calls, 0),
                NumberFormatting.fixed(day.scheduledAgentHours, 1), String(day.peakScheduledAgents), day.peakAt,
            ])
        }
        return table
    }
}
