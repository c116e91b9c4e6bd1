import Foundation
import WFMCore
import WFMMeasure

/// Paid hours per queue and day: each shift's paid hours go to the queues in proportion to the
/// phone time of that shift the allocation gave them; the whole center (`all`) counts every
/// shift's paid hours, by the date the shift starts. Agents are summed in the order of their
/// ids, so that the figures do not depend on the order of agents.csv to the last bit.
struct PaidHoursAttribution {
    private var byQueueDate: [String: Double] = [:]

    init(presence: RosterPresence, agentIDs: [String], pools: SkillPools, poolShares: [[[Double]]], grid: TimeGrid, queueIDs: [String]) {
        let weekBegin = grid.intervals.first?.start ?? TimeGrid.startOfDay(grid.weekStart, in: grid.timeZone)
        let length = grid.intervalSeconds
        let queueCount = queueIDs.count
        for agent in agentIDs.indices.sorted(by: { agentIDs[$0] < agentIDs[$1] }) {
            let shifts = presence.shiftsByAgent[agent]
            let shares = Dictionary(presence.intervalShares[agent].map { ($0.interval, $0.share) }, uniquingKeysWith: +)
            let pool = pools.poolOfAgent[agent]
            for shift in shifts {
                let paid = Double(shift.paidMinutes) / 60
                byQueueDate[Self.key("all", shift.date), default: 0] += paid
                let first = max(0, Int((shift.start.timeIntervalSince(weekBegin) / length).rounded(.down)))
                let last = min(grid.intervals.count - 1, Int((shift.end.timeIntervalSince(weekBegin) / length).rounded(.up)) - 1)
                guard first <= last else { continue }
                var onPhone = 0.0
                var byQueue = Array(repeating: 0.0, count: queueCount)
                for interval in first...last {
                    guard let share = shares[interval] else { continue }
                    onPhone += share
                    for queue in 0..<queueCount where !poolShares[interval].isEmpty { byQueue[queue] += share * poolShares[interval][pool][queue] }
                }
                guard onPhone > 0 else { continue }
                for queue in 0..<queueCount where byQueue[queue] > 0 {
                    byQueueDate[Self.key(queueIDs[queue], shift.date), default: 0] += paid * byQueue[queue] / onPhone
                }
            }
        }
    }

    /// Paid hours of `queue` (an id, or `all`) on `date`.
    func paidHours(queue: String, date: LocalDate) -> Double { byQueueDate[Self.key(queue, date)] ?? 0 }

    private static func key(_ queue: String, _ date: LocalDate) -> String { "\(queue)#\(date)" }
}
