import Foundation
import WFMCore
import WFMReporting

/// Which queue each cross-trained agent serves first for the rest of the day.
///
/// Each queue's need is the agent-hours it requires from the change time to the end of the day
/// less the on-phone hours of its single-skill agents then. Cross-trained agents, in agents.csv
/// order, each take the queue among theirs with the most need left (center.yaml order on a
/// tie), which their remaining on-phone hours then reduce. An agent's skills are re-ordered
/// with that queue first (priority 1) and the others after it in their order.
enum IntradayRouting {
    /// Per cross-trained agent on the phones after `from` today whose serving order changes
    /// (agents.csv gives another queue first, or no strict order), the queue to serve first.
    static func serveFirst(center: Center, agents: [Agent], shifts: [RosterShift], report: RosterReport, from: Date, dayEnd: Date,
                           absent: [String: Date]) -> [(agentID: String, queue: String)] {
        let grid = center.timeGrid
        let hours = grid.intervalSeconds / 3600
        var need = Dictionary(uniqueKeysWithValues: center.queues.map { ($0.id, 0.0) })
        for row in report.intervals where grid.intervals[row.interval].start >= from {
            need[row.queue, default: 0] += Double(row.requiredScheduled) * hours
        }
        let remaining = { (agent: Agent) -> Double in
            let gone = min(dayEnd, absent[agent.id] ?? dayEnd)
            return shifts.filter { $0.agentID == agent.id }.reduce(0.0) { total, shift in
                let start = max(shift.start, from), end = min(shift.end, gone)
                guard start < end else { return total }
                let onBreak = shift.breaks.reduce(0.0) { $0 + max(0, min($1.end, end).timeIntervalSince(max($1.start, start))) }
                return total + (end.timeIntervalSince(start) - onBreak) / 3600
            }
        }
        let open = Set(need.keys)
        for agent in agents where agent.skills.filter({ open.contains($0.queue) }).count == 1 {
            need[agent.skills.first { open.contains($0.queue) }!.queue]! -= remaining(agent)
        }
        var choices: [(String, String)] = []
        for agent in agents {
            let queues = center.queues.map(\.id).filter { id in agent.skills.contains { $0.queue == id } }
            let time = remaining(agent)
            guard queues.count > 1, time > 0 else { continue }
            let pick = queues.max { need[$0]! < need[$1]! || (need[$0]! == need[$1]! && queues.firstIndex(of: $0)! > queues.firstIndex(of: $1)!) }!
            need[pick]! -= time
            let current = agent.skills.filter { open.contains($0.queue) }.min { ($0.priority ?? Int.max) < ($1.priority ?? Int.max) }?.queue
            if pick != current || Set(agent.skills.compactMap(\.priority)).count < agent.skills.count { choices.append((agent.id, pick)) }
        }
        return choices
    }

    /// `agents` with each chosen agent's `queue` first and their other skills after it.
    static func reordered(_ agents: [Agent], choices: [(agentID: String, queue: String)]) -> [Agent] {
        let first = Dictionary(choices.map { ($0.agentID, $0.queue) }, uniquingKeysWith: { a, _ in a })
        return agents.map { agent in
            guard let queue = first[agent.id] else { return agent }
            var agent = agent
            let ordered = agent.skills.filter { $0.queue == queue } + agent.skills.filter { $0.queue != queue }
                .sorted { ($0.priority ?? Int.max) < ($1.priority ?? Int.max) }
            agent.skills = ordered.enumerated().map { Skill(queue: $1.queue, priority: $0 + 1) }
            return agent
        }
    }
}
