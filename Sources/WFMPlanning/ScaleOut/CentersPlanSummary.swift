import Foundation
import WFMCore
import WFMReporting

/// One queue's week in a center's plan.
public struct CenterQueueWeek: Sendable, Codable, Equatable {
    public var queue: String
    /// The week's service level by formula, a fraction.
    public var serviceLevel: Double
    /// The simulated weekly service level (mean), when the plan simulated.
    public var simulatedServiceLevel: Double?
    /// The queue's target, a fraction.
    public var target: Double?
    /// Open intervals missing a target, by the report's verdict, and open intervals.
    public var intervalsMissed: Int
    public var intervals: Int
    /// Requirement not covered, in agent-hours.
    public var shortfallHours: Double
}

/// One center of `wfm plan --centers`: what its plan wrote, or why it made none.
public struct CenterPlanRow: Sendable, Codable, Equatable {
    /// The center's name (its folder under `--out`) and its path as the list writes it.
    public var center: String
    public var config: String
    /// `targets_met`, `targets_missed` or `failed`.
    public var outcome: String
    /// What `wfm plan` alone would exit with: 0, 2 (targets missed) or 1 (failed).
    public var exitCode: Int
    public var agents: Int?
    public var shifts: Int?
    /// The written roster's objective, its gap to the bound, and why the solve stopped.
    public var objective: Double?
    public var gap: Double?
    public var termination: String?
    public var timeLimitReached: Bool?
    public var paidHours: Double?
    public var shortfallHours: Double?
    /// Queue-intervals missing a target, by the report's verdict (`formula` or `simulation`).
    public var intervalsMissed: Int?
    public var verdict: String?
    public var queues: [CenterQueueWeek]
    /// Every stage's warnings.
    public var warnings: [String]
    /// Why no plan was written, for a failed center.
    public var failure: String?
    /// The plan's wall time, in seconds: the one figure that differs between runs.
    public var wallSeconds: Double

    /// The row of a finished plan.
    init(entry: CenterList.Entry, outcome plan: PlanJob.Outcome, wallSeconds: Double) {
        let schedule = plan.schedule.weeks[0].schedule
        let report = plan.report.report
        let targets = Dictionary(uniqueKeysWithValues: report.targets.map { ($0.queue, $0.serviceLevel) })
        center = entry.name
        config = entry.listed
        outcome = report.targetsMet ? "targets_met" : "targets_missed"
        exitCode = Int(plan.exitCode)
        agents = Set(schedule.shifts.map(\.agentID)).count
        shifts = schedule.shifts.count
        objective = schedule.cost.objective
        gap = schedule.relativeGap
        termination = ScheduleSummaryJSON.TerminationStatus(schedule.termination).rawValue
        timeLimitReached = schedule.timeLimitReached
        let all = report.weeks.first { $0.queue == "all" }
        paidHours = all?.paidHours
        shortfallHours = all?.shortfallHours
        intervalsMissed = report.intervalsMissed
        verdict = report.verdict.rawValue
        queues = report.weeks.filter { $0.queue != "all" }.map { week in
            CenterQueueWeek(
                queue: week.queue, serviceLevel: week.serviceLevel,
                simulatedServiceLevel: report.simulation?.figures(queue: week.queue, period: "week")?.serviceLevel?.mean,
                target: targets[week.queue], intervalsMissed: week.intervalsMissed, intervals: week.intervals, shortfallHours: week.shortfallHours)
        }
        warnings = plan.warningLines
        failure = nil
        self.wallSeconds = wallSeconds
    }

    /// The row of a center whose plan failed.
    init(entry: CenterList.Entry, failure: String, wallSeconds: Double) {
        center = entry.name
        config = entry.listed
        outcome = "failed"
        exitCode = 1
        queues = []
        warnings = []
        self.failure = failure
        self.wallSeconds = wallSeconds
    }
}

/// What `wfm plan --centers` writes: schema `wfm.plan-centers/1`. Unsharded, every center's
/// row in `summary.json`; each shard, its own centers' rows in `summary.shard-I-of-N.json`,
/// which `wfm plan --merge` combines into the unsharded document.
public struct CentersPlanSummary: Sendable, Codable, Equatable {
    public var schema = CentersPlanSummary.schemaName
    public var wfmVersion: String
    /// The list, as the user named it, and every center of it in its order.
    public var list: String
    public var centers: [String]
    /// The settings every center was planned with.
    public var settings: CentersPlanSettings
    /// The shard these rows are, nil for the whole run.
    public var shard: Shard?
    /// The rows, in the list's order.
    public var rows: [CenterPlanRow]

    /// The schema's name and version.
    public static let schemaName = "wfm.plan-centers/1"

    /// 0 when every center met its targets, 2 when some missed, 1 when a plan failed.
    public var exitCode: Int32 {
        if rows.contains(where: { $0.outcome == "failed" }) { return 1 }
        return rows.allSatisfy { $0.outcome == "targets_met" } ? 0 : 2
    }

    /// `summary.json`, or `summary.shard-I-of-N.json` for a shard.
    public static func fileName(shard: Shard?) -> String { shard.map { "summary.\($0.fileTag).json" } ?? "summary.json" }

    /// One row per center, as CSV: outcome, roster and week figures, the worst queue's service
    /// level, the failure and the wall time.
    public func csv() -> String {
        var lines = ["center,config,outcome,agents,shifts,objective,gap,termination,paid_hours,shortfall_hours,intervals_missed,worst_queue,worst_service_level,failure,wall_seconds"]
        let number = { (value: Double?, digits: Int) in value.map { CSVFormatting.number($0, digits: digits) } ?? "" }
        for row in rows {
            let worst = row.queues.min { ($0.serviceLevel, $0.queue) < ($1.serviceLevel, $1.queue) }
            lines.append([
                CSVFormatting.field(row.center), CSVFormatting.field(row.config), row.outcome, row.agents.map(String.init) ?? "",
                row.shifts.map(String.init) ?? "", number(row.objective, 2), number(row.gap, 6), row.termination ?? "",
                number(row.paidHours, 2), number(row.shortfallHours, 2), row.intervalsMissed.map(String.init) ?? "",
                CSVFormatting.field(worst?.queue ?? ""), number(worst?.serviceLevel, 4), CSVFormatting.field(row.failure ?? ""),
                number(row.wallSeconds, 2),
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The settings of a `wfm plan --centers` run; shards merge only when theirs agree.
public struct CentersPlanSettings: Sendable, Codable, Equatable {
    public var timeLimitSeconds: Double
    public var relativeGap: Double
    public var replications: Int
    public var seed: UInt64
    public var verdict: String?

    /// Creates the settings: `wfm plan`'s time limit and gap, simulated weeks and seed, and
    /// `--verdict` (nil for each center's own).
    public init(timeLimitSeconds: Double, relativeGap: Double, replications: Int, seed: UInt64, verdict: String?) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.replications = replications
        self.seed = seed
        self.verdict = verdict
    }
}
