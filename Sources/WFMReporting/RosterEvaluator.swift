import Foundation
import WFMCore
import WFMMeasure
import WFMQueueing

/// How many weeks to simulate, and how.
public struct SimulationOptions: Sendable, Equatable {
    /// Replications of the week (≥ 1).
    public var replications: Int
    /// The seed; the same seed gives the same figures whatever the thread count.
    public var seed: UInt64
    /// Threads to run replications on.
    public var threads: Int

    /// Creates options.
    public init(replications: Int, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.replications = replications
        self.seed = seed
        self.threads = threads
    }
}

/// Measures a roster against the service level and utilization targets (see
/// ``RosterReport`` and ``ReportDefinitions`` for every figure's definition).
public struct RosterEvaluator: Sendable {
    let center: Center
    let agents: [Agent]
    let grid: TimeGrid
    let overtime: [OvertimeAllowance]
    /// Per agent, when a what-if scenario has them away for part of a day (off the phones).
    public var away: [String: [Range<Date>]] = [:]
    /// What the weeks before carry in (`--previous`): rest and consecutive days are checked
    /// across the week's start.
    public var previous = PreviousRosters.none
    /// The intervals of a roster measured before against the same requirements, reused where
    /// an interval's presence is unchanged (``IntervalMemo``); nil to compute every interval.
    public var memo: IntervalMemo?
    /// Whether the report lists each agent's figures and the fairness spreads; a caller that
    /// wants the queues' figures alone (the server's quick figures) sets it off.
    public var measuresAgents = true
    /// Calls simulated before the measured intervals and counted in no figure, so that the
    /// simulation reaches the measured intervals with the queues and busy agents those calls
    /// leave (intraday: today's calls up to now); empty to start from empty queues.
    public var simulationLeadIn: [SimulatedCalls] = []

    /// Creates an evaluator for a center's week and its agents; `overtime` is what a what-if
    /// scenario allows (none by default).
    public init(center: Center, agents: [Agent], overtime: [OvertimeAllowance] = []) {
        self.center = center
        self.agents = agents
        self.overtime = overtime
        grid = center.timeGrid
    }

    /// Evaluates `shifts` against `requirements` (the staffing of the forecast).
    /// - Parameters:
    ///   - shifts: the roster; any roster, including one edited by hand.
    ///   - requirements: one row per queue and open interval (``IntervalRequirement``).
    ///   - simulation: replications to simulate, or nil for the formula only.
    /// - Throws: ``QueueingError`` if a load is invalid.
    /// - Complexity: O(intervals × ``QueueSplit``) for the allocation, plus the simulation.
    public func evaluate(shifts: [RosterShift], requirements: [IntervalRequirement], simulation: SimulationOptions?) throws
        -> RosterReport
    {
        var unused: [Int: IntervalMemo.Entry]?
        return try evaluate(shifts: shifts, requirements: requirements, simulation: simulation, filling: &unused)
    }

    /// The intervals of `shifts` measured against `requirements`, for measuring edits of
    /// `shifts` quickly with an evaluator of the same center and agents (``memo``).
    /// - Throws: ``QueueingError`` if a load is invalid.
    public func intervalMemo(shifts: [RosterShift], requirements: [IntervalRequirement]) throws -> IntervalMemo {
        var filled: [Int: IntervalMemo.Entry]? = [:]
        var evaluator = self
        evaluator.memo = nil
        _ = try evaluator.evaluate(shifts: shifts, requirements: requirements, simulation: nil, filling: &filled)
        return IntervalMemo(filled ?? [:], agentChecks: ruleChecker.agentChecks(in: shifts))
    }

    private var ruleChecker: RosterRuleChecker { RosterRuleChecker(center: center, agents: agents, overtime: overtime, previous: previous) }

