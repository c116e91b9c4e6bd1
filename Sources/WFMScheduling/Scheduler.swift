import Foundation
import WFMCore
import WFMMeasure
import WFMOptimization

/// Makes a weekly roster in two stages: a MIP over groups of interchangeable agents (shift
/// counts, break positions, queue allocation), then one small MIP per group that names the
/// agents under every per-agent rule. The roster written is then costed on its own
/// (``RosterCost``), so that what is reported is what was written.
public struct Scheduler<Solver: MIPSolver>: Sendable {
    /// The solver for both stages.
    public let solver: Solver

    /// Models with at most this many integer variables go to branch and bound first (it proves
    /// small rosters optimal in well under a second); larger ones go straight to the
    /// interior point and the LP-guided dive (``LargeGroupModelSolver``), since GLPK's branch and bound
    /// finds no incumbent on them in minutes.
    public internal(set) var branchAndBoundLimit = 1000

    /// Branch and bound on small group models stops after this many subproblems: a budget
    /// that gives the same plan on every machine (the standard small instance needs a few
    /// hundred). A search stopped above the gap asked for hands over to the large-model path,
    /// and the better plan is kept.
    static var groupNodeLimit: Int { 2_000 }

    /// The share of the time limit stage 1 may use before its backstop fires: stage 2 always
    /// keeps the rest, so that a slow group plan cannot leave the agents to the greedy rule.
    static var groupStageShare: Double { 0.8 }

    /// The share of the time stage 1 leaves that stage 2 may use: the rest is kept for costing
    /// the roster and calling agents in (``callIn(_:cost:problem:)``), so the run ends within
    /// its limit.
    static var namingStageShare: Double { 0.9 }

    /// At most this many shifts are called in after naming: a deterministic budget (each takes
    /// about 50 ms on 600 agents).
    static var callInBudget: Int { 100 }

    /// Creates a scheduler.
    public init(solver: Solver) { self.solver = solver }

    /// The first-stage (group) model of `problem`, as ``schedule(_:options:progress:)`` solves
    /// it: for export and cross-checking with other solvers.
    public static func groupModel(of problem: ScheduleProblem) -> MIPModel {
        GroupRosterModel(problem: problem, groups: AgentGroup.groups(of: problem)).model
    }

