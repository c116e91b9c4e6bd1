import Foundation

/// One agent's request between two plans (requests.csv): time off, a swap with another agent,
/// a wish for a shift or for a day off.
public struct ShiftRequest: Sendable, Equatable {
    /// What is asked.
    public enum Kind: String, Sendable, CaseIterable {
        /// Off on `date`: the whole day, or from `start` to `end`.
        case timeOff = "time_off"
        /// The agent and `withAgent` exchange their shifts on `date`; when only one of them
        /// works that day, the shift goes to the other.
        case swap
        /// A shift on `date`: one starting at `start` or of template `template` (of the agent's
        /// contract).
        case shiftWish = "shift_wish"
        /// A wish to be off on `date`, decided as a whole-day time off.
        case dayOffWish = "day_off_wish"
    }

    /// The request's id, as requests.csv gives it.
    public var id: String
    public var agentID: String
    public var kind: Kind
    public var date: LocalDate
    /// Part of a day (time off) or the start wished (shift wish), local wall clock.
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    /// The template wished (shift wish).
    public var template: String?
    /// The other agent of a swap.
    public var withAgent: String?
    /// 1 is decided first; requests of equal priority in submission order.
    public var priority: Int
    public var submittedAt: LocalDateTime?
    public var note: String
    /// The line of requests.csv.
    public var line: Int

    /// Creates a request.
    public init(id: String, agentID: String, kind: Kind, date: LocalDate, start: TimeOfDay? = nil, end: TimeOfDay? = nil,
                template: String? = nil, withAgent: String? = nil, priority: Int = 1, submittedAt: LocalDateTime? = nil, note: String = "",
                line: Int = 0) {
        self.id = id
        self.agentID = agentID
        self.kind = kind
        self.date = date
        self.start = start
        self.end = end
        self.template = template
        self.withAgent = withAgent
        self.priority = priority
        self.submittedAt = submittedAt
        self.note = note
        self.line = line
    }

    /// Whether the time off is for the whole day.
    public var isWholeDay: Bool { start == nil && end == nil }
}

/// How much coverage the requests of a day may cost (center.yaml `requests:`): an approval that
/// leaves intervals below target is still approved while, per queue and day, the agent-hours
/// short added by approvals stay within `maxShortAgentHoursPerDay`, and no interval has more
/// than `maxOffPerInterval` agents off by approved requests.
public struct RequestAllowance: Sendable, Equatable {
    /// Agent-hours of shortfall the approved requests may add per queue and day (0: none).
    public var maxShortAgentHoursPerDay: Double
    /// Agents off by approved requests at once (nil: no limit).
    public var maxOffPerInterval: Int?

    /// Creates an allowance; the default allows no shortfall and sets no limit on agents off.
    public init(maxShortAgentHoursPerDay: Double = 0, maxOffPerInterval: Int? = nil) {
        self.maxShortAgentHoursPerDay = maxShortAgentHoursPerDay
        self.maxOffPerInterval = maxOffPerInterval
    }
}
