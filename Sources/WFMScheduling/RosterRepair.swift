import Foundation
import WFMCore

/// One change a ``RosterRepair`` makes to a roster, and what it buys.
public struct RepairChange: Sendable, Equatable {
    /// The lever used.
    public enum Kind: String, Sendable {
        /// A shift added on the agent's day off.
        case addShift = "add_shift"
        /// A shift extended before its start or after its end, paid as overtime.
        case overtime
        /// A shift's breaks moved inside their windows.
        case moveBreaks = "move_breaks"
    }

    /// The lever used.
    public let kind: Kind
    /// The shift before the change; nil for an added shift.
    public let before: RosterShift?
    /// The shift after it.
    public let after: RosterShift
    /// Agent-hours of shortfall it covers, net of any it opens (a moved break leaves its new
    /// place).
    public let coveredAgentHours: Double

    /// The agent changed.
    public var agentID: String { after.agentID }

    /// Paid hours the change adds (overtime included).
    public var paidHoursAdded: Double { Double(after.paidMinutes - (before?.paidMinutes ?? 0)) / 60 }

    /// Overtime hours the change adds.
    public var overtimeHoursAdded: Double { Double(after.overtimeMinutes - (before?.overtimeMinutes ?? 0)) / 60 }
}

/// A repaired roster: the shifts after every change, and the changes in the order made.
public struct RepairedRoster: Sendable, Equatable {
    /// The roster after every change: unchanged shifts in place, added ones at the end.
    public let shifts: [RosterShift]
    /// The changes, in the order made.
    public let changes: [RepairChange]

    /// Distinct agents changed.
    public var agentsChanged: Int { Set(changes.map(\.agentID)).count }
}

/// Repairs a published roster for a scenario's shortfall with the least change, keeping every
/// shift it does not change. Three levers, each within every rule of the agent's contract
/// (days and hours, rest, consecutive days, availability, the template's start window and
/// break windows):
/// - move a shift's breaks inside their windows (no paid hours);
/// - extend a shift before or after, when the scenario allows overtime (``OvertimeAllowance``:
///   hours per shift and week, paid at its pay factor);
/// - add a shift on an agent's day off.
///
/// A break move that covers no agent-hours short (it would only move shortfall to a queue
/// whose shortfall costs less) is not made.
///
/// Greedy, at the scheduler's own costs: each step makes the change whose covered shortfall
/// (`shortfall_per_agent_hour` × queue weight) less its paid cost (`paid_hour` per paid hour,
/// overtime at the pay factor) and, for an agent not yet changed, `changeCostPerAgent`, is
/// worth most; it stops when no change pays for itself or after ``maximumChanges``.
public struct RosterRepair: Sendable {
    /// The center, with the scenario's targets and contracts.
    public let center: Center
    /// The agents, with the scenario's absences, skills and hires.
    public let agents: [Agent]
    /// Overtime the scenario allows (none by default).
    public var overtime: [OvertimeAllowance] = []
    /// What changing one more agent costs, in the scheduling objective's units: the price of
    /// changing as few agents as possible.
    public var changeCostPerAgent = 0.0
    /// What the weeks before carry in: rest and consecutive days hold across the week's
    /// start.
    public var previous = PreviousRosters.none
    /// At most this many changes are made.
    public var maximumChanges = 1_000
    /// Per agent, when a what-if scenario has them away for part of a day: their shifts there
    /// are neither extended nor have their breaks moved.
    public var away: [String: [Range<Date>]] = [:]
    /// Nothing before this instant changes (intraday: now plus the lead time): breaks that
    /// start before it stay, moved breaks, added shifts and overtime before a shift start at
    /// or after it, and only a shift still running at it is extended after its end.
    public var frozenBefore: Date?
    /// Whether agents on a day off may be called in (a shift added).
    public var addsShifts = true
    /// Only shifts of this date change, and only on it are agents called in (a request's day);
    /// nil for any day.
    public var onlyOn: LocalDate?

    /// Creates a repair.
    public init(center: Center, agents: [Agent]) {
        self.center = center
        self.agents = agents
    }

