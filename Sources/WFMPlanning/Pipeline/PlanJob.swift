import Foundation
import WFMCore
import WFMIO
import WFMReporting
import WFMScheduling

/// `wfm plan`: the whole pipeline — forecast from the history center.yaml names, staffing,
/// the roster, and the report with its simulation and HTML — every file written to one folder.
public struct PlanJob: Sendable {
    public var configPath: String
    public var outDirectory: String
    /// The scheduler's time limit, in seconds.
    public var timeLimitSeconds: Double
    /// The scheduler's relative gap, a fraction.
    public var relativeGap: Double
    /// Replications the report simulates (0 for the formula only).
    public var replications: Int
    public var seed: UInt64
    /// A folder for one iCalendar file per agent, if wanted.
    public var icsDirectory: String?
    public var overwrite: Bool
    /// Rosters of the weeks before, oldest first (`--previous`): rest and consecutive days
    /// hold across the week's start.
    public var previousPaths: [String] = []
    /// `--verdict`: formula or simulation; nil for `report.verdict` in center.yaml.
    public var verdict: String?
    /// Weeks to plan as one horizon (`--weeks`, 1 to 6), from `week_start`: every file covers them all.
    public var weeks = 1

    /// Creates the job.
    public init(configPath: String, outDirectory: String, timeLimitSeconds: Double = 60, relativeGap: Double = 0.005,
                replications: Int = 30, seed: UInt64 = 1, icsDirectory: String? = nil, overwrite: Bool = false) {
        self.configPath = configPath
        self.outDirectory = outDirectory
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.replications = replications
        self.seed = seed
        self.icsDirectory = icsDirectory
        self.overwrite = overwrite
    }

    /// What every stage did.
    public struct Outcome: Sendable {
        /// Per week, the forecast.
        public let forecasts: [ForecastJob.Outcome]
        /// Per week, the staffing.
        public let staffings: [StaffJob.Outcome]
        public let schedule: ScheduleJob.HorizonOutcome
        public let report: ReportJob.Outcome
        /// Every file written, in order.
        public let written: [String]

        /// 0 when every target is met in every interval, 2 when targets are missed.
        public var exitCode: Int32 { report.exitCode }

        /// What every stage noticed, in stage order, as each command alone prints it: the
        /// history and forecast, the staffing, the schedule (capacity, unmet wishes, lowered
        /// minimums, the time limit).
        public var warningLines: [String] {
            let several = staffings.count > 1
            return ForecastJob.Outcome.warningLines(forecasts)
                + staffings.flatMap { staffing in staffing.plan.warnings.map { several ? "week of \(staffing.weekStart): \($0)" : $0 } }
                + schedule.warningLines
        }
    }

    /// The stage files, in the order they are written.
    public static let stageFiles = (forecast: "forecast.csv", requirements: "requirements.csv", roster: "roster.csv")

    /// Runs every stage in memory, each input read once and each stage's result handed to the
    /// next, then writes every file (each whole). A stage that fails leaves the output folder
    /// as it was. Each stage reads the text of the file it will write (forecast and roster), so
    /// that what it computes is what the files hold.
    /// - Throws: whatever a stage throws; ``PlanningError`` if the roster breaks a rule.
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        let path = { (name: String) in (outDirectory as NSString).appendingPathComponent(name) }
        let names = Self.stageFiles
        var report = ReportJob(
            configPath: configPath, forecastPath: path(names.forecast), rosterPath: path(names.roster),
            replications: replications > 0 ? replications : nil, seed: seed, outDirectory: outDirectory,
            icsDirectory: icsDirectory, overwrite: overwrite)
        report.weeks = weeks
        var scheduling = ScheduleJob(
            configPath: configPath, requirementsPath: path(names.requirements), agentsPath: nil, outputPath: path(names.roster),
            exportModelPath: nil, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, overwrite: overwrite)
        scheduling.weeks = weeks
        try scheduling.checkLimits()
        try report.checkReplications()
        for file in [names.forecast, names.requirements, names.roster] + report.reportFolderFiles {
            try AtomicFileWriter.checkWritable(path(file), overwrite: overwrite)
        }
        let center = try CommandVocabulary.applyingVerdict(verdict, to: try CenterReader.read(path: configPath), simulates: replications > 0)
        guard let agentsFile = center.agentsPath else { throw PlanningError("no agents file: set agents in \(configPath)") }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        let previous = HorizonPrevious(shifts: try PreviousRostersReader.shifts(paths: previousPaths, center: center), weeks: previousPaths.count)
        for calendar in report.calendarPaths(agents) { try AtomicFileWriter.checkWritable(calendar, overwrite: overwrite) }
        let horizon = PlanningHorizon(firstWeekStart: center.weekStart, weeks: weeks)
        let weekCenters = horizon.weekStarts.indices.map { horizon.center(center, week: $0) }

