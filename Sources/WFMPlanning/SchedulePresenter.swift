import Foundation

/// Renders the outcome of `wfm schedule` for terminals.
public enum SchedulePresenter {
    /// Stage, status, objective, bound, gap, time and the roster's size.
    public static func text(_ outcome: ScheduleJob.Outcome, outputPath: String) -> String {
        let stage = outcome.schedule.groupStage
        let seconds = outcome.schedule.totalTime.seconds
        let agents = Set(outcome.schedule.shifts.map(\.agentID)).count
        return """
            Group model (GLPK): \(stage.summary)
            \(outcome.schedule.statistics)
            Roster: \(outcome.schedule.shifts.count) shifts for \(agents) agents, \(outcome.violations.isEmpty ? "every rule checked and met" : "\(outcome.violations.count) rule(s) broken"); \(String(format: "%.1f", seconds)) s in all
            Wrote \(outputPath)

            """
    }
}
