import Foundation
import WFMCore

/// Checks, before any solve, that every agent's contract can be met with their availability
/// and allowed templates, and names each agent and rule that cannot.
public enum FeasibilityDiagnosis {
    /// The contradictions found, one sentence each, naming agent, contract and rule.
    public static func problems(_ problem: ScheduleProblem) -> [String] {
        var problems: [String] = []
        var optionsOf: [String: [GridShift]] = [:]
        for template in problem.center.shiftTemplates { optionsOf[template.id] = GridShift.all(template, grid: problem.grid) }
        let zone = problem.grid.timeZone
        for agent in problem.agents {
            let contract = problem.contract(of: agent)
            let templates = problem.templates(of: agent)
            let days = (0..<7).map { problem.grid.weekStart.adding(days: $0) }
            let absent = days.filter { agent.isOnLeave(on: $0) }.count
            let week = ContractWeek(contract: contract, absentDays: absent)
            let options = templates.flatMap { optionsOf[$0.id] ?? [] }.filter { Availability.isFree(agent, for: $0, in: zone) }
            let workable = days.filter { date in options.contains { $0.option.date == date } }
            let label = "agent \(agent.id) (contract \(contract.id))"
            if templates.isEmpty {
                problems.append("\(label): the contract allows no shift template")
                continue
            }
            if workable.count < week.minDays {
                problems.append("\(label): needs at least \(week.minDays) working days but only \(workable.count) days have an allowed shift the agent is free for (whole- and part-day absences counted)")
            }
            let longest = templates.map(\.paidMinutes).max()!
            let shortest = templates.map(\.paidMinutes).min()!
            let reachable = min(workable.count, week.maxDays) * longest
            if reachable < week.minPaidMinutes {
                problems.append("\(label): needs at least \(hours(week.minPaidMinutes)) paid hours but can work at most \(min(workable.count, week.maxDays)) days of at most \(hours(longest)) hours (\(hours(reachable)) hours)")
            }
            if week.minDays * shortest > week.maxPaidMinutes {
                problems.append("\(label): \(week.minDays) days of at least \(hours(shortest)) hours exceed the maximum of \(hours(week.maxPaidMinutes)) paid hours")
            }
            if week.minDays > week.maxDays {
                problems.append("\(label): needs at least \(week.minDays) days but may work at most \(week.maxDays)")
            }
            let spacing = restSpacingDays(templates, restMinutes: Int(contract.minRestHours * 60)) ?? 7
            if week.minDays > 1 + 6 / spacing {
                problems.append("\(label): min_rest_hours \(contract.minRestHours) leaves \(spacing) days between the starts of two shifts at the least, so at most \(1 + 6 / spacing) working days fit in a week, fewer than the \(week.minDays) needed")
            }
        }
        return problems
    }

    /// The fewest calendar days between two working days that the rest rule allows with these
    /// templates (1: consecutive days are possible), or nil if no two shifts fit in a week.
    static func restSpacingDays(_ templates: [ShiftTemplate], restMinutes: Int) -> Int? {
        (1...6).first { days in
            templates.contains { first in
                templates.contains { next in
                    days * 1440 + next.latestStart.minutes - first.earliestStart.minutes - first.lengthMinutes >= restMinutes
                }
            }
        }
    }

    private static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60)" : String(format: "%.1f", Double(minutes) / 60)
    }
}
