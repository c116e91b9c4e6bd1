import WFMCore

/// A discrete-event simulation of one queue in steady state (FCFS, identical agents), used
/// to check the analytic models independently.
///
/// Calls arrive as a Poisson process, handle times are exponential with mean AHT, and — when
/// the load has a patience — each caller hangs up after an exponential patience if not yet
/// answered. Same seed, same result.
public struct QueueSimulator: Sendable {
    /// The load to simulate; its interval only sets the arrival rate.
    public var load: QueueLoad
    /// Productive agents.
    public var agents: Int
    /// Calls to simulate after the warm-up.
    public var measuredCalls: Int
    /// Calls simulated first and not measured, so the queue reaches steady state.
    public var warmUpCalls: Int

    /// Creates a simulator.
    public init(load: QueueLoad, agents: Int, measuredCalls: Int = 200_000, warmUpCalls: Int = 20_000) {
        self.load = load
        self.agents = agents
        self.measuredCalls = measuredCalls
        self.warmUpCalls = warmUpCalls
    }

    /// Runs the simulation and returns the measured performance (occupancy is the carried
    /// load divided by the agents, as in the analytic models).
    /// - Parameters:
    ///   - thresholdSeconds: the service-level threshold.
    ///   - seed: the random seed.
    /// - Complexity: O(calls · log agents).
    public func run(thresholdSeconds: Double, seed: UInt64) -> QueuePerformance {
        precondition(agents > 0 && load.calls > 0, "simulate at least one agent and some calls")
        var random = SeededGenerator(seed: seed)
        let meanInterarrival = load.intervalSeconds / load.calls
        var freeAt = MinHeap(Array(repeating: 0.0, count: agents))
        var clock = 0.0
        var tally = (answered: 0, onTime: 0, waited: 0, abandoned: 0, totalWait: 0.0, busy: 0.0)
        for call in 0..<(warmUpCalls + measuredCalls) {
            clock += random.nextExponential(mean: meanInterarrival)
            let handle = random.nextExponential(mean: load.averageHandleTimeSeconds)
            let patience = load.patienceSeconds.map { random.nextExponential(mean: $0) } ?? .infinity
            let start = max(clock, freeAt.minimum)
            let wait = start - clock
            guard call >= warmUpCalls else {
                if wait <= patience { freeAt.replaceMinimum(start + handle) }
                continue
            }
            if wait > 0 { tally.waited += 1 }
            if wait <= patience {
                freeAt.replaceMinimum(start + handle)
                tally.answered += 1
                tally.totalWait += wait
                tally.busy += handle
                if wait <= thresholdSeconds { tally.onTime += 1 }
            } else {
                tally.abandoned += 1
            }
        }
        let measured = Double(measuredCalls)
        let carriedLoad = tally.busy / (measured * meanInterarrival)
        return QueuePerformance(
            agents: agents,
            serviceLevel: Double(tally.onTime) / measured,
            averageSpeedOfAnswerSeconds: tally.answered > 0 ? tally.totalWait / Double(tally.answered) : .infinity,
            waitProbability: Double(tally.waited) / measured,
            occupancy: min(1, carriedLoad / Double(agents)),
            abandonmentRate: Double(tally.abandoned) / measured)
    }
}

/// A binary min-heap of agent free times.
private struct MinHeap {
    private var items: [Double]

    init(_ items: [Double]) { self.items = items.sorted() }

    var minimum: Double { items[0] }

    /// Replaces the smallest element and restores the heap order.
    mutating func replaceMinimum(_ value: Double) {
        items[0] = value
        var index = 0
        while true {
            let left = 2 * index + 1, right = left + 1
            var smallest = index
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            if smallest == index { return }
            items.swapAt(index, smallest)
            index = smallest
        }
    }
}
