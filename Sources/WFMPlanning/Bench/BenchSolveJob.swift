import Foundation
import WFMCore
import WFMGLPK
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

    /// Creates the job.
    public init(instance: String?, configPath: String? = nil, requirementsPath: String? = nil, timeLimitSeconds: Double,
                relativeGap: Double) {
        self.instance = instance
        self.configPath = configPath
        self.requirementsPath = requirementsPath
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
    }

    /// The instance's name as results show it: `large`, or `large#3` for a family's member 3.
    var name: String { Self.name(instance: instance, configPath: configPath) + (familyMember.map { "#\($0.index)" } ?? "") }

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

    /// CPU time (user and system, every thread) and peak resident memory of this process.
    static func usage() -> (cpuSeconds: Double, peakMemoryMib: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return (cpu, Double(usage.ru_maxrss) / 1024)
    }
}
