import Foundation
import Testing
import WFMCore
import WFMIO
import WFMReporting
import _WFMTestSupport
@testable import WFMPlanning

/// Measuring an edited roster with the planned roster's intervals and rule checks reused gives
/// the report of measuring it from scratch.
@Suite struct IntervalMemoTests {
    private let demo = projectRoot.appendingPathComponent("Inputs/demo")

    @Test func anEditedRosterMeasuresTheSameWithAndWithoutTheMemo() throws {
        let center = try CenterReader.read(path: demo.appendingPathComponent("center.yaml").path)
        let agents = try AgentsReader.read(path: try #require(center.agentsPath), center: center)
        let forecast = try ForecastReader.read(path: demo.appendingPathComponent("forecast.csv").path, center: center, grid: center.timeGrid)
        let planned = try RosterFiles.read(path: demo.appendingPathComponent("roster.csv").path, timeZone: center.timeZone)
        let staffing = try StaffingPlanner.plan(center: center, forecast: forecast)
        var edited = planned
        // One shift an hour later with its breaks, one break a quarter later, one shift gone.
        edited[0].start += 3600
        edited[0].end += 3600
        edited[0].breaks = edited[0].breaks.map { RosterBreak(start: $0.start + 3600, end: $0.end + 3600) }
        edited[5].breaks[0] = RosterBreak(start: edited[5].breaks[0].start + 900, end: edited[5].breaks[0].end + 900)
        edited.remove(at: 9)
        // And one shift paid ten hours more, which breaks its agent's weekly hours.
        edited[2].paidMinutes += 600

        var memoized = RosterEvaluator(center: center, agents: agents)
        memoized.memo = try memoized.intervalMemo(shifts: planned, requirements: staffing.rows)
        let reused = try memoized.evaluate(shifts: edited, requirements: staffing.rows, simulation: nil)
        let fresh = try RosterEvaluator(center: center, agents: agents).evaluate(shifts: edited, requirements: staffing.rows, simulation: nil)

        #expect(try JSONOutput.text(reused) == JSONOutput.text(fresh))
        #expect(fresh.ruleViolations.contains { $0.contains(planned[2].agentID) }, "\(fresh.ruleViolations)")
        let plannedReport = try RosterEvaluator(center: center, agents: agents).evaluate(shifts: planned, requirements: staffing.rows, simulation: nil)
        #expect(try JSONOutput.text(reused) != JSONOutput.text(plannedReport), "the edits change the figures")
    }

    @Test func theWorkbenchMeasuresChangedRowsAsTheWholeEditedRoster() throws {
        let workbench = try RosterWorkbench(configPath: demo.appendingPathComponent("center.yaml").path,
                                            forecastPath: demo.appendingPathComponent("forecast.csv").path,
                                            rosterPath: demo.appendingPathComponent("roster.csv").path)
        let lines = try String(contentsOf: demo.appendingPathComponent("roster.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[6] = fields[6].replacingOccurrences(of: "09:45-10:00", with: "10:00-10:15")
        let changed = fields.joined(separator: ",")
        #expect(changed != lines[1], "the first shift has a 09:45 break to move")
        let whole = ([lines[0], changed] + lines.dropFirst(2)).joined(separator: "\n") + "\n"
        let day = fields[1]
        #expect(try workbench.figuresJSON(changedRows: lines[0] + "\n" + changed + "\n", day: day)
                == workbench.figuresJSON(rosterCSV: whole, day: day))
        let dropped = try workbench.figuresJSON(removed: [RosterDay(agentID: fields[0], date: day)], day: day)
        #expect(try dropped == workbench.figuresJSON(rosterCSV: ([lines[0]] + lines.dropFirst(2)).joined(separator: "\n") + "\n", day: day))
        #expect(throws: PlanningError.self) { try workbench.figuresJSON(removed: [RosterDay(agentID: "nobody", date: day)]) }
    }
}
