import Benchmark
import Foundation
import WFMPlanning

/// The forecast-accuracy benchmark: an 8-week rolling-origin backtest of every method on the
/// history named by WFM_BENCH_HISTORY (default: the `history` of the center), for the center
/// named by WFM_BENCH_CENTER (default: ../Inputs/bank/center.yaml, whose bank data is not
/// shipped). Prints the accuracy table once, then times the whole backtest.
let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let center = environment["WFM_BENCH_CENTER"] ?? "../Inputs/bank/center.yaml"
    let job = ForecastJob(configPath: center, historyPath: environment["WFM_BENCH_HISTORY"], week: nil, method: "auto")
    let report: String
    do {
        report = BacktestPresenter.text(try job.backtest(weeks: 8).report)
    } catch {
        print("Forecast benchmark skipped: \(error)\nSet WFM_BENCH_CENTER and WFM_BENCH_HISTORY to a center and its history.")
        return
    }
    print("Backtest of \(environment["WFM_BENCH_HISTORY"] ?? "the history of \(center)"):\n\n\(report)")

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(20),
                                           maxIterations: 5)
    Benchmark("Read history and backtest 6 strategies over 8 weeks") { _ in
        blackHole(try job.backtest(weeks: 8))
    }
}
