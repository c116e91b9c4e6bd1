import Foundation
import WFMCore
import WFMReporting
import WFMScheduling

/// Decides requests one at a time against the roster as the earlier approvals left it: a
/// request is approved when its roster keeps every rule (for the agents it touches) and leaves
/// no interval below target that met it (by formula), or stays within the center's
/// allowance; else approved when a repair on that day (breaks moved, overtime, a call-in)
/// restores coverage; else denied, naming the rule or the intervals and the service level it
/// would cost. A time off for intervals where `requests.max_off_per_interval` agents are already
/// off by requests is waitlisted: it can be approved when one of those is withdrawn.
struct RequestDecider {
    let center: Center
    /// The agents, each approved whole day off added to their unavailability: the rule checks
    /// then credit it toward the weekly minimums, and no later swap or repair puts them to work.
    private(set) var agents: [Agent]
    let requirements: [IntervalRequirement]
    let overtime: [OvertimeAllowance]
    /// The roster with every approval so far, and part-day time off approved.
    private(set) var shifts: [RosterShift]
    private(set) var away: [String: [Range<Date>]] = [:]
    /// Per day of the week, the interval figures of ``shifts`` on it (by formula), as measured
    /// when last needed.
    private var dayFigures: [Int: DayFigures] = [:]
    /// The requirement rows of each day of the week.
    private let dayRequirements: [Int: [IntervalRequirement]]
    /// How the verdict is reached: by formula (nil), or simulating this many replications.
    private let simulation: SimulationOptions?

    /// One day measured: its queue-intervals, and which miss a target by the report's verdict.
    private struct DayFigures {
        var rows: [IntervalFigures]
        var missed: [Bool]
        /// Per row, the service level the verdict judges: the formula's, or the simulated mean.
        var serviceLevels: [Double]
    }

    /// A queue-interval a request would leave below target, and its service level by the verdict.
    struct MissedInterval {
        let row: IntervalFigures
        let serviceLevel: Double
    }
    /// Agent-hours short added by approvals within the allowance, per queue and day.
    private var allowanceUsed: [String: Double] = [:]
    /// Agents off by approved time off, per interval of the week.
    private var offByRequests: [Int: Int] = [:]
    private let grid: TimeGrid
    /// Each agent's queues, best priority first.
    private let skills: [String: [String]]

    init(center: Center, agents: [Agent], requirements: [IntervalRequirement], shifts: [RosterShift], simulation: SimulationOptions? = nil) throws {
        self.simulation = center.report.verdict == .simulation ? simulation : nil
        self.center = center
        self.agents = agents
        self.requirements = requirements
        overtime = OvertimeAllowance.contracts(center: center, agents: agents)
        self.shifts = shifts
        let grid = center.timeGrid
        self.grid = grid
        skills = Dictionary(agents.map { ($0.id, $0.skills.map(\.queue)) }, uniquingKeysWith: { a, _ in a })
        dayRequirements = Dictionary(grouping: requirements.filter { grid.intervals.indices.contains($0.interval) }) {
            grid.intervals[$0.interval].dayOffset
        }
    }

    /// The roster with every approval, measured over the whole week (by formula).
    func report() throws -> RosterReport {
        var evaluator = RosterEvaluator(center: center, agents: agents, overtime: overtime)
        evaluator.away = away
        return try evaluator.evaluate(shifts: shifts, requirements: requirements, simulation: simulation)
    }

    /// One candidate roster: the shifts, the away times, and the intervals the request takes
    /// the agent off the phones.
    private struct Candidate {
        var shifts: [RosterShift]
        var away: [String: [Range<Date>]]
        var offIntervals: [Int]
        var touched: [String]
        /// A whole day off the request grants.
        var leave: (agent: String, date: LocalDate)? = nil
    }

