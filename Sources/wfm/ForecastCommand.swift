import ArgumentParser
import WFMPlanning

/// `wfm forecast`: calls and AHT for every open interval of the planning week.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast calls and AHT per queue and interval of the planning week, or backtest the methods.",
        discussion: """
            Methods: \(CommandVocabulary.forecastMethods.joined(separator: ", ")). auto picks, per queue, the method (or the average of the best two) with the lowest WAPE over the weeks before the target week.

            Examples:
              wfm forecast --config center.yaml --out forecast.csv
              wfm forecast --config center.yaml --history h.csv --week 2026-11-30 --out f.csv
              wfm forecast --config center.yaml --method weekday-median --out f.csv
              wfm forecast --config center.yaml --backtest 8
              wfm forecast --config center.yaml --backtest-intraday 8 --cutoffs 09:00,11:00,13:00,15:00
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "History (history.csv); default: the history path in center.yaml.") var history: String?
    @Option(help: "First day of the week to forecast (YYYY-MM-DD); default: week_start in center.yaml.") var week: String?
    @OptionGroup var horizon: HorizonOptions
    @Option(help: "Forecasting method.") var method = "auto"
    @Option(help: "Where to write forecast.csv.") var out: String?
    @Option(help: "Backtest every method over the last N full weeks instead of forecasting.") var backtest: Int?
    @Option(help: "Score the intraday reforecast over the last N full weeks instead of forecasting.") var backtestIntraday: Int?
    @Option(help: "The cut-offs --backtest-intraday scores, comma-separated HH:MM.") var cutoffs = ForecastJob.intradayCutoffs.joined(separator: ",")
    @Flag(help: "Forecast special days (around closures, and center.yaml's special_days) as ordinary days.") var noSpecialDays = false
    @Flag(help: "Leave out history rows of queues center.yaml does not name (one warning per queue) instead of refusing them.")
    var ignoreUnknownQueues = false
    @Flag(help: "Replace the output file if it exists.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let week, !CommandVocabulary.isDate(week) { throw ValidationError("--week must be a date YYYY-MM-DD") }
        guard CommandVocabulary.forecastMethods.contains(method) else {
            throw ValidationError("--method must be one of \(CommandVocabulary.forecastMethods.joined(separator: ", "))")
        }
        if let backtest, !(1...52).contains(backtest) { throw ValidationError("--backtest takes 1 to 52 weeks") }
        if let backtestIntraday, !(1...52).contains(backtestIntraday) { throw ValidationError("--backtest-intraday takes 1 to 52 weeks") }
        if backtest != nil, backtestIntraday != nil { throw ValidationError("--backtest and --backtest-intraday cannot be combined") }
        if backtest == nil, backtestIntraday == nil, out == nil { throw ValidationError("--out is required (or --backtest N, or --backtest-intraday N)") }
    }

    func run() throws {
        var job = ForecastJob(configPath: config, historyPath: history, week: week, method: method)
        job.specialDays = !noSpecialDays
        job.ignoreUnknownQueues = ignoreUnknownQueues
        try reportingFailures {
            if let backtest {
                let (report, warnings) = try job.backtest(weeks: backtest) { if !output.quiet { printError($0) } }
                if !output.quiet { warnings.forEach { printError("warning: \($0)") } }
                print(output.format == .json ? try BacktestPresenter.json(report) : BacktestPresenter.text(report), terminator: "")
                return
            }
            if let backtestIntraday {
                let (results, warnings) = try job.backtestIntraday(weeks: backtestIntraday, cutoffs: cutoffs.split(separator: ",").map(String.init))
                if !output.quiet { warnings.forEach { printError("warning: \($0)") } }
                print(output.format == .json ? try IntradayBacktestPresenter.json(results) : IntradayBacktestPresenter.text(results), terminator: "")
                return
            }
            job.weeks = horizon.weeks
            let outcomes = try job.run(outputPath: out!, overwrite: force)
            if !output.quiet {
                ForecastJob.Outcome.warningLines(outcomes).forEach { printError("warning: \($0)") }
                ForecastJob.Outcome.noteLines(outcomes).forEach { printError("note: \($0)") }
            }
            if output.format == .json {
                print(try ForecastSummaryJSON(outcomes: outcomes, outputPath: out!).text(), terminator: "")
            } else {
                print(ForecastJob.Outcome.summary(outcomes, outputPath: out!))
            }
        }
    }
}
