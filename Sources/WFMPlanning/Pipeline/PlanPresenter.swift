import WFMCore
import WFMReporting

extension PlanJob.Outcome {
    /// The short summary `wfm plan` ends with: the roster in one line, then per queue the
    /// weekly (or, over several weeks, the horizon's) service level by formula and by
    /// simulation, intervals missed, shortfall, occupancy and paid hours, then the verdict and
    /// the files written.
    public func text() -> String {
        var text: String
        let figures: [PeriodFigures]
        let simulated: (String) -> Estimate?
        let verdict: String
        if let horizon = report.horizon {
            text = "Roster: \(schedule.horizon.description), \(schedule.shifts.count) shifts, objective \(ScheduleJob.Outcome.fixed(schedule.objective))"
            if let gap = schedule.relativeGap { text += ", gap \(ScheduleJob.Outcome.percent(gap)) (each week's bound given the weeks before it)" }
            text += ", \(ScheduleJob.Outcome.fixed(schedule.weeks.reduce(0) { $0 + $1.schedule.totalTime.seconds }, 1)) s\n"
            figures = horizon.horizon
            simulated = { horizon.simulatedServiceLevel?[$0] }
            verdict = HorizonReportText.verdict(horizon)
        } else {
            let week = schedule.weeks[0]
            text = "Roster: \(week.schedule.shifts.count) shifts, objective \(ScheduleJob.Outcome.fixed(week.schedule.cost.objective))"
            if let gap = week.schedule.relativeGap { text += ", gap \(ScheduleJob.Outcome.percent(gap)) (\(week.statusWords))" }
            text += ", \(ScheduleJob.Outcome.fixed(week.schedule.totalTime.seconds, 1)) s\n"
            figures = report.report.weeks
            simulated = { queue in report.report.simulation?.figures(queue: queue, period: "week")?.serviceLevel }
            verdict = ReportText.verdict(report.report)
        }
        var table = TextTable(columns: [
            .init("queue", .left), .init("SL formula"), .init("SL simulated"), .init("target"), .init("intervals missed"),
            .init("short h"), .init("occupancy"), .init("paid h"),
        ])
        let targets = Dictionary(uniqueKeysWithValues: report.report.targets.map { ($0.queue, $0) })
        for row in figures {
            let target = targets[row.queue].map { "\(NumberFormatting.percent($0.serviceLevel, 0))/\(NumberFormatting.fixed($0.withinSeconds, 0))s" } ?? ""
            table.append([
                row.queue, NumberFormatting.percent(row.serviceLevel, 1), simulated(row.queue).map { ReportText.interval($0) } ?? "-", target,
                "\(row.intervalsMissed) of \(row.intervals)", NumberFormatting.fixed(row.shortfallHours, 1),
                NumberFormatting.percent(row.occupancy, 1), NumberFormatting.fixed(row.paidHours, 1),
            ])
        }
        text += table.render() + verdict + "\n"
        return text + written.map { "Wrote \($0)" }.joined(separator: "\n") + "\n"
    }
}

/// `wfm plan --format json` (schema `wfm.plan/1`): the schedule's summary as `wfm schedule`
/// gives it, the week's figures per queue as `wfm report` gives them, the verdict, the
/// warnings of every stage and the files written.
public struct PlanSummaryJSON: Sendable, Encodable {
    public var schema = "wfm.plan/1"
    /// The roster's summary (schema `wfm.schedule/1`); over several weeks, absent (see
    /// ``scheduleHorizon``).
    public var schedule: ScheduleSummaryJSON?
    /// Over several weeks (`--weeks`), the roster's summary (schema `wfm.schedule-horizon/1`).
    public var scheduleHorizon: HorizonScheduleJSON?
    /// Per queue, then `all`, for the week (the report's `weeks`); over several weeks, the
    /// first week's (the horizon's are in ``horizon``).
    public var weeks: [PeriodFigures]
    /// Over several weeks, per queue, then `all`, the horizon's figures.
    public var horizon: [PeriodFigures]?
    /// The simulated figures, when the plan simulated.
    public var simulation: SimulationReport?
    /// Whether every open interval (of every week) meets every target.
    public var targetsMet: Bool
    /// Queue-intervals missing a target, by formula.
    public var intervalsMissed: Int
    /// The warnings of the forecast, the staffing and the schedule, one line each.
    public var warnings: [String]
    /// The files written, in order.
    public var files: [String]

    /// The summary of `outcome`.
    public init(_ outcome: PlanJob.Outcome) {
        if outcome.schedule.weeks.count == 1 {
            schedule = ScheduleSummaryJSON(outcome.schedule.weeks[0])
        } else {
            scheduleHorizon = HorizonScheduleJSON(outcome.schedule)
        }
        weeks = outcome.report.report.weeks
        horizon = outcome.report.horizon?.horizon
        simulation = outcome.report.report.simulation
        targetsMet = outcome.report.horizon?.targetsMet ?? outcome.report.report.targetsMet
        intervalsMissed = outcome.report.horizon?.intervalsMissed ?? outcome.report.report.intervalsMissed
        warnings = outcome.warningLines
        files = outcome.written
    }
}

extension PlanJob.Outcome {
    /// The summary as JSON (``PlanSummaryJSON``).
    public func json() throws -> String { try JSONOutput.text(PlanSummaryJSON(self)) }
}
