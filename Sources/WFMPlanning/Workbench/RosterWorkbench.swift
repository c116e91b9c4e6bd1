import Foundation
import WFMCore
import WFMIO
import WFMReporting

/// A planned roster with its center, agents and forecast read once, for answers in
/// milliseconds: the figures of the roster edited by hand, or under a what-if, measured by
/// ``ScenarioMeasurement`` as `wfm report` and `wfm whatif` measure them (formula only).
public final class RosterWorkbench: Sendable {
    private let center: Center
    private let agents: [Agent]
    private let forecast: [ForecastEntry]
    private let shifts: [RosterShift]
    private let weekDays: [LocalDate]
    /// The staffing of the forecast as given, and the planned roster's intervals measured
    /// against it: edits without a what-if reuse both.
    private let baselineStaffing: StaffingPlan
    private let baselineMemo: IntervalMemo

    /// Reads center.yaml (and the agents it names), the forecast and the roster, each with the
    /// commands' readers.
    /// - Throws: ``InputError`` naming the file, line and field.
    public init(configPath: String, forecastPath: String, rosterPath: String) throws {
        center = try CenterReader.read(path: configPath)
        guard let agentsPath = center.agentsPath else { throw PlanningError("no agents file: set agents in center.yaml") }
        agents = WeekRules.agents(try AgentsReader.read(path: agentsPath, center: center), center: center)
        forecast = try ForecastReader.read(path: forecastPath, center: center, grid: center.timeGrid)
        try StaffJob.checkQuantiles(forecast, percentile: center.staffingPercentile, path: forecastPath)
        shifts = try RosterFiles.read(path: rosterPath, timeZone: center.timeZone)
        let weekStart = center.weekStart
        weekDays = (0..<7).map { weekStart.adding(days: $0) }
        let staffing = try StaffingPlanner.plan(center: center, forecast: forecast)
        baselineStaffing = staffing
        baselineMemo = try RosterEvaluator(center: center, agents: agents).intervalMemo(shifts: shifts, requirements: staffing.rows)
    }

    /// `roster` measured under `scenario`, the baseline's staffing and intervals reused when the
    /// scenario changes nothing.
    private func measure(_ roster: [RosterShift], scenario: WorkbenchScenario) throws -> RosterReport {
        let plan = ScenarioApplier.apply(try scenario.scenario(center: center, agents: agents), center: center, agents: agents,
                                         forecast: forecast, shifts: roster)
        let baseline = scenario.isBaseline
        return try ScenarioMeasurement(plan, previous: .none, simulation: nil, staffing: baseline ? baselineStaffing : nil,
                                       memo: baseline ? baselineMemo : nil, measuresAgents: false).report
    }

    /// The planned roster with `changedRows` (roster.csv rows, each replacing its agent's shift
    /// on its date, or adding one) and without the agent-days `removed` names.
    /// - Throws: ``InputError`` for a malformed row (file `roster.csv`), ``PlanningError`` for a
    ///   removal naming no planned shift.
    private func edited(changedRows: String?, removed: [RosterDay]) throws -> [RosterShift] {
        let changed = try changedRows.map { try RosterFiles.read(text: $0, file: "roster.csv", timeZone: center.timeZone) } ?? []
        var gone = Set(removed.map { "\($0.agentID)|\($0.date)" })
        for day in removed where !shifts.contains(where: { $0.agentID == day.agentID && $0.date.description == day.date }) {
            throw PlanningError("removed: \(day.agentID) has no planned shift on \(day.date)")
        }
        gone.formUnion(changed.map { "\($0.agentID)|\($0.date)" })
        return shifts.filter { !gone.contains("\($0.agentID)|\($0.date)") } + changed
    }

    /// The figures (schema `wfm.figures/1`, one line of JSON) of a roster under `scenario`,
    /// its intervals limited to `day` (YYYY-MM-DD, a day of the week) when given. The roster is
    /// `rosterCSV` (a whole roster.csv) when given, else the planned roster with `changedRows`
    /// (roster.csv rows replacing or adding agent-days) and without `removed`.
    /// - Throws: ``InputError`` for a malformed roster (file `roster.csv`), ``PlanningError``
    ///   for a scenario value out of range, a day outside the week or a removal of nothing.
    public func figuresJSON(rosterCSV: String? = nil, changedRows: String? = nil, removed: [RosterDay] = [],
                            scenario: WorkbenchScenario = WorkbenchScenario(), day: String? = nil) throws -> String {
        let date = try day.map { text in
            guard let date = LocalDate(text), weekDays.contains(date) else {
                throw PlanningError("day '\(text)': expected a date of the planned week, \(weekDays[0]) to \(weekDays[6])")
            }
            return date
        }
        let roster = try rosterCSV.map { try RosterFiles.read(text: $0, file: "roster.csv", timeZone: center.timeZone) }
            ?? edited(changedRows: changedRows, removed: removed)
        return try JSONOutput.text(RosterFigures(try measure(roster, scenario: scenario), day: date), indented: false)
    }
}

extension RosterWorkbench {
    /// One planned shift as the page draws it: local times, breaks as ranges.
    private struct ShiftRow: Encodable {
        let agentId: String
        let date: String
        let shift: String
        /// Local `YYYY-MM-DDTHH:MM` with the UTC offset, as roster.csv writes it.
        let start: String
        let end: String
        let paidMinutes: Int
        /// Local `HH:MM-HH:MM`.
        let breaks: [String]
    }

    private struct RosterDocument: Encodable {
        var schema = "wfm.roster/1"
        let timeZone: String
        let weekStart: String
        let shifts: [ShiftRow]
    }

    /// The planned roster (schema `wfm.roster/1`): per shift the agent, date, template, start
    /// and end (local, with the UTC offset), paid minutes and breaks (local clock times).
    public func rosterJSON() throws -> String {
        let zone = center.timeZone
        let local = { (date: Date) in Timestamp.format(date, in: zone) }
        let clock = { (date: Date) in String(LocalDateTime(date, in: zone).description.suffix(5)) }
        let rows = shifts.map { shift in
            ShiftRow(agentId: shift.agentID, date: shift.date.description, shift: shift.templateID, start: local(shift.start), end: local(shift.end),
                     paidMinutes: shift.paidMinutes, breaks: shift.breaks.map { "\(clock($0.start))-\(clock($0.end))" })
        }
        return try JSONOutput.text(RosterDocument(timeZone: zone.identifier, weekStart: center.weekStart.description, shifts: rows), indented: false)
    }
}

/// An agent's day in the roster, by agent id and date (YYYY-MM-DD).
public struct RosterDay: Sendable, Codable, Equatable {
    public var agentID: String
    public var date: String

    public init(agentID: String, date: String) {
        self.agentID = agentID
        self.date = date
    }

    private enum CodingKeys: String, CodingKey { case agentID = "agent_id", date }
}
