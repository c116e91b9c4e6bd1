import Foundation
import WFMCore
import WFMIO
import WFMReporting

/// `wfm report`: measures any roster.csv (the scheduler's or one edited by hand) against the
/// forecast's service level and utilization targets, by formula and optionally by simulation,
/// and writes the report files. A roster that breaks a rule is reported, not refused.
public struct ReportJob: Sendable {
    public var configPath: String
    public var forecastPath: String
    public var rosterPath: String
    /// agents.csv; nil for the path in center.yaml.
    public var agentsPath: String?
    /// The week; nil for `week_start` in center.yaml.
    public var week: String?
    /// Replications of the week to simulate; nil for the formula only.
    public var replications: Int?
    /// The simulation's seed.
    public var seed: UInt64
    /// Where to write the HTML report, if anywhere (besides `outDirectory`).
    public var htmlPath: String?
    /// A folder for every report file: report.json, report-intervals.csv, report-periods.csv,
    /// agent-schedule.csv and report.html.
    public var outDirectory: String?
    /// A folder for one iCalendar file per agent.
    public var icsDirectory: String?
    public var overwrite: Bool
    /// Rosters of the weeks before, oldest first (`--previous`): rest and consecutive days
    /// are checked across the week's start.
    public var previousPaths: [String] = []
    /// `--verdict`: formula or simulation; nil for `report.verdict` in center.yaml.
    public var verdict: String?

    /// The most replications a report runs.
    public static let maximumReplications = 10_000

    /// Creates the job.
    public init(configPath: String, forecastPath: String, rosterPath: String, agentsPath: String? = nil, week: String? = nil,
                replications: Int? = nil, seed: UInt64 = 1, htmlPath: String? = nil, outDirectory: String? = nil,
                icsDirectory: String? = nil, overwrite: Bool = false) {
        self.configPath = configPath
        self.forecastPath = forecastPath
        self.rosterPath = rosterPath
        self.agentsPath = agentsPath
        self.week = week
        self.replications = replications
        self.seed = seed
        self.htmlPath = htmlPath
        self.outDirectory = outDirectory
        self.icsDirectory = icsDirectory
        self.overwrite = overwrite
    }

    /// The report and the files written.
    public struct Outcome: Sendable {
        public let report: RosterReport
        /// Paths written, in order.
        public let written: [String]
        /// What the staffing of the forecast noticed (rows in closed intervals, open intervals
        /// without a row).
        public let warnings: [String]

        /// 0 when every target is met in every interval, 2 when the report was written but
        /// targets are missed.
        public var exitCode: Int32 { report.targetsMet ? 0 : 2 }
        /// The report for a terminal.
        public func text() -> String { ReportText.render(report) }
        /// The report as JSON (schema `wfm.report/1`).
        public func json() throws -> String { try JSONOutput.text(report) }
        /// Per queue and interval, as CSV.
        public func csv() -> String { ReportCSV.intervals(report) }
    }

    /// The files a report folder holds.
    public static let folderFiles = (json: "report.json", intervals: "report-intervals.csv", periods: "report-periods.csv",
                                     schedule: "agent-schedule.csv", html: "report.html")

