/// Something a scheduler should know about a roster or its inputs, with a stable code that
/// scripts (and tests) can rely on, whatever the wording of the message.
public struct ScheduleWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    /// What kind of warning this is; the raw value is written in JSON output.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// A queue with requirements that no agent is skilled for.
        case unservableQueue = "unservable_queue"
        /// The week needs more agent-hours than the agents' contracts can give.
        case capacityShort = "capacity_short"
        /// The roster leaves requirements uncovered.
        case demandUncovered = "demand_uncovered"
        /// Some intervals have fewer agents on the phones than a queue's `min_agents`.
        case belowMinimumAgents = "below_min_agents"
        /// An agent's weekly minimum was lowered for whole days of absence.
        case minimumLowered = "minimum_lowered"
        /// An agent's wish that no allowed template can meet.
        case wishNeverMet = "wish_never_met"
        /// A template's start times fall outside the opening hours.
        case startOutsideOpeningHours = "start_outside_opening_hours"
        /// The group plan could not meet a contract rule and paid its penalty.
        case contractRuleRelaxed = "contract_rule_relaxed"
        /// The assignment of a group's shifts to agents fell back to the greedy rule.
        case greedyAssignment = "greedy_assignment"
        /// Planned shifts no agent could take under the per-agent rules.
        case shiftsDropped = "shifts_dropped"
        /// An agent was given a shift beyond the plan to reach the contract's minimum.
        case extraShift = "extra_shift"
        /// An agent could not reach the contract's weekly minimum.
        case shortOfMinimum = "short_of_minimum"
        /// Shifts were added on agents' free days to cover demand the named roster left short.
        case calledIn = "called_in"
        /// Shifts of the roster run while the center is closed (idle paid time).
        case outsideOpeningHours = "outside_opening_hours"
        /// Agents carry far more of a priced burden (weekends, late or unpopular shifts) than
        /// their contract's fair share.
        case fairness = "fairness"
        /// The wall-clock backstop stopped some work: the roster may depend on the machine's speed.
        case timeLimitReached = "time_limit_reached"
    }

    /// The kind.
    public let code: Code
    /// What happened, naming agents, templates, contracts and queues as the user wrote them.
    public let message: String

    /// Creates a warning.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
