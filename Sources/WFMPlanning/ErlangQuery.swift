import WFMQueueing

/// `wfm erlang`: the staffing answer for one load and targets, and how the queue performs
/// with a few agents fewer or more.
public struct ErlangQuery: Sendable {
    /// The load.
    public var load: QueueLoad
    /// The targets.
    public var targets: StaffingTargets
    /// Shrinkage, a fraction in `[0, 1)`.
    public var shrinkage: Double

    /// Creates a query.
    public init(load: QueueLoad, targets: StaffingTargets, shrinkage: Double) {
        self.load = load
        self.targets = targets
        self.shrinkage = shrinkage
    }

    /// The answer: the requirement, and performance rows for n−2 … n+3 agents (those ≥ 0).
    public struct Answer: Sendable {
        /// The requirement.
        public let requirement: StaffingRequirement
        /// The model used: "Erlang A" or "Erlang C".
        public let model: String
        /// Performance for agent counts around the answer.
        public let neighbourhood: [QueuePerformance]
    }

    /// Computes the answer.
    /// - Throws: ``QueueingError`` for invalid input or an unattainable target.
    public func run() throws -> Answer {
        let requirement = try StaffingCalculator.requirement(for: load, targets: targets, shrinkage: shrinkage)
        let model = try queueModel(for: load)
        let n = requirement.productiveAgents
        let rows = (max(0, n - 2)...(n + 3)).map {
            model.performance(agents: $0, thresholdSeconds: targets.serviceLevelThresholdSeconds)
        }
        return Answer(requirement: requirement, model: load.patienceSeconds == nil ? "Erlang C" : "Erlang A", neighbourhood: rows)
    }
}