    /// Runs the job.
    /// - Throws: ``InputError`` for bad input, ``PlanningError`` for unattainable targets.
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        try checkReplications()
        for path in plannedFiles().map(\.path) { try AtomicFileWriter.checkWritable(path, overwrite: overwrite) }
        var center = try CommandVocabulary.applyingVerdict(verdict, to: try CenterReader.read(path: configPath), simulates: replications != nil)
        if let week = try CommandVocabulary.week(week) { center.weekStart = week }
        guard let agentsFile = agentsPath ?? center.agentsPath else {
            throw PlanningError("no agents file: pass --agents or set agents in \(configPath)")
        }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        for path in calendarPaths(agents) { try AtomicFileWriter.checkWritable(path, overwrite: overwrite) }
        let forecast = try ForecastReader.read(path: forecastPath, center: center, grid: center.timeGrid)
        try StaffJob.checkQuantiles(forecast, percentile: center.staffingPercentile, path: forecastPath)
        let shifts = try RosterFiles.read(path: rosterPath, timeZone: center.timeZone)
        let previous = try PreviousRostersReader.read(paths: previousPaths, center: center)
        progress("staffing the forecast")
        let plan = try StaffingPlanner.plan(center: center, forecast: forecast)
        let evaluation = try evaluate(shifts, center: center, agents: agents, previous: previous, requirements: plan.rows, progress: progress)
        return Outcome(report: evaluation.report, written: try write(evaluation), warnings: plan.warnings)
    }

    /// A roster measured: the report and what each agent receives.
    struct Evaluation {
        let report: RosterReport
        let schedule: AgentSchedule
        let center: Center
        let agents: [Agent]
    }

    /// Throws unless the replications are in range.
    func checkReplications() throws {
        if let replications, !(1...Self.maximumReplications).contains(replications) {
            throw PlanningError("the simulation takes 1 to \(Self.maximumReplications) replications, got \(replications)")
        }
    }

    /// Measures `shifts` against `requirements` (the staffing of the forecast), in memory, its
    /// rules checked across the week's start against `previous`.
    /// - Throws: ``QueueingError`` if a load is invalid.
    func evaluate(_ shifts: [RosterShift], center: Center, agents: [Agent], previous: PreviousRosters, requirements: [IntervalRequirement],
                  progress: (String) -> Void) throws -> Evaluation {
        if let replications { progress("evaluating the roster and simulating \(replications) weeks") }
        let simulation = replications.map { SimulationOptions(replications: $0, seed: seed) }
        var evaluator = RosterEvaluator(center: center, agents: agents)
        evaluator.previous = previous
        let report = try evaluator.evaluate(shifts: shifts, requirements: requirements, simulation: simulation)
        return Evaluation(report: report, schedule: AgentSchedule(center: center, agents: agents, shifts: shifts), center: center, agents: agents)
    }

    /// Where the iCalendar files of `agents` go (none without ``icsDirectory``).
    func calendarPaths(_ agents: [Agent]) -> [String] {
        guard let icsDirectory else { return [] }
        return agents.map { (icsDirectory as NSString).appendingPathComponent(ICalendarWriter.fileName(for: $0)) }
    }

    /// Writes the report files and calendars of `evaluation`, each whole.
    /// - Returns: what was written, in order.
    func write(_ evaluation: Evaluation) throws -> [String] {
        let center = evaluation.center
        var written: [String] = []
        for destination in plannedFiles() {
            try AtomicFileWriter.write(try destination.contents(evaluation.report, evaluation.schedule, center), to: destination.path,
                                       overwrite: overwrite)
            written.append(destination.path)
        }
        let weekBegin = TimeGrid.startOfDay(center.weekStart, in: center.timeZone)
        let calendars = calendarPaths(evaluation.agents)
        for (index, (agent, path)) in zip(evaluation.agents, calendars).enumerated() {
            let days = Array(evaluation.schedule.days[(index * 7)..<(index * 7 + 7)])
            try AtomicFileWriter.write(ICalendarWriter.calendar(agent: agent, days: days, centerName: center.name, weekStart: weekBegin),
                                       to: path, overwrite: overwrite)
        }
        if let icsDirectory { written.append("\(icsDirectory) (\(calendars.count) iCalendar files)") }
        return written
    }

    /// The names of the files the report folder will hold.
    var reportFolderFiles: [String] {
        guard outDirectory != nil else { return [] }
        let names = Self.folderFiles
        return [names.json, names.intervals, names.periods, names.schedule, names.html]
    }

    private struct Destination {
        let path: String
        let contents: (RosterReport, AgentSchedule, Center) throws -> String
    }

    private func plannedFiles() -> [Destination] {
        var files: [Destination] = []
        if let outDirectory {
            let path = { (name: String) in (outDirectory as NSString).appendingPathComponent(name) }
            let names = Self.folderFiles
            files += [
                Destination(path: path(names.json)) { report, _, _ in try JSONOutput.text(report) },
                Destination(path: path(names.intervals)) { report, _, _ in ReportCSV.intervals(report) },
                Destination(path: path(names.periods)) { report, _, _ in ReportCSV.periods(report) },
                Destination(path: path(names.schedule)) { _, schedule, _ in schedule.csv() },
                Destination(path: path(names.html)) { report, schedule, center in HTMLReport.render(report, schedule: schedule, timeZone: center.timeZone) },
            ]
        }
        if let htmlPath {
            files.append(Destination(path: htmlPath) { report, schedule, center in HTMLReport.render(report, schedule: schedule, timeZone: center.timeZone) })
        }
        return files
    }
}
