import Foundation
import Testing
import WFMCore
@testable import WFMQueueing

/// Erlang C staffing in one pass of the Erlang B recurrence gives exactly what the bisection
/// gives (the agents, the binding target and every figure, to the bit).
@Suite("One-pass Erlang C staffing")
struct OnePassStaffingTests {
    static func loads() -> [(QueueLoad, StaffingTargets)] {
        var random = SeededGenerator(seed: 42)
        var cases: [(QueueLoad, StaffingTargets)] = []
        for index in 0..<400 {
            let scale = [1.0, 20, 300, 5_000, 60_000][index % 5]
            let calls = scale * random.nextUnitInterval() + (index % 7 == 0 ? 0.01 : 0)
            let load = QueueLoad(calls: calls, averageHandleTimeSeconds: 30 + 900 * random.nextUnitInterval(), intervalSeconds: 1800)
            let targets = StaffingTargets(
                serviceLevel: 0.5 + 0.49 * random.nextUnitInterval(), serviceLevelThresholdSeconds: 60 * random.nextUnitInterval(),
                maximumAverageSpeedOfAnswerSeconds: index % 3 == 0 ? 5 + 60 * random.nextUnitInterval() : nil,
                maximumOccupancy: index % 2 == 0 ? 0.7 + 0.3 * random.nextUnitInterval() : nil, minimumAgents: index % 11 == 0 ? 3 : 0)
            cases.append((load, targets))
        }
        // The benchmark's load: 10,000 calls per 30 minutes, AHT 300 s, 80/20, occupancy 0.85.
        cases.append((QueueLoad(calls: 10_000, averageHandleTimeSeconds: 300, intervalSeconds: 1800),
                      StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20, maximumOccupancy: 0.85)))
        return cases
    }

    @Test func agreesWithTheBisectionEverywhere() throws {
        for (load, targets) in Self.loads() where load.offeredLoad > 0 {
            let model = ErlangC(load: load)
            let limit = Int((load.offeredLoad + 50 * load.offeredLoad.squareRoot() + 1000).rounded(.up))
            let fast = try StaffingCalculator.onePass(model, targets: targets, shrinkage: 0.3, limit: limit)
            let slow = try StaffingCalculator.bySearch(model, targets: targets, shrinkage: 0.3, limit: limit)
            #expect(fast.productiveAgents == slow.productiveAgents, "\(load) \(targets)")
            #expect(fast.binding == slow.binding, "\(load) \(targets)")
            #expect(fast.performance == slow.performance, "\(load) \(targets)")
            #expect(fast.scheduledAgents == slow.scheduledAgents)
        }
    }

    @Test func theBenchmarkLoadNeeds2802ScheduledAgents() throws {
        let load = QueueLoad(calls: 10_000, averageHandleTimeSeconds: 300, intervalSeconds: 1800)
        let result = try StaffingCalculator.requirement(
            for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20, maximumOccupancy: 0.85), shrinkage: 0.3)
        #expect(result.scheduledAgents == 2802)
        #expect(result.binding == .occupancy)
    }
}
