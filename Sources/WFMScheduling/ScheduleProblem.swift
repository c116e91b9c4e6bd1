import Foundation
import WFMCore
import WFMMeasure

/// Everything one scheduling run needs.
public struct ScheduleProblem: Sendable {
    /// Templates, contracts, queues, costs and the week.
    public let center: Center
    /// The week's grid.
    public let grid: TimeGrid
    /// The agents to roster.
    public let agents: [Agent]
    /// Agents to schedule per queue and interval.
    public let requirements: RequirementMatrix
    /// A published roster to stay near (what-if replans), or empty for a fresh roster: each
    /// agent-day that keeps its published shift (template and start) saves
    /// ``changeCostPerAgentDay`` in the group plan, and stage 2 gives agents their own
    /// published shifts where the plan has them.
    public var published: [RosterShift] = []
    /// The price of changing one agent-day against ``published``, in the objective's units
    /// (a paid hour costs `paid_hour`).
    public var changeCostPerAgentDay = 4.0
    /// What the weeks before carry in (`--previous`): each agent's rest since the last shift
    /// and run of days worked up to the week's start hold across it, and weekends and late
    /// shifts are spread counting the previous ones.
    public var previous = PreviousRosters.none
    /// Per agent, the paid minutes this week may hold, inside the contract's weekly range:
    /// what a rule over several weeks (`average_weekly_paid_hours`) leaves for this week once
    /// the weeks before it are planned. Agents not listed have the contract's range.
    public var paidMinuteWindows: [String: ClosedRange<Int>] = [:]

    /// Creates a problem, after checking that its parts fit together, so that nothing
    /// downstream (model building, GLPK) meets an unknown contract or an absurd number.
    /// - Throws: ``SchedulingError`` naming every agent, contract and requirement that does not
    ///   fit: duplicate or unknown ids, requirements of another shape, or requirements that are
    ///   not finite or lie outside 0 to ``InputLimits/maximumAgentsPerInterval``.
    public init(center: Center, agents: [Agent], requirements: RequirementMatrix) throws {
        let grid = center.timeGrid
        let problems = Self.problems(center: center, grid: grid, agents: agents, requirements: requirements)
        guard problems.isEmpty else { throw SchedulingError(problems) }
        self.center = center
        self.grid = grid
        self.agents = agents
        self.requirements = requirements
    }

    private static func problems(center: Center, grid: TimeGrid, agents: [Agent], requirements: RequirementMatrix) -> [String] {
        var problems: [String] = []
        if agents.count > InputLimits.maximumAgents {
            problems.append("\(agents.count) agents is more than the \(InputLimits.maximumAgents) wfm schedules at once")
        }
        let contracts = Set(center.contracts.map(\.id))
        let templates = Set(center.shiftTemplates.map(\.id))
        let queues = Set(center.queues.map(\.id))
        var seen = Set<String>()
        for agent in agents {
            if !seen.insert(agent.id).inserted { problems.append("agent \(agent.id) is listed twice") }
            if !contracts.contains(agent.contract) { problems.append("agent \(agent.id) has the unknown contract '\(agent.contract)'") }
            for skill in agent.skills where !queues.contains(skill.queue) {
                problems.append("agent \(agent.id) is skilled for the unknown queue '\(skill.queue)'")
            }
        }
        for contract in center.contracts {
            for template in contract.templates where !templates.contains(template) {
                problems.append("contract \(contract.id) names the unknown template '\(template)'")
            }
        }
        if requirements.queues != center.queues.map(\.id) || requirements.agents.contains(where: { $0.count != grid.intervals.count }) {
            problems.append("the requirements cover queues \(requirements.queues.joined(separator: ", ")) over \(requirements.agents.first?.count ?? 0) intervals, not the center's queues over its \(grid.intervals.count) intervals")
        }
        for (queue, row) in zip(requirements.queues, requirements.agents) {
            if let bad = row.firstIndex(where: { !($0.isFinite && $0 >= 0 && $0 <= InputLimits.maximumAgentsPerInterval) }) {
                problems.append("queue \(queue) requires \(row[bad]) agents in interval \(bad) (expected 0 to \(Int(InputLimits.maximumAgentsPerInterval)))")
            }
        }
        return problems.count > 50 ? Array(problems.prefix(50)) + ["… and \(problems.count - 50) more"] : problems
    }

