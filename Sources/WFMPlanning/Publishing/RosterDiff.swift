import Foundation
import WFMCore
import WFMReporting

/// What changed between two rosters of one week, per agent and day: a shift added or removed,
/// its template, times, breaks, queues or overtime, with the paid hours before and after.
public struct RosterDiff: Sendable, Codable, Equatable {
    /// One agent-day that differs.
    public struct DayChange: Sendable, Codable, Equatable {
        public var date: LocalDate
        /// `added`, `removed`, or what changed on a kept day: any of `shift`, `times`,
        /// `breaks`, `queues`, `overtime`, joined by `+`.
        public var change: String
        /// The day before and after, as a line (`early8 09:00-17:30, breaks …, queues …`), or
        /// `off`.
        public var before: String
        public var after: String
        /// Paid hours after less before.
        public var paidHoursChange: Double
    }

    /// One agent with changes.
    public struct AgentChanges: Sendable, Codable, Equatable {
        public var agent: String
        public var name: String
        public var days: [DayChange]
        /// The agent's paid hours of the week, before and after.
        public var paidHoursBefore: Double
        public var paidHoursAfter: Double
    }

    public var schema = "wfm.diff/1"
    /// The two rosters, as named.
    public var before: String
    public var after: String
    /// The agents with a change, in agents.csv order.
    public var agents: [AgentChanges]

    /// Agent-days changed.
    public var daysChanged: Int { agents.reduce(0) { $0 + $1.days.count } }

    /// The differences from `old` to `new`, both of the week of `center`.
    public init(before: String, after: String, old: [RosterShift], new: [RosterShift], center: Center, agents: [Agent]) {
        self.before = before
        self.after = after
        let oldDays = AgentSchedule(center: center, agents: agents, shifts: old).days
        let newDays = AgentSchedule(center: center, agents: agents, shifts: new).days
        var changes: [AgentChanges] = []
        for (index, agent) in agents.enumerated() {
            let range = (index * 7)..<(index * 7 + 7)
            let days = zip(oldDays[range], newDays[range]).compactMap { Self.change($0, $1, timeZone: center.timeZone) }
            guard !days.isEmpty else { continue }
            let paid = { (days: ArraySlice<AgentSchedule.Day>) in Double(days.reduce(0) { $0 + ($1.shift?.paidMinutes ?? 0) }) / 60 }
            changes.append(AgentChanges(agent: agent.id, name: agent.name, days: days, paidHoursBefore: paid(oldDays[range]),
                                        paidHoursAfter: paid(newDays[range])))
        }
        self.agents = changes
    }

    /// How one agent-day changed, nil when it did not.
    static func change(_ old: AgentSchedule.Day, _ new: AgentSchedule.Day, timeZone: TimeZone) -> DayChange? {
        let paid = { (day: AgentSchedule.Day) in Double(day.shift?.paidMinutes ?? 0) / 60 }
        let make = { (change: String) in
            DayChange(date: new.date, change: change, before: describe(old), after: describe(new), paidHoursChange: paid(new) - paid(old))
        }
        switch (old.shift, new.shift) {
        case (nil, nil): return nil
        case (nil, .some): return make("added")
        case (.some, nil): return make("removed")
        case let (.some(before), .some(after)):
            var parts: [String] = []
            if before.templateID != after.templateID { parts.append("shift") }
            if before.start != after.start || before.end != after.end { parts.append("times") }
            if old.breaks != new.breaks { parts.append("breaks") }
            if old.queues != new.queues { parts.append("queues") }
            if before.overtimeBeforeMinutes != after.overtimeBeforeMinutes || before.overtimeAfterMinutes != after.overtimeAfterMinutes {
                parts.append("overtime")
            }
            return parts.isEmpty ? nil : make(parts.joined(separator: "+"))
        }
    }

    /// `early8 09:00-17:30, breaks 11:30-11:45 paid;…, queues billing, overtime 60 min`, or `off`.
    static func describe(_ day: AgentSchedule.Day) -> String {
        guard let shift = day.shift else { return "off" }
        var text = "\(shift.templateID) \(day.from)-\(day.to)"
        if !day.breaks.isEmpty { text += ", breaks \(AgentSchedule.breaksText(day.breaks))" }
        if !day.queues.isEmpty { text += ", queues \(day.queues.joined(separator: "+"))" }
        let overtime = shift.overtimeBeforeMinutes + shift.overtimeAfterMinutes
        if overtime > 0 { text += ", overtime \(overtime) min" }
        return text
    }

    /// Per changed agent-day a row, then the count of agents and days and the paid hours' change.
    public func text() -> String {
        var table = TextTable(columns: [.init("agent", .left), .init("date", .left), .init("change", .left), .init("before", .left),
                                        .init("after", .left), .init("paid h")])
        for agent in agents {
            for day in agent.days {
                table.append(["\(agent.agent) \(agent.name)", day.date.description, day.change, day.before, day.after,
                              Self.signed(day.paidHoursChange)])
            }
        }
        let change = agents.reduce(0) { $0 + $1.paidHoursAfter - $1.paidHoursBefore }
        guard !agents.isEmpty else { return "No change from \(before) to \(after).\n" }
        return table.render()
            + "\(agents.count) agent(s) changed on \(daysChanged) day(s) from \(before) to \(after); paid hours \(Self.signed(change)).\n"
    }

    /// `+1.50`, `-8.00`, `0.00`.
    static func signed(_ hours: Double) -> String { (hours > 0.004 ? "+" : "") + NumberFormatting.fixed(hours, 2) }

    /// The differences as JSON (schema `wfm.diff/1`).
    public func json() throws -> String { try JSONOutput.text(self) }
}
