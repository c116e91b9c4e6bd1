/// Finds the fewest agents that meet a queue's targets.
public enum StaffingCalculator {
    /// The smallest number of productive agents meeting every target, which target binds,
    /// and the performance at that number.
    ///
    /// Every measure is monotone in the number of agents, so the search gallops from the
    /// square-root-staffing estimate A + √A (down or up, doubling its step) and then bisects:
    /// O(log √A) model evaluations, each O(n) for Erlang C.
    /// - Parameters:
    ///   - load: calls, AHT, interval length and (for Erlang A) patience.
    ///   - targets: service level, optional ASA, occupancy and abandonment caps, minimum.
    ///   - shrinkage: fraction of paid time not on the phones, in `[0, 1)`.
    /// - Throws: ``QueueingError`` for invalid input or a target no staffing can meet.
    public static func requirement(for load: QueueLoad, targets: StaffingTargets, shrinkage: Double = 0) throws
        -> StaffingRequirement
    {
        try targets.validate()
        guard shrinkage >= 0, shrinkage < 1 else {
            throw QueueingError(.invalidInput, "shrinkage must be a fraction in [0, 1), got \(shrinkage)")
        }
        let model = try queueModel(for: load)
        let threshold = targets.serviceLevelThresholdSeconds
        let offered = load.offeredLoad
        if offered == 0 {
            let agents = targets.minimumAgents
            return StaffingRequirement(
                offeredLoad: 0, productiveAgents: agents,
                scheduledAgents: StaffingRequirement.scheduledAgents(productive: agents, shrinkage: shrinkage),
                performance: model.performance(agents: agents, thresholdSeconds: threshold),
                binding: agents > 0 ? .minimum : .none)
        }
        let limit = Int((offered + 50 * offered.squareRoot() + 1000).rounded(.up))
        let meets = { (agents: Int) in failedTargets(model.performance(agents: agents, thresholdSeconds: threshold), targets).isEmpty }
        let estimate = max(1, Int((offered + offered.squareRoot()).rounded(.up)))
        guard let agents = smallest(from: min(estimate, limit), limit: limit, satisfying: meets) else {
            throw QueueingError(.unattainableTarget, "no staffing up to \(limit) agents meets the targets for \(load.calls) calls")
        }
        let below = agents > 0 ? model.performance(agents: agents - 1, thresholdSeconds: threshold) : nil
        let binding = below.map { failedTargets($0, targets).first ?? .minimum } ?? .minimum
        return StaffingRequirement(
            offeredLoad: offered, productiveAgents: agents,
            scheduledAgents: StaffingRequirement.scheduledAgents(productive: agents, shrinkage: shrinkage),
            performance: model.performance(agents: agents, thresholdSeconds: threshold), binding: binding)
    }

    /// The targets `performance` misses, in the order service level, ASA, occupancy,
    /// abandonment, minimum. A tolerance of 1e-12 absorbs rounding at exact boundaries.
    static func failedTargets(_ performance: QueuePerformance, _ targets: StaffingTargets) -> [StaffingBinding] {
        let tolerance = 1e-12
        var failed: [StaffingBinding] = []
        if performance.serviceLevel < targets.serviceLevel - tolerance { failed.append(.serviceLevel) }
        if let asa = targets.maximumAverageSpeedOfAnswerSeconds, performance.averageSpeedOfAnswerSeconds > asa + tolerance {
            failed.append(.averageSpeedOfAnswer)
        }
        if let occupancy = targets.maximumOccupancy, performance.occupancy > occupancy + tolerance {
            failed.append(.occupancy)
        }
        if let abandonment = targets.maximumAbandonmentRate, performance.abandonmentRate > abandonment + tolerance {
            failed.append(.abandonment)
        }
        if performance.agents < targets.minimumAgents { failed.append(.minimum) }
        return failed
    }

    /// The smallest n in `0...limit` with `satisfying(n)`, for a monotone predicate, found by
    /// galloping from `start` and bisecting; nil if even `limit` fails.
    static func smallest(from start: Int, limit: Int, satisfying: (Int) -> Bool) -> Int? {
        var failing = -1, passing: Int
        if satisfying(start) {
            passing = start
            var step = 1
            while passing > 0 {
                let probe = max(0, passing - step)
                if satisfying(probe) { passing = probe } else { failing = probe; break }
                step *= 2
            }
        } else {
            failing = start
            var step = 1
            while true {
                let probe = min(limit, failing + step)
                if satisfying(probe) { passing = probe; break }
                if probe == limit { return nil }
                failing = probe
                step *= 2
            }
        }
        while passing - failing > 1 {
            let middle = failing + (passing - failing) / 2
            if satisfying(middle) { passing = middle } else { failing = middle }
        }
        return passing
    }
}
