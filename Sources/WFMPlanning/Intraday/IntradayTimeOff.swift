import Foundation
import WFMCore
import WFMReporting

/// Voluntary time off offered where the rest of the day stays overstaffed without the agent.
///
/// Shifts running after the change time are taken latest end first (then agents.csv order);
/// each is offered the longest tail, on the interval grid and from the change time on, in which
/// every interval keeps at least one agent more than required across the agent's queues once
/// the agent leaves. An offer is at least ``minimumMinutes`` long and keeps the agent's week at
/// or above the contract's minimum paid hours. Offers are voluntary and unpaid: the roster
/// written by `--apply` does not take them, and the figures do not count them.
enum IntradayTimeOff {
    /// The shortest offer: less time than this is not worth sending an agent home for.
    static let minimumMinutes = 60

    static func offers(center: Center, agents: [Agent], shifts: [RosterShift], report: RosterReport, from: Date, dayEnd: Date,
                       absent: [String: Date]) -> [IntradayResult.Action] {
        let grid = center.timeGrid
        let step = grid.intervalSeconds
        var surplus: [String: [Int: Double]] = [:]
        for row in report.intervals where grid.intervals[row.interval].start >= from {
            surplus[row.queue, default: [:]][row.interval] = row.present - Double(row.requiredScheduled)
        }
        guard let firstStart = grid.intervals.first?.start else { return [] }
        let index = { (instant: Date) in Int((instant.timeIntervalSince(firstStart) / step).rounded(.down)) }
        let agentByID = Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let candidates = shifts.filter { $0.end > from && $0.start < dayEnd && absent[$0.agentID] == nil && agentByID[$0.agentID] != nil }
            .sorted { $0.end != $1.end ? $0.end > $1.end : order[$0.agentID]! < order[$1.agentID]! }
        var offers: [IntradayResult.Action] = []
        for shift in candidates {
            let agent = agentByID[shift.agentID]!
            let queues = agent.skills.map(\.queue).filter { surplus[$0] != nil }
            guard !queues.isEmpty, let contract = center.contracts.first(where: { $0.id == agent.contract }) else { continue }
            let spare = { (interval: Int) in queues.reduce(0.0) { $0 + (surplus[$1]?[interval] ?? 0) } >= 1 - 1e-9 }
            let earliest = max(from, shift.start)
            var leave = shift.end
            while leave.addingTimeInterval(-step) >= earliest, spare(index(leave.addingTimeInterval(-step))) {
                leave = leave.addingTimeInterval(-step)
            }
            let minutes = Int((shift.end.timeIntervalSince(leave) / 60).rounded())
            let weekHours = Double(shifts.filter { $0.agentID == agent.id }.reduce(0) { $0 + $1.regularPaidMinutes }) / 60
            guard minutes >= minimumMinutes, weekHours - Double(minutes) / 60 >= contract.weeklyPaidHours.min - 1e-9 else { continue }
            var instant = leave
            while instant < shift.end {
                let interval = index(instant)
                if let queue = queues.max(by: { (surplus[$0]?[interval] ?? 0) < (surplus[$1]?[interval] ?? 0) }) {
                    surplus[queue]?[interval]? -= 1
                }
                instant = instant.addingTimeInterval(step)
            }
            let clock = { (date: Date) in TimeOfDay(minutes: LocalDateTime(date, in: center.timeZone).minuteOfDay)?.description ?? "" }
            offers.append(IntradayResult.Action(
                agentId: agent.id, kind: "time_off", change: "leave at \(clock(leave)) instead of \(clock(shift.end)) (voluntary, unpaid; not applied)",
                from: Timestamp.format(leave, in: center.timeZone), paidHoursAdded: -Double(minutes) / 60, coveredAgentHours: 0))
        }
        return offers
    }
}
