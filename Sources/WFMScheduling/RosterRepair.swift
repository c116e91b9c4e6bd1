import Foundation
import WFMCore

/// A shift added to a roster by ``RosterRepair``, and what it buys.
public struct RepairChange: Sendable, Equatable {
    public let shift: RosterShift
    /// Agent-hours of shortfall it covers (weighted by queue as in scheduling).
    public let coveredAgentHours: Double
}

/// Repairs a published roster for a scenario's shortfall with the least change: shifts added
/// on agents' days off, within every rule of their contract (maximum days and hours, rest,
/// consecutive days, availability, the template's start window and breaks). Greedy: each
/// step adds the shift whose covered shortfall, at the scheduler's costs
/// (`shortfall_per_agent_hour` × queue weight, less `paid_hour` per paid hour), is worth most,
/// until no shift pays for itself or `maximumChanges` are made. Breaks go where they cost
/// the least coverage inside their windows.
public struct RosterRepair: Sendable {
    public let center: Center
    public let agents: [Agent]
    /// At most this many shifts are added.
    public var maximumChanges = 200

    /// Creates a repair.
    public init(center: Center, agents: [Agent]) {
        self.center = center
        self.agents = agents
    }

    /// Shifts to add to `shifts`, in the order chosen.
    /// - Parameter shortfall: agents to schedule still missing, `[queue][interval]` in
    ///   center.yaml queue order.
    /// - Complexity: O(changes × candidate shifts × intervals per shift).
    public func changes(to shifts: [RosterShift], shortfall: [[Double]]) -> [RepairChange] {
        let grid = center.timeGrid
        var missing = shortfall
        var roster = shifts
        let queueIndex = Dictionary(uniqueKeysWithValues: center.queues.enumerated().map { ($1.id, $0) })
        let hours = grid.intervalSeconds / 3600
        let weights = center.queues.map { $0.weight * center.costs.shortfallPerAgentHour * hours }
        var candidates: [(agent: Agent, queues: [Int], option: ShiftOption, template: ShiftTemplate)] = []
        for agent in agents {
            guard let contract = center.contracts.first(where: { $0.id == agent.contract }) else { continue }
            let queues = agent.skills.compactMap { queueIndex[$0.queue] }
            guard !queues.isEmpty else { continue }
            for template in center.shiftTemplates where contract.templates.contains(template.id) {
                for option in ShiftCatalog.options(for: template, grid: grid) { candidates.append((agent, queues, option, template)) }
            }
        }
        var changes: [RepairChange] = []
        var rejected = Set<Int>()
        while changes.count < maximumChanges {
            let worked = Set(roster.map { "\($0.agentID)#\($0.date)" })
            var ranked: [(index: Int, value: Double, shift: RosterShift, covered: Double)] = []
            for (index, candidate) in candidates.enumerated() where !rejected.contains(index) && !worked.contains("\(candidate.agent.id)#\(candidate.option.date)") {
                let shift = placed(candidate.option, template: candidate.template, agent: candidate.agent.id, queues: candidate.queues,
                                   missing: missing, weights: weights, grid: grid)
                let covered = coverage(shift, queues: candidate.queues, missing: missing, weights: weights, grid: grid)
                let value = covered.value - Double(candidate.option.paidMinutes) / 60 * center.costs.paidHour
                if value > 1e-9 { ranked.append((index, value, shift, covered.agentHours)) }
            }
            ranked.sort { ($0.value, -$0.index) > ($1.value, -$1.index) }
            var chosen: (index: Int, shift: RosterShift, covered: Double)?
            for entry in ranked {
                if isLegal(entry.shift, in: roster) {
                    chosen = (entry.index, entry.shift, entry.covered)
                    break
                }
                rejected.insert(entry.index)
            }
            guard let chosen else { break }
            let candidate = candidates[chosen.index]
            cover(chosen.shift, queues: candidate.queues, missing: &missing, weights: weights, grid: grid)
            roster.append(chosen.shift)
            changes.append(RepairChange(shift: chosen.shift, coveredAgentHours: chosen.covered))
        }
        return changes
    }

