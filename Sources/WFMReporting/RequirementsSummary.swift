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
        /// When staffing for a percentile of the forecast: the agent-hours the point forecast
        /// alone would need.
        public var pointForecastAgentHours: Double?
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
            if let point = row.pointAgentsScheduled { day.pointForecastAgentHours = (day.pointForecastAgentHours ?? 0) + Double(point) * hoursPerInterval }
            if row.agentsScheduled > day.peakScheduledAgents {
                day.peakScheduledAgents = row.agentsScheduled
                day.peakAt = TimeOfDay(minutes: interval.local.minuteOfDay)!.description
            }
            days[key] = day
        }
        let rank = Dictionary(uniqueKeysWithValues: queueOrder.enumerated().map { ($1, $0) })
        self.days = days.values.sorted { (rank[$0.queue] ?? .max, $0.date) < (rank[$1.queue] ?? .max, $1.date) }
    }

    /// The summary as a terminal table; staffing for a percentile adds the agent-hours of the
    /// point forecast and the difference.
    public func table() -> TextTable {
        let risk = days.contains { $0.pointForecastAgentHours != nil }
        var table = TextTable(columns: [
            .init("queue", .left), .init("date", .left), .init("day", .left), .init("calls"), .init("agent-hours"),
        ] + (risk ? [.init("at point forecast"), .init("extra")] : []) + [.init("peak agents"), .init("peak at", .left)])
        for day in days {
            var cells = [day.queue, day.date.description, day.date.weekday.rawValue, NumberFormatting.fixed(day.calls, 0),
                         NumberFormatting.fixed(day.scheduledAgentHours, 1)]
            if risk {
                let point = day.pointForecastAgentHours ?? day.scheduledAgentHours
                cells += [NumberFormatting.fixed(point, 1), NumberFormatting.fixed(day.scheduledAgentHours - point, 1)]
            }
            table.append(cells + [String(day.peakScheduledAgents), day.peakAt])
        }
        return table
    }

    /// Agent-hours in all, and those of the point forecast when staffing for a percentile.
    public var totals: (agentHours: Double, pointForecastAgentHours: Double?) {
        let hours = days.reduce(0) { $0 + $1.scheduledAgentHours }
        let point = days.contains { $0.pointForecastAgentHours != nil } ? days.reduce(0) { $0 + ($1.pointForecastAgentHours ?? $1.scheduledAgentHours) } : nil
        return (hours, point)
    }
}
