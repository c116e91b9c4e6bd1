import Foundation
import WFMCore
import WFMMeasure

/// The repair's view of the week: per queue and interval, agents short (positive) or over
/// (negative), and what one agent more or less is worth there.
struct RepairState {
    let center: Center
    let skills: [String: [Int]]
    /// Objective units per agent short for one interval, by queue.
    let weights: [Double]
    var net: [[Double]]
    /// Breaks starting before this instant stay where they are; moved ones start at or after it.
    var frozenBefore: Date?
    private let first: Date?
    private let grid: TimeGrid
    private let intervalSeconds: Double
    private let intervalCount: Int

    init(center: Center, agents: [Agent], net: [[Double]]) {
        self.center = center
        self.net = net
        let queueIndex = Dictionary(uniqueKeysWithValues: center.queues.enumerated().map { ($1.id, $0) })
        skills = Dictionary(agents.map { agent in (agent.id, agent.skills.compactMap { queueIndex[$0.queue] }) }, uniquingKeysWith: { a, _ in a })
        let grid = center.timeGrid
        let prices = ObjectivePrices(center: center)
        weights = center.queues.map { prices.shortfall($0) }
        self.grid = grid
        first = grid.intervals.first?.start
        intervalSeconds = grid.intervalSeconds
        intervalCount = grid.intervals.count
    }

    /// Whether any interval overlapping `from..<to` is short in a queue the agent serves: where
    /// none is, more presence there covers nothing (an overtime extension into it is worth
    /// nothing).
    func isShort(agent: String, from: Date, to: Date) -> Bool {
        guard let first, let queues = skills[agent] else { return false }
        let lower = max(0, Int((from.timeIntervalSince(first) / intervalSeconds).rounded(.down)))
        let upper = min(intervalCount, Int((to.timeIntervalSince(first) / intervalSeconds).rounded(.up)))
        guard lower < upper else { return false }
        return queues.contains { queue in (lower..<upper).contains { net[queue][$0] > 0 } }
    }

    /// The intervals of the week a shift is on the phones in: those it spends at least half of
    /// on the phones (``RosterPresence``), within `from..<to`.
    struct PhoneSpan {
        var from = 0, to = 0
        var onPhone: [Bool] = []

        func contains(_ interval: Int) -> Bool { interval >= from && interval < to && onPhone[interval - from] }
    }

    /// The intervals of the week `shift` is on the phones in (none for nil).
    func onPhone(_ shift: RosterShift?) -> PhoneSpan {
        guard let shift else { return PhoneSpan() }
        let shares = RosterPresence.intervalShares(of: shift, grid: grid)
        guard let from = shares.first?.interval, let last = shares.last?.interval else { return PhoneSpan() }
        var span = PhoneSpan(from: from, to: last + 1, onPhone: Array(repeating: false, count: last + 1 - from))
        for entry in shares where entry.share >= 0.5 { span.onPhone[entry.interval - from] = true }
        return span
    }

    /// What one agent more is worth in `interval`, and on which of `queues`.
    func gain(_ interval: Int, queues: [Int]) -> (value: Double, queue: Int?) {
        var best: (value: Double, queue: Int?) = (0, nil)
        for queue in queues {
            let net = self.net[queue][interval]
            let value = weights[queue] * (max(0, net) - max(0, net - 1))
            if best.queue == nil || value > best.value { best = (value, queue) }
        }
        return best
    }

    /// What one agent less costs in `interval`, and from which of `queues`.
    func loss(_ interval: Int, queues: [Int]) -> (value: Double, queue: Int?) {
        var best: (value: Double, queue: Int?) = (0, nil)
        for queue in queues {
            let net = self.net[queue][interval]
            let value = weights[queue] * (max(0, net + 1) - max(0, net))
            if best.queue == nil || value < best.value { best = (value, queue) }
        }
        return best
    }

