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

    /// Per replication, `measure(onTime, offered, abandoned)` summed after the first `warmUp` intervals.
    static func perReplication(_ tallies: [SimulationTally], from warmUp: Int, _ measure: (Double, Double, Double) -> Double) -> [Double] {
        tallies.map { tally in
            measure(tally.answeredOnTime[warmUp...].reduce(0, +), tally.offered[warmUp...].reduce(0, +), tally.abandoned[warmUp...].reduce(0, +))
        }
    }

    /// The mean and the 95% half-width (Student's t with 9 degrees of freedom: 2.262).
    static func confidence(_ values: [Double]) -> (mean: Double, halfWidth: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, 2.262 * (variance / Double(values.count)).squareRoot())
    }

    @Test("M/M/14 with 100 calls per 30 minutes and AHT 180 s answers 88.8% within 20 s, as Erlang C")
    func matchesErlangC() throws {
        let model = Self.singleQueue(agents: 14, calls: 100, aht: 180, intervalSeconds: 1800, intervals: 200)
        let tallies = try ContactCenterSimulator(model: model).run(replications: 10, seed: 3)
        let formula = ErlangC(load: QueueLoad(calls: 100, averageHandleTimeSeconds: 180, intervalSeconds: 1800))
            .performance(agents: 14, thresholdSeconds: 20).serviceLevel
        #expect(abs(formula - 0.888) < 0.001)
        let estimate = Self.confidence(Self.perReplication(tallies, from: 2) { onTime, offered, _ in onTime / offered })
        #expect(abs(estimate.mean - formula) <= estimate.halfWidth, "\(estimate) against \(formula)")
        #expect(estimate.halfWidth < 0.01)
    }

    @Test("M/M/14+M with a mean patience of 120 s matches Erlang A's service level and abandonment")
    func matchesErlangA() throws {
        let model = Self.singleQueue(agents: 14, calls: 110, aht: 180, intervalSeconds: 1800, intervals: 100, patience: 120)
        let tallies = try ContactCenterSimulator(model: model).run(replications: 10, seed: 5)
        let load = QueueLoad(calls: 110, averageHandleTimeSeconds: 180, intervalSeconds: 1800, patienceSeconds: 120)
        let formula = ErlangA(load: load, patienceSeconds: 120).performance(agents: 14, thresholdSeconds: 20)
        let serviceLevel = Self.confidence(Self.perReplication(tallies, from: 2) { onTime, offered, _ in onTime / offered })
        let abandonment = Self.confidence(Self.perReplication(tallies, from: 2) { _, offered, abandoned in abandoned / offered })
        #expect(abs(serviceLevel.mean - formula.serviceLevel) <= serviceLevel.halfWidth, "\(serviceLevel) against \(formula.serviceLevel)")
        #expect(abs(abandonment.mean - formula.abandonmentRate) <= abandonment.halfWidth, "\(abandonment) against \(formula.abandonmentRate)")
        #expect(formula.abandonmentRate > 0.01)
    }

    @Test func sameSeedSameResultsOnOneOrTwoThreads() throws {
        let model = Self.singleQueue(agents: 5, calls: 40, aht: 300, intervalSeconds: 900, intervals: 40, patience: 60)
        let simulator = try ContactCenterSimulator(model: model)
        let one = simulator.run(replications: 5, seed: 9, threads: 1)
        let two = simulator.run(replications: 5, seed: 9, threads: 2)
        #expect(one == two)
        #expect(one[0] != one[1], "replications differ")
        #expect(simulator.run(replications: 5, seed: 10, threads: 2) != one)
    }

    /// An agent always busy, off the phones 270 s of every 900 s: a break that falls during a
    /// call is taken in full after it, so the agent handles 70% of the time's calls whatever
    /// the phase of the break.
    @Test(arguments: [0.0, 0.5, 0.9])
    func breaksTakenLateKeepTheirLength(phase: Double) throws {
        var periods: [Range<Double>] = []
        for interval in 0..<400 {
            let begin = Double(interval) * 900, slice = begin + phase * 900, back = slice + 270
            periods += back <= begin + 900 ? [begin..<slice, back..<begin + 900].filter { !$0.isEmpty } : [back - 900..<slice]
        }
        let queue = SimulatedQueue(calls: Array(repeating: 1000, count: 400), ahtSeconds: Array(repeating: 300, count: 400),
                                   patienceSeconds: nil, thresholdSeconds: 20)
        let model = ContactCenterModel(intervalSeconds: 900, queues: [queue],
                                       agents: [SimulatedAgent(skills: [(queue: 0, priority: 1)], onPhone: periods)])
        let tallies = try ContactCenterSimulator(model: model).run(replications: 10, seed: 2)
        let answered = Self.confidence(tallies.map { $0.answered.reduce(0, +) })
        let expected = 0.7 * 400 * 900 / 300
        #expect(abs(answered.mean - expected) <= answered.halfWidth + 1, "\(answered) against \(expected)")
    }

    /// One agent takes both queues, tech first: while tech has calls waiting, billing waits.
    @Test func aFreeAgentServesTheHighestPriorityQueueFirst() throws {
        let busy = SimulatedQueue(calls: Array(repeating: 50, count: 8), ahtSeconds: Array(repeating: 300, count: 8),
                                  patienceSeconds: nil, thresholdSeconds: 20)
        let agent = SimulatedAgent(skills: [(queue: 0, priority: 2), (queue: 1, priority: 1)], onPhone: [0..<7200])
        let model = ContactCenterModel(intervalSeconds: 900, queues: [busy, busy], agents: [agent])
        let tally = try ContactCenterSimulator(model: model).replicate(seed: 4)
        #expect(tally.answered[0..<8].reduce(0, +) <= 1, "billing got the agent only before tech's first call")
        #expect(tally.answered[8..<16].reduce(0, +) > 15)
    }

    @Test func rejectsMalformedModels() {
        let queue = SimulatedQueue(calls: [1, 2], ahtSeconds: [300], patienceSeconds: nil, thresholdSeconds: 20)
        let mismatched = #expect(throws: QueueingError.self) {
            try ContactCenterSimulator(model: ContactCenterModel(intervalSeconds: 900, queues: [queue], agents: []))
        }
        #expect(mismatched?.code == .invalidInput)
        let good = SimulatedQueue(calls: [1], ahtSeconds: [300], patienceSeconds: nil, thresholdSeconds: 20)
        let overlapping = SimulatedAgent(skills: [(queue: 0, priority: 1)], onPhone: [0..<100, 50..<200])
        let overlaps = #expect(throws: QueueingError.self) {
            try ContactCenterSimulator(model: ContactCenterModel(intervalSeconds: 900, queues: [good], agents: [overlapping]))
        }
        #expect(overlaps?.code == .invalidInput)
    }
}