    /// Decides `request` and, when approved, makes it part of the roster.
    mutating func decide(_ request: ShiftRequest) throws -> RequestDecision {
        var decision = RequestDecision(id: request.id, agent: request.agentID, type: request.kind.rawValue, date: request.date, decision: .denied,
                                       basis: nil, reason: "", repairs: [], intervalsBelowTarget: 0)
        let candidate: Candidate
        switch build(request) {
        case .failure(let failure):
            decision.reason = failure.reason
            return decision
        case .success(nil):
            decision.decision = .approved
            decision.basis = "nothing_to_change"
            decision.reason = request.kind == .shiftWish ? "the shift already is as wished" : "\(request.agentID) does not work then"
            // The time off still holds: no later swap, overtime or call-in puts the agent to work then.
            if request.kind == .dayOffWish || (request.kind == .timeOff && request.isWholeDay) {
                agents = Self.granting((request.agentID, request.date), to: agents)
            } else if request.kind == .timeOff, let from = instant(request.date, request.start!), let to = instant(request.date, request.end!) {
                away[request.agentID, default: []].append(from..<to)
            }
            return decision
        case .success(let built?):
            candidate = built
        }
        if let broken = newViolations(candidate).first {
            decision.reason = "breaks the rule \(broken.rule) for \(broken.agentID): \(broken.detail)"
            return decision
        }
        if let limit = center.requestAllowance.maxOffPerInterval,
           let full = candidate.offIntervals.first(where: { (offByRequests[$0] ?? 0) + 1 > limit }) {
            decision.decision = .waitlisted
            decision.reason = "\(offByRequests[full] ?? 0) agent(s) already off by requests at \(clock(full)) (requests.max_off_per_interval: \(limit))"
            return decision
        }
        let day = center.weekStart.days(to: request.date)
        let current = try figures(day)
        let evaluated = try evaluate(candidate, day: day)
        let missed = Self.newlyMissed(evaluated, before: current)
        if missed.isEmpty {
            accept(candidate, day: day)
            decision.decision = .approved
            decision.basis = "coverage_kept"
            decision.reason = "every interval keeps its verdict"
            return decision
        }
        let added = addedShortfall(evaluated, before: current)
        if withinAllowance(added) {
            for (key, hours) in added { allowanceUsed[key, default: 0] += hours }
            accept(candidate, day: day)
            decision.decision = .approved
            decision.basis = "within_allowance"
            decision.intervalsBelowTarget = missed.count
            decision.reason = "within requests.max_short_agent_hours_per_day: " + describe(missed)
            return decision
        }
        if let repaired = try repair(candidate, evaluated: evaluated, before: current, request: request) {
            accept(repaired.candidate, day: day)
            decision.decision = .approved
            decision.basis = "with_repair"
            decision.repairs = repaired.changes
            decision.reason = "coverage restored by \(repaired.changes.count) change(s)"
            return decision
        }
        decision.intervalsBelowTarget = missed.count
        decision.reason = "would leave " + describe(missed) + "; no call-in, overtime or break move on that day restores it"
        return decision
    }

    // MARK: - Building the change

    private func build(_ request: ShiftRequest) -> Result<Candidate?, RequestFailure> {
        let mine = shifts.filter { $0.agentID == request.agentID && $0.date == request.date }
        var next = shifts
        var nextAway = away
        switch request.kind {
        case .timeOff where !request.isWholeDay:
            guard let from = instant(request.date, request.start!), let to = instant(request.date, request.end!) else {
                return .failure(RequestFailure("\(request.start!)–\(request.end!) does not exist on \(request.date) (a DST change)"))
            }
            let hours = from..<to
            guard mine.contains(where: { $0.start < to && from < $0.end }) else { return .success(nil) }
            nextAway[request.agentID, default: []].append(hours)
            let off = intervals(mine.map { max($0.start, from)..<min($0.end, to) })
            return .success(Candidate(shifts: next, away: nextAway, offIntervals: off, touched: [request.agentID]))
        case .timeOff, .dayOffWish:
            guard !mine.isEmpty else { return .success(nil) }
            next.removeAll { $0.agentID == request.agentID && $0.date == request.date }
            return .success(Candidate(shifts: next, away: nextAway, offIntervals: intervals(mine.map { $0.start..<$0.end }),
                                      touched: [request.agentID], leave: (request.agentID, request.date)))
        case .swap:
            let other = request.withAgent!
            let theirs = shifts.filter { $0.agentID == other && $0.date == request.date }
            guard !mine.isEmpty || !theirs.isEmpty else {
                return .failure(RequestFailure("neither \(request.agentID) nor \(other) works on \(request.date)"))
            }
            // A trade needs the taker to serve every queue the giver serves on that shift.
            for (giver, taker, given) in [(request.agentID, other, mine), (other, request.agentID, theirs)] where !given.isEmpty {
                let served = Set(skills[taker] ?? [])
                if let queue = (skills[giver] ?? []).first(where: { !served.contains($0) }) {
                    return .failure(RequestFailure("\(taker) does not serve \(queue), which \(giver) serves on the shift of \(request.date): a swap needs the same queues"))
                }
            }
            next.removeAll { ($0.agentID == request.agentID || $0.agentID == other) && $0.date == request.date }
            next += mine.map { var shift = $0; shift.agentID = other; return shift }
            next += theirs.map { var shift = $0; shift.agentID = request.agentID; return shift }
            return .success(Candidate(shifts: next, away: nextAway, offIntervals: [], touched: [request.agentID, other]))
        case .shiftWish:
            guard let shift = mine.first else {
                return .failure(RequestFailure("\(request.agentID) has no shift on \(request.date) to change; a shift on a day off is a call-in for the scheduler"))
            }
            guard let wished = wishedShift(shift, request) else {
                return .failure(RequestFailure("no shift of \(request.template ?? shift.templateID) can start \(request.start.map { "at \($0)" } ?? "in its window") on \(request.date)"))
            }
            guard wished != shift else { return .success(nil) }
            next.removeAll { $0 == shift }
            next.append(wished)
            return .success(Candidate(shifts: next, away: nextAway, offIntervals: [], touched: [request.agentID]))
        }
    }

