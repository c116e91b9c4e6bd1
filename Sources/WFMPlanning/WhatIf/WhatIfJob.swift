import Foundation
import WFMCore
import WFMIO
import WFMReporting
import WFMGLPK
import WFMScheduling

/// A range of one parameter to sweep: `volume=0.8:1.4:0.05`.
public struct WhatIfSweep: Sendable, Equatable {
    /// What is varied.
    public enum Parameter: String, Sendable, CaseIterable {
        /// A factor on every forecast row's calls.
        case volume
        /// A factor on every forecast row's AHT.
        case aht
        /// The center's shrinkage, a share.
        case shrinkage
        /// Agents away all week, a whole number: taken in turn from each skill set (largest
        /// first), in agents.csv order within it, so absences spread like real ones.
        case absent
    }

    public var parameter: Parameter
    public var values: [Double]

    /// Reads `volume=0.8:1.4:0.05` (from, to, step; at most 1,000 points).
    /// - Throws: ``PlanningError`` saying what was expected.
    public init(_ text: String) throws {
        let expected = "PARAMETER=FROM:TO[:STEP] with PARAMETER one of \(Parameter.allCases.map(\.rawValue).joined(separator: ", ")), e.g. volume=0.8:1.4:0.05 or absent=0:10"
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let parameter = Parameter(rawValue: parts[0]) else { throw PlanningError("--sweep '\(text)': expected \(expected)") }
        var numbers = parts[1].split(separator: ":").map { Double($0) }
        if numbers.count == 2, parameter == .absent { numbers.append(1) }
        guard numbers.count == 3, let from = numbers[0], let to = numbers[1], let step = numbers[2], from.isFinite, to.isFinite,
            step > 0, from >= 0, to >= from, (to - from) / step <= 1000
        else { throw PlanningError("--sweep '\(text)': expected \(expected) (from ≥ 0, to ≥ from, step > 0, at most 1,000 points)") }
        guard parameter != .shrinkage || to < 1 else { throw PlanningError("--sweep '\(text)': shrinkage must stay below 1") }
        guard parameter != .absent || [from, to, step].allSatisfy({ $0 == $0.rounded() }) else {
            throw PlanningError("--sweep '\(text)': absent counts agents: whole numbers, e.g. absent=0:10:1")
        }
        self.parameter = parameter
        let count = Int(((to - from) / step + 1e-9).rounded(.down))
        values = (0...count).map { from + Double($0) * step }
    }

    /// The scenario of one point.
    func scenario(_ value: Double, agents: [Agent]) -> Scenario {
        let text = String(format: "%g", value)
        switch parameter {
        case .volume: return Scenario(name: "volume ×\(text)", volume: [ForecastAdjustment(factor: value)])
        case .aht: return Scenario(name: "AHT ×\(text)", aht: [ForecastAdjustment(factor: value)])
        case .shrinkage: return Scenario(name: "shrinkage \(text)", shrinkage: Shrinkage(defaultValue: value))
        case .absent:
            let away = Self.absenceOrder(agents).prefix(Int(value))
            return Scenario(name: "\(text) absent", absences: away.isEmpty ? [] : [ScenarioAbsence(agents: Array(away))])
        }
    }

    /// Agents in the order the absent sweep takes them: one from each skill set in turn, the
    /// largest sets first, agents.csv order within a set.
    static func absenceOrder(_ agents: [Agent]) -> [String] {
        let sets = Dictionary(grouping: agents, by: { $0.skills.map(\.queue).sorted().joined(separator: ";") })
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map { $0.value.map(\.id) }
        var order: [String] = []
        for round in 0..<(sets.map(\.count).max() ?? 0) {
            for set in sets where round < set.count { order.append(set[round]) }
        }
        return order
    }
}

