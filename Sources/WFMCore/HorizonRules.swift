import Foundation

/// What the rules over several weeks — rotations, `weekends_off` and
/// `average_weekly_paid_hours` — ask of one week of a horizon planned week by week, given the
/// shifts of the weeks before it (the previous rosters and the horizon's weeks already
/// planned). Each week's demands are chosen so that the weeks after it can still keep every
/// rule: a weekend is fixed off only when the run of weeks ending with it would otherwise
/// fall short; the week's last day (a Sunday) is fixed off when working the weekend would owe
/// the next one and a run into next week would leave it short of the contract's minimum days
/// (five days a week, at most five in a row: a Sunday worked before a weekend owed leaves
/// four); and the paid hours left for a week leave the later weeks within their own weekly
/// range.
public struct HorizonRules: Sendable {
    let center: Center
    let horizon: PlanningHorizon
    let rotations: [String: (rotation: Rotation, offset: Int)]

    /// The rules of `center`'s contracts for `agents` over `horizon`.
    public init(center: Center, agents: [Agent], horizon: PlanningHorizon) {
        self.center = center
        self.horizon = horizon
        rotations = center.rotationAssignments(of: agents)
    }

    /// `agents` for week `index`, each with the days off the rules fix that week: the
    /// rotation's, and the weekend when `weekends_off` needs it given `before` (every shift
    /// dated before the week). `lookingAhead` adds the Sunday before an owed weekend that the
    /// next week needs (see the type's summary): planning, not a rule, so a command that
    /// changes or checks one published week leaves it out.
    public func agents(_ agents: [Agent], week index: Int, before: [RosterShift], lookingAhead: Bool = true) -> [Agent] {
        let weekStart = horizon.weekStarts[index]
        let days = (0..<7).map { weekStart.adding(days: $0) }
        let worked = Set(before.map { WorkedDay(agentID: $0.agentID, date: $0.date) })
        return agents.map { agent in
            var agent = agent
            if let (rotation, offset) = rotations[agent.id] {
                agent.fixedDaysOff.formUnion(days.filter { rotation.isDayOff($0, offset: offset) })
            }
            if let contract = contract(of: agent), let rule = contract.weekendsOff {
                if Self.weekendsOff(of: agent.id, before: weekStart, weeks: rule.perWeeks - 1, worked: worked) < rule.min {
                    agent.fixedDaysOff.formUnion(days.filter(\.weekday.isWeekend))
                } else if lookingAhead, let last = days.last, last.weekday.isWeekend,
                    Self.weekendsOff(of: agent.id, before: weekStart, weeks: rule.perWeeks - 2, worked: worked) < rule.min,
                    !canMeetMinimum(agent, contract: contract, weekStart: weekStart.adding(days: 7), runIn: 1) {
                    // Working this weekend would owe the next one off; a run into it from this
                    // week's last day would then leave next week short of its minimum days.
                    agent.fixedDaysOff.insert(last)
                }
            }
            return agent
        }
    }

    /// Per agent whose contract averages paid hours over the horizon, the paid minutes week
    /// `index` may hold: whatever the weeks after it can still balance within their weekly
    /// range, given `before` (the horizon's shifts dated before the week). Leave days count at
    /// the contract's credit.
    public func paidMinuteWindows(_ agents: [Agent], week index: Int, before: [RosterShift]) -> [String: ClosedRange<Int>] {
        let paidSoFar = Dictionary(grouping: before.filter { horizon.week(of: $0.date) != nil }, by: \.agentID)
            .mapValues { $0.reduce(0) { $0 + $1.paidMinutes } }
        var windows: [String: ClosedRange<Int>] = [:]
        for agent in agents {
            guard let contract = contract(of: agent), let average = contract.averageWeeklyPaidHours else { continue }
            let weeks = horizon.weekStarts.map { start in contract.paidMinutes(leaveDays: leaveDays(of: agent, from: start)) }
            let credit = horizon.weekStarts.reduce(0.0) { $0 + contract.leaveCreditHours * Double(leaveDays(of: agent, from: $1)) }
            let total = Double(horizon.weeks) * 60
            let least = Int((average.min * total - credit * 60).rounded()) - paidSoFar[agent.id, default: 0]
                - weeks[(index + 1)...].reduce(0) { $0 + $1.upperBound }
            let most = Int((average.max * total).rounded()) - paidSoFar[agent.id, default: 0]
                - weeks[(index + 1)...].reduce(0) { $0 + $1.lowerBound }
            windows[agent.id] = max(least, 0)...max(most, least, 0)
        }
        return windows
    }

    private func contract(of agent: Agent) -> Contract? { center.contracts.first { $0.id == agent.contract } }

    /// Whether `agent` can still work `contract`'s minimum days in the week from `weekStart`
    /// with its weekend off, its leave and rotation days off, and a run of `runIn` days worked
    /// up to it: working every day the rules allow (which works the most days) must reach the
    /// minimum less the leave days.
    func canMeetMinimum(_ agent: Agent, contract: Contract, weekStart: LocalDate, runIn: Int) -> Bool {
        let days = (0..<7).map { weekStart.adding(days: $0) }
        let rotation = rotations[agent.id]
        var run = runIn, worked = 0
        for day in days {
            let free = !day.weekday.isWeekend && !agent.isOnLeave(on: day) && rotation.map { !$0.rotation.isDayOff(day, offset: $0.offset) } ?? true
            if free && run < contract.maxConsecutiveDays {
                worked += 1
                run += 1
            } else {
                run = 0
            }
        }
        return worked >= contract.daysPerWeek.min - days.filter { agent.isOnLeave(on: $0) }.count
    }

    private func leaveDays(of agent: Agent, from weekStart: LocalDate) -> Int {
        (0..<7).filter { agent.isOnLeave(on: weekStart.adding(days: $0)) }.count
    }

    /// An agent's worked date.
    struct WorkedDay: Hashable {
        let agentID: String
        let date: LocalDate
    }

    /// Weekends off (neither Saturday nor Sunday worked) of `agentID` in the `weeks` weeks
    /// before `weekStart`, by the days in `worked`: a weekend before the shifts known counts
    /// as off.
    static func weekendsOff(of agentID: String, before weekStart: LocalDate, weeks: Int, worked: Set<WorkedDay>) -> Int {
        (0..<max(weeks, 0)).filter { isWeekendOff(agentID, weekStart: weekStart.adding(days: -7 * ($0 + 1)), worked: worked) }.count
    }

    /// Whether `agentID` works neither weekend day of the week from `weekStart`.
    static func isWeekendOff(_ agentID: String, weekStart: LocalDate, worked: Set<WorkedDay>) -> Bool {
        (0..<7).map { weekStart.adding(days: $0) }.filter(\.weekday.isWeekend)
            .allSatisfy { !worked.contains(WorkedDay(agentID: agentID, date: $0)) }
    }
}
