import Foundation
import WFMCore
import WFMIO
import WFMReporting

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
    }

    /// The stage files, in the order they are written.
    public static let stageFiles = (forecast: "forecast.csv", requirements: "requirements.csv", roster: "roster.csv")

    /// Runs every stage; stops at the first that fails.
    /// - Throws: whatever a stage throws; ``PlanningError`` if the roster breaks a rule.
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        let path = { (name: String) in (outDirectory as NSString).appendingPathComponent(name) }
        let names = Self.stageFiles
        let report = ReportJob(
            configPath: configPath, forecastPath: path(names.forecast), rosterPath: path(names.roster),
            replications: replications > 0 ? replications : nil, seed: seed, outDirectory: outDirectory,
            icsDirectory: icsDirectory, overwrite: overwrite)
        for file in [names.forecast, names.requirements, names.roster] + report.reportFolderFiles {
            try AtomicFileWriter.checkWritable(path(file), overwrite: overwrite)
        }
        progress("1/4 forecast")
        let forecast = try ForecastJob(configPath: configPath, historyPath: nil, week: nil, method: "auto")
            .run(outputPath: path(names.forecast), overwrite: overwrite)
        progress("2/4 staffing")
        let staffing = try StaffJob(configPath: configPath, forecastPath: path(names.forecast), outputPath: path(names.requirements),
                                    overwrite: overwrite).run()
        progress("3/4 schedule")
        let schedule = try ScheduleJob(
            configPath: configPath, requirementsPath: path(names.requirements), agentsPath: nil, outputPath: path(names.roster),
            exportModelPath: nil, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, overwrite: overwrite
        ).run(progress: progress)
        guard schedule.violations.isEmpty else {
            throw PlanningError("the roster breaks \(schedule.violations.count) rule(s) and was written only as \(schedule.writtenPath); "
                                + "no report was made:\n" + schedule.violationLines.joined(separator: "\n"))
        }
        progress("4/4 report" + (replications > 0 ? " (simulating \(replications) weeks)" : ""))
        let reported = try report.run()
        return Outcome(forecast: forecast, staffing: staffing, schedule: schedule, report: reported,
                       written: [path(names.forecast), path(names.requirements), path(names.roster)] + reported.written)
    }
}