    /// The contract of `agent`; the initializer checked that it exists.
    func contract(of agent: Agent) -> Contract {
        guard let contract = center.contracts.first(where: { $0.id == agent.contract }) else {
            preconditionFailure("ScheduleProblem.init checks every agent's contract")
        }
        return contract
    }

    /// The measure of this problem's rosters: its agents, and what the weeks before carry in.
    var measure: RosterMeasure {
        var measure = RosterMeasure(center: center, agents: agents)
        measure.previous = previous
        return measure
    }

    /// The templates `agent` may work.
    func templates(of agent: Agent) -> [ShiftTemplate] {
        let ids = contract(of: agent).templates
        return center.shiftTemplates.filter { ids.contains($0.id) }
    }
}

/// How absences count against a contract: each whole day an agent is unavailable lowers the
/// weekly minimums by one day and by the contract's minimum hours per minimum day (a paid
/// absence), so a week of leave never makes a contract impossible.
public struct ContractWeek: Sendable, Equatable {
    /// The fewest working days.
    public let minDays: Int
    /// The most working days.
    public let maxDays: Int
    /// The fewest paid minutes.
    public let minPaidMinutes: Int
    /// The most paid minutes.
    public let maxPaidMinutes: Int

    /// The week of `contract` for an agent absent on `absentDays` whole days.
    public init(contract: Contract, absentDays: Int) {
        let paid = contract.paidMinutes(leaveDays: absentDays)
        minDays = max(0, contract.daysPerWeek.min - absentDays)
        maxDays = min(contract.daysPerWeek.max, 7 - absentDays)
        minPaidMinutes = paid.lowerBound
        maxPaidMinutes = paid.upperBound
    }

    private init(minDays: Int, maxDays: Int, minPaidMinutes: Int, maxPaidMinutes: Int) {
        self.minDays = minDays
        self.maxDays = maxDays
        self.minPaidMinutes = minPaidMinutes
        self.maxPaidMinutes = maxPaidMinutes
    }

    /// This week with its paid minutes kept inside `window` as well (a rule over several
    /// weeks); a window outside the week's range leaves the week's nearest end.
    public func narrowed(toPaidMinutes window: ClosedRange<Int>) -> ContractWeek {
        let low = min(max(minPaidMinutes, window.lowerBound), maxPaidMinutes)
        let high = max(min(maxPaidMinutes, window.upperBound), low)
        return ContractWeek(minDays: minDays, maxDays: maxDays, minPaidMinutes: low, maxPaidMinutes: high)
    }
}

/// Whether `agent` can work at all on `date`, and whether a shift from `start` to `end` is free
/// of the agent's unavailability.
enum Availability {
    /// Whether `agent` is free for the whole of `shift`: no whole-day absence on any date it
    /// touches (a night shift runs into the next day) and no part-day absence overlapping it.
    static func isFree(_ agent: Agent, for shift: GridShift, in timeZone: TimeZone) -> Bool {
        let lastDate = LocalDateTime(shift.option.end.addingTimeInterval(-1), in: timeZone).date
        var date = shift.option.date
        while date <= lastDate {
            if agent.isAbsentAllDay(on: date) { return false }
            date = date.adding(days: 1)
        }
        return !agent.unavailable.contains {
            guard case .timeRange(let day, let from, let to) = $0,
                let begin = LocalDateTime(date: day, minuteOfDay: from.minutes).instants(in: timeZone).first
            else { return false }
            let end = to.minutes >= 1440 ? TimeGrid.startOfDay(day.adding(days: 1), in: timeZone)
                : LocalDateTime(date: day, minuteOfDay: to.minutes).instants(in: timeZone).first ?? begin
            return begin < shift.option.end && shift.option.start < end
        }
    }

    /// Any unavailability on `date`, whole-day or part of it.
    static func hasAnyAbsence(_ agent: Agent, on date: LocalDate) -> Bool {
        agent.isAbsentAllDay(on: date) || agent.unavailable.contains {
            if case .timeRange(let day, _, _) = $0 { return day == date }
            return false
        }
    }
}
