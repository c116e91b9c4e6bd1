import WFMCore
import WFMQueueing
import WFMReporting

/// `wfm erlang`: the staffing answer for one load and targets, and how the queue performs
/// with a few agents fewer or more.
public struct ErlangQuery: Sendable {
    /// The load.
    public var load: QueueLoad
    /// The targets.
    public var targets: StaffingTargets
    /// Shrinkage, a fraction in `[0, 1)`.
    public var shrinkage: Double
    /// Productive agents to evaluate as well ("what SL do N agents give?"), if any.
    public var agents: Int?

    /// Creates a query.
    public init(load: QueueLoad, targets: StaffingTargets, shrinkage: Double) {
        self.load = load
        self.targets = targets
        self.shrinkage = shrinkage
    }

    /// Creates a query from plain numbers, as the command line gives them: seconds, fractions
    /// and calls. The ranges are checked by ``run()``.
    public init(
        calls: Double, intervalSeconds: Double, ahtSeconds: Double, patienceSeconds: Double?, serviceLevel: Double,
        withinSeconds: Double, maxAsaSeconds: Double?, maxOccupancy: Double?, maxAbandonRate: Double?, shrinkage: Double
    ) {
        self.init(
            load: QueueLoad(calls: calls, averageHandleTimeSeconds: ahtSeconds, intervalSeconds: intervalSeconds, patienceSeconds: patienceSeconds),
            targets: StaffingTargets(
                serviceLevel: serviceLevel, serviceLevelThresholdSeconds: withinSeconds, maximumAverageSpeedOfAnswerSeconds: maxAsaSeconds,
                maximumOccupancy: maxOccupancy, maximumAbandonmentRate: maxAbandonRate),
            shrinkage: shrinkage)
    }

    /// The answer: the requirement, and performance rows for n−2 … n+3 agents (those ≥ 0).
    public struct Answer: Sendable {
        /// The requirement.
        public let requirement: StaffingRequirement
        /// The model used: "Erlang A" or "Erlang C".
        public let model: String
        /// Performance for agent counts around the answer.
        public let neighbourhood: [QueuePerformance]
        /// The performance of the agents asked about (`--agents`), if any.
        public let given: QueuePerformance?
    }

    /// Computes the answer.
    /// - Throws: ``PlanningError`` for a load above ``InputLimits/maximumCallsPerInterval`` calls,
    ///   ``QueueingError`` for other invalid input or an unattainable target.
    public func run() throws -> Answer {
        if let agents, !(0...InputLimits.maximumAgents).contains(agents) {
            throw PlanningError("--agents must be from 0 to \(InputLimits.maximumAgents), got \(agents)")
        }
        guard load.calls <= InputLimits.maximumCallsPerInterval else {
            throw PlanningError("--calls \(load.calls) is above the 1,000,000 calls per interval wfm answers")
        }
        let requirement = try StaffingCalculator.requirement(for: load, targets: targets, shrinkage: shrinkage)
        let model = try queueModel(for: load)
        let n = requirement.productiveAgents
        let rows = (max(0, n - 2)...(n + 3)).map {
            model.performance(agents: $0, thresholdSeconds: targets.serviceLevelThresholdSeconds)
        }
        let given = agents.map { model.performance(agents: $0, thresholdSeconds: targets.serviceLevelThresholdSeconds) }
        return Answer(requirement: requirement, model: load.patienceSeconds == nil ? "Erlang C" : "Erlang A", neighbourhood: rows, given: given)
    }

    /// The answer as a table for people, or as JSON.
    /// - Throws: as ``run()``.
    public func rendered(asJSON: Bool) throws -> String {
        let answer = try run()
        var report = ErlangReport(load: load, targets: targets, model: answer.model, requirement: answer.requirement, shrinkage: shrinkage,
                                  neighbourhood: answer.neighbourhood)
        if let given = answer.given {
            report.given = ErlangReport.GivenAgents(performance: given, missed: StaffingCalculator.missedTargets(given, targets).map(\.rawValue))
        }
        return asJSON ? try report.json() : report.text()
    }
}
