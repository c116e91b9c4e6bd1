import Foundation
import WFMCore

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

    /// Creates a problem.
    public init(center: Center, agents: [Agent], requirements: RequirementMatrix) {
        self.center = center
        grid = center.timeGrid
        self.agents = agents
        self.requirements = requirements
    }

    /// The contract of `agent` (readers guarantee it exists).
    func contract(of agent: Agent) -> Contract {
        center.contracts.first { $0.id == agent.contract }!
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
        let credit = contract.daysPerWeek.min > 0 ? contract.weeklyPaidHours.min / Double(contract.daysPerWeek.min) : 0
        minDays = max(0, contract.daysPerWeek.min - absentDays)
        maxDays = min(contract.daysPerWeek.max, 7 - absentDays)
        minPaidMinutes = max(0, Int(((contract.weeklyPaidHours.min - credit * Double(absentDays)) * 60).rounded()))
        maxPaidMinutes = Int((contract.weeklyPaidHours.max * 60).rounded())
    }
}

/// Whether `agent` can work at all on `date`, and whether a shift from `start` to `end` is free
/// of the agent's unavailability.
enum Availability {
    /// Whole-day unavailability (a date or a weekday).
    static func isAbsentAllDay(_ agent: Agent, on date: LocalDate) -> Bool {
        agent.unavailable.contains {
            switch $0 {
            case .date(let day): day == date
            case .weekday(let weekday): weekday == date.weekday
            case .timeRange: false
            }
        }
    }

    /// Any unavailability on `date`, whole-day or part of it.
    static func hasAnyAbsence(_ agent: Agent, on date: LocalDate) -> Bool {
        isAbsentAllDay(agent, on: date) || agent.unavailable.contains {
            if case .timeRange(let day, _, _) = $0 { return day == date }
            return false
        }
    }
}
