import Foundation
import WFMCore
import WFMForecasting
import WFMIO

/// `wfm forecast`: reads center.yaml and history.csv, then either forecasts the planning week
/// into forecast.csv (written whole, or not at all) or backtests every method.
public struct ForecastJob: Sendable {
    /// center.yaml.
    public var configPath: String
    /// history.csv; nil for the `history` path in center.yaml.
    public var historyPath: String?
    /// The week to forecast; nil for `week_start` in center.yaml.
    public var week: String?
    /// A name from ``ForecastMethodCatalog/names``.
    public var method: String
    /// Whether forecasts handle special days (the days around closures, and center.yaml's
    /// `special_days`).
    public var specialDays = true
    /// Whether history rows of queues center.yaml does not name are left out (with a
    /// warning) rather than refused.
    public var ignoreUnknownQueues = false
    /// Weeks to forecast (`--weeks`, 1 to 6), from ``week``, into one file.
    public var weeks = 1

    /// Creates the job.
    public init(configPath: String, historyPath: String?, week: String?, method: String) {
        self.configPath = configPath
        self.historyPath = historyPath
        self.week = week
        self.method = method
    }

    /// The forecast and what was noticed on the way.
    public struct Outcome: Sendable {
        public let forecast: WeekForecast
        public let grid: TimeGrid
        public let historyWarnings: [String]

        /// The warnings of the history and the forecast, one line each.
        public var warningLines: [String] { historyWarnings + forecast.warnings }

        /// What shaped the forecast (special days, prediction intervals), one line each.
        public var noteLines: [String] { forecast.notes }

        /// "Wrote N rows to PATH (methods: queue: method, …)".
        public func summary(outputPath: String) -> String {
            "Wrote \(forecast.entries.count) rows to \(outputPath) (methods: \(methodList))"
        }

        private var methodList: String {
            forecast.methods.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }

        /// The summary of a forecast over `outcomes`' weeks: one week as ``summary(outputPath:)``,
        /// several as the rows in all and each week's methods.
        public static func summary(_ outcomes: [Outcome], outputPath: String) -> String {
            guard outcomes.count > 1 else { return outcomes.first?.summary(outputPath: outputPath) ?? "" }
            let rows = outcomes.reduce(0) { $0 + $1.forecast.entries.count }
            return "Wrote \(rows) rows for \(outcomes.count) weeks to \(outputPath)\n"
                + outcomes.map { "  week of \($0.grid.weekStart): \($0.forecast.entries.count) rows (methods: \($0.methodList))" }.joined(separator: "\n")
        }

        /// The warnings of a forecast over `outcomes`' weeks: the history's once, then each week's.
        public static func warningLines(_ outcomes: [Outcome]) -> [String] {
            (outcomes.first?.historyWarnings ?? []) + outcomes.flatMap { outcome in
                outcome.forecast.warnings.map { outcomes.count > 1 ? "week of \(outcome.grid.weekStart): \($0)" : $0 }
            }
        }

        /// The notes of a forecast over `outcomes`' weeks, each week's named when there are several.
        public static func noteLines(_ outcomes: [Outcome]) -> [String] {
            outcomes.flatMap { outcome in outcome.noteLines.map { outcomes.count > 1 ? "week of \(outcome.grid.weekStart): \($0)" : $0 } }
        }
    }

