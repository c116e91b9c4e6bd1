import Benchmark
import Foundation
import WFMCore
import WFMPlanning

/// The requests benchmark: 200 requests on the demo's published roster (Inputs/demo/roster.csv),
/// drawn with a fixed seed — whole and part-day time off, day-off wishes, swaps between random
/// agents and start-time wishes, on every day of the week, three priorities — decided in order,
/// with repairs where coverage needs them. The issue's target: under 5 s.
let benchmarks: @Sendable () -> Void = {
    let demo = "../Inputs/demo"
    let requests = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-requests-200.csv").path
    do {
        try generatedRequests(agents: "\(demo)/agents.csv", count: 200, seed: 1).write(toFile: requests, atomically: true, encoding: .utf8)
    } catch {
        print("Requests benchmark skipped: \(error)")
        return
    }
    let job = RequestsJob(configPath: "\(demo)/center.yaml", forecastPath: "\(demo)/forecast.csv", rosterPath: "\(demo)/roster.csv",
                          requestsPath: requests)

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 5)
    Benchmark("Demo: 200 requests decided against coverage") { _ in
        blackHole(try job.run())
    }
}

/// `count` requests for the agents of `agents` in the demo's week, seeded.
private func generatedRequests(agents path: String, count: Int, seed: UInt64) throws -> String {
    let ids = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    var random = SeededGenerator(seed: seed)
    let pick = { (random: inout SeededGenerator, n: Int) in Int(random.next() % UInt64(n)) }
    var lines = ["id,agent_id,type,date,start,end,with_agent,priority,submitted_at,note"]
    let week = LocalDate("2026-11-30")!
    for number in 1...count {
        let agent = ids[pick(&random, ids.count)]
        let date = week.adding(days: pick(&random, 7))
        var type = "time_off", start = "", end = "", other = ""
        switch pick(&random, 13) {
        case 0..<4: break
        case 4..<6:
            let hour = 8 + pick(&random, 10)
            start = String(format: "%02d:00", hour)
            end = String(format: "%02d:00", hour + 2)
        case 6..<9:
            type = "swap"
            other = ids[pick(&random, ids.count)]
            if other == agent { other = ids[(ids.firstIndex(of: agent)! + 1) % ids.count] }
        case 9..<11:
            type = "shift_wish"
            start = String(format: "%02d:%02d", 7 + pick(&random, 3), 15 * pick(&random, 4))
        default: type = "day_off_wish"
        }
        let submitted = "\(week.adding(days: -1 - pick(&random, 9)))T\(String(format: "%02d:%02d", 8 + pick(&random, 10), pick(&random, 60)))"
        lines.append("R\(number),\(agent),\(type),\(date),\(start),\(end),\(other),\(1 + pick(&random, 3)),\(submitted),")
    }
    return lines.joined(separator: "\n") + "\n"
}
