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
        public let forecast: ForecastJob.Outcome
        public let staffing: StaffJob.Outcome
        public let schedule: ScheduleJob.Outcome
        public let report: ReportJob.Outcome
        /// Every file written, in order.
        public let written: [String]

        /// 0 when every target is met in every interval, 2 when targets are missed.
        public var exitCode: Int32 { report.exitCode }

        /// What every stage noticed, in stage order, as each command alone prints it: the
        /// history and forecast, the staffing, the schedule (capacity, unmet wishes, lowered
        /// minimums, the time limit).
        public var warningLines: [String] { forecast.warningLines + staffing.plan.warnings + schedule.warningLines }
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
        let report = ReportJob(
            configPath: configPath, forecastPath: path(names.forecast), rosterPath: path(names.roster),
            replications: replications > 0 ? replications : nil, seed: seed, outDirectory: outDirectory,
            icsDirectory: icsDirectory, overwrite: overwrite)
        let scheduling = ScheduleJob(
            configPath: configPath, requirementsPath: path(names.requirements), agentsPath: nil, outputPath: path(names.roster),
            exportModelPath: nil, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, overwrite: overwrite)
        try scheduling.checkLimits()
        try report.checkReplications()
        for file in [names.forecast, names.requirements, names.roster] + report.reportFolderFiles {
            try AtomicFileWriter.checkWritable(path(file), overwrite: overwrite)
        }
        let center = try CommandVocabulary.applyingVerdict(verdict, to: try CenterReader.read(path: configPath), simulates: replications > 0)
        guard let agentsFile = center.agentsPath else { throw PlanningError("no agents file: set agents in \(configPath)") }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        let previous = try PreviousRostersReader.read(paths: previousPaths, center: center)
        for calendar in report.calendarPaths(agents) { try AtomicFileWriter.checkWritable(calendar, overwrite: overwrite) }
        let grid = center.timeGrid

        progress("1/4 forecast")
        let forecast = try ForecastJob(configPath: configPath, historyPath: nil, week: nil, method: "auto").forecast(center: center)
        let forecastText = TableWriters.forecastCSV(forecast.forecast.entries, grid: grid)
        let entries = try ForecastReader.read(text: forecastText, file: path(names.forecast), center: center, grid: grid)

        progress("2/4 staffing")
        let staffing = try StaffJob.staff(center: center, forecast: entries, forecastPath: path(names.forecast), percentile: nil)

        progress("3/4 schedule")
        let requirements = RequirementMatrix(rows: staffing.plan.rows, queues: center.queues.map(\.id), intervals: grid.intervals.count)
        var problem = try ScheduleProblem(center: center, agents: agents, requirements: requirements)
        problem.previous = previous
        let schedule = try scheduling.schedule(problem, progress: progress)
        guard schedule.violations.isEmpty else {
            throw PlanningError("the roster breaks \(schedule.violations.count) rule(s); nothing was written:\n"
                                + schedule.violationLines.joined(separator: "\n"))
        }
        let rosterText = RosterFiles.csv(schedule.schedule.shifts, timeZone: center.timeZone)
        let shifts = try RosterFiles.read(text: rosterText, file: path(names.roster), timeZone: center.timeZone)

        progress("4/4 report" + (replications > 0 ? " (simulating \(replications) weeks)" : ""))
        let evaluation = try report.evaluate(shifts, center: center, agents: agents, previous: previous, requirements: staffing.plan.rows,
                                         progress: progress)

        let stages = [(names.forecast, forecastText), (names.requirements, TableWriters.requirementsCSV(staffing.plan.rows, grid: grid)),
                      (names.roster, rosterText)]
        for (name, text) in stages { try AtomicFileWriter.write(text, to: path(name), overwrite: overwrite) }
        let reported = ReportJob.Outcome(report: evaluation.report, written: try report.write(evaluation), warnings: staffing.plan.warnings)
        return Outcome(forecast: forecast, staffing: staffing, schedule: schedule, report: reported,
                       written: stages.map { path($0.0) } + reported.written)
    }
}