    /// The shift the wish asks for: the same template moved to the start wished, breaks moved
    /// with it; or the template wished at the same start (the nearest in its window), breaks in
    /// the middle of their windows.
    private func wishedShift(_ shift: RosterShift, _ request: ShiftRequest) -> RosterShift? {
        if let start = request.start {
            guard let begin = instant(request.date, start) else { return nil }
            let delta = begin.timeIntervalSince(shift.start)
            var moved = shift
            moved.start = shift.start.addingTimeInterval(delta)
            moved.end = shift.end.addingTimeInterval(delta)
            moved.breaks = shift.breaks.map { RosterBreak(start: $0.start.addingTimeInterval(delta), end: $0.end.addingTimeInterval(delta)) }
            return moved
        }
        guard let id = request.template, let template = center.shiftTemplates.first(where: { $0.id == id }) else { return nil }
        if id == shift.templateID { return shift }
        let current = LocalDateTime(shift.start, in: center.timeZone).minuteOfDay
        let step = max(1, template.startStepMinutes)
        let earliest = template.earliestStart.minutes, latest = template.latestStart.minutes
        let clamped = min(max(current, earliest), latest)
        let minute = earliest + ((clamped - earliest) / step) * step
        guard let begin = instant(request.date, minute) else { return nil }
        let breakMinutes = template.breaks.filter { !$0.paid }.reduce(0) { $0 + $1.minutes }
        var wished = shift
        wished.templateID = id
        wished.start = begin
        wished.end = begin.addingTimeInterval(Double(template.paidMinutes + breakMinutes) * 60)
        wished.paidMinutes = template.paidMinutes
        wished.overtimeBeforeMinutes = 0
        wished.overtimeAfterMinutes = 0
        let unit = center.intervalMinutes
        wished.breaks = template.breaks.map { rule in
            let middle = (rule.earliestOffsetMinutes + rule.latestOffsetMinutes) / 2 / unit * unit
            let start = begin.addingTimeInterval(Double(middle) * 60)
            return RosterBreak(start: start, end: start.addingTimeInterval(Double(rule.minutes) * 60))
        }
        return wished
    }

    // MARK: - Measuring

    /// The figures of `day` for a roster: its requirement rows, measured with the shifts that
    /// reach into the day (a request changes one day; the rest of the week is as it was).
    private func evaluate(_ roster: [RosterShift], away: [String: [Range<Date>]], day: Int) throws -> DayFigures {
        guard let rows = dayRequirements[day], !rows.isEmpty else { return DayFigures(rows: [], missed: [], serviceLevels: []) }
        let date = center.weekStart.adding(days: day)
        let from = TimeGrid.startOfDay(date, in: center.timeZone), to = TimeGrid.startOfDay(date.adding(days: 1), in: center.timeZone)
        var evaluator = RosterEvaluator(center: center, agents: agents, overtime: overtime)
        evaluator.away = away
        let report = try evaluator.evaluate(shifts: roster.filter { $0.start < to && $0.end > from }, requirements: rows, simulation: simulation)
        let levels = report.simulation.map { simulated in
            zip(report.intervals, simulated.intervals).map { $1.serviceLevel?.mean ?? $0.predicted.serviceLevel }
        } ?? report.intervals.map(\.predicted.serviceLevel)
        return DayFigures(rows: report.intervals, missed: report.missesByVerdict, serviceLevels: levels)
    }

    private func evaluate(_ candidate: Candidate, day: Int) throws -> DayFigures {
        try evaluate(candidate.shifts, away: candidate.away, day: day)
    }

    /// The figures of `day` as the roster stands.
    private mutating func figures(_ day: Int) throws -> DayFigures {
        if let known = dayFigures[day] { return known }
        let measured = try evaluate(shifts, away: away, day: day)
        dayFigures[day] = measured
        return measured
    }

