import Foundation
import WFMCore
import WFMGLPK
import WFMIO
import WFMOptimization
import WFMScheduling

/// `wfm schedule`: reads center.yaml, agents.csv and requirements.csv, makes the roster of the
/// week (or of ``weeks`` weeks, one after the other) with GLPK, checks it against every rule,
/// and writes roster.csv; the model, if asked, is written before solving. A roster that breaks a rule is never written under the requested name: it
/// goes beside it, as `NAME.rejected.csv`, for inspection.
public struct ScheduleJob: Sendable {
    public var configPath: String
    public var requirementsPath: String
    public var agentsPath: String?
    public var outputPath: String
    public var exportModelPath: String?
    /// The wall-clock backstop of the whole run, in seconds (1 s to a day).
    public var timeLimitSeconds: Double
    /// The relative gap at which the group plan stops, a fraction.
    public var relativeGap: Double
    public var overwrite: Bool
    /// The week to schedule; nil for `week_start` in center.yaml.
    public var week: String?
    /// Rosters of the weeks before, oldest first (`--previous`): rest and consecutive days
    /// hold across the week's start.
    public var previousPaths: [String] = []
    /// Weeks to plan as one horizon (`--weeks`, 1 to 6), from ``week``.
    public var weeks = 1

    /// Creates the job.
    public init(configPath: String, requirementsPath: String, agentsPath: String?, outputPath: String, exportModelPath: String?,
                timeLimitSeconds: Double, relativeGap: Double, overwrite: Bool, week: String? = nil) {
        self.week = week
        self.configPath = configPath
        self.requirementsPath = requirementsPath
        self.agentsPath = agentsPath
        self.outputPath = outputPath
        self.exportModelPath = exportModelPath
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.overwrite = overwrite
    }

    /// The roster, its checks, and where it was written.
    public struct Outcome: Sendable {
        public let schedule: ScheduleOutcome
        public let violations: [RuleViolation]
        public let grid: TimeGrid
        /// The queues in center.yaml order.
        public let queues: [String]
        /// Where the roster was written: the requested file, or `NAME.rejected.csv` beside it
        /// when a rule is broken.
        public let writtenPath: String
        /// The gap asked for, a fraction.
        public let requestedGap: Double
        /// The time limit, in seconds.
        public let timeLimitSeconds: Double
    }

    /// The path a rule-breaking roster is written to instead of `path`.
    public static func rejectedPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = (path as NSString).deletingLastPathComponent
        let name = "\(stem).rejected.\(url.pathExtension.isEmpty ? "csv" : url.pathExtension)"
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Runs the job: the roster of every week of the horizon, in one file.
    /// - Throws: ``InputError``, ``SchedulingError``, ``PlanningError`` or ``OptimizationError``.
    public func run(progress: (String) -> Void = { _ in }) throws -> HorizonOutcome {
        try checkLimits()
        try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite)
        let modelFormat = try exportModelPath.map { path in
            try AtomicFileWriter.checkWritable(path, overwrite: overwrite)
            guard let format = ModelFileFormat(fileExtension: URL(fileURLWithPath: path).pathExtension) else {
                throw PlanningError("\(path): the model file must end in .mps or .lp")
            }
            return format
        }
        var center = try CenterReader.read(path: configPath)
        if let week = try CommandVocabulary.week(week) { center.weekStart = week }
        guard let agentsFile = agentsPath ?? center.agentsPath else {
            throw PlanningError("no agents file: pass --agents or set agents in \(configPath)")
        }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        let horizon = PlanningHorizon(firstWeekStart: center.weekStart, weeks: weeks)
        let requirements = try horizon.weekStarts.indices.map { index in
            try RequirementsReader.read(path: requirementsPath, center: center, grid: horizon.center(center, week: index).timeGrid,
                                        horizon: weeks > 1 ? horizon : nil)
        }
        let previous = HorizonPrevious(shifts: try PreviousRostersReader.shifts(paths: previousPaths, center: center), weeks: previousPaths.count)
        if let exportModelPath, let format = modelFormat {
            var problem = try ScheduleProblem(center: center, agents: agents, requirements: requirements[0])
            problem.previous = previous.carried(intoWeekOf: center)
            let model = Scheduler<GLPKSolver>.groupModel(of: problem)
            try AtomicFileWriter.write(try model.exported(as: format), to: exportModelPath, overwrite: overwrite)
        }
        let outcome = try schedule(center: center, agents: agents, horizon: horizon, requirements: requirements, previous: previous,
                                   progress: progress)
        try AtomicFileWriter.write(RosterFiles.csv(outcome.shifts, timeZone: center.timeZone), to: outcome.writtenPath, overwrite: overwrite)
        return outcome
    }

    /// Throws unless the time limit, gap and weeks are in range.
    func checkLimits() throws {
        guard (1...PlanningHorizon.maximumWeeks).contains(weeks) else {
            throw PlanningError("--weeks must be 1 to \(PlanningHorizon.maximumWeeks), got \(weeks)")
        }
        if weeks > 1, exportModelPath != nil {
            throw PlanningError("--export-model writes one week's model; leave out --weeks (or use --week for the week wanted)")
        }
        guard timeLimitSeconds >= 1, timeLimitSeconds <= InputLimits.maximumTimeLimitSeconds else {
            throw PlanningError("the time limit must be from 1 s to a day, got \(timeLimitSeconds) s")
        }
        guard relativeGap >= 0, relativeGap < 1 else { throw PlanningError("the gap must be a fraction in [0, 1), got \(relativeGap)") }
    }
}
