/// Finds the fewest agents that meet a queue's targets.
public enum StaffingCalculator {
    /// The smallest number of productive agents meeting every target, which target binds,
    /// and the performance at that number.
    ///
    /// Every measure is monotone in the number of agents. Erlang C is searched in one pass of
    /// the Erlang B recurrence (O(n), ``onePass``); Erlang A gallops from the square-root
    /// staffing estimate A + √A (down or up, doubling its step) and then bisects: O(log √A)
    /// model evaluations.
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
        if let erlangC = model as? ErlangC {
            return try onePass(erlangC, targets: targets, shrinkage: shrinkage, limit: limit)
        }
        return try bySearch(model, targets: targets, shrinkage: shrinkage, limit: limit)
    }

    /// Staffing by galloping from the square-root-staffing estimate A + √A and bisecting:
    /// O(log √A) evaluations of the model (Erlang A; Erlang C goes through ``onePass``).
    static func bySearch(_ model: any QueueModel, targets: StaffingTargets, shrinkage: Double, limit: Int) throws -> StaffingRequirement {
        let threshold = targets.serviceLevelThresholdSeconds
        let offered = model.load.offeredLoad
        let meets = { (agents: Int) in failedTargets(model.performance(agents: agents, thresholdSeconds: threshold), targets).isEmpty }
        let estimate = max(1, Int((offered + offered.squareRoot()).rounded(.up)))
        guard let agents = smallest(from: min(estimate, limit), limit: limit, satisfying: meets) else {
            throw QueueingError(.unattainableTarget, "no staffing up to \(limit) agents meets the targets for \(model.load.calls) calls")
        }
        let below = agents > 0 ? model.performance(agents: agents - 1, thresholdSeconds: threshold) : nil
        let binding = below.map { failedTargets($0, targets).first ?? .minimum } ?? .minimum
        return StaffingRequirement(
            offeredLoad: offered, productiveAgents: agents,
            scheduledAgents: StaffingRequirement.scheduledAgents(productive: agents, shrinkage: shrinkage),
            performance: model.performance(agents: agents, thresholdSeconds: threshold), binding: binding)
    }

    /// Erlang C staffing in one pass of the Erlang B recurrence: 1/B(n, A) is carried from
    /// 1/B(0) = 1 up to a lower bound no staffing below can pass (more agents than erlangs for
    /// the service level, A / cap for the occupancy cap, the minimum), then agent by agent,
    /// each step checking every target from B(n) in O(1). The figures are those
    /// ``ErlangC/performance(agents:thresholdSeconds:)`` gives, to the bit: the same recurrence
    /// in the same order.
    /// - Complexity: O(n) for n agents.
    static func onePass(_ model: ErlangC, targets: StaffingTargets, shrinkage: Double, limit: Int) throws -> StaffingRequirement {
        let offered = model.load.offeredLoad
        let threshold = targets.serviceLevelThresholdSeconds
        var lower = max(targets.minimumAgents, Int(offered.rounded(.down)) + 1)
        if let cap = targets.maximumOccupancy {
            // A/n ≤ cap (within the checks' tolerance) needs n ≥ A/cap: start a little below it.
            lower = max(lower, Int((offered / (cap + 1e-9)).rounded(.down)) - 1)
        }
        lower = min(max(1, lower), limit)
        let inverseLoad = 1 / offered
        var inverse = 1.0, previousInverse = 1.0
        for k in stride(from: 1, through: lower, by: 1) {
            previousInverse = inverse
            inverse = ErlangB.nextInverse(inverse, servers: k, inverseLoad: inverseLoad)
        }
        var below = model.performance(agents: lower - 1, blocking: 1 / previousInverse, thresholdSeconds: threshold)
        var agents = lower
        while true {
            let performance = model.performance(agents: agents, blocking: 1 / inverse, thresholdSeconds: threshold)
            if failedTargets(performance, targets).isEmpty {
                let binding = agents > 0 ? (failedTargets(below, targets).first ?? .minimum) : .minimum
                return StaffingRequirement(
                    offeredLoad: offered, productiveAgents: agents,
                    scheduledAgents: StaffingRequirement.scheduledAgents(productive: agents, shrinkage: shrinkage),
                    performance: performance, binding: binding)
            }
            guard agents < limit else {
                throw QueueingError(.unattainableTarget, "no staffing up to \(limit) agents meets the targets for \(model.load.calls) calls")
            }
            below = performance
            agents += 1
            inverse = ErlangB.nextInverse(inverse, servers: agents, inverseLoad: inverseLoad)
        }
    }

    /// The targets `performance` misses (``failedTargets(_:_:)``), for callers outside the module.
    public static func missedTargets(_ performance: QueuePerformance, _ targets: StaffingTargets) -> [StaffingBinding] {
        failedTargets(performance, targets)
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
