import Foundation

/// One broken rule in a roster.
public struct RuleViolation: Sendable, Equatable, CustomStringConvertible {
    /// The agent concerned.
    public let agentID: String
    /// The rule, e.g. `min_rest_hours`.
    public let rule: String
    /// What is wrong.
    public let detail: String

    public var description: String { "agent \(agentID): \(rule): \(detail)" }
}

/// Verifies a roster against every rule in center.yaml and agents.csv, independently of the
/// model that made it: it reads only the shifts' times, never the solver's variables. With
/// previous rosters, minimum rest and maximum consecutive days are checked across the week's
/// start too.
public struct RosterRuleChecker: Sendable {
    let center: Center
    let agents: [Agent]
    let overtime: [OvertimeAllowance]
    let previous: PreviousRosters

    /// Creates a checker; `overtime` is what a scenario allows (none by default: a shift
    /// longer than its template is then a broken rule); `previous` what the weeks before
    /// carry in (nothing by default).
    public init(center: Center, agents: [Agent], overtime: [OvertimeAllowance] = [], previous: PreviousRosters = .none) {
        self.center = center
        self.agents = agents
        self.overtime = overtime
        self.previous = previous
    }

    /// Every violation, per agent in input order.
    public func violations(in shifts: [RosterShift]) -> [RuleViolation] {
        violations(in: shifts, reusing: [:])
    }

    /// One agent's shifts, in time order, and the rules they break.
    public struct AgentCheck: Sendable {
        public let shifts: [RosterShift]
        public let violations: [RuleViolation]
    }

    /// Per agent, the shifts of `shifts` and what they break: kept to check edits of `shifts`
    /// with ``violations(in:reusing:)``.
    public func agentChecks(in shifts: [RosterShift]) -> [String: AgentCheck] {
        let byAgent = Dictionary(grouping: shifts, by: \.agentID)
        var checks: [String: AgentCheck] = [:]
        for agent in agents {
            let own = (byAgent[agent.id] ?? []).sorted { $0.start < $1.start }
            checks[agent.id] = AgentCheck(shifts: own, violations: check(agent, own))
        }
        return checks
    }

    /// The rules `shifts` break; an agent whose shifts are those of `earlier` (from
    /// ``agentChecks(in:)`` of this checker) keeps its violations from there unchecked.
    public func violations(in shifts: [RosterShift], reusing earlier: [String: AgentCheck]) -> [RuleViolation] {
        var found: [RuleViolation] = []
        let byAgent = Dictionary(grouping: shifts, by: \.agentID)
        for id in byAgent.keys where !agents.contains(where: { $0.id == id }) {
            found.append(RuleViolation(agentID: id, rule: "agent", detail: "not in agents.csv"))
        }
        for agent in agents {
            let own = (byAgent[agent.id] ?? []).sorted { $0.start < $1.start }
            if let known = earlier[agent.id], known.shifts == own {
                found += known.violations
            } else {
                found += check(agent, own)
            }
        }
        return found
    }