    /// Rules the candidate breaks for the agents it touches that the roster did not already
    /// break. A whole day off is checked as the agent's absence that day (paid leave: it counts
    /// toward the weekly minimums).
    private func newViolations(_ candidate: Candidate) -> [RuleViolation] {
        let touched = Set(candidate.touched)
        let mine = { (roster: [RosterShift]) in roster.filter { touched.contains($0.agentID) } }
        let before = RosterRuleChecker(center: center, agents: agents.filter { touched.contains($0.id) }, overtime: overtime)
        let after = RosterRuleChecker(center: center, agents: Self.granting(candidate.leave, to: agents).filter { touched.contains($0.id) },
                                      overtime: overtime)
        let known = Set(before.violations(in: mine(shifts)).map(\.description))
        return after.violations(in: mine(candidate.shifts)).filter { !known.contains($0.description) }
    }

    /// `agents` with a whole day off added to one agent's unavailability.
    private static func granting(_ leave: (agent: String, date: LocalDate)?, to agents: [Agent]) -> [Agent] {
        guard let leave else { return agents }
        return agents.map { agent in
            guard agent.id == leave.agent else { return agent }
            var away = agent
            away.unavailable.append(.date(leave.date))
            return away
        }
    }

    /// The rows of `candidate` below target (by the verdict) whose interval met it `before`.
    private static func newlyMissed(_ candidate: DayFigures, before: DayFigures) -> [MissedInterval] {
        let missed = Set(zip(before.rows, before.missed).filter(\.1).map { "\($0.0.queue)#\($0.0.interval)" })
        return candidate.rows.indices.filter { candidate.missed[$0] && !missed.contains("\(candidate.rows[$0].queue)#\(candidate.rows[$0].interval)") }
            .map { MissedInterval(row: candidate.rows[$0], serviceLevel: candidate.serviceLevels[$0]) }
    }

    /// Agent-hours short added, per `queue#day`.
    private func addedShortfall(_ candidate: DayFigures, before rows: DayFigures) -> [String: Double] {
        let before = Dictionary(rows.rows.map { ("\($0.queue)#\($0.interval)", $0.shortfall) }, uniquingKeysWith: { a, _ in a })
        var added: [String: Double] = [:]
        for row in candidate.rows {
            let extra = row.shortfall - (before["\(row.queue)#\(row.interval)"] ?? 0)
            if extra > 1e-9 { added["\(row.queue)#\(row.day)", default: 0] += extra * grid.intervalSeconds / 3600 }
        }
        return added
    }

    private func withinAllowance(_ added: [String: Double]) -> Bool {
        let limit = center.requestAllowance.maxShortAgentHoursPerDay
        return limit > 0 && added.allSatisfy { (allowanceUsed[$0.key] ?? 0) + $0.value <= limit + 1e-9 }
    }

    /// Makes the candidate the roster; the figures of its day and the days beside it (which a
    /// shift across midnight reaches) are measured again when next needed.
    private mutating func accept(_ candidate: Candidate, day: Int) {
        shifts = candidate.shifts
        away = candidate.away
        for near in (day - 1)...(day + 1) { dayFigures[near] = nil }
        agents = Self.granting(candidate.leave, to: agents)
        for interval in candidate.offIntervals { offByRequests[interval, default: 0] += 1 }
    }

    // MARK: - Repair

    /// The candidate repaired on the request's day: breaks moved, overtime, agents called in
    /// (never the agents the request touches on that day), when that leaves no interval below
    /// target that met it.
    private func repair(_ candidate: Candidate, evaluated: DayFigures, before: DayFigures, request: ShiftRequest) throws
        -> (candidate: Candidate, changes: [String])? {
        let day = request.date.daysSinceEpoch - center.weekStart.daysSinceEpoch
        let queueIndex = Dictionary(uniqueKeysWithValues: center.queues.enumerated().map { ($1.id, $0) })
        var net = Array(repeating: Array(repeating: 0.0, count: grid.intervals.count), count: center.queues.count)
        // The repair covers what the request costs, not what the day lacked before it: where the
        // candidate is short, only the shortage added; where it is over, the surplus to draw on.
        let shortBefore = Dictionary(before.rows.map { ("\($0.queue)#\($0.interval)", $0.shortfall) }, uniquingKeysWith: { a, _ in a })
        for row in evaluated.rows where row.day == day {
            let gap = Double(row.requiredScheduled) - row.present
            net[queueIndex[row.queue]!][row.interval] = gap > 0 ? max(0, gap - (shortBefore["\(row.queue)#\(row.interval)"] ?? 0)) : gap
        }
        let held = Self.granting(candidate.leave, to: agents).map { agent -> Agent in
            guard candidate.touched.contains(agent.id) else { return agent }
            var kept = agent
            kept.unavailable.append(.date(request.date))
            return kept
        }
        var repair = RosterRepair(center: center, agents: held)
        repair.overtime = overtime
        repair.away = candidate.away
        repair.onlyOn = request.date
        let kept = candidate.shifts.filter { candidate.touched.contains($0.agentID) && $0.date == request.date }
        let others = candidate.shifts.filter { !(candidate.touched.contains($0.agentID) && $0.date == request.date) }
        let repaired = repair.repair(others, net: net)
        guard !repaired.changes.isEmpty else { return nil }
        var fixed = candidate
        fixed.shifts = repaired.shifts + kept
        fixed.touched += repaired.changes.map(\.agentID)
        guard newViolations(fixed).isEmpty else { return nil }
        guard Self.newlyMissed(try evaluate(fixed, day: day), before: before).isEmpty else { return nil }
        return (fixed, repaired.changes.map(describe))
    }

