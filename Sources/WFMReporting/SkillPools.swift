import WFMCore

/// Agents grouped by the set of queues they can take: within an interval the agents of a pool
/// are interchangeable for the allocation.
struct SkillPools {
    /// Per pool, the queue indices it takes (sorted).
    let queues: [[Int]]
    /// Per agent (agents.csv order), their pool.
    let poolOfAgent: [Int]

    var count: Int { queues.count }

    /// Groups `agents`; skills naming no queue of the center are ignored.
    init(agents: [Agent], queueIndex: [String: Int]) {
        var index: [[Int]: Int] = [:]
        var queues: [[Int]] = []
        poolOfAgent = agents.map { agent in
            let key = Array(Set(agent.skills.compactMap { queueIndex[$0.queue] })).sorted()
            if let pool = index[key] { return pool }
            queues.append(key)
            index[key] = queues.count - 1
            return queues.count - 1
        }
        self.queues = queues
    }
}
