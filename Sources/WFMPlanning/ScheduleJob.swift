import Foundation
import WFMCore
import WFMGLPK
import WFMIO
import WFMOptimization
import WFMScheduling

/// `wfm schedule`: reads center.yaml, agents.csv and requirements.csv, makes the roster with
/// GLPK, checks it against every rule, and writes roster.csv; the model, if asked, is written before solving.
public struct ScheduleJob: Sendable {
    public var configPath: String
    public var requirementsPath: String
    public var agentsPath: String?
    public var outputPath: String
    public var exportModelPath: String?
    public var options: ScheduleOptions
    public var overwrite: Bool

    /// Creates the job.
    public init(configPath: String, requirementsPath: String, agentsPath: String?, outputPath: String, exportModelPath: String?,
                options: ScheduleOptions, overwrite: Bool) {
        self.configPath = configPath
        self.requirementsPath = requirementsPath
        self.agentsPath = agentsPath
        self.outputPath = outputPath
        self.exportModelPath = exportModelPath
        self.options = options
        self.overwrite = overwrite
    }

    /// The roster and its checks.
    public struct Outcome: Sendable {
        public let schedule: ScheduleOutcome
        public let violations: [RuleViolation]
        public let timeZone: TimeZone
    }

    /// Runs the job.
    /// - Throws: ``InputError``, ``SchedulingError`` or ``OptimizationError``.
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite)
        let modelFormat = try exportModelPath.map { path in
            try AtomicFileWriter.checkWritable(path, overwrite: overwrite)
            guard let format = ModelFileFormat(fileExtension: URL(fileURLWithPath: path).pathExtension) else {
                throw PlanningError("\(path): the model file must end in .mps or .lp")
            }
            return format
        }
        let center = try CenterReader.read(path: configPath)
        guard let agentsFile = agentsPath ?? center.agentsPath else {
            throw PlanningError("no agents file: pass --agents or set agents in \(configPath)")
        }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        let requirements = try RequirementsReader.read(path: requirementsPath, center: center, grid: center.timeGrid)
        let problem = ScheduleProblem(center: center, agents: agents, requirements: requirements)
        if let exportModelPath, let format = modelFormat {
            let model = Scheduler<GLPKSolver>.groupModel(of: problem)
            try AtomicFileWriter.write(try model.exported(as: format), to: exportModelPath, overwrite: overwrite)
        }
        let schedule = try Scheduler(solver: GLPKSolver()).schedule(problem, options: options, progress: progress)
        let violations = RosterRuleChecker(center: center, agents: agents).violations(in: schedule.shifts)
        try AtomicFileWriter.write(RosterFiles.csv(schedule.shifts, timeZone: center.timeZone), to: outputPath, overwrite: overwrite)
        return Outcome(schedule: schedule, violations: violations, timeZone: center.timeZone)
    }
}
