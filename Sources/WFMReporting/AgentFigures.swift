import WFMCore

/// One agent's week in the roster, against their contract.
public struct AgentFigures: Sendable, Equatable, Encodable {
    /// The agent's id.
    public var id: String
    /// The display name.
    public var name: String
    /// The contract id.
    public var contract: String
    /// Paid hours in the roster.
    public var paidHours: Double
    /// The contract's weekly paid hours, lowest allowed.
    public var contractMinHours: Double?
    /// The contract's weekly paid hours, highest allowed.
    public var contractMaxHours: Double?
    /// Days with a shift.
    public var daysWorked: Int
    /// Hours on the phones (shifts less breaks).
    public var onPhoneHours: Double
    /// The rules the agent's week breaks, as `rule: detail` (empty when every rule holds).
    public var brokenRules: [String]
}
