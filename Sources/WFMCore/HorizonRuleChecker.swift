import Foundation

/// Verifies a roster over a horizon of weeks against every rule: each week's rules as
/// ``RosterRuleChecker`` checks them, with the weeks before it (the previous rosters, then the
/// horizon's earlier weeks) carried across its start, and the rules over weeks —
/// `average_weekly_paid_hours`, `weekends_off` and rotations. Like the week's checker it reads
/// only the shifts' times.
public struct HorizonRuleChecker: Sendable {
    let center: Center
    let agents: [Agent]
    let horizon: PlanningHorizon
    let previousShifts: [RosterShift]
    let previousWeeks: Int

    /// Creates a checker; `previousShifts` are the `previousWeeks` weeks just before the
    /// horizon (`--previous`), oldest first.
    public init(center: Center, agents: [Agent], horizon: PlanningHorizon, previousShifts: [RosterShift] = [], previousWeeks: Int = 0) {
        self.center = center
        self.agents = agents
        self.horizon = horizon
        self.previousShifts = previousShifts
        self.previousWeeks = previousWeeks
    }

    /// Every violation: per week in order, shifts outside the horizon, then the rules over
    /// weeks per agent.
    public func violations(in shifts: [RosterShift]) -> [RuleViolation] {
        horizon.weekStarts.indices.flatMap { weekViolations(index: $0, in: shifts) } + violationsOutside(shifts) + violationsOverWeeks(in: shifts)
    }

    /// The rules of week `index` that `shifts` (the horizon's) break, the weeks before it
    /// carried across its start.
    public func weekViolations(index: Int, in shifts: [RosterShift]) -> [RuleViolation] {
        let week = shifts.filter { horizon.week(of: $0.date) == index }
        return RosterRuleChecker(center: horizon.center(center, week: index), agents: agents,
                                 previous: carried(into: index, shifts: shifts)).violations(in: week)
    }

    /// A violation per shift of `shifts` dated outside the horizon.
    public func violationsOutside(_ shifts: [RosterShift]) -> [RuleViolation] {
        shifts.filter { horizon.week(of: $0.date) == nil }.map {
            RuleViolation(agentID: $0.agentID, rule: "week", detail: "\($0.date) \($0.templateID): starts outside \(horizon.description)")
        }
    }

    /// What the previous rosters and the horizon's weeks before week `index` (from `shifts`)
    /// carry into it, over a look-back window of at most six weeks.
    public func carried(into index: Int, shifts: [RosterShift]) -> PreviousRosters {
        let weekStart = horizon.weekStarts[index]
        let weeks = min(previousWeeks + index, PlanningHorizon.maximumWeeks)
        let first = weekStart.adding(days: -7 * weeks)
        let before = (previousShifts + shifts).filter { $0.date >= first && $0.date < weekStart }
        return PreviousRosters(shifts: before, weekStart: weekStart, weeks: weeks, timeZone: center.timeZone,
                               unpopularTemplates: Set(center.shiftTemplates.filter(\.unpopular).map(\.id)))
    }

    /// The rules over weeks `shifts` break, per agent: `average_weekly_paid_hours`,
    /// `weekends_off` (every run of weeks that ends in the horizon and starts no earlier than
    /// the previous rosters) and rotation days off.
    public func violationsOverWeeks(in shifts: [RosterShift]) -> [RuleViolation] {
        var found: [RuleViolation] = []
        let byAgent = Dictionary(grouping: shifts, by: \.agentID)
        let worked = Set((previousShifts + shifts).map { HorizonRules.WorkedDay(agentID: $0.agentID, date: $0.date) })
        let rotations = center.rotationAssignments(of: agents)
        let firstKnown = horizon.firstWeekStart.adding(days: -7 * previousWeeks)
        for agent in agents {
            guard let contract = center.contracts.first(where: { $0.id == agent.contract }) else { continue }
            func flag(_ rule: String, _ detail: String) { found.append(RuleViolation(agentID: agent.id, rule: rule, detail: detail)) }
            let own = (byAgent[agent.id] ?? []).filter { horizon.week(of: $0.date) != nil }
            if let average = contract.averageWeeklyPaidHours {
                let leave = horizon.weekStarts.reduce(0) { total, start in
                    total + (0..<7).filter { agent.isOnLeave(on: start.adding(days: $0)) }.count
                }
                let worked = Double(own.reduce(0) { $0 + $1.paidMinutes }) / 60
                let counted = (worked + contract.leaveCreditHours * Double(leave)) / Double(horizon.weeks)
                if counted < average.min - 1e-9 || worked / Double(horizon.weeks) > average.max + 1e-9 {
                    flag("average_weekly_paid_hours", "\(NumberFormatting.fixed(counted, 2)) h a week on average over \(horizon.description)"
                         + (leave > 0 ? " (\(leave) leave day(s) counted at \(NumberFormatting.fixed(contract.leaveCreditHours, 2)) h)" : "")
                         + ", allowed \(NumberFormatting.trimmed(average.min))–\(NumberFormatting.trimmed(average.max))")
                }
            }
            if let rule = contract.weekendsOff {
                for weekStart in horizon.weekStarts {
                    let first = weekStart.adding(days: -7 * (rule.perWeeks - 1))
                    guard first >= firstKnown else { continue }
                    let off = (0..<rule.perWeeks).filter {
                        HorizonRules.isWeekendOff(agent.id, weekStart: first.adding(days: 7 * $0), worked: worked)
                    }.count
                    if off < rule.min {
                        flag("weekends_off", "\(off) weekend(s) off in the \(rule.perWeeks) week(s) from \(first) to \(weekStart.adding(days: 6)), need \(rule.min)")
                    }
                }
            }
            if let (rotation, offset) = rotations[agent.id] {
                for shift in own where rotation.isDayOff(shift.date, offset: offset) {
                    flag("rotation", "\(shift.date) \(shift.templateID): a day off in cycle week \(rotation.cycleWeek(of: shift.date, offset: offset) + 1) of rotation \(rotation.id)")
                }
            }
        }
        return found
    }
}
