/// A break or lunch inside a shift, placed within a window measured from the shift start.
public struct BreakRule: Sendable, Equatable {
    /// Length in minutes.
    public var minutes: Int
    /// Earliest start, in minutes after the shift starts.
    public var earliestOffsetMinutes: Int
    /// Latest start, in minutes after the shift starts.
    public var latestOffsetMinutes: Int
    /// Whether the break is paid time.
    public var paid: Bool

    /// Creates a break rule.
    public init(minutes: Int, earliestOffsetMinutes: Int, latestOffsetMinutes: Int, paid: Bool) {
        self.minutes = minutes
        self.earliestOffsetMinutes = earliestOffsetMinutes
        self.latestOffsetMinutes = latestOffsetMinutes
        self.paid = paid
    }
}

/// A kind of shift: its paid length, when it may start, its breaks, and the days it may be used.
public struct ShiftTemplate: Sendable, Equatable, Identifiable {
    /// The template's id.
    public var id: String
    /// Paid minutes (shift length less unpaid breaks).
    public var paidMinutes: Int
    /// Earliest start, wall clock.
    public var earliestStart: TimeOfDay
    /// Latest start, wall clock, not before ``earliestStart`` (a shift that starts late may still end after midnight).
    public var latestStart: TimeOfDay
    /// Minutes between allowed starts.
    public var startStepMinutes: Int
    /// Breaks and lunches.
    public var breaks: [BreakRule]
    /// Weekdays the template may be used on (all when empty).
    public var days: [Weekday]
    /// Whether agents would rather not work it (`unpopular: true`): with a `fairness:` price,
    /// its shifts are evened out across each contract's agents.
    public var unpopular = false

    /// Creates a template.
    public init(
        id: String, paidMinutes: Int, earliestStart: TimeOfDay, latestStart: TimeOfDay, startStepMinutes: Int,
        breaks: [BreakRule], days: [Weekday] = []
    ) {
        self.id = id
        self.paidMinutes = paidMinutes
        self.earliestStart = earliestStart
        self.latestStart = latestStart
        self.startStepMinutes = startStepMinutes
        self.breaks = breaks
        self.days = days
    }

    /// Minutes from start to end: paid minutes plus unpaid breaks.
    public var lengthMinutes: Int {
        paidMinutes + breaks.filter { !$0.paid }.reduce(0) { $0 + $1.minutes }
    }

    /// The wall-clock start times the template allows, in order.
    public var startTimes: [TimeOfDay] {
        stride(from: earliestStart.minutes, through: latestStart.minutes, by: startStepMinutes).compactMap {
            TimeOfDay(minutes: $0)
        }
    }

    /// Whether the template may be used on `weekday`.
    public func allows(_ weekday: Weekday) -> Bool { days.isEmpty || days.contains(weekday) }
}
