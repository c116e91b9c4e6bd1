import WFMCore
/// The intervals of one measured roster kept for measuring its edits: per interval, the agents
/// present per skill pool, their split across queues and the interval's figures; per agent, the
/// shifts and the rules they break. An edited roster (a shift or a break moved) leaves most
/// intervals' presence and most agents' shifts as they were; those take their split, figures
/// and rule checks from here instead of computing them again, which gives the same report,
/// since an interval's split and figures depend only on its presence and its requirements, and
/// an agent's rules only on the agent's shifts.
///
/// Valid for one center, agents and requirements: made by
/// ``RosterEvaluator/intervalMemo(shifts:requirements:)`` and given to an evaluator of the same
/// center and agents with the same requirements. Immutable, so that any number of evaluations
/// read it at once without waiting on each other.
public final class IntervalMemo: Sendable {
    struct Entry: Sendable {
        let supply: [Double]
        let allocation: [[Double]]
        let figures: [IntervalFigures]
    }

    private let entries: [Int: Entry]
    /// Per agent, the roster's shifts and the rules they break.
    let agentChecks: [String: RosterRuleChecker.AgentCheck]

    init(_ entries: [Int: Entry], agentChecks: [String: RosterRuleChecker.AgentCheck]) {
        self.entries = entries
        self.agentChecks = agentChecks
    }

    /// The entry of `interval` if its presence is `supply`.
    func entry(_ interval: Int, supply: [Double]) -> Entry? {
        guard let entry = entries[interval], entry.supply == supply else { return nil }
        return entry
    }
}
