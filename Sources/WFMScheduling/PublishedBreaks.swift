import Foundation
import WFMCore

/// After a replan: days that keep their published shift (template, start, end and overtime)
/// get their published breaks back wherever that costs no coverage, so a small scenario does
/// not move breaks all week.
///
/// Days are taken in roster order; a day's published breaks come back when every interval the
/// agent would leave the phones in is overstaffed by at least one agent on each of the agent's
/// queues, on the replanned roster's staffing as it stands then: however cross-trained agents
/// are then split across queues, no interval becomes short.
public enum PublishedBreaks {
    /// `roster` with the published breaks restored where they cost nothing.
    /// - Parameters:
    ///   - net: agents to schedule less agents present for `roster`, `[queue][interval]` in
    ///     center.yaml queue order.
    /// - Complexity: O(days × intervals per shift).
    public static func restore(_ roster: [RosterShift], published: [RosterShift], center: Center, agents: [Agent], net: [[Double]])
        -> [RosterShift]
    {
        let key = { (shift: RosterShift) in "\(shift.agentID)#\(shift.date)" }
        let before = Dictionary(published.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var state = RepairState(center: center, agents: agents, net: net)
        var result = roster
        for (index, shift) in roster.enumerated() {
            guard let old = before[key(shift)], old.breaks != shift.breaks else { continue }
            var restored = shift
            restored.breaks = old.breaks
            guard restored == old, state.leavesNoShortfall(from: shift, to: restored) else { continue }
            _ = state.apply(from: shift, to: restored)
            result[index] = restored
        }
        return result
    }
}
