/// An inclusive range of whole or fractional numbers, e.g. 36…40 hours.
public struct Bounds<Value: Comparable & Sendable>: Sendable, Equatable {
    /// The smallest allowed value.
    public var min: Value
    /// The largest allowed value.
    public var max: Value

    /// Creates bounds; `min ≤ max`.
    public init(min: Value, max: Value) {
        self.min = min
        self.max = max
    }

}

/// An employment contract: how much and how an agent may work in a week.
public struct Contract: Sendable, Equatable, Identifiable {
    /// The contract's id.
    public var id: String
    /// Paid hours per week.
    public var weeklyPaidHours: Bounds<Double>
    /// Working days per week.
    public var daysPerWeek: Bounds<Int>
    /// The most working days in a row.
    public var maxConsecutiveDays: Int
    /// The least rest between the end of one shift and the start of the next, in hours.
    public var minRestHours: Double
    /// Ids of the shift templates this contract may work.
    public var templates: [String]
    /// Overtime an agent of this contract may be asked for on the day (`wfm intraday`); nil
    /// for none. Its `agents` are empty: it applies to the contract's agents.
    public var overtime: OvertimeAllowance?

    /// Creates a contract.
    public init(
        id: String, weeklyPaidHours: Bounds<Double>, daysPerWeek: Bounds<Int>, maxConsecutiveDays: Int,
        minRestHours: Double, templates: [String]
    ) {
        self.id = id
        self.weeklyPaidHours = weeklyPaidHours
        self.daysPerWeek = daysPerWeek
        self.maxConsecutiveDays = maxConsecutiveDays
        self.minRestHours = minRestHours
        self.templates = templates
    }
}