    /// The roster repaired.
    /// - Parameters:
    ///   - shifts: the roster to repair.
    ///   - net: agents to schedule less agents present, `[queue][interval]` in center.yaml
    ///     queue order: positive where short, negative where over.
    /// - Complexity: O(changes × (candidate shifts × intervals per shift)).
    public func repair(_ shifts: [RosterShift], net: [[Double]]) -> RepairedRoster {
        var state = RepairState(center: center, agents: agents, net: net)
        state.frozenBefore = frozenBefore
        var roster = shifts
        var changes: [RepairChange] = []
        var rejected = Set<String>()
        let agentIndex = Dictionary(agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let options = addsShifts ? dayOffOptions(net: net) : []
        let optionAgents = options.map { agentIndex[$0.agent.id] ?? -1 }
        let optionDays = options.map { center.weekStart.days(to: $0.option.date) }
        // Candidates are kept between steps and recomputed only where a change can alter their
        // value: an added shift overlapping the changed span, and the changed agent's shifts
        // and the shifts whose overtime could reach the span. Their values are kept apart, so
        // that a step scans numbers only.
        var optionCandidates = options.map { dayOffShift($0, state: state) }
        var optionValues = optionCandidates.map { $0?.value ?? 0 }
        var shiftCandidates = roster.indices.map { shiftChanges(at: $0, roster: roster, state: state) }
        var shiftValues = shiftCandidates.map { $0.map(\.value) }
        var shiftAgents = roster.map { agentIndex[$0.agentID] ?? -1 }
        let reach = TimeInterval((overtime.map(\.maxMinutesPerShift).max() ?? 0) * 60)
        var changed = Array(repeating: false, count: agents.count)
        var worked = Array(repeating: Array(repeating: false, count: 7), count: agents.count)
        for shift in roster {
            let day = center.weekStart.days(to: shift.date)
            if let agent = agentIndex[shift.agentID], (0..<7).contains(day) { worked[agent][day] = true }
        }
        let penalty = { (agent: Int) in agent >= 0 && changed[agent] ? 0 : changeCostPerAgent }
        while changes.count < maximumChanges {
            var chosen: Candidate?
            while chosen == nil {
                var best: (list: Int, index: Int, value: Double)?
                func consider(_ value: Double, list: Int, index: Int) {
                    guard value > 1e-9 else { return }
                    if let current = best {
                        guard value >= current.value else { return }
                        if value == current.value, candidate(list, index) .key >= candidate(current.list, current.index).key { return }
                    }
                    best = (list, index, value)
                }
                func candidate(_ list: Int, _ index: Int) -> Candidate {
                    list < 0 ? optionCandidates[index]! : shiftCandidates[list][index]
                }
                for index in optionValues.indices where optionValues[index] > 1e-9 {
                    let agent = optionAgents[index]
                    guard agent < 0 || !(0..<7).contains(optionDays[index]) || !worked[agent][optionDays[index]] else { continue }
                    consider(optionValues[index] - penalty(agent), list: -1, index: index)
                }
                for (list, values) in shiftValues.enumerated() {
                    for (index, value) in values.enumerated() where value > 1e-9 { consider(value - penalty(shiftAgents[list]), list: list, index: index) }
                }
                guard let best else { break }
                let found = candidate(best.list, best.index)
                if isLegal(found, in: roster) {
                    chosen = found
                } else {
                    rejected.insert(found.key)
                    if best.list < 0 { optionValues[best.index] = 0 } else { shiftValues[best.list][best.index] = 0 }
                }
            }
            guard let chosen else { break }
            let covered = state.apply(from: chosen.before, to: chosen.after)
            if let index = chosen.rosterIndex {
                roster[index] = chosen.after
            } else {
                roster.append(chosen.after)
                shiftCandidates.append([])
                shiftValues.append([])
                shiftAgents.append(agentIndex[chosen.after.agentID] ?? -1)
            }
            if let agent = agentIndex[chosen.after.agentID] {
                changed[agent] = true
                let day = center.weekStart.days(to: chosen.after.date)
                if (0..<7).contains(day) { worked[agent][day] = true }
            }
            changes.append(RepairChange(kind: chosen.kind, before: chosen.before, after: chosen.after, coveredAgentHours: covered))
            let from = min(chosen.after.start, chosen.before?.start ?? chosen.after.start)
            let to = max(chosen.after.end, chosen.before?.end ?? chosen.after.end)
            for (index, option) in options.enumerated() where option.option.start < to && from < option.option.end {
                optionCandidates[index] = dayOffShift(option, state: state)
                optionValues[index] = optionCandidates[index].map { rejected.contains($0.key) ? 0 : $0.value } ?? 0
            }
            for (index, shift) in roster.enumerated()
            where shift.agentID == chosen.after.agentID || (shift.start.addingTimeInterval(-reach) < to && from < shift.end.addingTimeInterval(reach)) {
                shiftCandidates[index] = shiftChanges(at: index, roster: roster, state: state)
                shiftValues[index] = shiftCandidates[index].map { rejected.contains($0.key) ? 0 : $0.value }
            }
        }
        return RepairedRoster(shifts: roster, changes: Self.merged(changes))
    }

    /// One change per agent-day, in the order first made: later changes to the same agent's
    /// shift that day fold into the first — its shift before, the last shift after, the
    /// agent-hours covered summed, and the strongest lever named (a shift added, then
    /// overtime, then breaks moved). A day whose later changes undid the first (breaks moved
    /// and moved back) is no change.
    static func merged(_ changes: [RepairChange]) -> [RepairChange] {
        var order: [String] = []
        var byDay: [String: RepairChange] = [:]
        let strength: [RepairChange.Kind: Int] = [.addShift: 2, .overtime: 1, .moveBreaks: 0]
        for change in changes {
            let key = "\(change.agentID)#\(change.after.date)"
            guard let first = byDay[key] else {
                order.append(key)
                byDay[key] = change
                continue
            }
            let kind = strength[change.kind]! > strength[first.kind]! ? change.kind : first.kind
            byDay[key] = RepairChange(kind: kind, before: first.before, after: change.after,
                                      coveredAgentHours: first.coveredAgentHours + change.coveredAgentHours)
        }
        return order.map { byDay[$0]! }.filter { $0.before != $0.after }
    }

    /// A change considered: the shift before (and its place in the roster) and after.
    private struct Candidate {
        var kind: RepairChange.Kind
        var rosterIndex: Int?
        var before: RosterShift?
        var after: RosterShift
        var value: Double
        /// Identifies the change across steps (an illegal one is not tried again).
        var key: String
    }

    /// Every shift the agents' templates allow that covers some interval short at the start on
    /// one of the agent's queues (the others could only become worth adding if a moved break
    /// opened a gap, which a move never does where it costs).
    private func dayOffOptions(net: [[Double]]) -> [(agent: Agent, option: ShiftOption, template: ShiftTemplate)] {
        let grid = center.timeGrid
        let queueIndex = Dictionary(uniqueKeysWithValues: center.queues.enumerated().map { ($1.id, $0) })
        // Per queue, how many intervals before each are short: a span's count in O(1).
        let shortBefore = net.map { row in row.reduce(into: [0]) { $0.append($0.last! + ($1 > 0 ? 1 : 0)) } }
        let first = grid.intervals.first?.start
        let catalogue = center.shiftTemplates.map { ($0, ShiftCatalog.options(for: $0, grid: grid)) }
        var options: [(Agent, ShiftOption, ShiftTemplate)] = []
        for agent in agents where !agent.skills.isEmpty {
            guard let contract = center.contracts.first(where: { $0.id == agent.contract }), let first else { continue }
            let queues = agent.skills.compactMap { queueIndex[$0.queue] }
            for (template, shifts) in catalogue where contract.templates.contains(template.id) {
                for option in shifts where frozenBefore.map({ option.start >= $0 }) ?? true && onlyOn.map({ $0 == option.date }) ?? true {
                    let from = max(0, Int((option.start.timeIntervalSince(first) / grid.intervalSeconds).rounded(.down)))
                    let to = min(grid.intervals.count, Int((option.end.timeIntervalSince(first) / grid.intervalSeconds).rounded(.up)))
                    guard from < to, queues.contains(where: { shortBefore[$0][to] > shortBefore[$0][from] }) else { continue }
                    options.append((agent, option, template))
                }
            }
        }
        return options
    }

    private func dayOffShift(_ candidate: (agent: Agent, option: ShiftOption, template: ShiftTemplate), state: RepairState) -> Candidate? {
        let (agent, option, template) = candidate
        var shift = RosterShift(agentID: agent.id, date: option.date, templateID: template.id, start: option.start, end: option.end,
                                paidMinutes: option.paidMinutes, breaks: [])
        shift.breaks = state.cheapestBreaks(for: shift, template: template, onPhone: RepairState.PhoneSpan())
        let value = state.value(from: nil, to: shift) - Double(option.paidMinutes) / 60 * center.costs.paidHour
        guard value > 1e-9 else { return nil }
        return Candidate(kind: .addShift, before: nil, after: shift, value: value,
                         key: "add#\(agent.id)#\(template.id)#\(option.start.timeIntervalSince1970)")
    }

    /// The overtime extensions and the break move of the shift at `index` (none for a shift
    /// an absence cuts).
    private func shiftChanges(at index: Int, roster: [RosterShift], state: RepairState) -> [Candidate] {
        let shift = roster[index]
        guard onlyOn.map({ $0 == shift.date }) ?? true else { return [] }
        guard !(away[shift.agentID] ?? []).contains(where: { $0.overlaps(shift.start..<shift.end) }) else { return [] }
        return (extensions(at: index, roster: roster, state: state) + [movedBreaks(at: index, roster: roster, state: state)].compactMap { $0 })
            .filter { $0.value > 1e-9 }
    }

    private func extensions(at index: Int, roster: [RosterShift], state: RepairState) -> [Candidate] {
        let shift = roster[index]
        guard let allowance = overtime.allowance(for: shift.agentID) else { return [] }
        let step = center.intervalMinutes
        let used = roster.reduce(0) { $0 + ($1.agentID == shift.agentID ? $1.overtimeMinutes : 0) }
        let room = min(allowance.maxMinutesPerShift - shift.overtimeMinutes, Int((allowance.maxHoursPerWeek * 60).rounded(.down)) - used)
        guard room >= step else { return [] }
        // A direction whose whole reach covers no shortage is worth nothing at any length.
        let reach = Double(room * 60)
        let directions = [
            state.isShort(agent: shift.agentID, from: shift.start.addingTimeInterval(-reach), to: shift.start) ? "before" : nil,
            state.isShort(agent: shift.agentID, from: shift.end, to: shift.end.addingTimeInterval(reach)) ? "after" : nil,
        ].compactMap { $0 }
        guard !directions.isEmpty else { return [] }
        var candidates: [Candidate] = []
        for minutes in stride(from: step, through: room, by: step) {
            var earlier = shift, later = shift
            earlier.start = shift.start.addingTimeInterval(Double(-minutes * 60))
            earlier.overtimeBeforeMinutes += minutes
            later.end = shift.end.addingTimeInterval(Double(minutes * 60))
            later.overtimeAfterMinutes += minutes
            for (direction, extended) in [("before", earlier), ("after", later)] where directions.contains(direction) {
                if let frozenBefore, direction == "before" ? earlier.start < frozenBefore : shift.end < frozenBefore { continue }
                var extended = extended
                extended.paidMinutes += minutes
                let value = state.value(from: shift, to: extended) - Double(minutes) / 60 * center.costs.paidHour * allowance.payFactor
                candidates.append(Candidate(kind: .overtime, rosterIndex: index, before: shift, after: extended, value: value,
                                            key: "overtime#\(shift.agentID)#\(shift.date)#\(direction)#\(extended.overtimeMinutes)"))
            }
        }
        return candidates
    }

    private func movedBreaks(at index: Int, roster: [RosterShift], state: RepairState) -> Candidate? {
        let shift = roster[index]
        guard !shift.breaks.isEmpty, let template = center.shiftTemplates.first(where: { $0.id == shift.templateID }) else { return nil }
        var moved = shift
        moved.breaks = state.cheapestBreaks(for: shift, template: template, onPhone: state.onPhone(shift))
        guard moved.breaks != shift.breaks, state.covers(from: shift, to: moved) else { return nil }
        let starts = moved.breaks.map { String(Int($0.start.timeIntervalSince1970)) }.joined(separator: ",")
        return Candidate(kind: .moveBreaks, rosterIndex: index, before: shift, after: moved, value: state.value(from: shift, to: moved),
                         key: "breaks#\(shift.agentID)#\(shift.date)#\(starts)")
    }

    /// Whether the change keeps the agent within the contract's maximum days and hours and
    /// breaks no rule the agent's week did not already break (a week below the contract's
    /// minimum, such as a new hire's, may stay below it).
    private func isLegal(_ candidate: Candidate, in roster: [RosterShift]) -> Bool {
        let shift = candidate.after
        guard let agent = agents.first(where: { $0.id == shift.agentID }),
            let contract = center.contracts.first(where: { $0.id == agent.contract })
        else { return false }
        let own = roster.filter { $0.agentID == agent.id }
        let after = own.filter { $0 != candidate.before } + [shift]
        let minutes = after.reduce(0) { $0 + $1.regularPaidMinutes }
        guard Set(after.map(\.date)).count <= contract.daysPerWeek.max,
            Double(minutes) / 60 <= contract.weeklyPaidHours.max + 1e-9
        else { return false }
        let checker = RosterRuleChecker(center: center, agents: [agent], overtime: overtime, previous: previous)
        let broken = Set(checker.violations(in: own).map(\.rule))
        return checker.violations(in: after).allSatisfy { broken.contains($0.rule) }
    }
}