/// How `wfm whatif` treats the roster.
public enum WhatIfMode: String, Sendable, CaseIterable {
    /// Keep the roster (less the absent) and measure it.
    case evaluate
    /// Also make the changes that cover the scenario's shortfall best, within every rule
    /// (``RosterRepair``: move breaks, extend shifts into the overtime the scenario allows, add
    /// shifts on days off), and measure the repaired roster.
    case repair
    /// Also re-staff and re-schedule the week under the scenario, preferring each agent's
    /// published shifts (a cost per changed agent-day), and measure that roster; the published
    /// one is kept when the new one would leave more shortfall or break a rule.
    case replan
}

/// `wfm whatif`: the published roster measured under each scenario, beside the baseline — the
/// same roster less the agents a scenario makes absent, against the scenario's forecast and
/// targets, by formula and optionally by simulation; in repair mode also the roster repaired
/// for each scenario.
public struct WhatIfJob: Sendable {
    public var configPath: String
    public var forecastPath: String
    public var rosterPath: String
    public var agentsPath: String?
    public var scenarioPaths: [String]
    /// A scenario made of command-line overrides, if any.
    public var commandLine: Scenario?
    public var replications: Int?
    public var seed: UInt64
    public var sweep: WhatIfSweep?
    public var mode: WhatIfMode
    /// The scheduler's time limit per replanned scenario, in seconds.
    public var timeLimitSeconds = 60.0
    /// The relative gap a replan's group plan stops at, a fraction (``replanGap`` unless asked).
    public var relativeGap = WhatIfJob.replanGap
    /// Whether to add each scenario's capacity check (``CapacityCheck``).
    public var capacity = false
    /// What a replan pays for each agent-day it changes, in the scheduling objective's units
    /// (a paid hour costs `paid_hour`, an agent-hour short `shortfall_per_agent_hour`).
    public var changeCostPerAgentDay = 8.0
    /// Rosters of the weeks before, oldest first (`--previous`): rest and consecutive days
    /// hold across the week's start, in the checks, repairs and replans.
    public var previousPaths: [String] = []
    /// `--verdict`: formula or simulation; nil for `report.verdict` in center.yaml. Sweep
    /// points are never simulated: they follow the formula.
    public var verdict: String?
    /// The share of the scenarios and sweep points to evaluate (``WhatIfShard``); nil for all.
    public var shard: Shard?

    /// Creates the job.
    public init(configPath: String, forecastPath: String, rosterPath: String, agentsPath: String? = nil, scenarioPaths: [String] = [],
                commandLine: Scenario? = nil, replications: Int? = nil, seed: UInt64 = 1, sweep: WhatIfSweep? = nil,
                mode: WhatIfMode = .evaluate) {
        self.mode = mode
        self.configPath = configPath
        self.forecastPath = forecastPath
        self.rosterPath = rosterPath
        self.agentsPath = agentsPath
        self.scenarioPaths = scenarioPaths
        self.commandLine = commandLine
        self.replications = replications
        self.seed = seed
        self.sweep = sweep
    }

