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
    /// Weeks the roster covers (`--weeks`, 1 to 6), from ``week``: each week is measured with
    /// the weeks before it carried in, and the files cover the horizon.
    public var weeks = 1

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
        /// The week's report; over several weeks, the first week's (see ``horizon``).
        public let report: RosterReport
        /// Over several weeks (`--weeks`), every week's report and the horizon's figures; nil
        /// for one week.
        public var horizon: HorizonReport?
        /// Paths written, in order.
        public let written: [String]
        /// What the staffing of the forecast noticed (rows in closed intervals, open intervals
        /// without a row).
        public let warnings: [String]

        /// 0 when every target is met in every interval, 2 when the report was written but
        /// targets are missed.
        public var exitCode: Int32 { (horizon?.targetsMet ?? report.targetsMet) ? 0 : 2 }
        /// The report for a terminal.
        public func text() -> String { horizon.map(HorizonReportText.render) ?? ReportText.render(report) }
        /// The report as JSON (schema `wfm.report/1`, or `wfm.report-horizon/1` over several weeks).
        public func json() throws -> String { try horizon.map { try JSONOutput.text($0) } ?? JSONOutput.text(report) }
        /// Per queue and interval, as CSV (every week's, in order).
        public func csv() -> String { horizon.map { HorizonFiles.joined($0.weeks.map(ReportCSV.intervals)) } ?? ReportCSV.intervals(report) }
    }

    /// The files a report folder holds.
    public static let folderFiles = (json: "report.json", intervals: "report-intervals.csv", periods: "report-periods.csv",
                                     schedule: "agent-schedule.csv", html: "report.html")

    /// Runs the job.
    /// - Throws: ``InputError`` for bad input, ``PlanningError`` for unattainable targets.
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        try checkReplications()
        guard (1...PlanningHorizon.maximumWeeks).contains(weeks) else {
            throw PlanningError("--weeks must be 1 to \(PlanningHorizon.maximumWeeks), got \(weeks)")
        }
        for path in plannedFiles().map(\.path) { try AtomicFileWriter.checkWritable(path, overwrite: overwrite) }
        var center = try CommandVocabulary.applyingVerdict(verdict, to: try CenterReader.read(path: configPath), simulates: replications != nil)
        if let week = try CommandVocabulary.week(week) { center.weekStart = week }
        guard let agentsFile = agentsPath ?? center.agentsPath else {
            throw PlanningError("no agents file: pass --agents or set agents in \(configPath)")
        }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        for path in calendarPaths(agents) { try AtomicFileWriter.checkWritable(path, overwrite: overwrite) }
        if weeks > 1 { return try runHorizon(center: center, agents: agents, progress: progress) }
        let forecast = try ForecastReader.read(path: forecastPath, center: center, grid: center.timeGrid)
        try StaffJob.checkQuantiles(forecast, percentile: center.staffingPercentile, path: forecastPath)
        let shifts = try RosterFiles.read(path: rosterPath, timeZone: center.timeZone)
        let previous = HorizonPrevious(shifts: try PreviousRostersReader.shifts(paths: previousPaths, center: center), weeks: previousPaths.count)
        progress("staffing the forecast")
        let plan = try StaffingPlanner.plan(center: center, forecast: forecast)
        let week = PlanningHorizon(firstWeekStart: center.weekStart, weeks: 1)
        let checker = previous.checker(center: center, agents: agents, horizon: week)
        var evaluation = try evaluate(shifts, center: center, agents: agents, previous: checker.carried(into: 0, shifts: []),
                                      requirements: plan.rows, progress: progress)
        evaluation.report.ruleViolations += checker.violationsOverWeeks(in: shifts.filter { week.week(of: $0.date) != nil }).map(\.description)
        return Outcome(report: evaluation.report, written: try write(evaluation), warnings: plan.warnings)
    }

    /// A roster measured: the report and what each agent receives.
    struct Evaluation {
        /// The week's report; its broken rules include the rules over weeks (rotations,
        /// weekends off) where the caller checks them.
        var report: RosterReport
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
        let written = try writeFiles { kind in
            switch kind {
            case .json: try JSONOutput.text(evaluation.report)
            case .intervals: ReportCSV.intervals(evaluation.report)
            case .periods: ReportCSV.periods(evaluation.report)
            case .schedule: evaluation.schedule.csv()
            case .html: HTMLReport.render(evaluation.report, schedule: evaluation.schedule, timeZone: center.timeZone)
            }
        }
        return written + (try writeCalendars(agents: evaluation.agents, schedules: [evaluation.schedule], center: center))
    }

    /// Writes the files of a horizon: `evaluations` (one per week, in order) and `horizon`.
    /// - Returns: what was written, in order.
    func write(_ evaluations: [Evaluation], horizon: HorizonReport) throws -> [String] {
        let center = evaluations[0].center
        let written = try writeFiles { kind in
            switch kind {
            case .json: try JSONOutput.text(horizon)
            case .intervals: HorizonFiles.joined(horizon.weeks.map(ReportCSV.intervals))
            case .periods: ReportCSV.periods(horizon)
            case .schedule: HorizonFiles.joined(evaluations.map { $0.schedule.csv() })
            case .html: HorizonHTMLReport.render(horizon, schedules: evaluations.map(\.schedule), timeZone: center.timeZone)
            }
        }
        return written + (try writeCalendars(agents: evaluations[0].agents, schedules: evaluations.map(\.schedule), center: center))
    }

    private func writeFiles(_ contents: (FileKind) throws -> String) throws -> [String] {
        try plannedFiles().map { destination in
            try AtomicFileWriter.write(try contents(destination.kind), to: destination.path, overwrite: overwrite)
            return destination.path
        }
    }

    /// One iCalendar file per agent with every day of `schedules` (one per week, in order).
    private func writeCalendars(agents: [Agent], schedules: [AgentSchedule], center: Center) throws -> [String] {
        guard let icsDirectory else { return [] }
        let begin = TimeGrid.startOfDay(center.weekStart, in: center.timeZone)
        let calendars = calendarPaths(agents)
        for (index, (agent, path)) in zip(agents, calendars).enumerated() {
            let days = schedules.flatMap { $0.days[(index * 7)..<(index * 7 + 7)] }
            try AtomicFileWriter.write(ICalendarWriter.calendar(agent: agent, days: days, centerName: center.name, weekStart: begin),
                                       to: path, overwrite: overwrite)
        }
        return ["\(icsDirectory) (\(calendars.count) iCalendar files)"]
    }

    /// The names of the files the report folder will hold.
    var reportFolderFiles: [String] {
        guard outDirectory != nil else { return [] }
        let names = Self.folderFiles
        return [names.json, names.intervals, names.periods, names.schedule, names.html]
    }

    private enum FileKind { case json, intervals, periods, schedule, html }

    private struct Destination {
        let path: String
        let kind: FileKind
    }

    private func plannedFiles() -> [Destination] {
        var files: [Destination] = []
        if let outDirectory {
            let path = { (name: String) in (outDirectory as NSString).appendingPathComponent(name) }
            let names = Self.folderFiles
            files += [
                Destination(path: path(names.json), kind: .json), Destination(path: path(names.intervals), kind: .intervals),
                Destination(path: path(names.periods), kind: .periods), Destination(path: path(names.schedule), kind: .schedule),
                Destination(path: path(names.html), kind: .html),
            ]
        }
        if let htmlPath { files.append(Destination(path: htmlPath, kind: .html)) }
        return files
    }
}
