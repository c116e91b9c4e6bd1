import Foundation
import WFMCore
import WFMForecasting
import WFMIO
import WFMReporting
import WFMScheduling

/// `wfm intraday`: reforecasts the rest of today from the actuals so far and, given the
/// published roster, measures it as planned and as it stands now (the reforecast, agents
/// absent) and repairs it from now plus the lead time on (``IntradayPlanner``).
public struct IntradayJob: Sendable {
    public var configPath: String
    public var forecastPath: String
    public var actualsPath: String
    /// The cut-off, `YYYY-MM-DDTHH:MM` (local to the center) or with an offset.
    public var now: String
    /// roster.csv; nil for the reforecast alone.
    public var rosterPath: String?
    /// agents.csv; nil for the path in center.yaml.
    public var agentsPath: String?
    /// history.csv to learn the adjustment from; nil for the path in center.yaml (when it
    /// exists).
    public var historyPath: String?
    /// The forecasting method whose week-ahead forecasts the adjustment is learned on.
    public var method = "auto"
    /// Agents not there: `A017` for the whole day, `A017@13:00` from 13:00 to the end of it.
    public var absent: [String] = []
    /// Minutes after `now` before which nothing changes.
    public var leadMinutes = 30
    /// Overtime any agent may work today, in hours (0: none offered); nil for each contract's
    /// `overtime` in center.yaml.
    public var overtimeHours: Double?
    /// What an overtime hour costs in paid hours, with ``overtimeHours``.
    public var overtimePayFactor = 1.5
    /// Whether agents on a day off may be called in.
    public var callIn = false
    /// Replications of the rest of the day to simulate (0: the formula only).
    public var replications = 10
    /// The simulation's seed.
    public var seed: UInt64 = 1
    /// Rosters of the weeks before (`--previous`), oldest first.
    public var previousPaths: [String] = []
    /// Where to write the result as JSON, CSV (the rest-of-day rows) and HTML, if anywhere.
    public var jsonPath: String?
    public var csvPath: String?
    public var htmlPath: String?
    /// Where to write the roster after the actions (`--apply --out`).
    public var rosterOutPath: String?
    /// Whether existing output files may be replaced.
    public var overwrite = false

    /// The most minutes of lead time.
    public static let maximumLeadMinutes = 24 * 60

    /// Creates the job.
    public init(configPath: String, forecastPath: String, actualsPath: String, now: String) {
        self.configPath = configPath
        self.forecastPath = forecastPath
        self.actualsPath = actualsPath
        self.now = now
    }

    /// The result and the roster after the actions (nil without a roster).
    public struct Outcome: Sendable {
        public let result: IntradayResult
        /// The roster after the actions, as roster.csv text.
        public let rosterCSV: String?
        /// The HTML page of the day.
        public let html: String
    }

    /// Runs the job and writes the files asked for, each whole.
    /// - Returns: the outcome and the paths written.
    /// - Throws: ``InputError`` for bad files, ``PlanningError`` for bad arguments.
    public func run() throws -> (outcome: Outcome, written: [String]) {
        if rosterOutPath != nil, rosterPath == nil { throw PlanningError("--apply needs --roster: there is no roster to change") }
        let files: [(String?, (Outcome) throws -> String?)] = [
            (jsonPath, { try IntradayPresenter.json($0.result) }), (csvPath, { IntradayPresenter.csv($0.result) }),
            (htmlPath, { $0.html }), (rosterOutPath, { $0.rosterCSV }),
        ]
        for case let (path?, _) in files { try AtomicFileWriter.checkWritable(path, overwrite: overwrite) }
        let outcome = try evaluate()
        var written: [String] = []
        for case let (path?, contents) in files {
            guard let text = try contents(outcome) else { continue }
            try AtomicFileWriter.write(text, to: path, overwrite: overwrite)
            written.append(path)
        }
        return (outcome, written)
    }

