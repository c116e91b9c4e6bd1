import Foundation

/// Erlang C (M/M/n): Poisson arrivals, exponential handle times, callers who never hang up.
public struct ErlangC: QueueModel {
    /// The load; must be valid (see ``QueueLoad/validate()``).
    public let load: QueueLoad

    /// Creates the model.
    public init(load: QueueLoad) { self.load = load }

    /// P(wait) = n·B / (n − A·(1 − B)) with B = Erlang B(n, A); 1 when n ≤ A.
    /// - Complexity: O(n).
    public func waitProbability(agents: Int) -> Double {
        waitProbability(agents: agents, blocking: ErlangB.blockingProbability(servers: agents, offeredLoad: load.offeredLoad))
    }

    /// P(wait) from B(n, A) already known (see ``StaffingCalculator``'s one-pass search).
    func waitProbability(agents: Int, blocking: Double) -> Double {
        let a = load.offeredLoad
        guard Double(agents) > a else { return 1 }
        let n = Double(agents)
        return min(1, n * blocking / (n - a * (1 - blocking)))
    }

    /// SL(t) = 1 − P(wait)·exp(−(n − A)·t / AHT); ASA = P(wait)·AHT / (n − A); occupancy A/n.
    ///
    /// With n ≤ A the queue grows without bound: SL 0, ASA infinite, occupancy 1.
    /// - Complexity: O(n).
    public func performance(agents: Int, thresholdSeconds: Double) -> QueuePerformance {
        performance(agents: agents, blocking: nil, thresholdSeconds: thresholdSeconds)
    }

    /// The performance with B(n, A) already known, or computed when nil.
    func performance(agents: Int, blocking: Double?, thresholdSeconds: Double) -> QueuePerformance {
        let a = load.offeredLoad
        guard a > 0 else { return .idle(agents: agents) }
        let n = Double(agents)
        guard n > a else {
            return QueuePerformance(
                agents: agents, serviceLevel: 0, averageSpeedOfAnswerSeconds: .infinity, waitProbability: 1,
                occupancy: 1, abandonmentRate: 0)
        }
        let wait = waitProbability(agents: agents, blocking: blocking ?? ErlangB.blockingProbability(servers: agents, offeredLoad: a))
        let aht = load.averageHandleTimeSeconds
        return QueuePerformance(
            agents: agents,
            serviceLevel: max(0, 1 - wait * exp(-(n - a) * thresholdSeconds / aht)),
            averageSpeedOfAnswerSeconds: wait * aht / (n - a),
            waitProbability: wait,
            occupancy: a / n,
            abandonmentRate: 0)
    }
}
