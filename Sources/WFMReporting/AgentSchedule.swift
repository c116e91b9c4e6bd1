import Foundation
import WFMCore

/// The roster as agents receive it: per agent and day of the week, the shift or the day off,
/// breaks marked paid or unpaid, and the queues to log into.
public struct AgentSchedule: Sendable {
    /// A break as the agent sees it.
    public struct Break: Sendable, Equatable {
        /// Local wall-clock start and end, `HH:MM`.
        public var from: String
        public var to: String
        /// Whether the break is paid (from the shift template's break rules; nil when the
        /// roster's break matches none of them).
        public var paid: Bool?
    }

    /// One agent on one day.
    public struct Day: Sendable {
        public var agent: Agent
        public var date: LocalDate
        /// The shift, nil for a day off.
        public var shift: RosterShift?
        /// Local wall-clock start and end of the shift, `HH:MM`.
        public var from: String
        public var to: String
        public var breaks: [Break]
        /// Whether the agent is unavailable all day (agents.csv).
        public var unavailable: Bool
        /// The queues to log into, best priority first.
        public var queues: [String]

        /// `work`, `off` or `unavailable`.
        public var status: String { shift != nil ? "work" : unavailable ? "unavailable" : "off" }
    }

    /// Agents in agents.csv order, each with seven days.
    public let days: [Day]
    let timeZone: TimeZone

    /// Builds the schedule of `shifts`.
    public init(center: Center, agents: [Agent], shifts: [RosterShift]) {
        timeZone = center.timeZone
        let byAgentDate = Dictionary(shifts.map { ("\($0.agentID)#\($0.date)", $0) }, uniquingKeysWith: { first, _ in first })
        let clock = { (instant: Date) in TimeOfDay(minutes: LocalDateTime(instant, in: center.timeZone).minuteOfDay)!.description }
        var days: [Day] = []
        for agent in agents {
            let queues = agent.skills.enumerated().sorted { ($0.element.priority ?? 1, $0.offset) < ($1.element.priority ?? 1, $1.offset) }
                .map(\.element.queue)
            for offset in 0..<7 {
                let date = center.weekStart.adding(days: offset)
                let shift = byAgentDate["\(agent.id)#\(date)"]
                let template = shift.flatMap { shift in center.shiftTemplates.first { $0.id == shift.templateID } }
                let breaks = shift.map { shift in
                    Self.paidFlags(shift, template: template).map { pause, paid in Break(from: clock(pause.start), to: clock(pause.end), paid: paid) }
                } ?? []
                days.append(Day(agent: agent, date: date, shift: shift, from: shift.map { clock($0.start) } ?? "",
                                to: shift.map { clock($0.end) } ?? "", breaks: breaks, unavailable: agent.isAbsentAllDay(on: date),
                                queues: queues))
            }
        }
        self.days = days
    }

    /// Each break with whether its template rule is paid: breaks are matched, in time order,
    /// to the unused rule of the same length that comes first.
    private static func paidFlags(_ shift: RosterShift, template: ShiftTemplate?) -> [(RosterBreak, Bool?)] {
        var rules = (template?.breaks ?? []).sorted { $0.earliestOffsetMinutes < $1.earliestOffsetMinutes }
        return shift.breaks.sorted { $0.start < $1.start }.map { pause in
            let minutes = Int((pause.end.timeIntervalSince(pause.start) / 60).rounded())
            guard let index = rules.firstIndex(where: { $0.minutes == minutes }) else { return (pause, nil) }
            return (pause, rules.remove(at: index).paid)
        }
    }

    /// `10:30-10:45 paid;12:30-13:00 unpaid`.
    public static func breaksText(_ breaks: [Break]) -> String {
        breaks.map { "\($0.from)-\($0.to) " + ($0.paid.map { $0 ? "paid" : "unpaid" } ?? "unknown") }.joined(separator: ";")
    }

    /// One row per agent and day: `agent_id,name,contract,date,weekday,status,shift,start,end,paid_hours,breaks,queues`.
    public func csv() -> String {
        var text = CSVFormatting.line(["agent_id", "name", "contract", "date", "weekday", "status", "shift", "start", "end", "paid_hours",
                                       "breaks", "queues"])
        for day in days {
            text += CSVFormatting.line([
                day.agent.id, day.agent.name, day.agent.contract, day.date.description, day.date.weekday.rawValue, day.status,
                day.shift?.templateID ?? "", day.from, day.to,
                day.shift.map { CSVFormatting.number(Double($0.paidMinutes) / 60, digits: 2) } ?? "",
                Self.breaksText(day.breaks), day.queues.joined(separator: ";"),
            ])
        }
        return text
    }
}