    /// Whether adding `shift` keeps the agent within the contract's maximum days and hours and
    /// breaks no rule the agent's week did not already break (a week below the contract's
    /// minimum, such as a new hire's, may stay below it).
    private func isLegal(_ shift: RosterShift, in roster: [RosterShift]) -> Bool {
        guard let agent = agents.first(where: { $0.id == shift.agentID }),
            let contract = center.contracts.first(where: { $0.id == agent.contract })
        else { return false }
        let own = roster.filter { $0.agentID == agent.id }
        let minutes = own.reduce(shift.paidMinutes) { $0 + $1.paidMinutes }
        guard Set(own.map(\.date)).union([shift.date]).count <= contract.daysPerWeek.max,
            Double(minutes) / 60 <= contract.weeklyPaidHours.max + 1e-9
        else { return false }
        let checker = RosterRuleChecker(center: center, agents: [agent])
        let before = Set(checker.violations(in: own).map(\.rule))
        return checker.violations(in: own + [shift]).allSatisfy { before.contains($0.rule) }
    }

    /// The option as a shift, each break (in window order) where the coverage it takes away is
    /// worth least.
    private func placed(_ option: ShiftOption, template: ShiftTemplate, agent: String, queues: [Int], missing: [[Double]],
                        weights: [Double], grid: TimeGrid) -> RosterShift {
        var breaks: [RosterBreak] = []
        let step = grid.intervalMinutes
        for rule in template.breaks.sorted(by: { $0.earliestOffsetMinutes < $1.earliestOffsetMinutes }) {
            var best: (cost: Double, start: Date)?
            for offset in stride(from: rule.earliestOffsetMinutes, through: rule.latestOffsetMinutes, by: step) {
                let start = option.start.addingTimeInterval(Double(offset * 60))
                let end = start.addingTimeInterval(Double(rule.minutes * 60))
                guard breaks.allSatisfy({ $0.end <= start || end <= $0.start }) else { continue }
                let cost = value(from: start, to: end, queues: queues, missing: missing, weights: weights, grid: grid)
                if best == nil || cost < best!.cost { best = (cost, start) }
            }
            if let best { breaks.append(RosterBreak(start: best.start, end: best.start.addingTimeInterval(Double(rule.minutes * 60)))) }
        }
        return RosterShift(agentID: agent, date: option.date, templateID: template.id, start: option.start, end: option.end,
                           paidMinutes: option.paidMinutes, breaks: breaks.sorted { $0.start < $1.start })
    }

    /// The intervals of the week the shift is on the phones in (shifts and breaks lie on the
    /// interval grid).
    private func intervals(of shift: RosterShift, grid: TimeGrid) -> [Int] {
        guard let first = grid.intervals.first?.start else { return [] }
        let length = grid.intervalSeconds
        let from = max(0, Int((shift.start.timeIntervalSince(first) / length).rounded(.down)))
        let to = min(grid.intervals.count, Int((shift.end.timeIntervalSince(first) / length).rounded(.up)))
        guard from < to else { return [] }
        return (from..<to).filter { index in
            let begin = first.addingTimeInterval(Double(index) * length)
            return !shift.breaks.contains { begin >= $0.start && begin < $0.end }
        }
    }

    private func value(from start: Date, to end: Date, queues: [Int], missing: [[Double]], weights: [Double], grid: TimeGrid) -> Double {
        guard let first = grid.intervals.first?.start else { return 0 }
        let length = grid.intervalSeconds
        var total = 0.0
        var begin = start
        while begin < end {
            let index = Int((begin.timeIntervalSince(first) / length).rounded(.down))
            if grid.intervals.indices.contains(index) { total += queues.map { weights[$0] * min(1, missing[$0][index]) }.max() ?? 0 }
            begin = begin.addingTimeInterval(length)
        }
        return total
    }

    /// The shortfall the shift covers: per interval, its best queue.
    private func coverage(_ shift: RosterShift, queues: [Int], missing: [[Double]], weights: [Double], grid: TimeGrid)
        -> (value: Double, agentHours: Double)
    {
        var value = 0.0, agentHours = 0.0
        for index in intervals(of: shift, grid: grid) {
            guard let best = queues.max(by: { weights[$0] * min(1, missing[$0][index]) < weights[$1] * min(1, missing[$1][index]) }) else { continue }
            let covered = min(1, missing[best][index])
            value += weights[best] * covered
            agentHours += covered * grid.intervalSeconds / 3600
        }
        return (value, agentHours)
    }

    private func cover(_ shift: RosterShift, queues: [Int], missing: inout [[Double]], weights: [Double], grid: TimeGrid) {
        for index in intervals(of: shift, grid: grid) {
            guard let best = queues.max(by: { weights[$0] * min(1, missing[$0][index]) < weights[$1] * min(1, missing[$1][index]) }) else { continue }
            missing[best][index] = max(0, missing[best][index] - 1)
        }
    }
}
