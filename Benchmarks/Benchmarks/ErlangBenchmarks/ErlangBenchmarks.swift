import Benchmark
import WFMCore
import WFMQueueing

/// Loads for 10,000 intervals: a mix from nearly idle to busy, fixed seed.
func mixedLoads(count: Int) -> [QueueLoad] {
    var random = SeededGenerator(seed: 2026)
    return (0..<count).map { index in
        let calls = 200 * random.nextUnitInterval() * random.nextUnitInterval()
        let aht = 120 + 480 * random.nextUnitInterval()
        return QueueLoad(calls: calls, averageHandleTimeSeconds: aht, intervalSeconds: 900,
                         patienceSeconds: index % 4 == 0 ? 60 + 240 * random.nextUnitInterval() : nil)
    }
}

let targets = StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20, maximumOccupancy: 0.9)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                                           maxDuration: .seconds(5), maxIterations: 50)

    let loads = mixedLoads(count: 10_000)
    Benchmark("Staff 10,000 intervals of mixed loads (1 in 4 Erlang A)") { benchmark in
        for load in loads {
            blackHole(try StaffingCalculator.requirement(for: load, targets: targets, shrinkage: 0.3))
        }
    }

    // What-if sweeps evaluate the formulas thousands of times: 5,040 intervals of 10,000 calls
    // per 30 minutes (AHT 300 s, 80/20, occupancy cap 0.85, shrinkage 0.3; 2,802 agents each).
    let heavy = QueueLoad(calls: 10_000, averageHandleTimeSeconds: 300, intervalSeconds: 1800)
    let heavyTargets = StaffingTargets(serviceLevel: 0.8, serviceLevelThresholdSeconds: 20, maximumOccupancy: 0.85)
    Benchmark("Staff 5,040 intervals of 10,000 calls per 30 minutes (divide by 5,040 for one)") { _ in
        for _ in 0..<5_040 {
            blackHole(try StaffingCalculator.requirement(for: heavy, targets: heavyTargets, shrinkage: 0.3))
        }
    }

    for calls in [10_000.0, 100_000.0] {
        let load = QueueLoad(calls: calls, averageHandleTimeSeconds: 300, intervalSeconds: 1800)
        Benchmark("Erlang C staffing, \(Int(calls)) calls per 30 minutes") { _ in
            blackHole(try StaffingCalculator.requirement(for: load, targets: targets))
        }
        let impatient = QueueLoad(calls: calls, averageHandleTimeSeconds: 300, intervalSeconds: 1800, patienceSeconds: 180)
        Benchmark("Erlang A staffing, \(Int(calls)) calls per 30 minutes") { _ in
            blackHole(try StaffingCalculator.requirement(for: impatient, targets: targets))
        }
    }
}