        progress("1/4 forecast")
        let forecasting = ForecastJob(configPath: configPath, historyPath: nil, week: nil, method: "auto")
        let forecasts = try weekCenters.map { try forecasting.forecast(center: $0) }
        let forecastText = HorizonFiles.joined(forecasts.map { TableWriters.forecastCSV($0.forecast.entries, grid: $0.grid) })
        let entries = try weekCenters.map { week in
            try ForecastReader.read(text: forecastText, file: path(names.forecast), center: week, grid: week.timeGrid,
                                    horizon: weeks > 1 ? horizon : nil)
        }

        progress("2/4 staffing")
        let staffings = try zip(weekCenters, entries).map { week, entries in
            try StaffJob.staff(center: week, forecast: entries, forecastPath: path(names.forecast), percentile: nil)
        }

        progress("3/4 schedule")
        let requirements = zip(weekCenters, staffings).map { week, staffing in
            RequirementMatrix(rows: staffing.plan.rows, queues: center.queues.map(\.id), intervals: week.timeGrid.intervals.count)
        }
        let schedule = try scheduling.schedule(center: center, agents: agents, horizon: horizon, requirements: requirements,
                                               previous: previous, progress: progress)
        guard schedule.violations.isEmpty else {
            throw PlanningError("the roster breaks \(schedule.violations.count) rule(s); nothing was written:\n"
                                + schedule.violationLines.joined(separator: "\n"))
        }
        let rosterText = RosterFiles.csv(schedule.shifts, timeZone: center.timeZone)
        let shifts = try RosterFiles.read(text: rosterText, file: path(names.roster), timeZone: center.timeZone)

        progress("4/4 report" + (replications > 0 ? " (simulating \(replications) weeks)" : ""))
        let (evaluations, horizonReport) = try report.evaluate(shifts, center: center, agents: agents, horizon: horizon, previous: previous,
                                                               requirements: staffings.map(\.plan.rows), progress: progress)

        let requirementsText = HorizonFiles.joined(zip(weekCenters, staffings).map { week, staffing in
            TableWriters.requirementsCSV(staffing.plan.rows, grid: week.timeGrid)
        })
        let stages = [(names.forecast, forecastText), (names.requirements, requirementsText), (names.roster, rosterText)]
        for (name, text) in stages { try AtomicFileWriter.write(text, to: path(name), overwrite: overwrite) }
        var first = evaluations[0]
        if weeks == 1 { first.report.ruleViolations += horizonReport.ruleViolationsOverWeeks }
        let written = weeks > 1 ? try report.write(evaluations, horizon: horizonReport) : try report.write(first)
        var reported = ReportJob.Outcome(report: first.report, written: written, warnings: staffings.flatMap(\.plan.warnings))
        if weeks > 1 { reported.horizon = horizonReport }
        return Outcome(forecasts: forecasts, staffings: staffings, schedule: schedule, report: reported,
                       written: stages.map { path($0.0) } + reported.written)
    }
}
