/// Overtime a what-if scenario allows: shifts extended before their start or after their end,
/// paid on top of the contract's weekly hours at a premium.
public struct OvertimeAllowance: Sendable, Equatable {
    /// Agent ids it applies to; empty for every agent.
    public var agents: [String]
    /// Most overtime minutes on one shift.
    public var maxMinutesPerShift: Int
    /// Most overtime hours in the week.
    public var maxHoursPerWeek: Double
    /// What an overtime hour costs, in paid hours (1.5 is time and a half).
    public var payFactor: Double

    /// Creates an allowance.
    public init(agents: [String] = [], maxMinutesPerShift: Int, maxHoursPerWeek: Double, payFactor: Double = 1.5) {
        self.agents = agents
        self.maxMinutesPerShift = maxMinutesPerShift
        self.maxHoursPerWeek = maxHoursPerWeek
        self.payFactor = payFactor
    }
}

extension Array where Element == OvertimeAllowance {
    /// The allowance for `agentID`: the last entry naming the agent, else the last entry for
    /// everyone, else nil (no overtime).
    public func allowance(for agentID: String) -> OvertimeAllowance? {
        last { $0.agents.contains(agentID) } ?? last { $0.agents.isEmpty }
    }
}

extension OvertimeAllowance {
    /// Each contract's `overtime:` allowance (center.yaml), for the agents on that contract.
    public static func contracts(center: Center, agents: [Agent]) -> [OvertimeAllowance] {
        center.contracts.compactMap { contract in
            guard var allowance = contract.overtime else { return nil }
            allowance.agents = agents.filter { $0.contract == contract.id }.map(\.id)
            return allowance.agents.isEmpty ? nil : allowance
        }
    }
}
