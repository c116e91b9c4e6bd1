import Foundation
import Testing
import WFMQueueing

@Suite struct ErlangBTests {
    /// Published Erlang B values (e.g. standard traffic tables).
    @Test(arguments: [
        (1, 1.0, 0.5),
        (2, 1.0, 0.2),
        (5, 3.0, 0.110054),
        (10, 5.0, 0.018385),
    ])
    func publishedValues(servers: Int, load: Double, expected: Double) {
        #expect(abs(ErlangB.blockingProbability(servers: servers, offeredLoad: load) - expected) < 1e-6)
    }

    @Test func hugeLoadsStayFinite() {
        let value = ErlangB.blockingProbability(servers: 20_000, offeredLoad: 16_666.7)
        #expect(value.isFinite && value >= 0 && value <= 1)
        #expect(ErlangB.blockingProbability(servers: 5000, offeredLoad: 1) == 0)
    }
}

@Suite struct ErlangCTests {
    let load = QueueLoad(calls: 100, averageHandleTimeSeconds: 180, intervalSeconds: 1800)

    @Test func knownValuesFor100CallsIn30Minutes() {
        let performance = ErlangC(load: load).performance(agents: 14, thresholdSeconds: 20)
        #expect(abs(performance.waitProbability - 0.1741319336) < 1e-9)
        #expect(abs(performance.serviceLevel - 0.8883500192) < 1e-9)
        #expect(abs(performance.averageSpeedOfAnswerSeconds - 7.8359) < 1e-4)
        #expect(abs(performance.occupancy - 0.7142857) < 1e-7)
    }

    /// P(wait) recomputed independently from the closed form in log space (lgamma), for loads
    /// from tiny to large.
    @Test(arguments: [(0.5, 2), (3.7, 6), (42.0, 50), (180.0, 200), (1234.5, 1290)])
    func matchesClosedFormInLogSpace(offered: Double, agents: Int) {
        let model = ErlangC(load: QueueLoad(calls: offered * 1800 / 300, averageHandleTimeSeconds: 300, intervalSeconds: 1800))
        let n = Double(agents)
        let logTerm = { (k: Double) in k * log(offered) - lgamma(k + 1) }
        let logTop = logTerm(n) + log(n / (n - offered))
        let terms = (0..<agents).map { logTerm(Double($0)) } + [logTop]
        let largest = terms.max()!
        let expected = exp(logTop - largest) / terms.reduce(0) { $0 + exp($1 - largest) }
        #expect(abs(model.waitProbability(agents: agents) - expected) < 1e-9 * max(1, expected))
    }

    @Test(arguments: [(100.0, 180.0, 14), (40.0, 300.0, 9), (400.0, 240.0, 60)])
    func matchesSimulation(calls: Double, aht: Double, agents: Int) {
        let load = QueueLoad(calls: calls, averageHandleTimeSeconds: aht, intervalSeconds: 1800)
        let exact = ErlangC(load: load).performance(agents: agents, thresholdSeconds: 20)
        let simulated = QueueSimulator(load: load, agents: agents, measuredCalls: 1_000_000).run(thresholdSeconds: 20, seed: 7)
        #expect(abs(exact.serviceLevel - simulated.serviceLevel) < 0.01)
        #expect(abs(exact.waitProbability - simulated.waitProbability) < 0.01)
        #expect(abs(exact.averageSpeedOfAnswerSeconds - simulated.averageSpeedOfAnswerSeconds) < 0.1 * max(1, exact.averageSpeedOfAnswerSeconds))
    }

    @Test func unstableQueueHasNoService() {
        let performance = ErlangC(load: load).performance(agents: 10, thresholdSeconds: 20)
        #expect(performance.serviceLevel == 0)
        #expect(performance.averageSpeedOfAnswerSeconds == .infinity)
    }
}

@Suite struct ErlangATests {
    let load = QueueLoad(calls: 100, averageHandleTimeSeconds: 180, intervalSeconds: 1800, patienceSeconds: 300)

    @Test func knownValuesWithFiveMinutePatience() throws {
        let performance = ErlangA(load: load, patienceSeconds: 300).performance(agents: 13, thresholdSeconds: 20)
        #expect(abs(performance.serviceLevel - 0.85818) < 5e-6)
        #expect(abs(performance.abandonmentRate - 0.024963) < 5e-7)
    }

    @Test func veryPatientCallersApproachErlangC() {
        let patient = QueueLoad(calls: 100, averageHandleTimeSeconds: 180, intervalSeconds: 1800, patienceSeconds: 1e7)
        let a = ErlangA(load: patient, patienceSeconds: 1e7).performance(agents: 14, thresholdSeconds: 20)
        let c = ErlangC(load: patient).performance(agents: 14, thresholdSeconds: 20)
        #expect(abs(a.serviceLevel - c.serviceLevel) < 1e-4)
        #expect(abs(a.waitProbability - c.waitProbability) < 1e-4)
        #expect(abs(a.averageSpeedOfAnswerSeconds - c.averageSpeedOfAnswerSeconds) < 1e-2)
    }

