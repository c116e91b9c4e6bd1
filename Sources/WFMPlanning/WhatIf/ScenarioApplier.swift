import Foundation
import WFMCore

/// The plan under a scenario: center, agents, forecast and roster with its overrides applied.
public struct ScenarioPlan: Sendable {
    public var center: Center
    public var agents: [Agent]
    public var forecast: [ForecastEntry]
    /// The roster less the shifts of agents the scenario makes absent all day.
    public var shifts: [RosterShift]
    /// Shifts removed, or cut short, for absences.
    public var removedShifts: Int
    /// Overtime the scenario allows.
    public var overtime: [OvertimeAllowance] = []
    /// Per agent, when they are away for part of a day: their shifts stay in the roster, but
    /// they are not on the phones then.
    public var away: [String: [Range<Date>]] = [:]

    /// The agents with those part-day absences as unavailability, for the scheduler (a
    /// replan) to plan around; ``agents`` leaves them out, so that the published shifts they
    /// cut are not counted as broken rules.
    public var agentsUnavailableWhenAway: [Agent] {
        agents.map { agent in
            var agent = agent
            for window in away[agent.id] ?? [] {
                let from = LocalDateTime(window.lowerBound, in: center.timeZone), to = LocalDateTime(window.upperBound, in: center.timeZone)
                guard let start = TimeOfDay(minutes: from.minuteOfDay),
                    let end = TimeOfDay(minutes: to.date == from.date ? to.minuteOfDay : 1440)
                else { continue }
                agent.unavailable.append(.timeRange(from.date, from: start, to: end))
            }
            return agent
        }
    }
}

/// Applies a ``Scenario`` to the plan. Each override changes only what it names: volume and
/// AHT adjustments the forecast rows in their scope (in file order: a factor, then added
/// calls), targets and patience their queue, shrinkage the center's, absences the agents'
/// availability and their shifts on those days, added skills the agents' skills, hires join
/// the agents with no shifts, and contract overrides change the rules they name.
public enum ScenarioApplier {
    /// The plan under `scenario`.
    public static func apply(_ scenario: Scenario, center: Center, agents: [Agent], forecast: [ForecastEntry], shifts: [RosterShift])
        -> ScenarioPlan
    {
        let grid = center.timeGrid
        var center = center
        for override in scenario.targets {
            guard let index = center.queues.firstIndex(where: { $0.id == override.queue }) else { continue }
            if let level = override.serviceLevel { center.queues[index].serviceLevel = level }
            if let asa = override.asaSeconds { center.queues[index].asaSeconds = asa }
            if let cap = override.maxOccupancy { center.queues[index].maxOccupancy = cap }
            if let patience = override.patienceSeconds { center.queues[index].patienceSeconds = patience }
        }
        if let shrinkage = scenario.shrinkage { center.shrinkage = shrinkage }
        for override in scenario.contracts {
            guard let index = center.contracts.firstIndex(where: { $0.id == override.contract }) else { continue }
            if let hours = override.weeklyPaidHours { center.contracts[index].weeklyPaidHours = hours }
            if let days = override.daysPerWeek { center.contracts[index].daysPerWeek = days }
            if let run = override.maxConsecutiveDays { center.contracts[index].maxConsecutiveDays = run }
            if let rest = override.minRestHours { center.contracts[index].minRestHours = rest }
        }
        let adjusted = forecast.map { entry -> ForecastEntry in
            guard grid.intervals.indices.contains(entry.interval) else { return entry }
            let local = grid.intervals[entry.interval].local
            var entry = entry
            for change in scenario.volume where change.scope.contains(queue: entry.queue, at: local) {
                entry.calls = entry.calls * change.factor + change.addedCalls
                for index in entry.quantiles.indices {
                    entry.quantiles[index].calls = entry.quantiles[index].calls * change.factor + change.addedCalls
                }
            }
            for change in scenario.aht where change.scope.contains(queue: entry.queue, at: local) {
                entry.ahtSeconds *= change.factor
            }
            return entry
        }
        let week = (0..<7).map { center.weekStart.adding(days: $0) }
        var agents = agents
        var away: [String: [Range<Date>]] = [:]
        for (index, agent) in agents.enumerated() {
            for absence in scenario.absences where absence.agents.contains(agent.id) {
                guard let window = absence.window else {
                    agents[index].unavailable += week.filter(absence.covers).map { .date($0) }
                    continue
                }
                for date in week where absence.covers(date) {
                    guard let from = LocalDateTime(date: date, minuteOfDay: window.lowerBound).instants(in: center.timeZone).first,
                        let to = window.upperBound >= 1440 ? TimeGrid.startOfDay(date.adding(days: 1), in: center.timeZone)
                            : LocalDateTime(date: date, minuteOfDay: window.upperBound).instants(in: center.timeZone).first
                    else { continue }
                    away[agent.id, default: []].append(from..<to)
                }
            }
            for addition in scenario.addedSkills where addition.agents.contains(agent.id) {
                for skill in addition.skills where !agents[index].skills.contains(where: { $0.queue == skill.queue }) {
                    agents[index].skills.append(skill)
                }
            }
        }
        agents += scenario.hires
        let absentOn = Dictionary(grouping: scenario.absences.filter { $0.window == nil }.flatMap { absence in absence.agents.map { ($0, absence) } },
                                  by: \.0)
        let kept = shifts.filter { shift in !(absentOn[shift.agentID] ?? []).contains { $0.1.covers(shift.date) } }
        let cut = kept.filter { shift in (away[shift.agentID] ?? []).contains { $0.overlaps(shift.start..<shift.end) } }.count
        return ScenarioPlan(center: center, agents: agents, forecast: adjusted, shifts: kept, removedShifts: shifts.count - kept.count + cut,
                            overtime: scenario.overtime, away: away)
    }
}