    private func check(_ agent: Agent, _ shifts: [RosterShift]) -> [RuleViolation] {
        var found: [RuleViolation] = []
        func flag(_ rule: String, _ detail: String) { found.append(RuleViolation(agentID: agent.id, rule: rule, detail: detail)) }
        guard let contract = center.contracts.first(where: { $0.id == agent.contract }) else {
            flag("contract", "unknown contract \(agent.contract)")
            return found
        }
        let zone = center.timeZone
        let weekStart = center.weekStart
        let weekBegin = TimeGrid.startOfDay(weekStart, in: zone)
        let weekEnd = TimeGrid.startOfDay(weekStart.adding(days: 7), in: zone)
        for shift in shifts {
            let label = "\(shift.date) \(shift.templateID)"
            guard let template = center.shiftTemplates.first(where: { $0.id == shift.templateID }) else {
                flag("templates", "\(label): unknown template")
                continue
            }
            if !contract.templates.contains(template.id) { flag("templates", "\(label): not allowed by contract \(contract.id)") }
            if !template.allows(shift.date.weekday) { flag("days", "\(label): template not allowed on \(shift.date.weekday.rawValue)") }
            if shift.start < weekBegin || shift.start >= weekEnd { flag("week", "\(label): starts outside the planning week") }
            let local = LocalDateTime(shift.regularStart, in: zone)
            if local.date != shift.date { flag("date", "\(label): starts on \(local.date)") }
            let offset = local.minuteOfDay - template.earliestStart.minutes
            if local.minuteOfDay > template.latestStart.minutes || offset < 0 || offset % template.startStepMinutes != 0 {
                flag("start_window", "\(label): starts at \(TimeOfDay(minutes: local.minuteOfDay)!), outside \(template.earliestStart)–\(template.latestStart) every \(template.startStepMinutes) min")
            }
            let length = Int(shift.regularEnd.timeIntervalSince(shift.regularStart) / 60)
            if length != template.lengthMinutes {
                flag("length", "\(label): lasts \(length) min without overtime, expected \(template.lengthMinutes)")
            }
            if shift.regularPaidMinutes != template.paidMinutes {
                flag("paid_minutes", "\(label): \(shift.regularPaidMinutes) paid minutes without overtime, expected \(template.paidMinutes)")
            }
            found += checkOvertime(shift, agent: agent, label: label)
            found += checkBreaks(shift, template: template, agent: agent, label: label)
            if let off = agent.fixedDaysOff.first(where: { $0 == shift.date }) {
                flag("day_off", "\(label): \(off) is a fixed day off (a rotation's, or a weekend owed under weekends_off)")
            } else if isUnavailable(agent, from: shift.start, to: shift.end) {
                flag("unavailable", "\(label): the agent is unavailable")
            }
        }
        let carry = previous[agent.id]
        if let last = carry.lastShift, let first = shifts.first {
            let rest = first.start.timeIntervalSince(last.end) / 3600
            if rest < contract.minRestHours {
                flag("min_rest_hours", "\(String(format: "%.2f", rest)) h between the previous roster's shift of \(last.date) and the shift of \(first.date), need \(contract.minRestHours)")
            }
        }
        for (first, next) in zip(shifts, shifts.dropFirst()) {
            if first.date == next.date { flag("one_shift_per_day", "two shifts on \(first.date)") }
            let rest = next.start.timeIntervalSince(first.end) / 3600
            if rest < contract.minRestHours {
                flag("min_rest_hours", "\(String(format: "%.2f", rest)) h between the shifts of \(first.date) and \(next.date), need \(contract.minRestHours)")
            }
        }
        let absent = (0..<7).filter { agent.isOnLeave(on: weekStart.adding(days: $0)) }.count
        let days = Set(shifts.map(\.date)).count
        if days < contract.daysPerWeek.min - absent || days > contract.daysPerWeek.max {
            flag("days_per_week", "\(days) days, allowed \(max(0, contract.daysPerWeek.min - absent))–\(contract.daysPerWeek.max)")
        }
        let hours = Double(shifts.reduce(0) { $0 + $1.regularPaidMinutes }) / 60
        let minHours = max(0, contract.weeklyPaidHours.min - contract.leaveCreditHours * Double(absent))
        if hours < minHours - 1e-9 || hours > contract.weeklyPaidHours.max + 1e-9 {
            flag("weekly_paid_hours", "\(hours) h, allowed \(minHours)–\(contract.weeklyPaidHours.max)")
        }
        let overtimeHours = Double(shifts.reduce(0) { $0 + $1.overtimeMinutes }) / 60
        if overtimeHours > 0, let allowance = overtime.allowance(for: agent.id), overtimeHours > allowance.maxHoursPerWeek + 1e-9 {
            flag("overtime", "\(overtimeHours) h of overtime in the week, allowed \(allowance.maxHoursPerWeek)")
        }
        let worked = Set(shifts.map { weekStart.days(to: $0.date) })
        var run = carry.daysInARow
        for day in 0..<7 {
            run = worked.contains(day) ? run + 1 : 0
            if run > contract.maxConsecutiveDays {
                let carried = run > day + 1 ? " (\(run - day - 1) of them in the previous roster)" : ""
                flag("max_consecutive_days", "\(run) days in a row from \(weekStart.adding(days: day + 1 - run)) up to \(weekStart.adding(days: day))\(carried), allowed \(contract.maxConsecutiveDays)")
                break
            }
        }
        return found
    }