    /// Makes the roster.
    /// - Throws: ``SchedulingError`` when a contract cannot be met (diagnosed before solving)
    ///   or no roster is found; ``OptimizationError`` for a solver failure.
    public func schedule(_ problem: ScheduleProblem, options: ScheduleOptions, progress: (String) -> Void = { _ in }) throws
        -> ScheduleOutcome
    {
        let clock = ContinuousClock()
        let begin = clock.now
        let backstop = TimeBackstop(after: options.timeLimit)
        let diagnosis = FeasibilityDiagnosis.problems(problem)
        guard diagnosis.isEmpty else { throw SchedulingError(diagnosis) }
        var warnings = ScheduleInputChecks.warnings(problem)
        let groups = AgentGroup.groups(of: problem)
        let plan = try planGroups(problem, groups: groups, options: options, backstop: backstop.stage(taking: Self.groupStageShare),
                                  progress: progress)
        let planned = clock.now
        warnings += plan.warnings
        var shifts: [RosterShift] = []
        let naming = backstop.stage(taking: Self.namingStageShare)
        for named in try assignAll(plan.shifts, groups: groups, problem: problem, options: options, backstop: naming) {
            shifts += named.shifts
            warnings += named.warnings
        }
        progress("stage 2: named \(shifts.count) shifts")
        let assigned = clock.now
        let order = Dictionary(uniqueKeysWithValues: problem.agents.enumerated().map { ($1.id, $0) })
        shifts.sort { (order[$0.agentID] ?? 0, $0.start) < (order[$1.agentID] ?? 0, $1.start) }
        var cost = problem.measure.cost(of: shifts, requirements: problem.requirements)
        // Calling in needs time left (stage 2 keeps some): without it, the backstop records
        // that the clock stopped the work.
        if !cost.shortfalls.isEmpty, !backstop.isExpired, let filled = try callIn(shifts, cost: cost, problem: problem) {
            shifts = filled.shifts.sorted { (order[$0.agentID] ?? 0, $0.start) < (order[$1.agentID] ?? 0, $1.start) }
            cost = filled.cost
            warnings.append(filled.warning)
        }
        warnings += Self.coverageWarnings(cost, grid: problem.grid, center: problem.center)
        warnings += Self.fairnessWarnings(shifts, problem: problem)
        warnings += OpeningHoursCheck.warnings(shifts, center: problem.center)
        if backstop.hasFired {
            warnings.append(ScheduleWarning(.timeLimitReached, "the time limit of \(Self.seconds(options.timeLimit)) s stopped some of the work, so this roster may differ on a faster or quieter machine; allow more time with --time-limit for a roster that depends only on the inputs"))
        }
        // Where a contract's weekly minimum cannot be met, the group plan's bound counts the
        // relaxed minimum at the slack's prohibitive price, which the roster's cost does not:
        // it then bounds nothing the roster is compared with.
        let bound = plan.warnings.contains { $0.code == .contractRuleRelaxed } ? nil : plan.result.bestBound
        let gap = bound.map { SolveResult.relativeGap(of: cost.objective, to: $0) }
        let termination: Termination =
            if backstop.hasFired { .timeLimit }
            else if let gap, gap <= 1e-6 { .optimal }
            else if let gap, gap <= options.relativeGap { .gapLimitReached }
            else { .heuristicStop }
        return ScheduleOutcome(
            shifts: shifts, cost: cost, bestBound: bound, termination: termination, groupStage: plan.result, method: plan.method,
            statistics: plan.statistics,
            warnings: warnings, groupStageTime: planned - begin, assignmentTime: assigned - planned, totalTime: clock.now - begin,
            incumbents: plan.incumbents.map { ScheduleOutcome.IncumbentPoint(time: $0.at - begin, objective: $0.objective) })
    }

    /// The first stage's plan: shifts per group, the solve's result, and its warnings.
    private struct GroupPlan {
        let shifts: [[PlannedShift]]
        let result: SolveResult
        let method: GroupPlanMethod
        let statistics: String
        let warnings: [ScheduleWarning]
        /// When plans were found and their objectives.
        let incumbents: [(at: ContinuousClock.Instant, objective: Double)]
    }