    /// Evaluates the baseline and every scenario (in parallel), and the sweep.
    /// - Throws: ``InputError`` for bad files, ``PlanningError`` for unattainable targets or
    ///   unknown agents on the command line.
    /// - Parameter progress: receives progress lines (replans), from any thread.
    public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> WhatIfOutcome {
        let center = try CommandVocabulary.applyingVerdict(verdict, to: try CenterReader.read(path: configPath), simulates: replications != nil)
        guard let agentsFile = agentsPath ?? center.agentsPath else {
            throw PlanningError("no agents file: pass --agents or set agents in \(configPath)")
        }
        let previousShifts = try PreviousRostersReader.shifts(paths: previousPaths, center: center)
        let agents = WeekRules.agents(try AgentsReader.read(path: agentsFile, center: center), center: center, previousShifts: previousShifts)
        let forecast = try ForecastReader.read(path: forecastPath, center: center, grid: center.timeGrid)
        try StaffJob.checkQuantiles(forecast, percentile: center.staffingPercentile, path: forecastPath)
        let shifts = try RosterFiles.read(path: rosterPath, timeZone: center.timeZone)
        let previous = HorizonPrevious(shifts: previousShifts, weeks: previousPaths.count).carried(intoWeekOf: center)
        var scenarios = [Scenario(name: "baseline", description: "the roster as published, against the forecast")]
        for path in scenarioPaths { scenarios.append(try ScenarioReader.read(path: path, center: center, agents: agents)) }
        if let commandLine {
            let known = Set(agents.map(\.id))
            if let unknown = commandLine.absences.flatMap(\.agents).first(where: { !known.contains($0) }) {
                throw PlanningError("--absent: unknown agent '\(unknown)' (expected an id from \(agentsFile))")
            }
            scenarios.append(commandLine)
        }
        let simulation = replications.map { SimulationOptions(replications: $0, seed: seed, threads: 1) }
        let mode = self.mode, timeLimitSeconds = self.timeLimitSeconds, changeCost = self.changeCostPerAgentDay, capacity = self.capacity
        let evaluate = { @Sendable (scenario: Scenario, simulate: Bool, repair: Bool) throws -> [WhatIfColumn] in
            let plan = ScenarioApplier.apply(scenario, center: center, agents: agents, forecast: forecast, shifts: shifts)
            let measured = try ScenarioMeasurement(plan, previous: previous, simulation: simulate ? simulation : nil)
            let (staffing, evaluator, report) = (measured.staffing, measured.evaluator, measured.report)
            var column = WhatIfColumn(scenario: scenario, report: report, shifts: plan.shifts)
            if capacity, simulate {
                let check = try CapacityCheck.check(center: plan.center, agents: plan.agents, rows: staffing.rows, overtime: plan.overtime)
                column.capacity = check
                column.verifiedHires = try HireVerification.verify(check, scenario: scenario, center: plan.center, agents: agents, current: report) { hired in
                    progress("\(scenario.name): replanning with \(hired.hires.count - scenario.hires.count) hire(s)")
                    let hiredPlan = ScenarioApplier.apply(hired, center: center, agents: agents, forecast: forecast, shifts: shifts)
                    var hiredEvaluator = RosterEvaluator(center: hiredPlan.center, agents: hiredPlan.agents, overtime: hiredPlan.overtime)
                    hiredEvaluator.away = hiredPlan.away
                    hiredEvaluator.previous = previous
                    let published = try hiredEvaluator.evaluate(shifts: hiredPlan.shifts, requirements: staffing.rows, simulation: nil)
                    return try Self.replanned(hired, plan: hiredPlan, previous: previous, staffing: staffing, evaluated: published, simulation: nil,
                                              timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, changeCost: 0) { _ in }.report
                }
            }
            guard repair else { return [column] }
            if mode == .replan {
                return [column, try Self.replanned(scenario, plan: plan, previous: previous, staffing: staffing, evaluated: report,
                                                   simulation: simulation, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap,
                                                   changeCost: changeCost) { progress("\(scenario.name): \($0)") }]
            }
            let repaired = Self.repaired(plan, previous: previous, report: report, changeCost: changeCost)
            let repairedReport = try evaluator.evaluate(shifts: repaired.shifts, requirements: staffing.rows, simulation: simulation)
            var name = scenario
            name.name = scenario.name + ", repaired"
            name.description = "\(scenario.name) with \(repaired.changes.count) change(s) to \(repaired.agentsChanged) agent(s): "
                + Self.leverCounts(repaired.changes)
            return [column, WhatIfColumn(scenario: name, report: repairedReport, changes: repaired.changes,
                                         shifts: repaired.shifts)]
        }
        let counted = { @Sendable (scenario: Scenario, simulate: Bool, repair: Bool) throws -> [WhatIfColumn] in
            let plan = ScenarioApplier.apply(scenario, center: center, agents: agents, forecast: forecast, shifts: shifts)
            let offPhones = Set(plan.shifts.filter { shift in (plan.away[shift.agentID] ?? []).contains { $0.overlaps(shift.start..<shift.end) } }
                .map(AgentDayChanges.key))
            return try evaluate(scenario, simulate, repair).map { column in
                var column = column
                column.dayChanges = AgentDayChanges.between(shifts, column.shifts, offPhones: offPhones)
                return column
            }
        }
        let repairs = mode != .evaluate
        let all = scenarios
        let items = WhatIfShard.items(scenarios: scenarios, sweep: sweep)
        let work = WhatIfShard.expectedWork(scenarios: scenarios.count, sweep: sweep, mode: mode, replications: replications)
        let positions = shard.map { ShardAssignment(work: work, shards: $0.count).items(of: $0) } ?? Array(items.indices)
        let scenarioPositions = positions.filter { $0 < scenarios.count }
        let pointPositions = positions.filter { $0 >= scenarios.count }
        let columnGroups = try Self.parallel(scenarioPositions) { index in try counted(all[index], true, repairs && index > 0) }
        let columns = columnGroups.flatMap { $0 }
        let points = try sweep.map { sweep in
            try Self.parallel(pointPositions) { try counted(sweep.scenario(sweep.values[$0 - all.count], agents: agents), false, false)[0] }
        }
        var outcome = WhatIfOutcome(
            columns: columns, sweep: sweep.map { sweep in
                var evaluated = sweep
                evaluated.values = pointPositions.map { sweep.values[$0 - scenarios.count] }
                return WhatIfSweepResult(sweep: evaluated, columns: points!)
            }, mode: mode, timeZone: center.timeZone)
        outcome.shard = shard.map { shard in
            WhatIfShardInfo(shard: shard, items: items,
                            columnItems: zip(scenarioPositions, columnGroups).flatMap { position, group in group.map { _ in position } },
                            pointItems: pointPositions)
        }
        outcome.warnings = try StaffingPlanner.plan(center: center, forecast: forecast).warnings
        return outcome
    }