    @Test(arguments: [(100.0, 13, 300.0), (100.0, 9, 120.0), (600.0, 55, 60.0)])
    func matchesSimulation(calls: Double, agents: Int, patience: Double) {
        let load = QueueLoad(calls: calls, averageHandleTimeSeconds: 180, intervalSeconds: 1800, patienceSeconds: patience)
        let exact = ErlangA(load: load, patienceSeconds: patience).performance(agents: agents, thresholdSeconds: 20)
        let simulated = QueueSimulator(load: load, agents: agents, measuredCalls: 1_000_000).run(thresholdSeconds: 20, seed: 11)
        #expect(abs(exact.serviceLevel - simulated.serviceLevel) < 0.01)
        #expect(abs(exact.abandonmentRate - simulated.abandonmentRate) < 0.005)
        #expect(abs(exact.waitProbability - simulated.waitProbability) < 0.01)
        #expect(abs(exact.occupancy - simulated.occupancy) < 0.01)
        #expect(abs(exact.averageSpeedOfAnswerSeconds - simulated.averageSpeedOfAnswerSeconds) < 0.1 * max(1, exact.averageSpeedOfAnswerSeconds))
    }
}

@Suite struct StaffingCalculatorTests {
    @Test func thousandCallsAnHourAt80In20() throws {
        let load = QueueLoad(calls: 1000, averageHandleTimeSeconds: 120, intervalSeconds: 3600)
        let plain = try StaffingCalculator.requirement(for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20))
        #expect(plain.productiveAgents == 38)
        #expect(plain.binding == .serviceLevel)
        let capped = try StaffingCalculator.requirement(
            for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20, maximumOccupancy: 0.85))
        #expect(capped.productiveAgents == 40)
        #expect(capped.binding == .occupancy)
    }

    @Test func erlangANeeds13AgentsWithFiveMinutePatience() throws {
        let load = QueueLoad(calls: 100, averageHandleTimeSeconds: 180, intervalSeconds: 1800, patienceSeconds: 300)
        let result = try StaffingCalculator.requirement(for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20))
        #expect(result.productiveAgents == 13)
        #expect(abs(result.performance.serviceLevel - 0.85818) < 5e-6)
        #expect(abs(result.performance.abandonmentRate - 0.024963) < 5e-7)
    }

    @Test func resultIsTheSmallestCountMeetingEveryTarget() throws {
        let targets = StaffingTargets(serviceLevel: 0.9, serviceLevelThresholdSeconds: 15, maximumAverageSpeedOfAnswerSeconds: 10, maximumOccupancy: 0.9)
        for calls in [0.01, 0.7, 3, 17, 88, 250, 1333, 9000] {
            let load = QueueLoad(calls: calls, averageHandleTimeSeconds: 240, intervalSeconds: 900)
            let result = try StaffingCalculator.requirement(for: load, targets: targets)
            let model = ErlangC(load: load)
            let meets = { (n: Int) -> Bool in
                let p = model.performance(agents: n, thresholdSeconds: 15)
                return p.serviceLevel >= 0.9 && p.averageSpeedOfAnswerSeconds <= 10 && p.occupancy <= 0.9
            }
            #expect(meets(result.productiveAgents), "calls \(calls)")
            #expect(!meets(result.productiveAgents - 1), "calls \(calls)")
        }
    }

    @Test func zeroCallsNeedZeroAgentsUnlessAMinimumIsSet() throws {
        let load = QueueLoad(calls: 0, averageHandleTimeSeconds: 300, intervalSeconds: 900)
        let none = try StaffingCalculator.requirement(for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20))
        #expect(none.productiveAgents == 0 && none.binding == .none)
        let minimum = try StaffingCalculator.requirement(
            for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20, minimumAgents: 2), shrinkage: 0.3)
        #expect(minimum.productiveAgents == 2 && minimum.scheduledAgents == 3 && minimum.binding == .minimum)
    }

    @Test(arguments: [10_000.0, 50_000.0, 100_000.0])
    func hugeLoadsAreExact(calls: Double) throws {
        let load = QueueLoad(calls: calls, averageHandleTimeSeconds: 300, intervalSeconds: 1800)
        let result = try StaffingCalculator.requirement(for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20))
        let model = ErlangC(load: load)
        #expect(model.performance(agents: result.productiveAgents, thresholdSeconds: 20).serviceLevel >= 0.8)
        #expect(model.performance(agents: result.productiveAgents - 1, thresholdSeconds: 20).serviceLevel < 0.8)
        #expect(result.performance.serviceLevel.isFinite && result.performance.averageSpeedOfAnswerSeconds.isFinite)
    }

    @Test func hugeErlangALoadIsFinite() throws {
        let load = QueueLoad(calls: 50_000, averageHandleTimeSeconds: 300, intervalSeconds: 1800, patienceSeconds: 120)
        let result = try StaffingCalculator.requirement(for: load, targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20))
        #expect(result.performance.serviceLevel >= 0.8)
        #expect(result.performance.abandonmentRate.isFinite)
    }

    @Test func shrinkageRoundsUp() {
        #expect(StaffingRequirement.scheduledAgents(productive: 14, shrinkage: 0.3) == 20)
        #expect(StaffingRequirement.scheduledAgents(productive: 7, shrinkage: 0.3) == 10)
        #expect(StaffingRequirement.scheduledAgents(productive: 0, shrinkage: 0.3) == 0)
    }

    @Test func invalidTargetsAreRejected() {
        let load = QueueLoad(calls: 10, averageHandleTimeSeconds: 300, intervalSeconds: 900)
        let target = #expect(throws: QueueingError.self) {
            try StaffingCalculator.requirement(for: load, targets: StaffingTargets(serviceLevel: 1.2, serviceLevelThresholdSeconds: 20))
        }
        #expect(target?.code == .invalidInput)
        let handleTime = #expect(throws: QueueingError.self) {
            try StaffingCalculator.requirement(
                for: QueueLoad(calls: 10, averageHandleTimeSeconds: -5, intervalSeconds: 900),
                targets: StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20))
        }
        #expect(handleTime?.code == .invalidInput)
    }
}
