import WFMCore

/// A target an interval misses, or the overstaffing it shows.
public struct IntervalFlag: Sendable, Equatable, Encodable {
    /// What is flagged.
    public enum Kind: String, Sendable, Equatable, Encodable, CaseIterable {
        /// Service level below its target.
        case serviceLevel = "service_level"
        /// ASA above its target.
        case asa
        /// Abandonment above its cap.
        case abandonment
        /// Occupancy above its cap.
        case occupancy
        /// More productive agents than required, beyond the report's margin (not a missed
        /// target: a cost).
        case overstaffed

        /// Whether this flag means a target is missed.
        public var isMissedTarget: Bool { self != .overstaffed }
    }

    /// What is flagged.
    public var kind: Kind
    /// The size in productive agents: those missing for a missed target, those above the
    /// requirement for overstaffing.
    public var agents: Double

    /// Creates a flag.
    public init(kind: Kind, agents: Double) {
        self.kind = kind
        self.agents = agents
    }
}

/// One queue in one open interval: the forecast, the staffing required and present, and what
/// the formula predicts with it.
public struct IntervalFigures: Sendable, Equatable, Encodable {
    /// The interval's position in the week.
    public var interval: Int
    /// The local wall-clock start, e.g. `2026-11-30T09:15`.
    public var start: String
    /// Days since the week's start.
    public var day: Int
    /// The queue id.
    public var queue: String
    /// Forecast calls.
    public var calls: Double
    /// Forecast AHT, in seconds.
    public var ahtSeconds: Double
    /// Productive agents required (all targets met), as `wfm staff` computes them.
    public var requiredProductive: Int
    /// Agents to schedule for that (after shrinkage).
    public var requiredScheduled: Int
    /// Agents on the phones allocated to this queue (shared agents by their share), before
    /// shrinkage: the unit the requirement to schedule is in.
    public var present: Double
    /// ``present`` net of shrinkage: the agents the formula is given.
    public var productive: Double
    /// The shrinkage applied.
    public var shrinkage: Double
    /// The formula's prediction.
    public var predicted: FormulaPrediction
    /// Targets missed and overstaffing, in that order.
    public var flags: [IntervalFlag]

    /// Whether any target is missed here.
    public var missesTarget: Bool { flags.contains { $0.kind.isMissedTarget } }
    /// Agents below the requirement to schedule (0 when covered).
    public var shortfall: Double { max(0, Double(requiredScheduled) - present) }
    /// Agents above the requirement to schedule (0 when short).
    public var surplus: Double { max(0, present - Double(requiredScheduled)) }
}
