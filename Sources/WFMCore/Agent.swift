/// A queue an agent may take, with an optional priority (1 = first choice).
public struct Skill: Sendable, Equatable {
    /// The queue id.
    public var queue: String
    /// The priority, if given; lower is preferred.
    public var priority: Int?

    /// Creates a skill.
    public init(queue: String, priority: Int? = nil) {
        self.queue = queue
        self.priority = priority
    }
}

/// When an agent cannot work.
public enum Unavailability: Sendable, Equatable, CustomStringConvertible {
    /// A whole date (`2026-12-01`).
    case date(LocalDate)
    /// Every such weekday (`sat`).
    case weekday(Weekday)
    /// Part of a date, wall clock (`2026-12-02T08:00-12:00`).
    case timeRange(LocalDate, from: TimeOfDay, to: TimeOfDay)

    public var description: String {
        switch self {
        case .date(let date): "\(date)"
        case .weekday(let weekday): weekday.rawValue
        case .timeRange(let date, let from, let to): "\(date)T\(from)-\(to)"
        }
    }
}

/// A soft wish the scheduler tries to honour.
public enum AgentPreference: Sendable, Equatable, CustomStringConvertible {
    /// Prefers not to work on this weekday (`off:sat`).
    case dayOff(Weekday)
    /// Prefers early shifts (`early`).
    case early
    /// Prefers late shifts (`late`).
    case late

    public var description: String {
        switch self {
        case .dayOff(let weekday): "off:\(weekday.rawValue)"
        case .early: "early"
        case .late: "late"
        }
    }
}

/// A named agent.
public struct Agent: Sendable, Equatable, Identifiable {
    /// The agent's id.
    public var id: String
    /// The display name.
    public var name: String
    /// The contract id.
    public var contract: String
    /// Queues the agent may take.
    public var skills: [Skill]
    /// When the agent cannot work.
    public var unavailable: [Unavailability]
    /// Soft wishes.
    public var preferences: [AgentPreference]
    /// The cycle week (1-based) the agent is at in the first week of the contract's rotation
    /// (`rotation_week` in agents.csv); nil to be spread automatically.
    public var rotationWeek: Int?
    /// Days off that rules over weeks fix for the week planned (a rotation's days off, a
    /// weekend owed under `weekends_off`): the agent cannot work them, but unlike leave they
    /// do not lower the contract's weekly minimums.
    public var fixedDaysOff: Set<LocalDate> = []

    /// Creates an agent.
    public init(
        id: String, name: String, contract: String, skills: [Skill], unavailable: [Unavailability] = [],
        preferences: [AgentPreference] = []
    ) {
        self.id = id
        self.name = name
        self.contract = contract
        self.skills = skills
        self.unavailable = unavailable
        self.preferences = preferences
    }
}

extension Agent {
    /// Whether the agent cannot work any of `date`: a date or a weekday in `unavailable`, or a
    /// fixed day off.
    public func isAbsentAllDay(on date: LocalDate) -> Bool {
        fixedDaysOff.contains(date) || isOnLeave(on: date)
    }

    /// Whether `date` is a whole day of leave (a date or a weekday in `unavailable`), which
    /// lowers the contract's weekly minimums; fixed days off are not leave.
    public func isOnLeave(on date: LocalDate) -> Bool {
        unavailable.contains {
            switch $0 {
            case .date(let day): day == date
            case .weekday(let weekday): weekday == date.weekday
            case .timeRange: false
            }
        }
    }
}

extension Agent {
    /// The contract and skills (with priorities) as one key: agents with the same key are
    /// interchangeable to the scheduler's group model.
    public var groupKey: String { contract + "|" + skills.poolKey }
}

extension Array where Element == Skill {
    /// The skills with their priorities as one key (`billing:1;tech:2`): agents with the same
    /// key share a presence chain and a queue split.
    public var poolKey: String { map { "\($0.queue):\($0.priority ?? 0)" }.joined(separator: ";") }
}
