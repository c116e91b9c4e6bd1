/// Splits the agents present in one interval across the queues they can take, by a rule with
/// one answer: the roster file says who is present, not which queue each works, and many
/// splits cover the requirements equally well. The rule (docs/reporting.md):
///
/// 1. **Cover by weight.** Queues are served in descending shortfall weight; the queues of one
///    weight are filled together, each to the same share of its requirement, as far as the
///    agents who can take them allow (a queue whose agents run out stops there; the others go
///    on), up to their whole requirement. This minimizes the weighted shortfall, the
///    scheduler's own objective, and among such splits leaves the queues of one weight equally
///    short in proportion (the largest minimum share of the requirement met, then the next).
/// 2. **Spread the rest in proportion to the requirement.** Agents left over go, in the same
///    way, to the queues that met their requirement, each raised to the same multiple of its
///    requirement as far as the agents allow: an extra agent goes where the work is.
/// 3. **Prefer first skills.** Of the splits that give each queue those amounts, the one with
///    the least time on second-priority skills; remaining ties fall to the pools' canonical
///    order (``SkillPools``), never to the order of agents.csv.
///
/// Agents whose open queues all have no requirement in the interval are split equally among
/// them. The amounts per queue of steps 1–2 are unique (the lexicographic optimum over a
/// polymatroid); step 3 fixes each pool's part.
public enum QueueSplit {
    /// The pools' agents split across queues.
    /// - Parameters:
    ///   - supply: agents present in each pool (any non-negative amounts).
    ///   - pools: the queues each pool can take, with their priorities; queues closed in the
    ///     interval must be left out by the caller.
    ///   - required: agents required per queue.
    ///   - weights: shortfall weight per queue (> 0).
    /// - Returns: `allocation[pool][queue]`.
    /// - Complexity: O(queues² × max-flow) on a network of pools + queues + 2 nodes.
    public static func split(supply: [Double], pools: [[SkillPools.Member]], required: [Double], weights: [Double]) -> [[Double]] {
        let queueCount = required.count
        var allocation = Array(repeating: Array(repeating: 0.0, count: queueCount), count: supply.count)
        let positive = required.map { $0 > PoolFlow.tolerance }
        let working = pools.map { $0.filter { positive[$0.queue] } }
        for pool in supply.indices where working[pool].isEmpty && !pools[pool].isEmpty {
            for member in pools[pool] { allocation[pool][member.queue] = supply[pool] / Double(pools[pool].count) }
        }
        guard working.contains(where: { $0.count > 1 }) else {
            for pool in supply.indices { if let only = working[pool].first { allocation[pool][only.queue] += supply[pool] } }
            return allocation
        }
        var filling = WaterFilling(supply: supply, poolQueues: working.map { $0.map(\.queue) }, required: required)
        var covered: [Int] = []
        for weight in Set(required.indices.filter { positive[$0] }.map { weights[$0] }).sorted(by: >) {
            covered += filling.raise(required.indices.filter { positive[$0] && weights[$0] == weight }, toShare: 1)
        }
        _ = filling.raise(covered.sorted(), toShare: .infinity)
        let preference = working.map { $0.map { Double($0.priority - 1) } }
        let largest = preference.joined().max() ?? 0
        var flow = PoolFlow(supply: supply, poolQueues: working.map { $0.map(\.queue) }, demand: filling.demand,
                            arcCost: { preference[$0][$1] }, queueCost: Array(repeating: -(largest + 1) * 4, count: queueCount))
        flow.minimizeCost()
        for pool in supply.indices {
            for (slot, member) in working[pool].enumerated() { allocation[pool][member.queue] += flow.flow(pool: pool, slot: slot) }
        }
        exact(&allocation, demand: filling.demand)
        return allocation
    }
}

extension QueueSplit {
    /// Makes each queue's total, summed over the pools in order, its demand where the flow's
    /// augmentations left it a rounding error away: a queue given its requirement is not
    /// reported short by 1e-15 agents.
    private static func exact(_ allocation: inout [[Double]], demand: [Double]) {
        for queue in demand.indices {
            guard let last = allocation.indices.last(where: { allocation[$0][queue] > 0 }) else { continue }
            let before = allocation[..<last].reduce(0.0) { $0 + $1[queue] }
            let given = before + allocation[last][queue]
            if given != demand[queue], abs(given - demand[queue]) <= 1e-9 * max(1, demand[queue]), demand[queue] - before >= 0 {
                allocation[last][queue] = demand[queue] - before
            }
        }
    }
}

/// Steps 1 and 2 of ``QueueSplit``: the demand each queue is given, raised in proportion to
/// its requirement for a set of queues at once until the pools next to a queue run out.
private struct WaterFilling {
    let supply: [Double]
    let poolQueues: [[Int]]
    let required: [Double]
    /// What each queue is given so far (always a split the pools can make).
    private(set) var demand: [Double]

    init(supply: [Double], poolQueues: [[Int]], required: [Double]) {
        self.supply = supply
        self.poolQueues = poolQueues
        self.required = required
        demand = Array(repeating: 0, count: required.count)
    }

    /// Raises `queues` (all at the same share of their requirement) together, each queue
    /// stopping where no more can reach it, up to `share` of the requirement.
    /// - Returns: the queues that reached `share`.
    mutating func raise(_ queues: [Int], toShare cap: Double) -> [Int] {
        var active = queues
        let total = supply.reduce(0) { $0 + max(0, $1) }
        while !active.isEmpty {
            var isActive = Array(repeating: false, count: required.count)
            active.forEach { isActive[$0] = true }
            let fixed = demand.indices.filter { !isActive[$0] }.reduce(0.0) { $0 + demand[$1] }
            let activeRequired = active.reduce(0.0) { $0 + required[$1] }
            var share = min(cap, max(0, total - fixed) / activeRequired)
            var flow = network(share: share, active: active)
            // Newton steps on the tightest cut: each step lowers the share to what the queues
            // beyond the current cut can be given, until no cut is short.
            for _ in 0..<(2 * required.count + 4) {
                let wanted = trial(share: share, active: active).reduce(0, +)
                let reached = flow.queueFlow.reduce(0, +)
                guard wanted - reached > 1e-9 * max(1, wanted) else { break }
                let beyond = flow.queuesWithRoom().map { !$0 }
                let activeBeyond = active.filter { beyond[$0] }.reduce(0.0) { $0 + required[$1] }
                guard activeBeyond > 0 else { break }
                let fixedBeyond = demand.indices.filter { beyond[$0] && !isActive[$0] }.reduce(0.0) { $0 + demand[$1] }
                share = max(0, min(share, (flow.supply(reaching: beyond) - fixedBeyond) / activeBeyond))
                flow = network(share: share, active: active)
            }
            // A share a rounding error away from the cap is the cap: a queue covered is covered
            // exactly, never short by 1e-15 agents.
            if cap.isFinite, share > cap * (1 - 1e-12) { share = cap }
            for queue in active { demand[queue] = share * required[queue] }
            if share >= cap { return active }
            let room = flow.queuesWithRoom()
            let stopped = active.filter { !room[$0] }
            guard !stopped.isEmpty else { return [] }
            active.removeAll { !room[$0] }
        }
        return []
    }

    private func trial(share: Double, active: [Int]) -> [Double] {
        var trial = demand
        for queue in active { trial[queue] = share * required[queue] }
        return trial
    }

    private func network(share: Double, active: [Int]) -> PoolFlow {
        var flow = PoolFlow(supply: supply, poolQueues: poolQueues, demand: trial(share: share, active: active))
        flow.maximize()
        return flow
    }
}
