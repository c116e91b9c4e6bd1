import WFMCore

/// The prices of the scheduling objective, defined once for everything that optimizes or
/// measures a roster: the group model, the cost of a written roster and the repair.
public struct ObjectivePrices: Sendable {
    /// The center's costs.
    public let costs: Costs
    /// The length of one interval, in hours.
    public let intervalHours: Double

    /// The cost of one agent-hour on a second-priority skill, per priority step below the
    /// first: small beside every other price, so that it only breaks ties between splits.
    public static let secondSkillPerAgentHour = 0.01

    /// Prices for `center`'s costs and interval length.
    public init(center: Center) {
        costs = center.costs
        intervalHours = center.timeGrid.intervalSeconds / 3600
    }

    /// The shortfall penalty of one agent missing from `queue` for one interval: the queue's
    /// weight times `shortfall_per_agent_hour`.
    public func shortfall(_ queue: Queue?) -> Double { costs.shortfallPerAgentHour * (queue?.weight ?? 1) * intervalHours }

    /// What one agent short for one interval costs in the group model, whose overstaffing term
    /// counts every present agent: the shortfall penalty plus the overstaffing the missing
    /// agent would have saved.
    public func shortfallInModel(_ queue: Queue?) -> Double { shortfallInModel(price: shortfall(queue)) }

    /// What one agent short for one interval at `price` (a piece of ``ShortagePenalty``)
    /// costs in the group model: the price plus the overstaffing the missing agent would have
    /// saved.
    public func shortfallInModel(price: Double) -> Double { price + costs.overstaffingPerAgentHour * intervalHours }

    /// The cost of one agent on a skill of `priority` for one interval (0 for a first skill or
    /// none given).
    public func secondSkill(priority: Int?) -> Double { Self.secondSkill(priority: priority, intervalHours: intervalHours) }

    /// The cost of one agent on a skill of `priority` for an interval of `intervalHours`.
    public static func secondSkill(priority: Int?, intervalHours: Double) -> Double {
        guard let priority, priority > 1 else { return 0 }
        return secondSkillPerAgentHour * intervalHours * Double(priority - 1)
    }
}
