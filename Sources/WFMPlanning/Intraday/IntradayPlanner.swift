import Foundation
import WFMCore
import WFMForecasting
import WFMQueueing
import WFMReporting
import WFMScheduling

/// The rest of today measured and repaired: the staffing of the forecast and of the reforecast,
/// and with a roster, the roster as planned (forecast), now (reforecast, absences) and after the
/// actions, by formula and by simulating the rest of the day.
///
/// The actions are ``RosterRepair``'s levers at the scheduler's costs, on the shortfall of the
/// intervals from ``Roster/changesFrom`` on: breaks moved inside their windows (breaks that
/// start earlier stay), shifts still running extended within the overtime allowance, and, when
/// allowed, agents on a day off called in. The simulation replays today from its start before
/// measuring the rest of it, so the rest starts with the queues and busy agents the morning
/// left: the forecast's calls for the roster as planned, the actual calls (``actuals``) for the
/// roster now and after the actions.
struct IntradayPlanner {
    let center: Center
    let now: Date
    let forecast: [ForecastEntry]
    let reforecast: [ForecastEntry]
    let queues: [QueueReforecast]
    /// Today's ended intervals as they happened.
    var actuals: [IntervalActual] = []
    var replications = 10
    var seed: UInt64 = 1
    var roster: Roster?

    /// The published roster and what may change in it.
    struct Roster {
        let shifts: [RosterShift]
        let agents: [Agent]
        let previous: PreviousRosters
        /// Per absent agent, from when (to the end of the day).
        let absent: [String: Date]
        let changesFrom: Date
        let overtime: [OvertimeAllowance]
        let callIn: Bool
    }

    private var grid: TimeGrid { center.timeGrid }
    private var today: LocalDate { LocalDateTime(now, in: center.timeZone).date }

    /// The grid intervals from the one `now` falls in to the end of today.
    private var restOfDay: Set<Int> {
        let cutoff = LocalDateTime(now, in: center.timeZone).minuteOfDay / grid.intervalMinutes * grid.intervalMinutes
        return Set(grid.intervals.filter { $0.local.date == today && $0.local.minuteOfDay >= cutoff }.map(\.index))
    }

    /// Today's calls before the rest of the day: as forecast, or as they happened where
    /// `actual` (an interval with no actuals as forecast).
    private func leadIn(actual: Bool) -> [SimulatedCalls] {
        let rest = restOfDay
        let happened = Dictionary(actuals.map { ("\($0.queue)#\($0.interval)", $0) }, uniquingKeysWith: { a, _ in a })
        return forecast.filter { grid.intervals[$0.interval].local.date == today && !rest.contains($0.interval) }.map { entry in
            guard actual, let row = happened["\(entry.queue)#\(entry.interval)"] else {
                return SimulatedCalls(queue: entry.queue, interval: entry.interval, calls: entry.calls, ahtSeconds: entry.ahtSeconds)
            }
            return SimulatedCalls(queue: entry.queue, interval: entry.interval, calls: row.offered,
                                  ahtSeconds: row.handled > 0 && row.ahtSeconds > 0 ? row.ahtSeconds : entry.ahtSeconds)
        }
    }

    private func requirements(_ entries: [ForecastEntry]) throws -> [IntervalRequirement] {
        let rest = restOfDay
        return try StaffingPlanner.plan(center: center, forecast: entries).rows.filter { rest.contains($0.interval) }
    }

    /// The reforecast alone.
    func result(notes: [String]) throws -> IntradayResult {
        try assemble(before: try requirements(forecast), after: try requirements(reforecast), reports: nil, actions: [], notes: notes,
                     changesFrom: nil, violations: [])
    }

    /// The reforecast, the roster measured three ways, and the roster after the actions.
    func planned(notes: [String]) throws -> (IntradayResult, [RosterShift]) {
        guard let roster else { return (try result(notes: notes), []) }
        let before = try requirements(forecast), after = try requirements(reforecast)
        let simulation = replications > 0 ? SimulationOptions(replications: replications, seed: seed) : nil
        var evaluator = RosterEvaluator(center: center, agents: roster.agents, overtime: roster.overtime)
        evaluator.previous = roster.previous
        evaluator.simulationLeadIn = leadIn(actual: false)
        let planned = try evaluator.evaluate(shifts: roster.shifts, requirements: before, simulation: simulation)
        let dayEnd = TimeGrid.startOfDay(today.adding(days: 1), in: center.timeZone)
        evaluator.away = roster.absent.mapValues { [$0..<dayEnd] }
        evaluator.simulationLeadIn = leadIn(actual: true)
        let current = try evaluator.evaluate(shifts: roster.shifts, requirements: after, simulation: simulation)
        let repaired = repair(roster, report: current, away: evaluator.away)
        let repairedReport = try evaluator.evaluate(shifts: repaired.shifts, requirements: after, simulation: simulation)
        var notes = notes
        let (afterActions, routing) = try routed(roster, shifts: repaired.shifts, report: repairedReport, evaluator: evaluator, requirements: after,
                                                 simulation: simulation, dayEnd: dayEnd, notes: &notes)
        let offers = IntradayTimeOff.offers(center: center, agents: roster.agents, shifts: repaired.shifts, report: afterActions,
                                            from: roster.changesFrom, dayEnd: dayEnd, absent: roster.absent)
        let actions = repaired.changes.map { IntradayActionText.action($0, timeZone: center.timeZone) } + routing + offers
        let result = try assemble(before: before, after: after, reports: (planned, current, afterActions), actions: actions, notes: notes,
                                  changesFrom: Timestamp.format(roster.changesFrom, in: center.timeZone), violations: afterActions.ruleViolations)
        return (result, repaired.shifts)
    }

