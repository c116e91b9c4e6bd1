import Foundation
import Testing
import WFMCore
import WFMIO
import WFMPlanning
import WFMQueueing
import _WFMTestSupport

@Suite struct StaffingPlannerTests {
    func sampleCenter(_ folder: TemporaryDirectory) throws -> Center {
        try CenterReader.read(path: folder.write("center.yaml", sampleCenterYAML()))
    }

    @Test func everyOpenIntervalOfEveryQueueGetsARow() throws {
        let folder = try TemporaryDirectory()
        let center = try sampleCenter(folder)
        let grid = center.timeGrid
        let monday9 = grid.intervals.first { $0.local.description == "2026-11-30T09:00" }!.index
        let forecast = [
            ForecastEntry(interval: monday9, queue: "billing", calls: 50, ahtSeconds: 300),
            ForecastEntry(interval: monday9, queue: "tech", calls: 20, ahtSeconds: 480),
        ]
        let plan = try StaffingPlanner.plan(center: center, forecast: forecast)
        // 5 weekdays × 40 quarter-hours + Saturday 16, for two queues.
        #expect(plan.rows.count == 2 * (5 * 40 + 16))
        let billing = try #require(plan.rows.first { $0.interval == monday9 && $0.queue == "billing" })
        let expected = try StaffingCalculator.requirement(
            for: QueueLoad(calls: 50, averageHandleTimeSeconds: 300, intervalSeconds: 900),
            targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20, maximumOccupancy: 0.85), shrinkage: 0.3)
        #expect(billing.agentsProductive == expected.productiveAgents)
        #expect(billing.agentsScheduled == expected.scheduledAgents)
        let tech = try #require(plan.rows.first { $0.interval == monday9 && $0.queue == "tech" })
        #expect(tech.abandonRate > 0, "tech has a patience: Erlang A")
        #expect(plan.warnings.contains { $0.contains("no row for 215 open interval(s) of queue 'billing'") })
    }

    @Test func demoRequirementsAreDeterministic() throws {
        let demo = projectRoot.appendingPathComponent("Inputs/demo")
        let center = try CenterReader.read(path: demo.appendingPathComponent("center.yaml").path)
        let forecast = try ForecastReader.read(path: demo.appendingPathComponent("forecast.csv").path, center: center, grid: center.timeGrid)
        let first = try StaffingPlanner.plan(center: center, forecast: forecast)
        let second = try StaffingPlanner.plan(center: center, forecast: forecast)
        #expect(TableWriters.requirementsCSV(first.rows, grid: first.grid) == TableWriters.requirementsCSV(second.rows, grid: second.grid))
        #expect(first.warnings.isEmpty)
        #expect(first.rows.allSatisfy { $0.serviceLevel >= 0.7 && $0.agentsScheduled >= $0.agentsProductive })
    }
}
