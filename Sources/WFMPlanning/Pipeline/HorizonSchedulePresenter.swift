import Foundation
import WFMCore
import WFMOptimization
import WFMReporting
import WFMScheduling

extension ScheduleJob.HorizonOutcome {
    /// The warnings, one line each, for standard error; over several weeks each names its week.
    public var warningLines: [String] {
        guard weeks.count > 1 else { return weeks[0].warningLines }
        return zip(horizon.weekStarts, weeks).flatMap { start, week in week.warningLines.map { "week of \(start): \($0)" } }
    }

    /// The broken rules (at most 50, then a count), one line each, for standard error.
    public var violationLines: [String] {
        violations.prefix(50).map { "rule broken: \($0)" } + (violations.count > 50 ? ["rule broken: … \(violations.count - 50) more"] : [])
    }

    /// The objective of every week's roster, summed.
    public var objective: Double { weeks.reduce(0) { $0 + $1.schedule.cost.objective } }

    /// The sum of the weeks' proven bounds, each given the weeks before it; nil when a week has
    /// none.
    public var bound: Double? {
        weeks.reduce(Optional(0.0)) { total, week in total.flatMap { sum in week.schedule.bestBound.map { sum + $0 } } }
    }

    /// `|objective − bound| / |objective|`, or nil without a bound.
    public var relativeGap: Double? { bound.map { SolveResult.relativeGap(of: objective, to: $0) } }

    /// Whether the wall-clock backstop stopped work in any week.
    public var timeLimitReached: Bool { weeks.contains { $0.schedule.timeLimitReached } }

    /// The summary for terminals: one week as ``ScheduleJob/Outcome/text()``; several weeks as
    /// a line per week and the horizon's totals.
    public func text() -> String {
        guard weeks.count > 1 else { return weeks[0].text() }
        let fixed = { (value: Double, digits: Int) in NumberFormatting.fixed(value, digits) }
        let agents = Set(shifts.map(\.agentID)).count
        let rules = violations.isEmpty ? "every rule checked and met" : "\(violations.count) rule(s) broken: NOT written as the roster"
        var lines = ["Roster: \(horizon.description), \(shifts.count) shifts for \(agents) agents, \(rules)"]
        for (start, week) in zip(horizon.weekStarts, weeks) {
            let cost = week.schedule.cost
            lines.append("  week of \(start): objective \(fixed(cost.objective, 2)), paid \(fixed(cost.paidHours, 1)) h, "
                         + "shortfall \(fixed(cost.totalShortfallAgentHours, 1)) agent-h, "
                         + (week.schedule.relativeGap.map { "gap \(NumberFormatting.percent($0)) (\(week.statusWords))" } ?? "no bound (\(week.statusWords))")
                         + ", \(fixed(week.schedule.totalTime.seconds, 1)) s")
        }
        let paid = weeks.reduce(0) { $0 + $1.schedule.cost.paidHours }
        let short = weeks.reduce(0) { $0 + $1.schedule.cost.totalShortfallAgentHours }
        lines.append("Objective \(fixed(objective, 2)): paid \(fixed(paid, 1)) h, shortfall \(fixed(short, 1)) agent-h over the \(horizon.weeks) weeks")
        if let bound, let gap = relativeGap {
            lines.append("Bound \(fixed(bound, 2)), gap \(NumberFormatting.percent(gap)): the sum of each week's proven bound given the weeks before it (weeks are planned in turn, not all at once)")
        } else {
            let without = zip(horizon.weekStarts, weeks).filter { $0.1.schedule.bestBound == nil }.map { "\($0.0)" }
            lines.append("No proven bound for the horizon: the week(s) of \(without.joined(separator: ", ")) have none (see their warnings)")
        }
        let queues = weeks[0].queues
        lines.append("Uncovered: " + queues.map { queue in
            let missing = weeks.reduce(0) { $0 + ($1.schedule.cost.shortfallAgentHours[queue] ?? 0) }
            let required = weeks.reduce(0) { $0 + ($1.schedule.cost.requiredAgentHours[queue] ?? 0) }
            return "\(queue) \(fixed(missing, 1)) of \(fixed(required, 1)) agent-h"
        }.joined(separator: ", "))
        let seconds = weeks.reduce(0) { $0 + $1.schedule.totalTime.seconds }
        lines.append("Time: \(fixed(seconds, 1)) s of a \(NumberFormatting.trimmed(weeks[0].timeLimitSeconds)) s limit shared by the weeks")
        if timeLimitReached {
            let stopped = zip(horizon.weekStarts, weeks).filter { $0.1.schedule.timeLimitReached }.map { "\($0.0)" }
            lines.append("Time limit reached in the week(s) of \(stopped.joined(separator: ", ")): the clock stopped some of the work, so this roster may differ on a faster or quieter machine; allow more time with --time-limit.")
        }
        if short >= 0.005 { lines.append("Demand left uncovered: \(fixed(short, 1)) agent-hours (see the warnings for the weeks, days and worst intervals).") }
        lines.append("Wrote \(writtenPath)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary as JSON: one week as ``ScheduleSummaryJSON`` (`wfm.schedule/1`); several
    /// as ``HorizonScheduleJSON`` (`wfm.schedule-horizon/1`).
    public func json() throws -> String {
        weeks.count == 1 ? try weeks[0].json() : try JSONOutput.text(HorizonScheduleJSON(self))
    }
}

/// The `wfm schedule --weeks N --format json` document (schema `wfm.schedule-horizon/1`, see
/// docs/file-formats.md): the horizon's totals, each week's `wfm.schedule/1` summary, and
/// every broken rule.
public struct HorizonScheduleJSON: Sendable, Codable {
    public var schema = "wfm.schedule-horizon/1"
    public var firstWeek: String
    public var weeksPlanned: Int
    public var resultStatus: ScheduleSummaryJSON.ResultStatus
    public var rosterFile: String
    public var shifts: Int
    public var agents: Int
    public var objective: Double
    public var paidHours: Double
    public var shortfallAgentHours: Double
    /// The sum of each week's proven bound given the weeks before it.
    public var bestBound: Double?
    public var gap: Double?
    public var timeLimitReached: Bool
    public var weeks: [ScheduleSummaryJSON]
    public var ruleViolations: [ScheduleSummaryJSON.Violation]

    /// Builds the document from a finished horizon.
    public init(_ outcome: ScheduleJob.HorizonOutcome) {
        firstWeek = outcome.horizon.firstWeekStart.description
        weeksPlanned = outcome.horizon.weeks
        resultStatus = outcome.violations.isEmpty ? .feasible : .rulesBroken
        rosterFile = outcome.writtenPath
        shifts = outcome.shifts.count
        agents = Set(outcome.shifts.map(\.agentID)).count
        objective = outcome.objective
        paidHours = outcome.weeks.reduce(0) { $0 + $1.schedule.cost.paidHours }
        shortfallAgentHours = outcome.weeks.reduce(0) { $0 + $1.schedule.cost.totalShortfallAgentHours }
        bestBound = outcome.bound
        gap = outcome.relativeGap
        timeLimitReached = outcome.timeLimitReached
        weeks = outcome.weeks.map(ScheduleSummaryJSON.init)
        ruleViolations = outcome.violations.map { ScheduleSummaryJSON.Violation(agent: $0.agentID, rule: $0.rule, detail: $0.detail) }
    }
}
