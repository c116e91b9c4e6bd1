import WFMCore
import WFMMeasure
import WFMOptimization

/// What a scheduling run produced and how: the roster, what it costs, how far it may be from
/// the best roster, and everything the user should know.
public struct ScheduleOutcome: Sendable {
    /// The roster, by agent (input order) and date.
    public let shifts: [RosterShift]
    /// The cost of the roster in ``shifts``, computed from its shifts and breaks (not from the
    /// group plan, which stage 2 may have changed).
    public let cost: RosterCost
    /// The best proven lower bound on any roster's objective, if known.
    public let bestBound: Double?
    /// Why the run stopped, for the roster in ``shifts``: `optimal` when it meets the bound,
    /// `gapLimitReached` within the gap asked for, `heuristicStop` when the work budgets ended
    /// above it, `timeLimit` when the wall-clock backstop stopped any work.
    public let termination: Termination
    /// The first stage's result (the group plan): status, objective, bound, and the method in
    /// words (``method``'s text).
    public let groupStage: SolveResult
    /// How the group plan was made: strategy, paths tried, bounds, LP solves, what was called
    /// off and why.
    public let method: GroupPlanMethod
    /// Groups and the first-stage model size.
    public let statistics: String
    /// Things the user should know, with codes.
    public let warnings: [ScheduleWarning]
    /// Wall-clock time of the first stage (the group plan).
    public let groupStageTime: Duration
    /// Wall-clock time of the second stage (naming the agents).
    public let assignmentTime: Duration
    /// Total wall-clock time of the run.
    public let totalTime: Duration
    /// The group plans found on the way, in time order: when (from the run's start) and their
    /// objective. Stage 1 keeps the best; stage 2 then names the agents of that one.
    public let incumbents: [IncumbentPoint]

    /// A group plan found during the run.
    public struct IncumbentPoint: Sendable, Equatable {
        /// Time since the run started.
        public let time: Duration
        /// The plan's objective.
        public let objective: Double
    }

    /// When the best group plan found so far first came within `fraction` of the final proven
    /// bound (relative gap as ``relativeGap`` defines it), or nil if it never did or there is no
    /// bound.
    public func timeToGap(_ fraction: Double) -> Duration? {
        guard let bestBound else { return nil }
        return incumbents.first { SolveResult.relativeGap(of: $0.objective, to: bestBound) <= fraction + 1e-12 }?.time
    }

    /// `|objective − bound| / |objective|` of the written roster, or nil without a bound.
    public var relativeGap: Double? {
        bestBound.map { SolveResult.relativeGap(of: cost.objective, to: $0) }
    }

    /// Whether the wall-clock backstop stopped any work (the roster may then depend on the
    /// machine's speed).
    public var timeLimitReached: Bool { termination == .timeLimit }
}
