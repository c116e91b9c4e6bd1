import Benchmark
import Foundation
import WFMPlanning

/// The intraday benchmark: the demo's Monday at 10:30 with billing calls 30% above forecast
/// since 10:00 (actuals written from the shipped forecast), reforecast from the demo history,
/// the published roster (Tests/Fixtures/demo-roster.csv) measured as planned, now and after
/// the actions, each with a 10-replication simulation of the rest of the day.
let benchmarks: @Sendable () -> Void = {
    let demo = "../Inputs/demo"
    let actuals = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-intraday-actuals.csv").path
    do {
        try plantedPeakActuals(forecast: "\(demo)/forecast.csv").write(toFile: actuals, atomically: true, encoding: .utf8)
    } catch {
        print("Intraday benchmark skipped: \(error)")
        return
    }
    var job = IntradayJob(configPath: "\(demo)/center.yaml", forecastPath: "\(demo)/forecast.csv", actualsPath: actuals, now: "2026-11-30T10:30")
    job.rosterPath = "../Tests/Fixtures/demo-roster.csv"
    job.replications = 10

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 10)
    Benchmark("Demo day at 10:30: reforecast, three measures with simulation, actions") { _ in
        blackHole(try job.run())
    }
}

/// Actuals of Monday's intervals ended by 10:30: the forecast's calls, billing × 1.3 from 10:00.
private func plantedPeakActuals(forecast path: String) throws -> String {
    let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
    var lines = ["interval_start,queue,offered,handled,abandoned,aht_seconds"]
    for row in rows {
        let fields = row.split(separator: ",").map(String.init)
        guard fields.count >= 4, fields[0].hasPrefix("2026-11-30T"), fields[0].dropFirst(11).prefix(5) < "10:30",
            let calls = Double(fields[2])
        else { continue }
        let offered = (calls * (fields[1] == "billing" && fields[0].dropFirst(11).prefix(5) >= "10:00" ? 1.3 : 1)).rounded()
        let count = String(format: "%.0f", offered)
        lines.append("\(fields[0]),\(fields[1]),\(count),\(count),0,\(fields[3])")
    }
    return lines.joined(separator: "\n") + "\n"
}
