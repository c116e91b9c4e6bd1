import Foundation
import WFMCore

/// How evenly a roster spreads the burdens of `fairness:` (weekend days, late and unpopular
/// shifts) over each contract's agents, counting the previous rosters' weeks: per agent the
/// load (this week's count plus the previous weeks'), per contract the fair share (the
/// average load of the agents who can carry it), and what carrying more than that costs.
/// The scheduler's objective and the report both measure fairness through it.
public struct FairnessMeasure: Sendable {
    /// One burden's loads over one contract's agents who can carry it.
    public struct Spread: Sendable, Equatable, Encodable {
        /// The contract's id.
        public let contract: String
        /// The burden.
        public let burden: Fairness.Burden
        /// One agent's load: this week's count plus the previous weeks'.
        public struct AgentLoad: Sendable, Equatable {
            /// The agent's id.
            public let agent: String
            /// The load.
            public let load: Int
        }

        /// Per agent, in agents.csv order.
        public let loads: [AgentLoad]
        /// The average load.
        public var fairShare: Double { loads.isEmpty ? 0 : Double(loads.reduce(0) { $0 + $1.load }) / Double(loads.count) }
        /// The largest load less the smallest.
        public var range: Int { (loads.map(\.load).max() ?? 0) - (loads.map(\.load).min() ?? 0) }
        /// The Gini index of the loads: 0 when all are equal, towards 1 when one agent carries
        /// everything (the mean absolute difference between any two agents over twice the mean).
        public var gini: Double {
            let values = loads.map { Double($0.load) }
            let total = values.reduce(0, +)
            guard values.count > 1, total > 0 else { return 0 }
            let sorted = values.sorted()
            let weighted = sorted.enumerated().reduce(0.0) { $0 + Double(2 * ($1.offset + 1) - sorted.count - 1) * $1.element }
            return weighted / (Double(sorted.count) * total)
        }
        enum CodingKeys: String, CodingKey { case contract, burden, agents, fairShare, range, gini }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(contract, forKey: .contract)
            try container.encode(burden, forKey: .burden)
            try container.encode(loads.count, forKey: .agents)
            try container.encode(fairShare, forKey: .fairShare)
            try container.encode(range, forKey: .range)
            try container.encode(gini, forKey: .gini)
        }
    }

    let center: Center
    let agents: [Agent]
    let previous: PreviousRosters

    /// A measure for `agents` of `center`, counting what `previous` carries in.
    public init(center: Center, agents: [Agent], previous: PreviousRosters) {
        self.center = center
        self.agents = agents
        self.previous = previous
    }

    /// Per contract (center.yaml order) and burden (`burdens`, in order), the loads of
    /// `shifts` plus the previous weeks', over the agents who can carry the burden.
    public func spreads(of shifts: [RosterShift], burdens: [Fairness.Burden] = Fairness.Burden.allCases) -> [Spread] {
        let byAgent = Dictionary(grouping: shifts, by: \.agentID)
        let week = (0..<7).map { center.weekStart.adding(days: $0) }
        let counts = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, Fairness.counts(of: byAgent[$0.id] ?? [], center: center)) })
        return center.contracts.flatMap { contract in
            burdens.map { burden in
                let carriers = agents.filter { $0.contract == contract.id && Fairness.canCarry(burden, agent: $0, week: week) }
                return Spread(contract: contract.id, burden: burden,
                              loads: carriers.map { Spread.AgentLoad(agent: $0.id, load: (counts[$0.id]?[burden] ?? 0) + previous.count(burden, of: $0.id)) })
            }
        }.filter { !$0.loads.isEmpty }
    }

    /// What the unevenness of `shifts` costs, at the burden's price in `fairness:` (0 without
    /// prices): per contract, each group of its agents with the same skills (the scheduler's
    /// groups) pays for the units its agents carry above their fair shares together — the
    /// unevenness between groups. Within a group, the scheduler's second stage spreads the
    /// group's share over its members; ``spreads(of:burdens:)`` shows how evenly per agent.
    public func cost(of shifts: [RosterShift]) -> Double {
        let priced = center.fairness.priced
        guard !priced.isEmpty else { return 0 }
        let groupOf = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.groupKey) })
        return spreads(of: shifts, burdens: priced).reduce(0) { total, spread in
            let share = spread.fairShare
            let byGroup = Dictionary(grouping: spread.loads, by: { groupOf[$0.agent] ?? "" })
            let excess = byGroup.values.reduce(0.0) { sum, loads in
                sum + max(0, Double(loads.reduce(0) { $0 + $1.load }) - share * Double(loads.count))
            }
            return total + center.fairness.price(spread.burden) * excess
        }
    }
}
