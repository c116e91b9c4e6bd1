import WFMCore
import WFMIO
import WFMQueueing
import WFMReporting

/// `wfm staff`: reads center.yaml and forecast.csv, computes requirements and writes
/// requirements.csv — whole, or not at all.
public struct StaffJob: Sendable {
    /// center.yaml.
    public var configPath: String
    /// forecast.csv.
    public var forecastPath: String
    /// requirements.csv to write.
    public var outputPath: String
    /// Replace an existing output file.
    public var overwrite: Bool
    /// The week to staff; nil for `week_start` in center.yaml.
    public var week: String?

    /// Creates the job.
    public init(configPath: String, forecastPath: String, outputPath: String, overwrite: Bool, week: String? = nil) {
        self.configPath = configPath
        self.forecastPath = forecastPath
        self.outputPath = outputPath
        self.overwrite = overwrite
        self.week = week
    }

    /// What the job did.
    public struct Outcome: Sendable {
        /// The requirements and warnings.
        public let plan: StaffingPlan
        /// Per queue and day totals.
        public let summary: RequirementsSummary
        /// Each queue's targets as understood from center.yaml, e.g. `billing: 80% answered
        /// within 20 s, ASA ≤ 30 s`.
        public let targets: [String]

        /// The targets, the table of totals per queue and day, then "Wrote N rows to PATH".
        public func text(outputPath: String) -> String {
            "Targets: " + targets.joined(separator: "; ") + "\n" + summary.table().render() + "Wrote \(plan.rows.count) rows to \(outputPath)"
        }
    }

    /// Runs the job.
    /// - Throws: ``InputError`` for bad input files, ``PlanningError`` for unattainable targets.
    public func run() throws -> Outcome {
        try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite)
        var center = try CenterReader.read(path: configPath)
        if let week = try CommandVocabulary.week(week) { center.weekStart = week }
        let grid = center.timeGrid
        let forecast = try ForecastReader.read(path: forecastPath, center: center, grid: grid)
        let plan = try StaffingPlanner.plan(center: center, forecast: forecast)
        try AtomicFileWriter.write(TableWriters.requirementsCSV(plan.rows, grid: grid), to: outputPath, overwrite: overwrite)
        let targets = center.queues.map { "\($0.id): \(ErlangReport.Targets(StaffingTargets(queue: $0)).text)" }
        return Outcome(plan: plan, summary: RequirementsSummary(rows: plan.rows, grid: grid, queueOrder: center.queues.map(\.id)),
                       targets: targets)
    }
}
