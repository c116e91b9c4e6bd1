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
    /// Staff for this quantile of each interval's calls; nil for center.yaml's
    /// `staffing.percentile` (or the point forecast).
    public var percentile: Double?
    /// Weeks to staff (`--weeks`, 1 to 6), from ``week``: the forecast covers them all, and
    /// one file holds their requirements.
    public var weeks = 1

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

        /// The percentile staffed for, if any.
        public let percentile: Double?
        /// The first day of the week staffed.
        public let weekStart: LocalDate

        /// The targets, the table of totals per queue and day, what staffing for a percentile
        /// costs, then "Wrote N rows to PATH".
        public func text(outputPath: String) -> String {
            var text = "Targets: " + targets.joined(separator: "; ") + "\n" + summary.table().render()
            if let percentile, let point = summary.totals.pointForecastAgentHours {
                let extra = summary.totals.agentHours - point
                text += "Staffed for the \(NumberFormatting.percent(percentile, 0)) quantile of each interval's calls (its targets met with that "
                    + "probability): \(NumberFormatting.fixed(summary.totals.agentHours, 1)) agent-hours, \(NumberFormatting.fixed(extra, 1)) more than "
                    + "the point forecast's \(NumberFormatting.fixed(point, 1)) (+\(NumberFormatting.percent(point > 0 ? extra / point : 0, 1))).\n"
            }
            return text + "Wrote \(plan.rows.count) rows to \(outputPath)"
        }

        /// The text of staffing over `outcomes`' weeks: one week as ``text(outputPath:)``,
        /// several as each week's table under its first day, then the rows in all.
        public static func text(_ outcomes: [Outcome], outputPath: String) -> String {
            guard outcomes.count > 1 else { return outcomes.first?.text(outputPath: outputPath) ?? "" }
            let weeks = outcomes.map { outcome in
                "Week of \(outcome.weekStart):\n" + outcome.summary.table().render()
            }
            return "Targets: " + outcomes[0].targets.joined(separator: "; ") + "\n" + weeks.joined()
                + "Wrote \(outcomes.reduce(0) { $0 + $1.plan.rows.count }) rows for \(outcomes.count) weeks to \(outputPath)"
        }
    }

    /// Runs the job.
    /// - Returns: one outcome per week, in order.
    /// - Throws: ``InputError`` for bad input files, ``PlanningError`` for unattainable targets
    ///   or a horizon out of range.
    public func run() throws -> [Outcome] {
        guard (1...PlanningHorizon.maximumWeeks).contains(weeks) else {
            throw PlanningError("--weeks must be 1 to \(PlanningHorizon.maximumWeeks), got \(weeks)")
        }
        try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite)
        var center = try CenterReader.read(path: configPath)
        if let week = try CommandVocabulary.week(week) { center.weekStart = week }
        let horizon = PlanningHorizon(firstWeekStart: center.weekStart, weeks: weeks)
        var texts: [String] = []
        let outcomes = try horizon.weekStarts.indices.map { index in
            let weekCenter = horizon.center(center, week: index)
            let forecast = try ForecastReader.read(path: forecastPath, center: weekCenter, grid: weekCenter.timeGrid,
                                                   horizon: weeks > 1 ? horizon : nil)
            let outcome = try Self.staff(center: weekCenter, forecast: forecast, forecastPath: forecastPath, percentile: percentile)
            texts.append(TableWriters.requirementsCSV(outcome.plan.rows, grid: weekCenter.timeGrid))
            return outcome
        }
        try AtomicFileWriter.write(HorizonFiles.joined(texts), to: outputPath, overwrite: overwrite)
        return outcomes
    }

    /// Staffs `forecast` (read from `forecastPath`) for `percentile`, or center.yaml's, in
    /// memory (`wfm plan` hands it to the next stage).
    /// - Throws: ``InputError`` when the percentile needs quantiles the forecast lacks,
    ///   ``PlanningError`` for unattainable targets.
    static func staff(center: Center, forecast: [ForecastEntry], forecastPath: String, percentile: Double?) throws -> Outcome {
        try Self.checkQuantiles(forecast, percentile: percentile ?? center.staffingPercentile, path: forecastPath)
        let plan = try StaffingPlanner.plan(center: center, forecast: forecast, percentile: percentile)
        let targets = center.queues.map { "\($0.id): \(ErlangReport.Targets(StaffingTargets(queue: $0)).text)" }
        return Outcome(plan: plan, summary: RequirementsSummary(rows: plan.rows, grid: center.timeGrid, queueOrder: center.queues.map(\.id)),
                       targets: targets, percentile: percentile ?? center.staffingPercentile, weekStart: center.weekStart)
    }

    /// Throws when staffing for `percentile` (other than 0.5) needs quantiles the forecast at
    /// `path` does not have, naming the file's header.
    /// - Throws: ``InputError``.
    static func checkQuantiles(_ forecast: [ForecastEntry], percentile: Double?, path: String) throws {
        guard let level = percentile, level != 0.5, !forecast.contains(where: { !$0.quantiles.isEmpty }) else { return }
        throw InputError(Diagnostic(file: path, line: 1, field: "header",
                                    problem: "no calls_pNN columns: staffing for the \(NumberFormatting.percent(level, 0)) quantile needs the forecast's quantiles",
                                    expected: "a forecast.csv written by wfm forecast (calls_p10 to calls_p95)"))
    }
}
