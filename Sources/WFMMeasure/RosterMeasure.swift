import Foundation
import WFMCore

/// The one measure of a roster: who is on the phones in each interval (``RosterPresence``),
/// grouped into skill pools (``SkillPools``), split across the queues by one rule
/// (``QueueSplit``), and what that costs (``RosterCost``). The scheduler's costing, the report,
/// the repair, the replan and the benchmarks all measure rosters through it.
public struct RosterMeasure: Sendable {
    /// The center (queues, weights, costs, the week's grid).
    public let center: Center
    /// The agents, in the order their figures are wanted.
    public let agents: [Agent]
    /// The agents' skill pools.
    public let pools: SkillPools
    /// Per agent, when they are away for part of a day (off the phones): a what-if's absences.
    public let away: [String: [Range<Date>]]
    /// What the weeks before carry in, for fairness (`--previous`).
    public var previous = PreviousRosters.none
    let grid: TimeGrid

    /// A measure of rosters of `agents` in `center`'s week.
    public init(center: Center, agents: [Agent], away: [String: [Range<Date>]] = [:]) {
        self.center = center
        self.agents = agents
        self.away = away
        pools = SkillPools(agents: agents, queueIDs: center.queues.map(\.id))
        grid = center.timeGrid
    }

    /// When each agent is on the phones.
    public func presence(of shifts: [RosterShift]) -> RosterPresence {
        RosterPresence(shifts: shifts, agents: agents, grid: grid, away: away)
    }

    /// Agents on the phones per interval and pool: `supply[interval][pool]`.
    public func supply(_ presence: RosterPresence) -> [[Double]] {
        var supply = Array(repeating: Array(repeating: 0.0, count: pools.count), count: grid.intervals.count)
        for (agent, shares) in presence.intervalShares.enumerated() {
            for entry in shares { supply[entry.interval][pools.poolOfAgent[agent]] += entry.share }
        }
        return supply
    }

    /// One interval's split of the pools' agents across the open queues (``QueueSplit``).
    /// - Parameters:
    ///   - supply: agents on the phones per pool.
    ///   - required: agents to schedule per queue (center.yaml order).
    ///   - open: per queue, whether it takes calls in the interval.
    /// - Returns: `allocation[pool][queue]`.
    public func split(supply: [Double], required: [Double], open: [Bool]) -> [[Double]] {
        QueueSplit.split(supply: supply, pools: pools.members.map { $0.filter { open[$0.queue] } }, required: required,
                         weights: center.queues.map(\.weight))
    }

