import Foundation
import WFMCore
import WFMGLPK
import WFMOptimization
import WFMScheduling

/// One solve of one instance, measured: what `wfm bench run` starts in a process of its own
/// per repetition (`wfm bench solve`), so that peak memory and CPU time are the solve's alone.
public struct BenchSolveJob: Sendable {
    /// A standard instance's name, or nil for a user's (``configPath`` and ``requirementsPath``).
    public var instance: String?
    public var configPath: String?
    public var requirementsPath: String?
    public var timeLimitSeconds: Double
    public var relativeGap: Double
    /// A member of the instance's family (``InstanceFamily``) to solve instead of the instance.
    public var familyMember: (seed: UInt64, index: Int)?
    /// Weeks to plan as one horizon (``HorizonScheduler``), the instance's week repeated; 1
    /// for the week alone.
    public var weeks = 1

    /// Creates the job.
    public init(instance: String?, configPath: String? = nil, requirementsPath: String? = nil, timeLimitSeconds: Double,
                relativeGap: Double) {
        self.instance = instance
        self.configPath = configPath
        self.requirementsPath = requirementsPath
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
    }

    /// The instance's name as results show it: `large`, `large#3` for a family's member 3,
    /// `large-2w` over two weeks.
    var name: String {
        Self.name(instance: instance, configPath: configPath) + (weeks > 1 ? "-\(weeks)w" : "") + (familyMember.map { "#\($0.index)" } ?? "")
    }

    /// A standard instance's name, or a user instance's folder name.
    static func name(instance: String?, configPath: String?) -> String {
        instance ?? configPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent } ?? "instance"
    }

    /// Generates (or reads) the instance, solves it with GLPK and measures the solve.
    /// - Throws: ``PlanningError`` for an unknown instance, input or scheduling errors.
    public func run() throws -> BenchRunRecord {
        var problem: ScheduleProblem
        if let instance {
            problem = try BenchInstances.standard(instance)
        } else if let configPath, let requirementsPath {
            problem = try BenchInstances.user(configPath: configPath, requirementsPath: requirementsPath)
        } else {
            throw PlanningError("name an instance, or a center.yaml with its requirements")
        }
        if let familyMember {
            problem = try InstanceFamily(base: problem, seed: familyMember.seed).member(familyMember.index)
        }
        if weeks > 1 { return try runHorizon(problem) }
        let cpuBefore = Self.usage()
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(
            problem, options: ScheduleOptions(timeLimit: .seconds(timeLimitSeconds), relativeGap: relativeGap))
        let wall = (clock.now - start).seconds
        let cpuAfter = Self.usage()
        let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
        let cost = outcome.cost
        return BenchRunRecord(
            instance: name, agents: problem.agents.count, queues: problem.center.queues.count, intervals: problem.grid.intervals.count,
            wallSeconds: wall, cpuSeconds: cpuAfter.cpuSeconds - cpuBefore.cpuSeconds, peakMemoryMib: cpuAfter.peakMemoryMib,
            termination: ScheduleSummaryJSON.TerminationStatus(outcome.termination).rawValue, objective: cost.objective, paidHours: cost.paidHours,
            shortfallAgentHours: cost.totalShortfallAgentHours, overstaffingAgentHours: cost.overstaffingAgentHours,
            secondSkillCost: cost.preferenceCost, bestBound: outcome.bestBound, gap: outcome.relativeGap,
            timeToGap: TimeToGap(onePercent: outcome.timeToGap(0.01)?.seconds, halfPercent: outcome.timeToGap(0.005)?.seconds,
                                 tenthPercent: outcome.timeToGap(0.001)?.seconds),
            groupPlanObjective: outcome.groupStage.objective,
            groupPlanSeconds: outcome.groupStageTime.seconds, assignmentSeconds: outcome.assignmentTime.seconds,
            ruleViolations: violations.count, timeLimitReached: outcome.timeLimitReached)
    }

    /// `problem`'s week repeated ``weeks`` times, planned as one horizon and measured: the
    /// figures are the horizon's (objective and bound summed over the weeks, the bound each
    /// week's given the weeks before it).
    /// - Throws: ``PlanningError`` when a later week's grid differs from the first's (a
    ///   daylight-saving change), scheduling errors.
    func runHorizon(_ problem: ScheduleProblem) throws -> BenchRunRecord {
        let horizon = PlanningHorizon(firstWeekStart: problem.center.weekStart, weeks: weeks)
        for index in 1..<weeks where horizon.center(problem.center, week: index).timeGrid.intervals.count != problem.grid.intervals.count {
            throw PlanningError("the week of \(horizon.weekStarts[index]) has another number of intervals than the instance's (a daylight-saving change): its week cannot be repeated there")
        }
        let cpuBefore = Self.usage()
        let clock = ContinuousClock()
        let start = clock.now
        let planned = try HorizonScheduler(Scheduler(solver: GLPKSolver())).schedule(
            center: problem.center, agents: problem.agents, horizon: horizon, requirements: Array(repeating: problem.requirements, count: weeks),
            options: ScheduleOptions(timeLimit: .seconds(timeLimitSeconds), relativeGap: relativeGap))
        let wall = (clock.now - start).seconds
        let cpuAfter = Self.usage()
        let outcomes = planned.map(\.outcome)
        let shifts = outcomes.flatMap(\.shifts)
        let violations = HorizonRuleChecker(center: problem.center, agents: problem.agents, horizon: horizon).violations(in: shifts)
        let sum = { (value: (ScheduleOutcome) -> Double) in outcomes.reduce(0) { $0 + value($1) } }
        let objective = sum { $0.cost.objective }
        let bound = outcomes.allSatisfy { $0.bestBound != nil } ? sum { $0.bestBound ?? 0 } : nil
        let termination = outcomes.contains { $0.timeLimitReached } ? ScheduleSummaryJSON.TerminationStatus.timeLimit
            : outcomes.allSatisfy { $0.termination == .optimal } ? .optimal
            : outcomes.allSatisfy { [.optimal, .gapLimitReached].contains($0.termination) } ? .gapLimitReached : .workBudget
        let groupPlans = outcomes.map(\.groupStage.objective)
        return BenchRunRecord(
            instance: name, agents: problem.agents.count, queues: problem.center.queues.count, intervals: problem.grid.intervals.count * weeks,
            wallSeconds: wall, cpuSeconds: cpuAfter.cpuSeconds - cpuBefore.cpuSeconds, peakMemoryMib: cpuAfter.peakMemoryMib,
            termination: termination.rawValue, objective: objective, paidHours: sum { $0.cost.paidHours },
            shortfallAgentHours: sum { $0.cost.totalShortfallAgentHours }, overstaffingAgentHours: sum { $0.cost.overstaffingAgentHours },
            secondSkillCost: sum { $0.cost.preferenceCost }, bestBound: bound, gap: bound.map { SolveResult.relativeGap(of: objective, to: $0) },
            timeToGap: TimeToGap(onePercent: nil, halfPercent: nil, tenthPercent: nil),
            groupPlanObjective: groupPlans.contains(nil) ? nil : groupPlans.reduce(0) { $0 + ($1 ?? 0) },
            groupPlanSeconds: sum { $0.groupStageTime.seconds }, assignmentSeconds: sum { $0.assignmentTime.seconds },
            ruleViolations: violations.count, timeLimitReached: outcomes.contains { $0.timeLimitReached })
    }

    /// CPU time (user and system, every thread) and peak resident memory of this process.
    static func usage() -> (cpuSeconds: Double, peakMemoryMib: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return (cpu, Double(usage.ru_maxrss) / 1024)
    }
}
