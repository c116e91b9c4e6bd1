import WFMCore

/// Agents grouped by what they can take: the queues they are skilled for, with each skill's
/// priority. Within an interval the agents of a pool are interchangeable for the split.
///
/// Pools come in one canonical order (by their queues in center.yaml order, then priorities),
/// whatever the order of agents.csv's rows or of the skills within a row, so that no figure
/// measured through them depends on file order.
public struct SkillPools: Sendable {
    /// One queue a pool takes.
    public struct Member: Sendable, Hashable, Comparable {
        /// The queue's index in center.yaml order.
        public let queue: Int
        /// The skill's priority (1 when none is given; lower is preferred).
        public let priority: Int

        /// A member: `queue` (its index) at `priority`.
        public init(queue: Int, priority: Int) {
            self.queue = queue
            self.priority = priority
        }

        public static func < (lhs: Member, rhs: Member) -> Bool { (lhs.queue, lhs.priority) < (rhs.queue, rhs.priority) }
    }

    /// Per pool, the queues it takes, by queue index.
    public let members: [[Member]]
    /// Per agent (in the order given), their pool.
    public let poolOfAgent: [Int]

    /// The number of pools.
    public var count: Int { members.count }

    /// Groups `agents`; skills naming no queue in `queueIDs` are ignored, and a queue named
    /// twice keeps its preferred priority.
    public init(agents: [Agent], queueIDs: [String]) {
        let queueIndex = Dictionary(queueIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = agents.map { agent -> [Member] in
            var best: [Int: Int] = [:]
            for skill in agent.skills {
                guard let queue = queueIndex[skill.queue] else { continue }
                best[queue] = min(best[queue] ?? .max, skill.priority ?? 1)
            }
            return best.map { Member(queue: $0.key, priority: $0.value) }.sorted()
        }
        let distinct = Set(keys).sorted { $0.lexicographicallyPrecedes($1) }
        let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        members = distinct
        poolOfAgent = keys.map { index[$0]! }
    }
}
