import Foundation
import WFMCore
import WFMIO
import WFMReporting

extension ReportJob {
    /// The horizon's report: each week measured with the previous rosters and the horizon's
    /// weeks before it carried in, the rules over weeks checked, and the files written.
    func runHorizon(center: Center, agents: [Agent], progress: (String) -> Void) throws -> Outcome {
        let horizon = PlanningHorizon(firstWeekStart: center.weekStart, weeks: weeks)
        let shifts = try RosterFiles.read(path: rosterPath, timeZone: center.timeZone)
        let previous = HorizonPrevious(shifts: try PreviousRostersReader.shifts(paths: previousPaths, center: center), weeks: previousPaths.count)
        var warnings: [String] = []
        let plans = try horizon.weekStarts.indices.map { index in
            let week = horizon.center(center, week: index)
            let forecast = try ForecastReader.read(path: forecastPath, center: week, grid: week.timeGrid, horizon: horizon)
            try StaffJob.checkQuantiles(forecast, percentile: week.staffingPercentile, path: forecastPath)
            progress("week \(index + 1) of \(weeks): staffing the forecast")
            let plan = try StaffingPlanner.plan(center: week, forecast: forecast)
            warnings += plan.warnings.map { "week of \(week.weekStart): \($0)" }
            return plan.rows
        }
        let (evaluations, report) = try evaluate(shifts, center: center, agents: agents, horizon: horizon, previous: previous,
                                                 requirements: plans, progress: progress)
        var outcome = Outcome(report: report.weeks[0], written: try write(evaluations, horizon: report), warnings: warnings)
        outcome.horizon = report
        return outcome
    }

    /// Measures `shifts` over `horizon` in memory: each week against its `requirements` (one
    /// list per week), the weeks before it (`previous`, then the horizon's) carried in, and the
    /// rules over weeks.
    /// - Throws: ``QueueingError`` if a load is invalid.
    func evaluate(_ shifts: [RosterShift], center: Center, agents: [Agent], horizon: PlanningHorizon, previous: HorizonPrevious,
                  requirements: [[IntervalRequirement]], progress: (String) -> Void) throws -> ([Evaluation], HorizonReport) {
        let checker = previous.checker(center: center, agents: agents, horizon: horizon)
        let evaluations = try horizon.weekStarts.indices.map { index in
            try evaluate(shifts.filter { horizon.week(of: $0.date) == index }, center: horizon.center(center, week: index), agents: agents,
                         previous: checker.carried(into: index, shifts: shifts), requirements: requirements[index], progress: progress)
        }
        let report = HorizonReport(weeks: evaluations.map(\.report),
                                   violationsOverWeeks: checker.violationsOutside(shifts) + checker.violationsOverWeeks(in: shifts))
        return (evaluations, report)
    }
}