    private func evaluate(shifts: [RosterShift], requirements: [IntervalRequirement], simulation: SimulationOptions?,
                          filling filled: inout [Int: IntervalMemo.Entry]?) throws -> RosterReport
    {
        let measure = RosterMeasure(center: center, agents: agents, away: away)
        let presence = measure.presence(of: shifts)
        let queueIndex = Dictionary(uniqueKeysWithValues: center.queues.enumerated().map { ($1.id, $0) })
        let hours = grid.intervalSeconds / 3600
        var rowsByInterval = Array(repeating: [IntervalRequirement](), count: grid.intervals.count)
        for row in requirements where grid.intervals.indices.contains(row.interval) && queueIndex[row.queue] != nil {
            rowsByInterval[row.interval].append(row)
        }
        let supply = measure.supply(presence)
        var figures: [IntervalFigures] = []
        // Per interval, the share of each pool's present agents working each queue.
        var poolShares = Array(repeating: [[Double]](), count: grid.intervals.count)
        var unallocatedHours = 0.0
        func record(_ allocation: [[Double]], supply: [Double], interval: Int) {
            poolShares[interval] = allocation.enumerated().map { pool, row in supply[pool] > 0 ? row.map { $0 / supply[pool] } : row.map { _ in 0 } }
            for (pool, row) in allocation.enumerated() { unallocatedHours += max(0, supply[pool] - row.reduce(0, +)) * hours }
        }
        for interval in grid.intervals {
            let rows = rowsByInterval[interval.index]
            if let entry = memo?.entry(interval.index, supply: supply[interval.index]) {
                record(entry.allocation, supply: supply[interval.index], interval: interval.index)
                figures += entry.figures
                continue
            }
            var open = Array(repeating: false, count: center.queues.count)
            var required = Array(repeating: 0.0, count: center.queues.count)
            for row in rows {
                open[queueIndex[row.queue]!] = true
                required[queueIndex[row.queue]!] = Double(row.agentsScheduled)
            }
            let allocation = measure.split(supply: supply[interval.index], required: required, open: open)
            record(allocation, supply: supply[interval.index], interval: interval.index)
            var own: [IntervalFigures] = []
            for row in rows.sorted(by: { queueIndex[$0.queue]! < queueIndex[$1.queue]! }) {
                let queue = center.queues[queueIndex[row.queue]!]
                let present = allocation.reduce(0) { $0 + $1[queueIndex[row.queue]!] }
                own.append(try intervalFigures(row: row, queue: queue, interval: interval, present: present))
            }
            figures += own
            filled?[interval.index] = IntervalMemo.Entry(supply: supply[interval.index], allocation: allocation, figures: own)
        }
        let attribution = PaidHoursAttribution(presence: presence, agentIDs: agents.map(\.id), pools: measure.pools, poolShares: poolShares, grid: grid,
                                               queueIDs: center.queues.map(\.id))
        let (days, weeks) = periods(figures, attribution: attribution, hours: hours)
        let violations = ruleChecker.violations(in: shifts, reusing: memo?.agentChecks ?? [:])
        let simulated = try simulation.map { options in
            try simulate(figures, presence: presence, options: options)
        }
        return RosterReport(
            center: center.name, weekStart: center.weekStart.description, intervalMinutes: center.intervalMinutes,
            definitions: ReportDefinitions(settings: center.report), targets: center.queues.map(QueueTargets.init),
            intervals: figures, days: days, weeks: weeks,
            agents: measuresAgents ? agentFigures(presence: presence, violations: violations) : [],
            ruleViolations: violations.map(\.description), unallocatedPresentHours: unallocatedHours, simulation: simulated,
            fairness: measuresAgents ? fairnessFigures(shifts) : FairnessFigures(weeks: previous.weeks + 1, spreads: [], before: nil),
            verdict: center.report.verdict)
    }

    private func intervalFigures(row: IntervalRequirement, queue: Queue, interval: PlanningInterval, present: Double) throws
        -> IntervalFigures
    {
        let shrinkage = center.shrinkage.value(queue: queue.id, weekday: interval.weekday)
        let productive = present * (1 - shrinkage)
        let load = QueueLoad(calls: row.calls, averageHandleTimeSeconds: row.ahtSeconds, intervalSeconds: grid.intervalSeconds,
                             patienceSeconds: queue.patienceSeconds)
        let predicted = try FormulaPrediction(
            load: load, productiveAgents: productive, thresholdSeconds: queue.serviceLevel.withinSeconds,
            definition: center.report.serviceLevelDefinition, shortAbandonSeconds: center.report.shortAbandonSeconds)
        let missing = max(0, Double(row.agentsProductive) - productive)
        let tolerance = 1e-9
        var flags: [IntervalFlag] = []
        if predicted.serviceLevel < queue.serviceLevel.fraction - tolerance { flags.append(.init(kind: .serviceLevel, agents: missing)) }
        if let asa = queue.asaSeconds, predicted.asaSeconds > asa + tolerance { flags.append(.init(kind: .asa, agents: missing)) }
        if let cap = queue.maxAbandonRate, predicted.abandonmentRate > cap + tolerance { flags.append(.init(kind: .abandonment, agents: missing)) }
        if let cap = queue.maxOccupancy, row.calls > 0, predicted.occupancy > cap + tolerance {
            flags.append(.init(kind: .occupancy, agents: missing))
        }
        let excess = productive - Double(row.agentsProductive)
        if excess > max(1, center.report.overstaffingMargin * Double(row.agentsProductive)) + tolerance {
            flags.append(.init(kind: .overstaffed, agents: excess))
        }
        return IntervalFigures(
            interval: interval.index, start: interval.local.description, day: interval.dayOffset, queue: queue.id, calls: row.calls,
            ahtSeconds: row.ahtSeconds, requiredProductive: row.agentsProductive, requiredScheduled: row.agentsScheduled,
            present: present, productive: productive, shrinkage: shrinkage, predicted: predicted, flags: flags)
    }