    private func planGroups(
        _ problem: ScheduleProblem, groups: [AgentGroup], options: ScheduleOptions, backstop: TimeBackstop, progress: (String) -> Void
    ) throws -> GroupPlan {
        var roster = GroupRosterModel(problem: problem, groups: groups)
        let statistics = "\(problem.agents.count) agents in \(groups.count) groups; group model: \(roster.model.variables.count) variables, \(roster.model.constraints.count) rows"
        progress("stage 1: " + statistics)
        let integerCount = roster.model.variables.filter { $0.kind != .continuous }.count
        let sessions = solver.lpSessions
        let strategy: GroupPlanMethod.Strategy = integerCount <= branchAndBoundLimit || sessions == nil ? .branchAndBoundFirst : .largeModelPath
        var incumbents: [(at: ContinuousClock.Instant, objective: Double)] = []
        var searched: SolveResult?
        if strategy == .branchAndBoundFirst, let remaining = backstop.remaining() {
            var solverOptions = SolverOptions(timeLimit: remaining / 2, relativeGap: options.relativeGap)
            solverOptions.nodeLimit = Self.groupNodeLimit
            let result = try solver.solve(roster.model, options: solverOptions)
            if result.termination == .timeLimit { backstop.fire() }
            if let objective = result.objective, result.hasFeasibleSolution { incumbents = [(at: ContinuousClock.now, objective: objective)] }
            searched = result
        }
        var stage1 = searched
        var method = GroupPlanMethod(strategy: strategy, attempts: searched.map {
            [GroupPlanMethod.Attempt(path: .branchAndBound, verdict: $0.hasFeasibleSolution ? .chosen : .foundNone, bound: $0.bestBound,
                                     objective: $0.hasFeasibleSolution ? $0.objective : nil, how: $0.rawStatus)]
        } ?? [])
        // Branch and bound hands over when it did not run, or its budget (or the clock) ended it
        // without a plan within the gap asked for.
        let handsOver = searched.map { result in
            [.timeLimit, .nodeLimit].contains(result.termination) && (!result.hasFeasibleSolution || (result.relativeGap ?? .infinity) > options.relativeGap)
        } ?? true
        if handsOver, let sessions {
            let why = searched.map { $0.hasFeasibleSolution ? "branch and bound stopped at \($0.summary)" : $0.rawStatus } ?? "\(integerCount) integer variables"
            progress("stage 1: screening by interior point, then diving (\(why))")
            let outcome = try LargeGroupModelSolver(solver: sessions).run(
                problem: problem, groups: groups, relativeGap: options.relativeGap, backstop: backstop, progress: progress)
            if let outcome, (outcome.result.objective ?? .infinity) < (searched?.objective ?? .infinity) {
                var result = outcome.result
                result.bestBound = [result.bestBound, searched?.bestBound].compactMap { $0 }.max()
                roster = outcome.roster
                stage1 = result
                incumbents += outcome.incumbents
                method.attempts = method.beaten + outcome.method.attempts
                method.neighbourhood = outcome.method.neighbourhood
                method.improvement = outcome.method.improvement
            } else if let outcome {
                method.attempts += outcome.method.beaten
            }
            method.looseBoundShortfall = outcome?.method.looseBoundShortfall
        }
        guard var stage1, stage1.hasFeasibleSolution else {
            if handsOver {
                throw SchedulingError(["time limit reached: no roster was found within \(Self.seconds(options.timeLimit)) s (\(statistics)); allow more time with --time-limit"])
            }
            throw SchedulingError(["the group model found no roster (\(searched.map { "\($0.termination.rawValue), \($0.rawStatus)" } ?? "not solved"))"])
        }
        stage1.rawStatus = method.text
        progress("stage 1, the group plan: " + stage1.summary + " (" + stage1.rawStatus + ")")
        let warnings = roster.slacks.filter { stage1.values[$0.variable.index] > 1e-6 }.map { slack in
            let group = groups[slack.group]
            let members = group.members.map(\.id)
            return ScheduleWarning(.contractRuleRelaxed, "rule \(slack.rule) of contract \(group.contract.id) cannot be met for agents \(members.prefix(8).joined(separator: ", "))\(members.count > 8 ? ", …" : "") (short by \(String(format: "%.1f", stage1.values[slack.variable.index])))")
        }
        let planned = GroupShifts.decode(roster, values: stage1.values, groups: groups, intervalMinutes: problem.grid.intervalMinutes)
        return GroupPlan(shifts: planned, result: stage1, method: method, statistics: statistics, warnings: warnings, incumbents: incumbents)
    }

    /// Demand the named roster leaves short (planned shifts no agent could take, the time
    /// limit) covered where agents have free days: shifts added as ``RosterRepair`` adds them,
    /// within every rule of the agent's contract, each paying for itself at the center's costs.
    /// Nil when nothing is short or nothing pays.
    func callIn(_ shifts: [RosterShift], cost: RosterCost, problem: ScheduleProblem) throws
        -> (shifts: [RosterShift], cost: RosterCost, warning: ScheduleWarning)?
    {
        guard !cost.shortfalls.isEmpty else { return nil }
        var net = problem.requirements.queues.map { _ in Array(repeating: 0.0, count: problem.grid.intervals.count) }
        for short in cost.shortfalls {
            guard let queue = problem.requirements.queues.firstIndex(of: short.queue) else { continue }
            net[queue][short.interval] = short.agents
        }
        var repair = RosterRepair(center: problem.center, agents: problem.agents)
        repair.maximumChanges = Self.callInBudget
        repair.previous = problem.previous
        let repaired = repair.repair(shifts, net: net)
        let added = repaired.changes.filter { $0.kind == .addShift }
        guard !added.isEmpty else { return nil }
        let after = problem.measure.cost(of: repaired.shifts, requirements: problem.requirements)
        guard after.objective < cost.objective - 1e-9 else { return nil }
        let listed = added.prefix(8).map { "\($0.agentID) \($0.after.date) \($0.after.templateID)" }.joined(separator: ", ")
        let warning = ScheduleWarning(.calledIn, "\(added.count) shift(s) added on agents' free days to cover demand the named roster left short "
            + "(\(String(format: "%.2f", cost.totalShortfallAgentHours - after.totalShortfallAgentHours)) agent-hours): \(listed)\(added.count > 8 ? ", …" : "")")
        return (repaired.shifts, after, warning)
    }

