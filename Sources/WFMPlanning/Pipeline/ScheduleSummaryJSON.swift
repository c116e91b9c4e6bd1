import Foundation
import WFMCore
import WFMOptimization
import WFMReporting
import WFMScheduling

/// The `wfm schedule --format json` document (schema `wfm.schedule/1`, see
/// docs/file-formats.md): the written roster's termination and result status as separate
/// enums, its objective and parts, the bound and gap, uncovered demand, timings, the method,
/// warnings with codes and broken rules.
public struct ScheduleSummaryJSON: Sendable, Codable {
    /// Why the run stopped, for the written roster.
    public enum TerminationStatus: String, Sendable, Codable {
        case optimal, gapLimitReached = "gap_limit_reached", workBudget = "work_budget", timeLimit = "time_limit"

        /// The status of a scheduling run's termination.
        init(_ termination: Termination) {
            switch termination {
            case .optimal: self = .optimal
            case .gapLimitReached: self = .gapLimitReached
            case .timeLimit: self = .timeLimit
            default: self = .workBudget
            }
        }
    }

    /// Whether the written roster is usable.
    public enum ResultStatus: String, Sendable, Codable {
        /// Every rule is met: the roster is in the requested file.
        case feasible
        /// A rule is broken: the roster was written beside it as NAME.rejected.csv.
        case rulesBroken = "rules_broken"
    }

    /// The objective's parts, costs in the objective's units, hours in agent-hours.
    public struct Parts: Sendable, Codable {
        public var paidHours: Double
        public var paidCost: Double
        public var shortfallAgentHours: [String: Double]
        public var shortfallCost: Double
        public var overstaffingAgentHours: Double
        public var overstaffingCost: Double
        public var secondSkillCost: Double
        /// Weekends, late and unpopular shifts above each contract's fair share, priced by
        /// `fairness:` (0 without it).
        public var fairnessCost: Double
    }

    /// A broken rule.
    public struct Violation: Sendable, Codable {
        public var agent: String
        public var rule: String
        public var detail: String
    }

    public var schema = "wfm.schedule/1"
    public var termination: TerminationStatus
    public var resultStatus: ResultStatus
    public var rosterFile: String
    public var shifts: Int
    public var agents: Int
    public var objective: Double
    public var parts: Parts
    public var requiredAgentHours: [String: Double]
    /// Uncovered agent-hours per queue and day (dates as YYYY-MM-DD).
    public var shortfallAgentHoursByDay: [String: [String: Double]]
    public var bestBound: Double?
    public var gap: Double?
    public var requestedGap: Double
    public var timeLimitSeconds: Double
    public var timeLimitReached: Bool
    public var timingsSeconds: [String: Double]
    public var method: String
    /// The method as a value: strategy, paths tried with their bounds, plans and LP solves,
    /// what was called off and why.
    public var methodReport: GroupPlanMethod
    public var groupPlanObjective: Double?
    public var statistics: String
    public var warnings: [ScheduleWarning]
    public var ruleViolations: [Violation]

    /// Builds the document from a finished job.
    public init(_ outcome: ScheduleJob.Outcome) {
        let schedule = outcome.schedule
        let cost = schedule.cost
        termination = TerminationStatus(schedule.termination)
        resultStatus = outcome.violations.isEmpty ? .feasible : .rulesBroken
        rosterFile = outcome.writtenPath
        shifts = schedule.shifts.count
        agents = Set(schedule.shifts.map(\.agentID)).count
        objective = cost.objective
        parts = Parts(
            paidHours: cost.paidHours, paidCost: cost.paidCost, shortfallAgentHours: cost.shortfallAgentHours, shortfallCost: cost.shortfallCost,
            overstaffingAgentHours: cost.overstaffingAgentHours, overstaffingCost: cost.overstaffingCost, secondSkillCost: cost.preferenceCost,
            fairnessCost: cost.fairnessCost)
        requiredAgentHours = cost.requiredAgentHours
        let days = (0..<7).map { outcome.grid.weekStart.adding(days: $0).description }
        shortfallAgentHoursByDay = cost.shortfallAgentHoursByDay.mapValues { Dictionary(uniqueKeysWithValues: zip(days, $0)) }
        bestBound = schedule.bestBound
        gap = schedule.relativeGap
        requestedGap = outcome.requestedGap
        timeLimitSeconds = outcome.timeLimitSeconds
        timeLimitReached = schedule.timeLimitReached
        timingsSeconds = [
            "group_plan": schedule.groupStageTime.seconds, "assignment": schedule.assignmentTime.seconds, "total": schedule.totalTime.seconds,
        ]
        method = schedule.groupStage.rawStatus
        methodReport = schedule.method
        groupPlanObjective = schedule.groupStage.objective
        statistics = schedule.statistics
        warnings = schedule.warnings
        ruleViolations = outcome.violations.map { Violation(agent: $0.agentID, rule: $0.rule, detail: $0.detail) }
    }
}

extension ScheduleJob.Outcome {
    /// The summary as JSON (``ScheduleSummaryJSON``).
    public func json() throws -> String {
        try JSONOutput.text(ScheduleSummaryJSON(self))
    }
}
