import WFMCore
import WFMReporting

extension PlanJob.Outcome {
    /// The short summary `wfm plan` ends with: the roster in one line, then per queue the
    /// weekly service level by formula and by simulation, intervals missed, shortfall,
    /// occupancy and paid hours, then the verdict and the files written.
    public func text() -> String {
        let cost = schedule.schedule.cost
        var text = "Roster: \(schedule.schedule.shifts.count) shifts, objective \(ScheduleJob.Outcome.fixed(cost.objective))"
        if let gap = schedule.schedule.relativeGap { text += ", gap \(ScheduleJob.Outcome.percent(gap)) (\(schedule.statusWords))" }
        text += ", \(ScheduleJob.Outcome.fixed(schedule.schedule.totalTime.seconds, 1)) s\n"
        let weeks = report.report.weeks
        var table = TextTable(columns: [
            .init("queue", .left), .init("SL formula"), .init("SL simulated"), .init("target"), .init("intervals missed"),
            .init("short h"), .init("occupancy"), .init("paid h"),
        ])
        let targets = Dictionary(uniqueKeysWithValues: report.report.targets.map { ($0.queue, $0) })
        for week in weeks {
            let target = targets[week.queue].map { "\(NumberFormatting.percent($0.serviceLevel, 0))/\(NumberFormatting.fixed($0.withinSeconds, 0))s" } ?? ""
            table.append([
                week.queue, NumberFormatting.percent(week.serviceLevel, 1),
                report.report.simulation?.figures(queue: week.queue, period: "week")?.serviceLevel.map { ReportText.interval($0) } ?? "-", target,
                "\(week.intervalsMissed) of \(week.intervals)", NumberFormatting.fixed(week.shortfallHours, 1),
                NumberFormatting.percent(week.occupancy, 1), NumberFormatting.fixed(week.paidHours, 1),
            ])
        }
        text += table.render() + ReportText.verdict(report.report) + "\n"
        return text + written.map { "Wrote \($0)" }.joined(separator: "\n") + "\n"
    }
}

/// `wfm plan --format json` (schema `wfm.plan/1`): the schedule's summary as `wfm schedule`
/// gives it, the week's figures per queue as `wfm report` gives them, the verdict, the
/// warnings of every stage and the files written.
public struct PlanSummaryJSON: Sendable, Encodable {
    public var schema = "wfm.plan/1"
    /// The roster's summary (schema `wfm.schedule/1`).
    public var schedule: ScheduleSummaryJSON
    /// Per queue, then `all`, for the week (the report's `weeks`).
    public var weeks: [PeriodFigures]
    /// The simulated figures, when the plan simulated.
    public var simulation: SimulationReport?
    /// Whether every open interval meets every target (by formula).
    public var targetsMet: Bool
    /// Queue-intervals missing a target, by formula.
    public var intervalsMissed: Int
    /// The warnings of the forecast, the staffing and the schedule, one line each.
    public var warnings: [String]
    /// The files written, in order.
    public var files: [String]

    /// The summary of `outcome`.
    public init(_ outcome: PlanJob.Outcome) {
        schedule = ScheduleSummaryJSON(outcome.schedule)
        weeks = outcome.report.report.weeks
        simulation = outcome.report.report.simulation
        targetsMet = outcome.report.report.targetsMet
        intervalsMissed = outcome.report.report.intervalsMissed
        warnings = outcome.warningLines
        files = outcome.written
    }
}

extension PlanJob.Outcome {
    /// The summary as JSON (``PlanSummaryJSON``).
    public func json() throws -> String { try JSONOutput.text(PlanSummaryJSON(self)) }
}