    /// What `shifts` cost under the scheduling objective against `requirements` (agents to
    /// schedule per queue and interval, in center.yaml queue order), and where they leave
    /// demand uncovered. Shifts of agents not in ``agents`` are ignored (the rule checker
    /// reports them).
    /// - Complexity: O(shifts × intervals per shift + intervals × the split).
    public func cost(of shifts: [RosterShift], requirements: RequirementMatrix) -> RosterCost {
        let prices = ObjectivePrices(center: center)
        let penalty = ShortagePenalty(center: center, requirements: requirements)
        let hours = prices.intervalHours
        let queues = center.queues
        let supply = supply(presence(of: shifts))
        var shortByQueue = Dictionary(uniqueKeysWithValues: queues.map { ($0.id, 0.0) })
        var shortByDay = Dictionary(uniqueKeysWithValues: queues.map { ($0.id, [Double](repeating: 0, count: 7)) })
        var shortfalls: [RosterCost.Shortfall] = [], belowFloor: [RosterCost.Shortfall] = []
        var shortfallCost = 0.0, preference = 0.0, present = 0.0, covered = 0.0
        for interval in grid.intervals {
            let t = interval.index
            let required = queues.indices.map { requirements.agents[$0][t] }
            present += supply[t].reduce(0, +)
            let allocation = split(supply: supply[t], required: required, open: required.map { $0 > 0 })
            var leftShort = false
            for (q, queue) in queues.enumerated() where required[q] > 0 {
                let given = allocation.reduce(0) { $0 + $1[q] }
                covered += min(required[q], given)
                let short = required[q] - given < 1e-7 ? 0 : required[q] - given
                guard short > 0 else { continue }
                leftShort = true
                shortByQueue[queue.id, default: 0] += short * hours
                shortByDay[queue.id]?[interval.dayOffset] += short * hours
                shortfalls.append(RosterCost.Shortfall(queue: queue.id, interval: t, agents: short))
            }
            guard let priced = pricedSplit(interval: t, supply: supply[t], required: required, leftShort: leftShort, penalty: penalty, prices: prices)
            else { continue }
            preference += priced.preference
            for (q, queue) in queues.enumerated() where priced.short[q] > 0 {
                shortfallCost += penalty.cost(queue: q, interval: t, short: priced.short[q])
                let missing = penalty.belowFloor(queue: q, interval: t, short: priced.short[q])
                if missing > 1e-7 { belowFloor.append(RosterCost.Shortfall(queue: queue.id, interval: t, agents: missing)) }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: queues.enumerated().map { ($1.id, $0) })
        shortfalls.sort { (order[$0.queue] ?? 0, $0.interval) < (order[$1.queue] ?? 0, $1.interval) }
        belowFloor.sort { (order[$0.queue] ?? 0, $0.interval) < (order[$1.queue] ?? 0, $1.interval) }
        let overstaffing = max(0, present - covered) * hours
        let paidHours = shifts.reduce(0.0) { $0 + Double($1.paidMinutes) / 60 }
        let paidCost = paidHours * center.costs.paidHour
        let overstaffingCost = overstaffing * center.costs.overstaffingPerAgentHour
        let fairness = FairnessMeasure(center: center, agents: agents, previous: previous).cost(of: shifts)
        return RosterCost(
            objective: paidCost + shortfallCost + overstaffingCost + preference + fairness, paidHours: paidHours, paidCost: paidCost,
            requiredAgentHours: Dictionary(uniqueKeysWithValues: queues.indices.map { (queues[$0].id, requirements.agents[$0].reduce(0, +) * hours) }),
            shortfallAgentHours: shortByQueue, shortfallAgentHoursByDay: shortByDay, shortfallCost: shortfallCost,
            overstaffingAgentHours: overstaffing, overstaffingCost: overstaffingCost, preferenceCost: preference, fairnessCost: fairness,
            worstShortfalls: Array(shortfalls.sorted { ($1.agents, $0.interval) < ($0.agents, $1.interval) }.prefix(10)),
            shortfalls: shortfalls, belowFloor: belowFloor)
    }

    /// The least any split of one interval's agents costs, and what that split leaves each
    /// queue short: the convex shortage penalty (``ShortagePenalty``) of each queue plus the
    /// second-skill cost, as the group model, which chooses its own split, counts them. A
    /// minimum-cost flow whose queue arcs are the penalty's pieces, dearest first: covering one
    /// more agent saves the dearest piece still short. Nil when no queue is left short and no
    /// second skill costs anything (the split costs nothing then).
    private func pricedSplit(
        interval t: Int, supply: [Double], required: [Double], leftShort: Bool, penalty: ShortagePenalty, prices: ObjectivePrices
    ) -> (preference: Double, short: [Double])? {
        let members = pools.members.map { $0.filter { required[$0.queue] > 0 } }
        let costs = pools.members.indices.map { pool in
            members[pool].map { pools.members[pool].count > 1 ? prices.secondSkill(priority: $0.priority) : 0 }
        }
        guard leftShort || costs.joined().contains(where: { $0 > 0 }) else { return nil }
        let pieces = required.indices.map { q in
            penalty.pieces[q][t].reversed().map { (capacity: $0.agents, cost: -prices.shortfallInModel(price: $0.pricePerAgent)) }
        }
        var flow = PoolFlow(supply: supply, poolQueues: members.map { $0.map(\.queue) }, pieces: pieces, arcCost: { costs[$0][$1] })
        flow.minimizeCost()
        let reached = flow.queueFlow
        let preference = members.indices.reduce(0.0) { total, pool in
            total + members[pool].indices.reduce(0.0) { $0 + costs[pool][$1] * flow.flow(pool: pool, slot: $1) }
        }
        return (preference, required.indices.map { required[$0] - reached[$0] < 1e-7 ? 0 : required[$0] - reached[$0] })
    }
}