    /// The repaired roster with the serving order of ``IntradayRouting``, measured, when it
    /// raises the worst queue's simulated service level over the rest of the day (against its
    /// target); else `report` as it was, with a note. The formula's split of cross-trained
    /// agents does not depend on the order, so only a simulation can tell.
    private func routed(_ roster: Roster, shifts: [RosterShift], report: RosterReport, evaluator: RosterEvaluator,
                        requirements: [IntervalRequirement], simulation: SimulationOptions?, dayEnd: Date, notes: inout [String])
        throws -> (RosterReport, [IntradayResult.Action])
    {
        guard simulation != nil else { return (report, []) }
        let choices = IntradayRouting.serveFirst(center: center, agents: roster.agents, shifts: shifts, report: report, from: roster.changesFrom,
                                                 dayEnd: dayEnd, absent: roster.absent)
        guard !choices.isEmpty else { return (report, []) }
        var routedEvaluator = RosterEvaluator(center: center, agents: IntradayRouting.reordered(roster.agents, choices: choices), overtime: roster.overtime)
        routedEvaluator.previous = roster.previous
        routedEvaluator.away = evaluator.away
        routedEvaluator.simulationLeadIn = evaluator.simulationLeadIn
        let candidate = try routedEvaluator.evaluate(shifts: shifts, requirements: requirements, simulation: simulation)
        guard worstMargin(candidate) > worstMargin(report) + 1e-9 else {
            notes.append("serving order left as agents.csv has it: putting each cross-trained agent on the queue that needs them most "
                + "did not raise the worst queue's simulated service level")
            return (report, [])
        }
        let from = Timestamp.format(roster.changesFrom, in: center.timeZone)
        let reordered = Dictionary(IntradayRouting.reordered(roster.agents, choices: choices).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return (candidate, choices.map { choice in
            IntradayResult.Action(agentId: choice.agentID, kind: "serve_first",
                                  change: "serve " + (reordered[choice.agentID]?.skills.map(\.queue).joined(separator: ", then ") ?? choice.queue),
                                  from: from, paidHoursAdded: 0, coveredAgentHours: 0)
        })
    }

    /// The least, over queues, of the simulated service level of the rest of today less the
    /// queue's target.
    private func worstMargin(_ report: RosterReport) -> Double {
        center.queues.compactMap { queue in
            report.simulation?.figures(queue: queue.id, period: today.description)?.serviceLevel.map { $0.mean - queue.serviceLevel.fraction }
        }.min() ?? 0
    }

    /// The roster repaired for the shortfall `report` finds from ``Roster/changesFrom`` on.
    private func repair(_ roster: Roster, report: RosterReport, away: [String: [Range<Date>]]) -> RepairedRoster {
        var net = Array(repeating: Array(repeating: 0.0, count: grid.intervals.count), count: center.queues.count)
        let queueIndex = Dictionary(uniqueKeysWithValues: center.queues.enumerated().map { ($1.id, $0) })
        for row in report.intervals where grid.intervals[row.interval].start >= roster.changesFrom {
            net[queueIndex[row.queue]!][row.interval] = Double(row.requiredScheduled) - row.present
        }
        var repair = RosterRepair(center: center, agents: roster.agents)
        repair.overtime = roster.overtime
        repair.away = away
        repair.previous = roster.previous
        repair.frozenBefore = roster.changesFrom
        repair.addsShifts = roster.callIn
        return repair.repair(roster.shifts, net: net)
    }

    private func assemble(before: [IntervalRequirement], after: [IntervalRequirement],
                          reports: (planned: RosterReport, now: RosterReport, after: RosterReport)?, actions: [IntradayResult.Action],
                          notes: [String], changesFrom: String?, violations: [String]) throws -> IntradayResult {
        let key = { (queue: String, interval: Int) in "\(queue)#\(interval)" }
        let index = { (rows: [IntervalFigures]) in Dictionary(rows.map { (key($0.queue, $0.interval), $0) }, uniquingKeysWith: { a, _ in a }) }
        let figures = reports.map { (index($0.planned.intervals), index($0.now.intervals), index($0.after.intervals)) }
        let simulated = reports.map { reports in
            [reports.planned, reports.now, reports.after].map { report in
                Dictionary((report.simulation?.intervals ?? []).enumerated().map { offset, row in
                    (key(row.queue, report.intervals[offset].interval), row.serviceLevel?.mean ?? .nan)
                }, uniquingKeysWith: { a, _ in a })
            }
        }
        let beforeByKey = Dictionary(before.map { (key($0.queue, $0.interval), $0) }, uniquingKeysWith: { a, _ in a })
        let reforecastByKey = Dictionary(reforecast.map { (key($0.queue, $0.interval), $0) }, uniquingKeysWith: { a, _ in a })
        let rows = after.map { row -> IntradayResult.Row in
            let id = key(row.queue, row.interval)
            let original = beforeByKey[id]
            let quantiles = reforecastByKey[id]?.quantiles ?? []
            let triple = { (pick: (IntervalFigures) -> Double) -> IntradayResult.Figures? in
                guard let figures, let a = figures.0[id], let b = figures.1[id], let c = figures.2[id] else { return nil }
                return IntradayResult.Figures(planned: pick(a), now: pick(b), afterActions: pick(c))
            }
            return IntradayResult.Row(
                intervalStart: Timestamp.format(grid.intervals[row.interval].start, in: center.timeZone), queue: row.queue,
                forecast: original?.calls ?? 0, reforecast: row.calls,
                reforecastP10: quantiles.first { $0.probability == 0.1 }?.calls, reforecastP90: quantiles.first { $0.probability == 0.9 }?.calls,
                ahtForecast: original?.ahtSeconds ?? row.ahtSeconds, ahtReforecast: row.ahtSeconds,
                requiredBefore: original?.agentsScheduled ?? 0, requiredAfter: row.agentsScheduled,
                present: triple(\.present), serviceLevel: triple(\.predicted.serviceLevel),
                simulatedServiceLevel: simulated.map { IntradayResult.Figures(planned: $0[0][id] ?? .nan, now: $0[1][id] ?? .nan, afterActions: $0[2][id] ?? .nan) })
        }
        let summaries = queues.map { queue in summary(queue, reports: reports) }
        return IntradayResult(center: center.name, now: Timestamp.format(now, in: center.timeZone), changesFrom: changesFrom, queues: summaries,
                              rows: rows, actions: actions, ruleViolations: violations, notes: notes)
    }

    private func summary(_ queue: QueueReforecast, reports: (planned: RosterReport, now: RosterReport, after: RosterReport)?)
        -> IntradayResult.QueueSummary
    {
        let shift = queue.reforecast.shift.map { shift in
            IntradayResult.LevelShiftSummary(
                from: TimeOfDay(minutes: shift.fromSlot * grid.intervalMinutes)?.description ?? "", ratio: shift.ratio, step: shift.withinDay ? shift.step : nil,
                usualLow: shift.usual.lowerBound, usualHigh: shift.usual.upperBound)
        }
        let hours = grid.intervalSeconds / 3600
        let formula = { (report: RosterReport) -> Double in
            let rows = report.intervals.filter { $0.queue == queue.queue }
            let calls = rows.reduce(0) { $0 + $1.calls }
            return calls > 0 ? rows.reduce(0) { $0 + $1.calls * $1.predicted.serviceLevel } / calls : 1
        }
        let short = { (report: RosterReport) -> Double in
            report.intervals.filter { $0.queue == queue.queue }.reduce(0) { $0 + $1.shortfall * hours }
        }
        let simulated = { (report: RosterReport) -> Double? in report.simulation?.figures(queue: queue.queue, period: today.description)?.serviceLevel?.mean }
        let factor = queue.reforecast.factor
        return IntradayResult.QueueSummary(
            queue: queue.queue, adjustment: queue.model.adjustment.description, trainingDays: queue.model.trainingDays,
            actualSoFar: queue.actualSoFar, forecastSoFar: queue.forecastSoFar, observedRatio: factor.observedRatio, weight: factor.weight,
            callsFactor: queue.reforecast.applied, levelShift: shift, ahtFactor: queue.ahtFactor,
            restOfDayForecast: queue.restOfDayForecast, restOfDayReforecast: queue.restOfDayReforecast,
            serviceLevelTarget: center.queues.first { $0.id == queue.queue }?.serviceLevel.fraction ?? 0,
            serviceLevel: reports.map { .init(planned: formula($0.planned), now: formula($0.now), afterActions: formula($0.after)) },
            simulatedServiceLevel: reports.flatMap { reports in
                guard let a = simulated(reports.planned), let b = simulated(reports.now), let c = simulated(reports.after) else { return nil }
                return .init(planned: a, now: b, afterActions: c)
            },
            shortAgentHours: reports.map { .init(planned: short($0.planned), now: short($0.now), afterActions: short($0.after)) })
    }
}