    /// Forecasts each week of the horizon and writes them to `outputPath`, one file.
    /// - Returns: one outcome per week, in order.
    /// - Throws: ``InputError`` for bad files, ``PlanningError`` naming the history file when it cannot
    ///   support a forecast, ``PlanningError`` for an unknown method or a horizon out of range.
    public func run(outputPath: String, overwrite: Bool) throws -> [Outcome] {
        guard (1...PlanningHorizon.maximumWeeks).contains(weeks) else {
            throw PlanningError("--weeks must be 1 to \(PlanningHorizon.maximumWeeks), got \(weeks)")
        }
        try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite)
        let center = try center()
        let horizon = PlanningHorizon(firstWeekStart: center.weekStart, weeks: weeks)
        let outcomes = try horizon.weekStarts.indices.map { try forecast(center: horizon.center(center, week: $0)) }
        let text = HorizonFiles.joined(outcomes.map { TableWriters.forecastCSV($0.forecast.entries, grid: $0.grid) })
        try AtomicFileWriter.write(text, to: outputPath, overwrite: overwrite)
        return outcomes
    }

    /// Forecasts `center`'s week in memory (`wfm plan` hands it to the next stage).
    /// - Throws: as ``run(outputPath:overwrite:)``.
    func forecast(center: Center) throws -> Outcome {
        guard let strategy = ForecastMethodCatalog.strategy(named: method) else {
            throw PlanningError("unknown method '\(method)' (expected one of \(ForecastMethodCatalog.names.joined(separator: ", ")))")
        }
        let (forecaster, warnings, historyPath) = try load(center)
        let grid = center.timeGrid
        let forecast = try naming(historyPath) { try forecaster.forecast(grid: grid, strategy: strategy, specialDays: specialDays) }
        return Outcome(forecast: forecast, grid: grid, historyWarnings: warnings)
    }

    /// Backtests `auto` and every method over the last `weeks` full weeks of history.
    /// - Parameter progress: receives a line before each queue-and-method run.
    public func backtest(weeks: Int, progress: (String) -> Void = { _ in }) throws -> (report: BacktestReport, warnings: [String]) {
        let center = try center()
        let (forecaster, warnings, _) = try load(center)
        let strategies = ForecastMethodCatalog.names.compactMap(ForecastMethodCatalog.strategy(named:))
        let report = BacktestReport(forecaster: forecaster, strategies: strategies, weekCount: weeks,
                                    weekStartDay: center.weekStart.weekday, specialDays: specialDays, progress: progress)
        return (report, warnings + forecaster.exclusionWarnings)
    }

    /// The cut-offs `--backtest-intraday` scores by default.
    public static let intradayCutoffs = ["09:00", "11:00", "13:00", "15:00"]

    /// Scores the intraday reforecast over the last `weeks` full weeks at each of `cutoffs`
    /// (`HH:MM`, on the interval grid), with the forecasting method of the job.
    /// - Throws: ``PlanningError`` for a cut-off off the grid or an unknown method; as
    ///   ``run(outputPath:overwrite:)`` for the files.
    public func backtestIntraday(weeks: Int, cutoffs: [String]) throws -> (results: [IntradayBacktest], warnings: [String]) {
        let center = try center()
        let minutes = try cutoffs.map { text in
            guard let time = TimeOfDay(text), time.minutes > 0, time.minutes < 1440, time.minutes % center.intervalMinutes == 0 else {
                throw PlanningError("--cutoffs: '\(text)' is not a time of day on the \(center.intervalMinutes)-minute grid (expected HH:MM, such as 11:00)")
            }
            return time.minutes
        }
        guard let strategy = ForecastMethodCatalog.strategy(named: method) else {
            throw PlanningError("unknown method '\(method)' (expected one of \(ForecastMethodCatalog.names.joined(separator: ", ")))")
        }
        let (forecaster, warnings, _) = try load(center)
        let results = forecaster.intradayBacktest(strategy: strategy, weekCount: weeks, weekStartDay: center.weekStart.weekday,
                                                  cutoffs: minutes, specialDays: specialDays)
        return (results, warnings + forecaster.exclusionWarnings)
    }

    /// center.yaml, for the week asked.
    private func center() throws -> Center {
        var center = try CenterReader.read(path: configPath)
        if let week = try CommandVocabulary.week(week) { center.weekStart = week }
        return center
    }

    private func load(_ center: Center) throws -> (Forecaster, [String], historyPath: String) {
        guard let path = historyPath ?? center.historyPath else {
            throw PlanningError("no history file: pass --history or set history in \(configPath)")
        }
        let history = try HistoryReader.read(path: path, center: center, ignoringUnknownQueues: ignoreUnknownQueues)
        let forecaster = try naming(path) { try Forecaster(center: center, records: history.records, historyMinutes: history.intervalMinutes) }
        return (forecaster, history.warnings.map(\.description), path)
    }

    /// Runs `body`; a ``ForecastingError`` (which concerns the history) is rethrown naming its file.
    private func naming<T>(_ historyPath: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ForecastingError {
            throw PlanningError("\(historyPath): \(error.message)")
        }
    }
}
