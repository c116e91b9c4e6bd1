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
    /// Paid hours per week averaged over a horizon of several weeks (`--weeks N`), leave days
    /// counted at the contract's credit; nil for no such rule.
    public var averageWeeklyPaidHours: Bounds<Double>?
    /// Weekends off in every run of consecutive weeks (`weekends_off: {min: 1, per_weeks: 2}`);
    /// nil for no such rule.
    public var weekendsOff: WeekendsOffRule?
    /// The id of the rotation (`rotations:` in center.yaml) the contract's agents follow; nil
    /// for none.
    public var rotation: String?

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

    /// The paid minutes allowed in a week with `leaveDays` whole days of leave: each lowers
    /// the minimum by the contract's minimum hours per minimum day (a paid absence).
    public func paidMinutes(leaveDays: Int) -> ClosedRange<Int> {
        let maximum = Int((weeklyPaidHours.max * 60).rounded())
        return min(maximum, max(0, Int(((weeklyPaidHours.min - leaveCreditHours * Double(leaveDays)) * 60).rounded())))...maximum
    }

    /// The paid hours one day of leave counts for: the minimum hours over the minimum days.
    public var leaveCreditHours: Double {
        daysPerWeek.min > 0 ? weeklyPaidHours.min / Double(daysPerWeek.min) : 0
    }
}

/// At least `min` weekends off (Saturday and Sunday both free) in every `perWeeks`
/// consecutive weeks.
public struct WeekendsOffRule: Sendable, Equatable {
    /// Weekends off, at least 1.
    public var min: Int
    /// The run of weeks, at least `min`.
    public var perWeeks: Int

    /// Creates the rule.
    public init(min: Int, perWeeks: Int) {
        self.min = min
        self.perWeeks = perWeeks
    }
}
