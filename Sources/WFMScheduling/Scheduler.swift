import Foundation
import WFMCore
import WFMOptimization

/// Options of a scheduling run.
public struct ScheduleOptions: Sendable {
    /// Time for the first stage (the group MIP); the second stage gets a fortieth of it (at
    /// least a second) per group and solve, and a node limit.
    public var timeLimit: Duration
    /// Relative gap at which the first stage stops.
    public var relativeGap: Double

    /// Creates options.
    public init(timeLimit: Duration = .seconds(60), relativeGap: Double = 0.005) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }
}

/// What a scheduling run produced and how.
public struct ScheduleOutcome: Sendable {
    /// The roster, by agent (input order) and date.
    public let shifts: [RosterShift]
    /// The first stage's result: status, objective, bound, gap, time.
    public let groupStage: SolveResult
    /// Groups and the first-stage model size.
    public let statistics: String
    /// Things the user should know: elastic rules used, shifts no agent could take, agents
    /// short of their minimum.
    public let warnings: [String]
    /// Total wall-clock time of both stages.
    public let totalTime: Duration
}

/// Makes a weekly roster in two stages: a MIP over groups of interchangeable agents (shift
/// counts, break positions, queue allocation), then one small MIP per group that names the
/// agents under every per-agent rule.
public struct Scheduler<Solver: MIPSolver> {
    /// The solver for both stages.
    public let solver: Solver

    /// Models with at most this many integer variables go to branch and bound first (it proves
    /// small rosters optimal in well under a second); larger ones go straight to the
    /// interior point and the LP-guided dive (``ScreenedDive``), since GLPK's branch and bound
    /// finds no incumbent on them in minutes.
    public internal(set) var branchAndBoundLimit = 1000

    /// Creates a scheduler.
    public init(solver: Solver) { self.solver = solver }

    /// The first-stage (group) model of `problem`, as ``schedule(_:options:progress:)`` solves
    /// it: for export and cross-checking with other solvers.
    public static func groupModel(of problem: ScheduleProblem) -> MIPModel {
        RosterModel(problem: problem, groups: AgentGroup.groups(of: problem)).model
    }

    /// Stage 2's budget per group and solve: a node limit, so that the roster does not depend on
    /// the machine's speed, and a fortieth of the time limit (at least a second) as a backstop.
    static var assignmentNodeLimit: Int { 1500 }

    private func assignmentOptions(_ options: ScheduleOptions) -> SolverOptions {
        var solverOptions = SolverOptions(timeLimit: max(.seconds(1), options.timeLimit / 40), relativeGap: 0.001)
        solverOptions.nodeLimit = Self.assignmentNodeLimit
        return solverOptions
    }

    /// Makes the roster.
    /// - Throws: ``SchedulingError`` when a contract cannot be met (diagnosed before solving)
    ///   or no roster is found; ``OptimizationError`` for a solver failure.
    public func schedule(_ problem: ScheduleProblem, options: ScheduleOptions, progress: (String) -> Void = { _ in }) throws
        -> ScheduleOutcome
    {
        let clock = ContinuousClock()
        let begin = clock.now
        let diagnosis = FeasibilityDiagnosis.problems(problem)
        guard diagnosis.isEmpty else { throw SchedulingError(diagnosis) }
        let groups = AgentGroup.groups(of: problem)
        var roster = RosterModel(problem: problem, groups: groups)
        let statistics = "\(problem.agents.count) agents in \(groups.count) groups; group model: \(roster.model.variables.count) variables, \(roster.model.constraints.count) rows"
        progress("stage 1: " + statistics)
        let deadline = clock.now + options.timeLimit
        let integerCount = roster.model.variables.filter { $0.kind != .continuous }.count
        var stage1: SolveResult
        if integerCount <= branchAndBoundLimit || !(solver is any LPSessionSolver) {
            stage1 = try solver.solve(roster.model, options: SolverOptions(timeLimit: options.timeLimit / 2, relativeGap: options.relativeGap))
        } else {
            stage1 = SolveResult(termination: .timeLimit, hasFeasibleSolution: false, objective: nil, bestBound: nil, values: [],
                                 solveTime: .zero, rawStatus: "branch and bound skipped: \(integerCount) integer variables")
        }
        if !stage1.hasFeasibleSolution, stage1.termination == .timeLimit {
            progress("stage 1: screening by interior point, then diving (\(stage1.rawStatus))")
            guard let sessions = solver as? any LPSessionSolver,
                let outcome = try ScreenedDive(solver: sessions).run(
                    problem: problem, groups: groups, relativeGap: options.relativeGap, until: deadline, progress: progress)
            else {
                throw SchedulingError(["no roster found within the time limit of \(options.timeLimit) (\(statistics)); allow more time with --time-limit"])
            }
            roster = outcome.roster
            stage1 = outcome.result
        }
        progress("stage 1: " + stage1.summary + " (" + stage1.rawStatus + ")")
        guard stage1.hasFeasibleSolution else {
            throw SchedulingError(["the group model found no roster (\(stage1.termination.rawValue), \(stage1.rawStatus))"])
        }
        var warnings = StartWindowCheck.warnings(problem.center)
        for slack in roster.slacks where stage1.values[slack.variable.index] > 1e-6 {
            let members = groups[slack.group].members.map(\.id)
            warnings.append("rule \(slack.rule) of contract \(groups[slack.group].contract.id) cannot be met for agents \(members.prefix(8).joined(separator: ", "))\(members.count > 8 ? ", …" : "") (short by \(String(format: "%.1f", stage1.values[slack.variable.index])))")
        }
        let planned = GroupShifts.decode(roster, values: stage1.values, groups: groups, intervalMinutes: problem.grid.intervalMinutes)
        let assigner = AgentAssigner(problem: problem, solver: solver,
                                     options: assignmentOptions(options))
        var shifts: [RosterShift] = []
        for group in groups {
            let outcome = try assigner.assign(planned[group.index], group: group)
            shifts += outcome.shifts
            if let result = outcome.result, !result.hasFeasibleSolution {
                warnings.append("the assignment MIP of group \(group.index) (\(group.members.count) agents) found nothing in its time (\(result.rawStatus)); its shifts were assigned greedily")
            }
            if !outcome.dropped.isEmpty {
                warnings.append("\(outcome.dropped.count) shift(s) of group \(group.index) could not be given to any agent under the per-agent rules and were left out")
            }
            for id in outcome.extras {
                warnings.append("agent \(id) was given a shift beyond the group plan to reach the contract's weekly minimum")
            }
            for id in outcome.shortOfMinimum {
                warnings.append("agent \(id) could not reach the contract's weekly minimum with the shifts of the group")
            }
        }
        progress("stage 2: named \(shifts.count) shifts")
        let order = Dictionary(uniqueKeysWithValues: problem.agents.enumerated().map { ($1.id, $0) })
        shifts.sort { (order[$0.agentID]!, $0.start) < (order[$1.agentID]!, $1.start) }
        return ScheduleOutcome(shifts: shifts, groupStage: stage1, statistics: statistics, warnings: warnings,
                               totalTime: clock.now - begin)
    }
}
