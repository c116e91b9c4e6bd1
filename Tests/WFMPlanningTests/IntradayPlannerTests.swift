import Foundation
import Testing
import WFMCore
import WFMIO
import _WFMTestSupport
@testable import WFMPlanning

/// The rest of today is simulated after a replay of the morning: with the reforecast equal to
/// the forecast and nobody absent, the roster "now" differs from the roster "as planned" only
/// by the morning's calls.
@Suite struct IntradayPlannerTests {
    private let small = projectRoot.appendingPathComponent("Inputs/small")

    private func simulatedNow(morning: [Double]) throws -> [(planned: Double, now: Double)] {
        let center = try CenterReader.read(path: small.appendingPathComponent("center.yaml").path)
        let grid = center.timeGrid
        let forecast = try ForecastReader.read(path: small.appendingPathComponent("forecast.csv").path, center: center, grid: grid)
        let now = try #require(LocalDateTime(date: LocalDate("2026-11-30")!, minuteOfDay: 10 * 60 + 30).instants(in: center.timeZone).first)
        let ended = forecast.filter { grid.intervals[$0.interval].start.addingTimeInterval(grid.intervalSeconds) <= now }
            .filter { grid.intervals[$0.interval].local.date == LocalDate("2026-11-30")! }
        try #require(ended.count == morning.count)
        var planner = IntradayPlanner(center: center, now: now, forecast: forecast, reforecast: forecast, queues: [])
        planner.actuals = zip(ended, morning).map { entry, calls in
            IntervalActual(interval: entry.interval, queue: entry.queue, offered: calls, handled: calls, abandoned: 0, ahtSeconds: entry.ahtSeconds)
        }
        planner.replications = 5
        planner.roster = IntradayPlanner.Roster(
            shifts: try RosterFiles.read(path: small.appendingPathComponent("roster.csv").path, timeZone: center.timeZone),
            agents: try AgentsReader.read(path: try #require(center.agentsPath), center: center), previous: .none, absent: [:],
            changesFrom: now.addingTimeInterval(3600), overtime: [], callIn: false)
        let (result, _) = try planner.planned(notes: [])
        return try result.rows.prefix(2).map { row in
            let simulated = try #require(row.simulatedServiceLevel)
            return (simulated.planned, simulated.now)
        }
    }

    @Test func aMorningAsForecastChangesNothing() throws {
        for row in try simulatedNow(morning: [20, 30]) { #expect(row.now == row.planned) }
    }

    @Test func aMorningsBacklogLowersTheNextIntervals() throws {
        let rows = try simulatedNow(morning: [20, 200])
        #expect(rows[0].now < rows[0].planned - 0.3, "a queue of over a hundred calls at 10:00 delays the callers after them: \(rows)")
    }
}