    /// The shortfall value of changing `before` into `after` for its agent.
    func value(from before: RosterShift?, to after: RosterShift) -> Double {
        let queues = skills[after.agentID] ?? []
        let old = onPhone(before), new = onPhone(after)
        var total = 0.0
        for interval in min(old.from, new.from)..<max(old.to, new.to) {
            switch (old.contains(interval), new.contains(interval)) {
            case (false, true): total += gain(interval, queues: queues).value
            case (true, false): total -= loss(interval, queues: queues).value
            default: break
            }
        }
        return total
    }

    /// Whether every interval the change takes the agent off the phones in is overstaffed by
    /// at least one agent on each of the agent's queues.
    func leavesNoShortfall(from before: RosterShift, to after: RosterShift) -> Bool {
        let queues = skills[after.agentID] ?? []
        let old = onPhone(before), new = onPhone(after)
        for interval in old.from..<old.to where old.contains(interval) && !new.contains(interval) {
            guard queues.allSatisfy({ net[$0][interval] <= -1 + 1e-9 }) else { return false }
        }
        return true
    }

    /// Whether the change covers any agent-hours short, net (a break move can be worth
    /// something in the objective while only moving shortfall to a cheaper queue).
    func covers(from before: RosterShift?, to after: RosterShift) -> Bool {
        var trial = self
        return trial.apply(from: before, to: after) > 1e-9
    }

    /// Makes the change; returns the agent-hours short it covers, net.
    mutating func apply(from before: RosterShift?, to after: RosterShift) -> Double {
        let queues = skills[after.agentID] ?? []
        let old = onPhone(before), new = onPhone(after)
        var covered = 0.0
        for interval in min(old.from, new.from)..<max(old.to, new.to) {
            switch (old.contains(interval), new.contains(interval)) {
            case (false, true):
                guard let queue = gain(interval, queues: queues).queue else { continue }
                covered += min(1, max(0, net[queue][interval]))
                net[queue][interval] -= 1
            case (true, false):
                guard let queue = loss(interval, queues: queues).queue else { continue }
                covered -= min(1, max(0, net[queue][interval] + 1))
                net[queue][interval] += 1
            default: break
            }
        }
        return covered * intervalSeconds / 3600
    }

    /// The shift's breaks, each (in window order) where being off the phones costs least:
    /// the gain forgone where the agent is not on the phones now (`onPhone`), the loss
    /// where they are.
    func cheapestBreaks(for shift: RosterShift, template: ShiftTemplate, onPhone: PhoneSpan) -> [RosterBreak] {
        guard let first else { return [] }
        let queues = skills[shift.agentID] ?? []
        var breaks: [RosterBreak] = []
        let step = center.intervalMinutes
        let placed = shift.breaks.sorted { $0.start < $1.start }
        for (index, rule) in template.breaks.sorted(by: { $0.earliestOffsetMinutes < $1.earliestOffsetMinutes }).enumerated() {
            if let frozenBefore, index < placed.count, placed[index].start < frozenBefore {
                breaks.append(placed[index])
                continue
            }
            var best: (cost: Double, start: Date)?
            for offset in stride(from: rule.earliestOffsetMinutes, through: rule.latestOffsetMinutes, by: step) {
                let start = shift.regularStart.addingTimeInterval(Double(offset * 60))
                let end = start.addingTimeInterval(Double(rule.minutes * 60))
                guard breaks.allSatisfy({ $0.end <= start || end <= $0.start }), frozenBefore.map({ start >= $0 }) ?? true else { continue }
                var cost = 0.0
                var begin = start
                while begin < end {
                    let index = Int((begin.timeIntervalSince(first) / intervalSeconds).rounded(.down))
                    if (0..<intervalCount).contains(index) {
                        cost += onPhone.contains(index) ? loss(index, queues: queues).value : gain(index, queues: queues).value
                    }
                    begin = begin.addingTimeInterval(intervalSeconds)
                }
                if best == nil || cost < best!.cost - 1e-12 { best = (cost, start) }
            }
            if let best { breaks.append(RosterBreak(start: best.start, end: best.start.addingTimeInterval(Double(rule.minutes * 60)))) }
        }
        return breaks.sorted { $0.start < $1.start }
    }
}