    private func describe(_ change: RepairChange) -> String {
        let clock = { (instant: Date) in TimeOfDay(minutes: LocalDateTime(instant, in: center.timeZone).minuteOfDay)?.description ?? "" }
        let span = { (shift: RosterShift) in "\(clock(shift.start))-\(clock(shift.end))" }
        let breaks = { (shift: RosterShift) in shift.breaks.map { "\(clock($0.start))-\(clock($0.end))" }.joined(separator: " ") }
        switch change.kind {
        case .addShift: return "\(change.agentID) call_in \(change.after.date) \(span(change.after)) \(change.after.templateID)"
        case .overtime: return "\(change.agentID) overtime \(change.after.date) \(change.before.map(span) ?? "") → \(span(change.after))"
        case .moveBreaks: return "\(change.agentID) move_breaks \(change.after.date) \(change.before.map(breaks) ?? "") → \(breaks(change.after))"
        }
    }

    // MARK: - Time

    private func instant(_ date: LocalDate, _ time: TimeOfDay) -> Date? { instant(date, time.minutes) }

    private func instant(_ date: LocalDate, _ minute: Int) -> Date? {
        LocalDateTime(date: date.adding(days: minute / 1440), minuteOfDay: minute % 1440).instants(in: center.timeZone).first
    }

    /// The week's intervals the ranges overlap.
    private func intervals(_ ranges: [Range<Date>]) -> [Int] {
        grid.intervals.filter { interval in
            let end = interval.start.addingTimeInterval(grid.intervalSeconds)
            return ranges.contains { $0.lowerBound < end && interval.start < $0.upperBound }
        }.map(\.index)
    }

    private func clock(_ interval: Int) -> String { "\(grid.intervals[interval].local)" }

    /// `billing Mon 2026-11-30 10:00-11:30 (6 intervals, SL down to 71.2%); sales …`.
    func describe(_ missed: [MissedInterval]) -> String {
        let byQueue = Dictionary(grouping: missed, by: \.row.queue)
        return byQueue.keys.sorted().map { queue in
            let rows = byQueue[queue]!.map(\.row).sorted { $0.interval < $1.interval }
            var spans: [String] = []
            var first = rows[0], last = rows[0]
            for row in rows.dropFirst().map(Optional.some) + [nil] {
                if let row, row.interval == last.interval + 1 {
                    last = row
                    continue
                }
                let from = grid.intervals[first.interval].local
                let to = LocalDateTime(grid.intervals[last.interval].start.addingTimeInterval(grid.intervalSeconds), in: grid.timeZone)
                spans.append("\(from.date) \(TimeOfDay(minutes: from.minuteOfDay)?.description ?? "")-\(TimeOfDay(minutes: to.minuteOfDay)?.description ?? "")")
                if let row { first = row; last = row }
            }
            let worst = byQueue[queue]!.map(\.serviceLevel).min() ?? 0
            guard simulation == nil else {
                return "\(queue) below target \(spans.joined(separator: ", ")) (\(rows.count) interval(s) by simulation; simulated SL down to \(NumberFormatting.percent(worst, 1)))"
            }
            let missedTargets = Set(rows.flatMap { $0.flags.filter(\.kind.isMissedTarget).map(\.kind.rawValue) }).sorted()
            return "\(queue) below target \(spans.joined(separator: ", ")) (\(rows.count) interval(s): \(missedTargets.joined(separator: ", ")) missed; "
                + "SL down to \(NumberFormatting.percent(worst, 1)))"
        }.joined(separator: "; ")
    }
}

/// Why a request cannot be made into a roster at all.
struct RequestFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