    /// Stage 2 for every group, in group order. The groups are shared among the cores, each
    /// taking the next group not yet taken: a group's solves depend only on its own plan and
    /// budgets, so the result does not depend on which core named it (unless the backstop
    /// fires, which the outcome then says).
    private func assignAll(
        _ planned: [[PlannedShift]], groups: [AgentGroup], problem: ScheduleProblem, options: ScheduleOptions, backstop: TimeBackstop
    ) throws -> [(shifts: [RosterShift], warnings: [ScheduleWarning])] {
        // The groups with the most planned shifts first: their solves are the longest, and a
        // core that ends early then takes the short ones, so the work ends close together on
        // every core (when the time runs short, what is left is small groups). Each helper
        // frees GLPK's per-thread environment as it ends.
        let order = groups.indices.sorted { (-planned[groups[$0].index].count, $0) < (-planned[groups[$1].index].count, $1) }
        let solver = solver
        return try ParallelMap.map(count: groups.count, threads: ProcessInfo.processInfo.activeProcessorCount, order: order,
                                   helperEnded: { solver.lpSessions?.releaseThreadResources() }) { index in
            try assign(planned[groups[index].index], group: groups[index], problem: problem, options: options, backstop: backstop)
        }
    }

    /// Stage 2 for one group: its planned shifts given to named agents, and what to tell the user.
    private func assign(
        _ planned: [PlannedShift], group: AgentGroup, problem: ScheduleProblem, options: ScheduleOptions, backstop: TimeBackstop
    ) throws -> (shifts: [RosterShift], warnings: [ScheduleWarning]) {
        let solverOptions = SolverOptions(timeLimit: nil, relativeGap: 0.001)
        var assigner = AgentAssigner(problem: problem, solver: solver, options: solverOptions, backstop: backstop)
        assigner.published = Set(problem.published.map { AgentAssigner.PublishedKey(agent: $0.agentID, template: $0.templateID, start: $0.start) })
        assigner.publishedBreaks = Dictionary(problem.published.map {
            (AgentAssigner.PublishedKey(agent: $0.agentID, template: $0.templateID, start: $0.start), $0.breaks.map(\.start).sorted())
        }, uniquingKeysWith: { first, _ in first })
        assigner.keepBonus = AgentAssigner.Cost.keptShift
        let outcome = try assigner.assign(planned, group: group)
        var warnings: [ScheduleWarning] = []
        if let result = outcome.result, !result.hasFeasibleSolution {
            warnings.append(ScheduleWarning(.greedyAssignment, "the shifts of \(group.label) were given out by the greedy rule: the assignment MIP found nothing within its budget (\(result.rawStatus))"))
        }
        if !outcome.dropped.isEmpty {
            warnings.append(ScheduleWarning(.shiftsDropped, "\(outcome.dropped.count) planned shift(s) of \(group.label) could not be given to any of them under the per-agent rules and were left out"))
        }
        for id in outcome.extras {
            warnings.append(ScheduleWarning(.extraShift, "agent \(id) was given a shift beyond the group plan to reach the contract's weekly minimum"))
        }
        for id in outcome.shortOfMinimum {
            warnings.append(ScheduleWarning(.shortOfMinimum, "agent \(id) could not reach the weekly minimum of contract \(group.contract.id)"))
        }
        return (outcome.shifts, warnings)
    }

