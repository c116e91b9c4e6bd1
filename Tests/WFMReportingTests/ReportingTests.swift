import Foundation
import Testing
import WFMCore
import WFMQueueing
import WFMReporting

@Suite struct TextTableTests {
    @Test func alignsColumns() {
        var table = TextTable(columns: [.init("queue", .left), .init("agents")])
        table.append(["billing", "7"])
        table.append(["tech", "12"])
        #expect(table.render() == "queue    agents\n-------  ------\nbilling       7\ntech         12\n")
    }
}

@Suite struct RequirementsSummaryTests {
    @Test func sumsAgentHoursAndFindsThePeak() {
        let grid = TimeGrid(timeZone: TimeZone(identifier: "UTC")!, weekStart: LocalDate("2026-11-30")!, intervalMinutes: 30)
        let rows = [(18, 4), (19, 6), (20, 6), (48 + 18, 2)].map { interval, agents in
            IntervalRequirement(interval: interval, queue: "billing", calls: 10, ahtSeconds: 300, erlangs: 1.6, agentsProductive: agents,
                                agentsScheduled: agents, serviceLevel: 0.9, asaSeconds: 5, occupancy: 0.5, abandonRate: 0, binding: "service_level")
        }
        let summary = RequirementsSummary(rows: rows, grid: grid, queueOrder: ["billing"])
        #expect(summary.days.count == 2)
        #expect(summary.days[0].scheduledAgentHours == 8)
        #expect(summary.days[0].peakScheduledAgents == 6)
        #expect(summary.days[0].peakAt == "09:30")
        #expect(summary.days[1].calls == 10)
    }
}

@Suite struct ErlangReportTests {
    @Test func unboundedASAIsNullInJSON() throws {
        let load = QueueLoad(calls: 100, averageHandleTimeSeconds: 180, intervalSeconds: 1800)
        let requirement = try StaffingCalculator.requirement(for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20))
        let unstable = ErlangC(load: load).performance(agents: 9, thresholdSeconds: 20)
        let report = ErlangReport(load: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20), model: "Erlang C", requirement: requirement, shrinkage: 0, neighbourhood: [unstable])
        let json = try report.json()
        #expect(json.contains("\"agents_productive\" : 14"))
        #expect(!json.contains("inf"))
        #expect(report.text().contains("∞"))
    }
}
