import Foundation
import WFMCore

/// What a written roster costs under the scheduling objective, and where it leaves demand
/// uncovered: computed from the roster's shifts and breaks alone, so that it describes the
/// roster in the file, whatever plan came before it.
public struct RosterCost: Sendable, Equatable {
    /// Shortfall of one queue in one interval.
    public struct Shortfall: Sendable, Equatable {
        /// The queue's id.
        public let queue: String
        /// The interval's index in the week.
        public let interval: Int
        /// Agents missing.
        public let agents: Double
    }

    /// The objective (the same as the group model's): paid hours, the shortage penalty and
    /// overstaffing at their costs in center.yaml, the small preference for first skills
    /// (``ObjectivePrices``, ``ShortagePenalty``), and the unevenness `fairness:` prices
    /// (``FairnessMeasure``).
    public let objective: Double
    /// Paid hours of all shifts.
    public let paidHours: Double
    /// Cost of the paid hours.
    public let paidCost: Double
    /// Required agent-hours per queue (center.yaml order).
    public let requiredAgentHours: [String: Double]
    /// Agent-hours of requirement left uncovered, per queue (by ``QueueSplit``'s rule).
    public let shortfallAgentHours: [String: Double]
    /// Uncovered agent-hours per queue and day of the week (0–6).
    public let shortfallAgentHoursByDay: [String: [Double]]
    /// Cost of the shortfall: weighted, and steeper the more agents an interval misses
    /// (``ShortagePenalty``), for the split of shared agents that costs least (the group
    /// model's accounting; the agent-hours short per queue follow ``QueueSplit``'s rule, and
    /// both splits cover as much in all).
    public let shortfallCost: Double
    /// Agent-hours present (on shift, not on break) beyond the requirement they cover.
    public let overstaffingAgentHours: Double
    /// Cost of the overstaffing.
    public let overstaffingCost: Double
    /// Cost of time given to second-priority skills: the least any split covering as much of
    /// the weighted requirement needs (the scheduler's own accounting).
    public let preferenceCost: Double
    /// Cost of weekends, late and unpopular shifts carried above each contract's fair share
    /// (0 without `fairness:` prices).
    public let fairnessCost: Double
    /// The intervals with the largest shortfall, largest first (at most ten).
    public let worstShortfalls: [Shortfall]
    /// Every queue and interval left short, in queue then time order.
    public let shortfalls: [Shortfall]
    /// Every queue and interval with fewer agents on the phones than its `min_agents` (in the
    /// split that costs least), and how many fewer, in queue then time order.
    public let belowFloor: [Shortfall]

    /// Total uncovered agent-hours.
    public var totalShortfallAgentHours: Double { shortfallAgentHours.values.reduce(0, +) }
}