    /// The most a load may exceed its contract's fair share before an agent is named: two
    /// units, or half the fair share when that is more (two weekend days over four weeks is
    /// a weekend too many; on longer windows the share grows and so does the allowance).
    static func fairnessAllowance(share: Double) -> Double { max(2, share / 2) }

    /// One warning per contract and priced burden (`fairness:`) naming the agents whose load,
    /// over this week and the previous ones, exceeds the fair share by more than
    /// ``fairnessAllowance(share:)``.
    static func fairnessWarnings(_ shifts: [RosterShift], problem: ScheduleProblem) -> [ScheduleWarning] {
        let priced = problem.center.fairness.priced
        guard !priced.isEmpty else { return [] }
        let weeks = problem.previous.weeks + 1
        return FairnessMeasure(center: problem.center, agents: problem.agents, previous: problem.previous)
            .spreads(of: shifts, burdens: priced).compactMap { spread in
                let share = spread.fairShare
                let far = spread.loads.filter { Double($0.load) > share + fairnessAllowance(share: share) }
                guard !far.isEmpty else { return nil }
                let named = far.prefix(8).map { "\($0.agent) \($0.load)" }.joined(separator: ", ")
                return ScheduleWarning(.fairness, "contract \(spread.contract): \(far.count) agent(s) carry far more \(spread.burden.rawValue.replacingOccurrences(of: "_", with: " "))s than the fair share of \(NumberFormatting.fixed(share, 1)) over \(weeks) week(s): \(named)\(far.count > 8 ? ", …" : "")")
            }
    }

    /// One warning per queue the roster leaves short, with the agent-hours by day and the worst
    /// intervals; one per queue below its `min_agents` on the phones anywhere, with the
    /// intervals (the floor is kept whenever the agents' contracts and skills allow it).
    static func coverageWarnings(_ cost: RosterCost, grid: TimeGrid, center: Center) -> [ScheduleWarning] {
        shortfallWarnings(cost, grid: grid) + floorWarnings(cost, grid: grid, center: center)
    }

    private static func floorWarnings(_ cost: RosterCost, grid: TimeGrid, center: Center) -> [ScheduleWarning] {
        center.queues.compactMap { queue in
            let below = cost.belowFloor.filter { $0.queue == queue.id }
            guard !below.isEmpty else { return nil }
            let listed = below.prefix(5).map { "\(grid.intervals[$0.interval].local) \(NumberFormatting.trimmed(Double(queue.minAgents) - $0.agents))" }
            return ScheduleWarning(.belowMinimumAgents, "queue \(queue.id): fewer than its min_agents \(queue.minAgents) on the phones in \(below.count) interval(s): this roster could not keep that floor with these agents and contracts (on the phones: \(listed.joined(separator: ", "))\(below.count > 5 ? ", …" : ""))")
        }
    }

    private static func shortfallWarnings(_ cost: RosterCost, grid: TimeGrid) -> [ScheduleWarning] {
        cost.shortfallAgentHours.keys.sorted().compactMap { queue in
            let hours = cost.shortfallAgentHours[queue] ?? 0
            guard hours >= 0.005 else { return nil }
            let required = cost.requiredAgentHours[queue] ?? 0
            let days = (cost.shortfallAgentHoursByDay[queue] ?? []).enumerated().filter { $0.element >= 0.005 }
                .map { "\(grid.weekStart.adding(days: $0.offset)) \(String(format: "%.2f", $0.element))" }
            // The queue's own worst intervals: the roster's ten worst may all be another queue's.
            let worst = cost.shortfalls.filter { $0.queue == queue }.sorted { ($1.agents, $0.interval) < ($0.agents, $1.interval) }.prefix(3)
                .map { "\(grid.intervals[$0.interval].local) short \(String(format: "%.1f", $0.agents))" }
            return ScheduleWarning(.demandUncovered, "queue \(queue): \(String(format: "%.2f", hours)) of \(String(format: "%.1f", required)) required agent-hours uncovered (by day: \(days.joined(separator: ", ")); worst: \(worst.joined(separator: ", ")))")
        }
    }

    private static func seconds(_ duration: Duration) -> String { NumberFormatting.trimmed(duration.seconds) }
}
