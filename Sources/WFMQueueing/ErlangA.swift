import Foundation

/// Erlang A (M/M/n+M): Poisson arrivals, exponential handle times and exponential patience.
///
/// Exact from the birth–death chain: states k < n through Erlang B, the queue tail
/// π(n+j)/π(n) = Π_{i=1..j} λ / (nμ + iθ) summed in log space until negligible. An arriving
/// call that finds j callers waiting is answered with probability nμ / (nμ + (j+1)θ), and
/// its wait, given that it is answered, is a sum of exponentials with rates nμ + mθ
/// (m = 1…j+1), whose distribution is −ln(X)/θ with X ~ Beta(nμ/θ + 1, j+1). The service
/// level therefore needs only the regularized incomplete beta function I_x(a, j+1) at
/// x = e^(−θt), built term by term from a positive series — no cancellation, no overflow.
public struct ErlangA: QueueModel {
    /// The load; must be valid (see ``QueueLoad/validate()``).
    public let load: QueueLoad
    /// Mean patience of a caller, in seconds.
    public let patienceSeconds: Double

    /// Tail terms below e^(−60) of the largest are dropped (relative error < 1e-25).
    private static let negligibleLogRatio = -60.0
    /// An upper bound on queue states summed, against pathological patience values.
    private static let maximumTailStates = 20_000_000

    /// Creates the model.
    public init(load: QueueLoad, patienceSeconds: Double) {
        self.load = load
        self.patienceSeconds = patienceSeconds
    }

    /// Service level (abandoned calls count as not answered in time), ASA of answered calls,
    /// P(wait), occupancy of the agents and the abandonment rate.
    /// - Complexity: O(n + J), J the number of queue states that carry probability.
    public func performance(agents: Int, thresholdSeconds: Double) -> QueuePerformance {
        let offered = load.offeredLoad
        guard offered > 0 else { return .idle(agents: agents) }
        let arrivalRate = load.calls / load.intervalSeconds
        let serviceRate = Double(agents) / load.averageHandleTimeSeconds
        let abandonRate = 1 / patienceSeconds
        let tail = logTailRatios(arrivalRate: arrivalRate, serviceRate: serviceRate, abandonRate: abandonRate)
        let blocking = ErlangB.blockingProbability(servers: agents, offeredLoad: offered)
        guard blocking > 0 else {
            return QueuePerformance(
                agents: agents, serviceLevel: 1, averageSpeedOfAnswerSeconds: 0, waitProbability: 0,
                occupancy: min(1, offered / Double(agents)), abandonmentRate: 0)
        }
        let logBelow = blocking < 1 ? log((1 - blocking) / blocking) : -Double.infinity
        let scale = max(logBelow, tail.max() ?? 0)
        return evaluate(
            agents: agents, below: exp(logBelow - scale), tailWeights: tail.map { exp($0 - scale) },
            serviceRate: serviceRate, abandonRate: abandonRate, thresholdSeconds: thresholdSeconds)
    }

    /// log(π(n+j)/π(n)) for j = 0, 1, … until the terms are negligible.
    private func logTailRatios(arrivalRate: Double, serviceRate: Double, abandonRate: Double) -> [Double] {
        var logs = [0.0]
        var current = 0.0
        var largest = 0.0
        let logArrival = log(arrivalRate)
        let peak = (arrivalRate - serviceRate) / abandonRate
        var j = 1
        while j <= Self.maximumTailStates {
            current += logArrival - log(serviceRate + Double(j) * abandonRate)
            logs.append(current)
            largest = max(largest, current)
            if Double(j) > peak, current - largest < Self.negligibleLogRatio { break }
            j += 1
        }
        return logs
    }

    /// Combines the unnormalized weights of "a server is free" (`below`) and of each queue
    /// state into the performance figures.
    private func evaluate(
        agents: Int, below: Double, tailWeights: [Double], serviceRate: Double, abandonRate: Double,
        thresholdSeconds: Double
    ) -> QueuePerformance {
        let total = below + tailWeights.reduce(0, +)
        let x = exp(-abandonRate * thresholdSeconds)
        let a = serviceRate / abandonRate + 1
        let logOneMinusX = log1p(-x)
        var logTerm = a * log(x) + logOneMinusX + log(a)
        var incompleteBeta = exp(a * log(x))
        var waitWeight = 0.0, abandonWeight = 0.0, onTimeWeight = below, answeredWaitWeight = 0.0
        var expectedWait = 0.0
        for (j, weight) in tailWeights.enumerated() {
            let rateAtStep = serviceRate + Double(j + 1) * abandonRate
            let answered = serviceRate / rateAtStep
            expectedWait += 1 / rateAtStep
            waitWeight += weight
            abandonWeight += weight * (1 - answered)
            onTimeWeight += weight * answered * max(0, 1 - incompleteBeta)
            answeredWaitWeight += weight * answered * expectedWait
            let b = Double(j + 1)
            incompleteBeta += exp(logTerm)
            logTerm += logOneMinusX + log(a + b) - log(b + 1)
        }
        let abandonment = abandonWeight / total
        let answeredFraction = 1 - abandonment
        return QueuePerformance(
            agents: agents,
            serviceLevel: min(1, onTimeWeight / total),
            averageSpeedOfAnswerSeconds: answeredFraction > 0 ? answeredWaitWeight / total / answeredFraction : .infinity,
            waitProbability: waitWeight / total,
            occupancy: agents > 0 ? min(1, load.offeredLoad * answeredFraction / Double(agents)) : 1,
            abandonmentRate: abandonment)
    }
}