    /// Reforecasts, measures and repairs in memory.
    private func evaluate() throws -> Outcome {
        guard (0...Self.maximumLeadMinutes).contains(leadMinutes) else {
            throw PlanningError("--lead takes 0 to \(Self.maximumLeadMinutes) minutes, got \(leadMinutes)")
        }
        var center = try CenterReader.read(path: configPath)
        let instant = try cutoff(center)
        let today = LocalDateTime(instant, in: center.timeZone).date
        center.weekStart = Self.weekStart(containing: today, weekday: center.weekStart.weekday)
        let grid = center.timeGrid
        let forecast = try ForecastReader.read(path: forecastPath, center: center, grid: grid)
        guard forecast.contains(where: { grid.intervals[$0.interval].local.date == today }) else {
            throw PlanningError("\(forecastPath): has no rows for \(today), the day of --now (expected the forecast of the week holding it)")
        }
        let actuals = try ActualsReader.read(path: actualsPath, center: center, grid: grid, now: instant)
        var notes: [String] = []
        let models = try intradayModels(center: center, notes: &notes)
        let (reforecast, queues) = IntradayReforecaster.reforecast(center: center, grid: grid, now: instant, forecast: forecast,
                                                                   actuals: actuals, models: models)
        notes += queues.compactMap { $0.unreportedIntervals > 0 ? "queue '\($0.queue)': \($0.unreportedIntervals) ended interval(s) have no actuals; left out of the ratio" : nil }
        var planner = IntradayPlanner(center: center, now: instant, forecast: forecast, reforecast: reforecast, queues: queues)
        planner.actuals = actuals
        planner.replications = replications
        planner.seed = seed
        guard let rosterPath else {
            let result = try planner.result(notes: notes)
            return Outcome(result: result, rosterCSV: nil, html: IntradayHTML.render(result, center: center, now: instant, actuals: actuals, forecast: forecast))
        }
        guard let agentsFile = agentsPath ?? center.agentsPath else {
            throw PlanningError("no agents file: pass --agents or set agents in \(configPath)")
        }
        let previousShifts = try PreviousRostersReader.shifts(paths: previousPaths, center: center)
        let agents = WeekRules.agents(try AgentsReader.read(path: agentsFile, center: center), center: center, previousShifts: previousShifts)
        let absent = try absences(center: center, day: today)
        let unknown = absent.keys.filter { id in !agents.contains { $0.id == id } }.sorted()
        guard unknown.isEmpty else {
            throw PlanningError("--absent: \(unknown.joined(separator: ", ")) not in \(agentsFile) (expected agent ids from its id column)")
        }
        planner.roster = IntradayPlanner.Roster(
            shifts: try RosterFiles.read(path: rosterPath, timeZone: center.timeZone), agents: agents,
            previous: HorizonPrevious(shifts: previousShifts, weeks: previousPaths.count).carried(intoWeekOf: center), absent: absent,
            changesFrom: instant.addingTimeInterval(Double(leadMinutes * 60)),
            overtime: overtime(center: center, agents: agents),
            callIn: callIn)
        let (result, shifts) = try planner.planned(notes: notes)
        return Outcome(result: result, rosterCSV: RosterFiles.csv(shifts, timeZone: center.timeZone),
                       html: IntradayHTML.render(result, center: center, now: instant, actuals: actuals, forecast: forecast))
    }

    /// Per agent of `--absent`, from when they are away today.
    private func absences(center: Center, day: LocalDate) throws -> [String: Date] {
        var away: [String: Date] = [:]
        for entry in absent.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "@", maxSplits: 1).map(String.init)
            var from = TimeGrid.startOfDay(day, in: center.timeZone)
            if parts.count == 2 {
                guard let time = TimeOfDay(parts[1]), time.minutes < 1440,
                    let instant = LocalDateTime(date: day, minuteOfDay: time.minutes).instants(in: center.timeZone).first
                else {
                    throw PlanningError("--absent: '\(entry)' is not an agent id or id@HH:MM (expected such as A017 or A017@13:00)")
                }
                from = instant
            }
            away[parts[0]] = min(away[parts[0]] ?? from, from)
        }
        return away
    }

    /// `--overtime-hours` for everyone, else each contract's allowance for its agents.
    private func overtime(center: Center, agents: [Agent]) -> [OvertimeAllowance] {
        if let overtimeHours {
            guard overtimeHours > 0 else { return [] }
            return [OvertimeAllowance(maxMinutesPerShift: Int((overtimeHours * 60).rounded()), maxHoursPerWeek: overtimeHours, payFactor: overtimePayFactor)]
        }
        return OvertimeAllowance.contracts(center: center, agents: agents)
    }

    /// `--now` as an instant in the center's zone.
    private func cutoff(_ center: Center) throws -> Date {
        switch Timestamp(now.trimmingCharacters(in: .whitespaces)) {
        case .exact(let instant, _):
            return instant
        case .local(let wall):
            guard let instant = wall.instants(in: center.timeZone).first else {
                throw PlanningError("--now: '\(now)' does not exist in \(center.timeZone.identifier) (skipped by a DST change)")
            }
            return instant
        case nil:
            throw PlanningError("--now: '\(now)' is not a time (expected YYYY-MM-DDTHH:MM, such as 2026-11-30T10:30)")
        }
    }

    /// The latest `weekday` on or before `date`.
    static func weekStart(containing date: LocalDate, weekday: Weekday) -> LocalDate {
        var start = date
        while start.weekday != weekday { start = start.adding(days: -1) }
        return start
    }

    /// Per queue, the model learned from the history (``Forecaster/intradayModel(queue:week:strategy:specialDays:)``);
    /// empty, with a note, when there is no history to learn from.
    private func intradayModels(center: Center, notes: inout [String]) throws -> [String: IntradayModel] {
        let path = historyPath ?? center.historyPath.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        guard let path else {
            notes.append("no history to learn from (--history): the rest of the day moves by the default adjustment "
                + "(\(IntradayAdjustment.fallback)), with no band of its own and no level-shift test")
            return [:]
        }
        guard let strategy = ForecastMethodCatalog.strategy(named: method) else {
            throw PlanningError("unknown method '\(method)' (expected one of \(ForecastMethodCatalog.names.joined(separator: ", ")))")
        }
        let history = try HistoryReader.read(path: path, center: center, ignoringUnknownQueues: true)
        let forecaster: Forecaster
        do {
            forecaster = try Forecaster(center: center, records: history.records, historyMinutes: history.intervalMinutes)
        } catch let error as ForecastingError {
            throw PlanningError("\(path): \(error.message)")
        }
        var models: [String: IntradayModel] = [:]
        for queue in center.queues {
            let model = forecaster.intradayModel(queue: queue.id, week: center.weekStart, strategy: strategy)
            models[queue.id] = model
            notes.append("queue '\(queue.id)': " + (model.trainingDays > 0
                ? "\(model.adjustment), learned from \(model.trainingDays) days of \(method) forecasts in the \(ForecastErrorModel.calibrationWeeks) weeks before"
                : "too few forecast days in \(path) to learn from; \(model.adjustment) (default)"))
        }
        return models
    }
}