    private func checkOvertime(_ shift: RosterShift, agent: Agent, label: String) -> [RuleViolation] {
        let flag = { (detail: String) in [RuleViolation(agentID: agent.id, rule: "overtime", detail: "\(label): \(detail)")] }
        guard shift.overtimeBeforeMinutes >= 0, shift.overtimeAfterMinutes >= 0 else { return flag("negative overtime") }
        guard shift.overtimeMinutes > 0 else { return [] }
        guard let allowance = overtime.allowance(for: agent.id) else { return flag("\(shift.overtimeMinutes) min of overtime, none allowed") }
        guard shift.overtimeMinutes <= allowance.maxMinutesPerShift else {
            return flag("\(shift.overtimeMinutes) min of overtime, allowed \(allowance.maxMinutesPerShift) per shift")
        }
        return []
    }

    private func checkBreaks(_ shift: RosterShift, template: ShiftTemplate, agent: Agent, label: String) -> [RuleViolation] {
        var found: [RuleViolation] = []
        let rules = template.breaks.sorted { $0.earliestOffsetMinutes < $1.earliestOffsetMinutes }
        let breaks = shift.breaks.sorted { $0.start < $1.start }
        guard rules.count == breaks.count else {
            return [RuleViolation(agentID: agent.id, rule: "breaks", detail: "\(label): \(breaks.count) breaks, expected \(rules.count)")]
        }
        for (rule, taken) in zip(rules, breaks) {
            let offset = Int(taken.start.timeIntervalSince(shift.regularStart) / 60)
            let length = Int(taken.end.timeIntervalSince(taken.start) / 60)
            if length != rule.minutes || offset < rule.earliestOffsetMinutes || offset > rule.latestOffsetMinutes {
                found.append(RuleViolation(agentID: agent.id, rule: "breaks",
                    detail: "\(label): a \(length)-min break \(offset) min in, expected \(rule.minutes) min between \(rule.earliestOffsetMinutes) and \(rule.latestOffsetMinutes) min"))
            }
        }
        for (first, next) in zip(breaks, breaks.dropFirst()) where next.start < first.end {
            found.append(RuleViolation(agentID: agent.id, rule: "breaks", detail: "\(label): breaks overlap"))
        }
        return found
    }

    private func isUnavailable(_ agent: Agent, from start: Date, to end: Date) -> Bool {
        let zone = center.timeZone
        var date = LocalDateTime(start, in: zone).date
        let last = LocalDateTime(end.addingTimeInterval(-1), in: zone).date
        while date <= last {
            if agent.isAbsentAllDay(on: date) { return true }
            date = date.adding(days: 1)
        }
        return agent.unavailable.contains {
            guard case .timeRange(let day, let from, let to) = $0 else { return false }
            let begin = TimeGrid.startOfDay(day, in: zone).addingTimeInterval(0)
            let rangeStart = LocalDateTime(date: day, minuteOfDay: from.minutes).instants(in: zone).first ?? begin
            let rangeEnd = to.minutes >= 1440 ? TimeGrid.startOfDay(day.adding(days: 1), in: zone)
                : LocalDateTime(date: day, minuteOfDay: to.minutes).instants(in: zone).first ?? rangeStart
            return rangeStart < end && start < rangeEnd
        }
    }
}
