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
    /// Weekend days (Saturday, Sunday) with a shift.
    public var weekendDays: Int
    /// Shifts starting at noon or later.
    public var lateShifts: Int
    /// Shifts of templates marked unpopular.
    public var unpopularShifts: Int
    /// What the previous rosters (`--previous`) hold for the agent; nil without them.
    public var previous: PreviousWeeks?
    /// The rules the agent's week breaks, as `rule: detail` (empty when every rule holds).
    public var brokenRules: [String]
}

/// One agent's figures over the previous rosters (`--previous`), to set beside the week's.
public struct PreviousWeeks: Sendable, Equatable, Encodable {
    /// Weeks the previous rosters cover.
    public var weeks: Int
    /// Days worked in a row up to the week's start.
    public var daysInARow: Int
    /// Weekend days worked.
    public var weekendDays: Int
    /// Shifts starting at noon or later.
    public var lateShifts: Int
    /// Shifts of templates marked unpopular.
    public var unpopularShifts: Int
    /// Paid hours.
    public var paidHours: Double
}
