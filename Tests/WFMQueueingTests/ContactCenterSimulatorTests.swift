import Foundation
import Testing
import WFMQueueing

@Suite("ContactCenterSimulator")
struct ContactCenterSimulatorTests {
    /// `agents` identical agents on one queue for `intervals` intervals of `calls` calls.
    static func singleQueue(agents: Int, calls: Double, aht: Double, intervalSeconds: Double, intervals: Int,
                            patience: Double? = nil) -> ContactCenterModel {
        let queue = SimulatedQueue(calls: Array(repeating: calls, count: intervals), ahtSeconds: Array(repeating: aht, count: intervals),
                                   patienceSeconds: patience, thresholdSeconds: 20)
        let agent = SimulatedAgent(skills: [(queue: 0, priority: 1)], onPhone: [0..<(intervalSeconds * Double(intervals) + 86_400)])
        return ContactCenterModel(intervalSeconds: intervalSeconds, queues: [queue], agents: Array(repeating: agent, count: agents))
    }

    /// The steady-state service level measured after the first `warmUp` intervals.
    static func serviceLevel(_ tallies: [SimulationTally], from warmUp: Int) -> Double {
        let onTime = tallies.reduce(0.0) { $0 + $1.answeredOnTime[warmUp...].reduce(0, +) }
        let offered = tallies.reduce(0.0) { $0 + $1.offered[warmUp...].reduce(0, +) }
        return onTime / offered
    }

    @Test("M/M/14 with 100 calls per 30 minutes and AHT 180 s answers 88.8% within 20 s, as Erlang C")
    func matchesErlangC() throws {
        let model = Self.singleQueue(agents: 14, calls: 100, aht: 180, intervalSeconds: 1800, intervals: 400)
        let tallies = try ContactCenterSimulator(model: model).run(replications: 4, seed: 3)
        let load = QueueLoad(calls: 100, averageHandleTimeSeconds: 180, intervalSeconds: 1800)
        let formula = ErlangC(load: load).performance(agents: 14, thresholdSeconds: 20).serviceLevel
        #expect(abs(formula - 0.888) < 0.001)
        #expect(abs(Self.serviceLevel(tallies, from: 4) - formula) < 0.01)
    }
}
