import Foundation
import WFMCore
import WFMOptimization
import WFMScheduling

extension ScheduleJob.Outcome {
    /// The warnings, one line each, for standard error.
    public var warningLines: [String] { schedule.warnings.map(\.message) }

    /// The broken rules (at most 50, then a count), one line each, for standard error.
    public var violationLines: [String] {
        violations.prefix(50).map { "rule broken: \($0)" } + (violations.count > 50 ? ["rule broken: … \(violations.count - 50) more"] : [])
    }

    /// The summary for terminals: what was written, its objective and parts, the bound and
    /// gap, uncovered demand, the times and the method.
    public func text() -> String {
        let cost = schedule.cost
        let agents = Set(schedule.shifts.map(\.agentID)).count
        let rules = violations.isEmpty ? "every rule checked and met" : "\(violations.count) rule(s) broken: NOT written as the roster"
        var lines = [
            "Roster: \(schedule.shifts.count) shifts for \(agents) agents, \(rules)",
            "Objective \(Self.fixed(cost.objective)): paid \(Self.fixed(cost.paidHours, 1)) h (\(Self.fixed(cost.paidCost))), "
                + "shortfall \(Self.fixed(cost.totalShortfallAgentHours, 1)) agent-h (\(Self.fixed(cost.shortfallCost))), "
                + "overstaffing \(Self.fixed(cost.overstaffingAgentHours, 1)) agent-h (\(Self.fixed(cost.overstaffingCost))), "
                + "second skills \(Self.fixed(cost.preferenceCost))"
                + (cost.fairnessCost > 0 ? ", fairness \(Self.fixed(cost.fairnessCost))" : ""),
            boundLine,
            "Uncovered: " + queues.map { queue in
                "\(queue) \(Self.fixed(cost.shortfallAgentHours[queue] ?? 0, 1)) of \(Self.fixed(cost.requiredAgentHours[queue] ?? 0, 1)) agent-h"
            }.joined(separator: ", "),
            "Time: \(Self.fixed(schedule.totalTime.seconds, 1)) s (group plan \(Self.fixed(schedule.groupStageTime.seconds, 1)) s, "
                + "naming agents \(Self.fixed(schedule.assignmentTime.seconds, 1)) s) of a \(Self.trimmed(timeLimitSeconds)) s limit",
            "Method: \(schedule.groupStage.rawStatus); \(schedule.statistics)",
        ]
        if schedule.timeLimitReached {
            lines.append("Time limit reached: the clock stopped some of the work, so this roster may differ on a faster or quieter machine; allow more time with --time-limit.")
        }
        if cost.totalShortfallAgentHours >= 0.005 {
            lines.append("Demand left uncovered: \(Self.fixed(cost.totalShortfallAgentHours, 1)) agent-hours (see the warnings for the days and worst intervals).")
        }
        lines.append("Wrote \(writtenPath)")
        return lines.joined(separator: "\n") + "\n"
    }

    private var boundLine: String {
        guard let bound = schedule.bestBound, let gap = schedule.relativeGap else {
            if schedule.warnings.contains(where: { $0.code == .contractRuleRelaxed }) {
                return "No proven bound: a contract's weekly minimum cannot be met (see the warnings), so the group plan's bound, which prices that at the slack's cost, does not apply to this roster"
            }
            return "No proven bound: \(statusWords)"
        }
        return "Proven bound \(Self.fixed(bound)), gap \(Self.percent(gap)) (asked \(Self.percent(requestedGap))): \(statusWords)"
    }

    /// The termination in words.
    var statusWords: String {
        switch schedule.termination {
        case .optimal: "optimal"
        case .gapLimitReached: "within the gap asked for"
        case .timeLimit: "time limit reached"
        default: "work budget used up above the gap asked for"
        }
    }

    static func fixed(_ value: Double, _ digits: Int = 2) -> String { NumberFormatting.fixed(value, digits) }

    static func percent(_ fraction: Double) -> String { NumberFormatting.percent(fraction) }

    static func trimmed(_ value: Double) -> String { NumberFormatting.trimmed(value) }
}
