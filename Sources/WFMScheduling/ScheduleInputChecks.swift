import Foundation
import WFMCore

/// Warnings about a scheduling problem found before any solve: demand no agent can serve, a
/// week that needs more hours than the contracts give, minimums lowered for absences, and
/// wishes no allowed template can meet. None stops the roster; each says what it will cost.
enum ScheduleInputChecks {
    /// Every warning, queues and capacity first, then agents in input order.
    static func warnings(_ problem: ScheduleProblem) -> [ScheduleWarning] {
        unservableQueues(problem) + capacity(problem) + loweredMinimums(problem) + unmeetableWishes(problem)
            + StartWindowCheck.warnings(problem.center).map { ScheduleWarning(.startOutsideOpeningHours, $0) }
    }

    private static func requiredHours(_ problem: ScheduleProblem, queue q: Int) -> Double {
        problem.requirements.agents[q].reduce(0, +) * Double(problem.grid.intervalMinutes) / 60
    }

    private static func unservableQueues(_ problem: ScheduleProblem) -> [ScheduleWarning] {
        problem.requirements.queues.enumerated().compactMap { q, queue in
            let hours = requiredHours(problem, queue: q)
            guard hours > 0, !problem.agents.contains(where: { $0.skills.contains { $0.queue == queue } }) else { return nil }
            return ScheduleWarning(.unservableQueue, "queue \(queue) requires \(format(hours)) agent-hours this week but no agent in the agents file is skilled for it: all of it will be uncovered")
        }
    }

    private static func capacity(_ problem: ScheduleProblem) -> [ScheduleWarning] {
        let required = problem.requirements.queues.indices.reduce(0.0) { $0 + requiredHours(problem, queue: $1) }
        let days = (0..<7).map { problem.grid.weekStart.adding(days: $0) }
        let available = problem.agents.reduce(0.0) { total, agent in
            let absent = days.filter { agent.isOnLeave(on: $0) }.count
            return total + Double(ContractWeek(contract: problem.contract(of: agent), absentDays: absent).maxPaidMinutes) / 60
        }
        guard required > available else { return [] }
        return [ScheduleWarning(.capacityShort, "the week requires \(format(required)) agent-hours but the agents' contracts give at most \(format(available)) paid hours: at least \(format(required - available)) agent-hours will be uncovered; add agents or raise contract hours")]
    }

    /// One warning for all agents whose minimums whole days of absence lowered, naming the
    /// first few with their new minimums.
    private static func loweredMinimums(_ problem: ScheduleProblem) -> [ScheduleWarning] {
        let days = (0..<7).map { problem.grid.weekStart.adding(days: $0) }
        let lowered = problem.agents.compactMap { agent -> String? in
            let absent = days.filter { agent.isOnLeave(on: $0) }.count
            let contract = problem.contract(of: agent)
            guard absent > 0, contract.daysPerWeek.min > 0 || contract.weeklyPaidHours.min > 0 else { return nil }
            let week = ContractWeek(contract: contract, absentDays: absent)
            return "\(agent.id) to \(week.minDays) days and \(format(Double(week.minPaidMinutes) / 60)) h"
        }
        guard !lowered.isEmpty else { return [] }
        let listed = lowered.prefix(8).joined(separator: ", ") + (lowered.count > 8 ? ", …" : "")
        return [ScheduleWarning(.minimumLowered, "\(lowered.count) agent(s) absent on whole days have their contract's weekly minimum lowered by a day and a day's hours for each: \(listed)")]
    }

    private static func unmeetableWishes(_ problem: ScheduleProblem) -> [ScheduleWarning] {
        problem.agents.flatMap { agent -> [ScheduleWarning] in
            let starts = problem.templates(of: agent).flatMap(\.startTimes).map(\.minutes)
            return agent.preferences.compactMap { wish in
                switch wish {
                case .late where !starts.contains { Fairness.isLate(startMinute: $0) }:
                    ScheduleWarning(.wishNeverMet, "agent \(agent.id) wishes late shifts but no template of contract \(agent.contract) starts at noon or later")
                case .early where !starts.contains { !Fairness.isLate(startMinute: $0) }:
                    ScheduleWarning(.wishNeverMet, "agent \(agent.id) wishes early shifts but every template of contract \(agent.contract) starts at noon or later")
                default:
                    nil
                }
            }
        }
    }

    private static func format(_ hours: Double) -> String {
        String(format: "%.1f", hours)
    }
}