    /// The scenario's roster repaired (``RosterRepair``) for the shortfall the report found,
    /// with the overtime the scenario allows and the rules held across the week's start
    /// against `previous`; changing one more agent costs `changeCost` paid hours.
    static func repaired(_ plan: ScenarioPlan, previous: PreviousRosters, report: RosterReport, changeCost: Double) -> RepairedRoster {
        var net = Array(repeating: Array(repeating: 0.0, count: plan.center.timeGrid.intervals.count), count: plan.center.queues.count)
        let queueIndex = Dictionary(uniqueKeysWithValues: plan.center.queues.enumerated().map { ($1.id, $0) })
        for row in report.intervals { net[queueIndex[row.queue]!][row.interval] = Double(row.requiredScheduled) - row.present }
        var repair = RosterRepair(center: plan.center, agents: plan.agents)
        repair.overtime = plan.overtime
        repair.changeCostPerAgent = changeCost * plan.center.costs.paidHour
        repair.away = plan.away
        repair.previous = previous
        return repair.repair(plan.shifts, net: net)
    }

    /// `3 shift(s) added, 12 extended into overtime, 5 with breaks moved`.
    static func leverCounts(_ changes: [RepairChange]) -> String {
        let count = { (kind: RepairChange.Kind) in changes.filter { $0.kind == kind }.count }
        return "\(count(.addShift)) shift(s) added on days off, \(count(.overtime)) extended into overtime, \(count(.moveBreaks)) with breaks moved"
    }