    private func periods(_ figures: [IntervalFigures], attribution: PaidHoursAttribution, hours: Double)
        -> (days: [PeriodFigures], weeks: [PeriodFigures])
    {
        let dates = (0..<7).map { center.weekStart.adding(days: $0) }
        var days: [PeriodFigures] = []
        var weeks: [PeriodFigures] = []
        for queue in center.queues.map(\.id) + ["all"] {
            let own = figures.filter { queue == "all" || $0.queue == queue }
            var week = PeriodAccumulator()
            for (offset, date) in dates.enumerated() {
                var day = PeriodAccumulator()
                for row in own where row.day == offset {
                    day.add(row, hours: hours)
                    week.add(row, hours: hours)
                }
                days.append(day.figures(queue: queue, period: date.description, paidHours: attribution.paidHours(queue: queue, date: date)))
            }
            weeks.append(week.figures(queue: queue, period: "week", paidHours: dates.reduce(0) { $0 + attribution.paidHours(queue: queue, date: $1) }))
        }
        return (days, weeks)
    }

    private func agentFigures(presence: RosterPresence, violations: [RuleViolation]) -> [AgentFigures] {
        let broken = Dictionary(grouping: violations, by: \.agentID)
        return agents.enumerated().map { index, agent in
            let shifts = presence.shiftsByAgent[index]
            let contract = center.contracts.first { $0.id == agent.contract }
            let burdens = Fairness.counts(of: shifts, center: center)
            return AgentFigures(
                id: agent.id, name: agent.name, contract: agent.contract,
                paidHours: Double(shifts.reduce(0) { $0 + $1.paidMinutes }) / 60,
                contractMinHours: contract?.weeklyPaidHours.min, contractMaxHours: contract?.weeklyPaidHours.max,
                daysWorked: Set(shifts.map(\.date)).count,
                onPhoneHours: presence.periods[index].reduce(0) { $0 + $1.upperBound - $1.lowerBound } / 3600,
                weekendDays: burdens[.weekendDay] ?? 0,
                lateShifts: burdens[.lateShift] ?? 0, unpopularShifts: burdens[.unpopularShift] ?? 0,
                previous: previous.isEmpty ? nil : previousWeeks(of: agent.id),
                brokenRules: (broken[agent.id] ?? []).map { "\($0.rule): \($0.detail)" })
        }
    }

    private func fairnessFigures(_ shifts: [RosterShift]) -> FairnessFigures {
        let measure = FairnessMeasure(center: center, agents: agents, previous: previous)
        return FairnessFigures(weeks: previous.weeks + 1, spreads: measure.spreads(of: shifts),
                               before: previous.isEmpty ? nil : measure.spreads(of: []))
    }

    private func previousWeeks(of agentID: String) -> PreviousWeeks {
        let carried = previous[agentID]
        return PreviousWeeks(weeks: previous.weeks, daysInARow: carried.daysInARow, weekendDays: carried.weekendDays,
                             lateShifts: carried.lateShifts, unpopularShifts: carried.unpopularShifts, paidHours: carried.paidHours)
    }

    /// The week as a simulation model: the calls of the report's intervals, and the roster's
    /// agents on the phones less their shrinkage (see ``RosterReport/definitions``).
    public func simulationModel(shifts: [RosterShift], intervals: [IntervalFigures]) -> ContactCenterModel {
        SimulationModelBuilder(center: center, agents: agents, grid: grid)
            .model(figures: intervals, leadIn: simulationLeadIn, presence: RosterMeasure(center: center, agents: agents, away: away).presence(of: shifts))
    }

    private func simulate(_ figures: [IntervalFigures], presence: RosterPresence, options: SimulationOptions) throws -> SimulationReport {
        let model = SimulationModelBuilder(center: center, agents: agents, grid: grid).model(figures: figures, leadIn: simulationLeadIn, presence: presence)
        let tallies = try ContactCenterSimulator(model: model).run(
            replications: options.replications, seed: options.seed, threads: options.threads)
        let cv = center.report.handleTimeCV
        return SimulationReport(
            tallies: tallies, seed: options.seed, handleTimes: cv == 1 ? "exponential" : "lognormal, CV \(cv)",
            queues: center.queues.map(\.id), intervals: figures, dates: grid.intervals.map(\.local.date),
            definition: center.report.serviceLevelDefinition)
    }
}