    /// The scenario's week re-scheduled with GLPK, staying near the published roster; the
    /// published roster is kept when the new one leaves more shortfall or breaks a rule, so a
    /// replan is never worse than the evaluation on shortfall.
    static func replanned(_ scenario: Scenario, plan: ScenarioPlan, previous: PreviousRosters, staffing: StaffingPlan, evaluated: RosterReport,
                          simulation: SimulationOptions?, timeLimitSeconds: Double, relativeGap: Double, changeCost: Double,
                          progress: (String) -> Void) throws -> WhatIfColumn {
        let grid = plan.center.timeGrid
        let matrix = RequirementMatrix(rows: staffing.rows, queues: plan.center.queues.map(\.id), intervals: grid.intervals.count)
        var problem = try ScheduleProblem(center: plan.center, agents: plan.agentsUnavailableWhenAway, requirements: matrix)
        problem.published = plan.shifts
        problem.changeCostPerAgentDay = changeCost
        problem.previous = previous
        let options = ScheduleOptions(timeLimit: .seconds(timeLimitSeconds), relativeGap: relativeGap)
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(problem, options: options, progress: progress)
        var evaluator = RosterEvaluator(center: plan.center, agents: plan.agents)
        evaluator.away = plan.away
        evaluator.previous = previous
        let scheduled = try evaluator.evaluate(shifts: outcome.shifts, requirements: staffing.rows, simulation: nil)
        var net = Array(repeating: Array(repeating: 0.0, count: grid.intervals.count), count: plan.center.queues.count)
        let queueIndex = Dictionary(uniqueKeysWithValues: plan.center.queues.enumerated().map { ($1.id, $0) })
        for row in scheduled.intervals { net[queueIndex[row.queue]!][row.interval] = Double(row.requiredScheduled) - row.present }
        let shifts = PublishedBreaks.restore(outcome.shifts, published: plan.shifts, center: plan.center, agents: plan.agents, net: net)
        let violations = RosterRuleChecker(center: plan.center, agents: plan.agents, previous: previous).violations(in: shifts)
        let report = try evaluator.evaluate(shifts: shifts, requirements: staffing.rows, simulation: simulation)
        let short = { (report: RosterReport) in report.weeks.first { $0.queue == "all" }?.shortfallHours ?? 0 }
        var replanned = scenario
        replanned.name = scenario.name + ", replanned"
        guard violations.isEmpty, short(report) <= short(evaluated) + 1e-9 else {
            replanned.description = "\(scenario.name) re-scheduled: the new roster "
                + (violations.isEmpty ? "left more shortfall (\(NumberFormatting.fixed(short(report), 1)) agent-h)" : "broke \(violations.count) rule(s)")
                + ", so the published roster is kept"
            return WhatIfColumn(scenario: replanned, report: evaluated, shifts: plan.shifts)
        }
        let changes = AgentDayChanges.between(plan.shifts, shifts)
        let hours = Double(shifts.reduce(0) { $0 + $1.paidMinutes } - plan.shifts.reduce(0) { $0 + $1.paidMinutes }) / 60
        replanned.description = "\(scenario.name) re-scheduled near the published roster: \(changes.changed) agent-day(s) changed beyond the absences "
            + "(\(changes.breaksOnly) in their breaks only), \(NumberFormatting.fixed(hours, 1)) paid hours added, "
            + "objective \(NumberFormatting.fixed(outcome.cost.objective, 2))"
        return WhatIfColumn(scenario: replanned, report: report, replanned: true, shifts: shifts)
    }

    /// The relative gap a replan's group plan stops at unless asked otherwise. The plan's
    /// bound counts the change credits, so its gap is not the roster's: 5% stops the search
    /// where the demo's scenarios find nothing better with more (8.9 s for the Monday peak
    /// instead of 15 s, the same roster).
    public static let replanGap = 0.05

    /// Writes a page whole (the HTML of ``WhatIfOutcome/html()``), never over a file unless asked.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws {
        try AtomicFileWriter.write(text, to: path, overwrite: overwrite)
    }

    /// `transform` of every item on both cores, results in item order.
    static func parallel<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) throws -> Result) throws -> [Result] {
        // A replan solves with GLPK on the helper thread: its environment is freed as the thread ends.
        try ParallelMap.map(count: items.count, threads: ProcessInfo.processInfo.activeProcessorCount,
                            helperEnded: { GLPKSolver().releaseThreadResources() }) { try transform(items[$0]) }
    }
}
