import Benchmark
import Foundation
import WFMGLPK
import WFMScheduling

/// Solves the standard small, medium and large instances with GLPK and prints, per instance,
/// the termination, objective, bound, gap and time; the benchmark measures wall clock, CPU
/// and peak memory; the solver figures are appended to schedule-results.txt. Choose sizes with WFM_BENCH_SIZES (default "small,medium,large") and the
/// time limit per solve with WFM_BENCH_TIME_LIMIT in seconds (default 60).
/// Appends a result line to `schedule-results.txt` in the current folder: package-benchmark
/// keeps what a measured closure prints to itself, so the solver figures go to a file that
/// `make bench` shows afterwards.
func report(_ line: String) {
    let path = "schedule-results.txt"
    if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
    guard let handle = FileHandle(forWritingAtPath: path) else { return }
    handle.seekToEndOfFile()
    handle.write(Data((line + "\n").utf8))
    handle.closeFile()
}

let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let sizes = (environment["WFM_BENCH_SIZES"] ?? "small,medium,large").split(separator: ",")
        .compactMap { ScheduleInstanceGenerator.Size(rawValue: String($0)) }
    let limit = Double(environment["WFM_BENCH_TIME_LIMIT"] ?? "") ?? 60
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], warmupIterations: 0,
                                           maxDuration: .seconds(1),
                                           maxIterations: 1)
    for size in sizes {
        let problem = try ScheduleInstanceGenerator.make(size)
        Benchmark("Schedule the \(size.rawValue) instance (\(problem.agents.count) agents, \(problem.requirements.queues.count) queues)") { _ in
            do {
                let outcome = try Scheduler(solver: GLPKSolver()).schedule(
                    problem, options: ScheduleOptions(timeLimit: .milliseconds(Int(limit * 1000)), relativeGap: 0.005))
                let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
                report("\(size.rawValue): \(outcome.groupStage.summary) [\(outcome.groupStage.rawStatus)]; \(outcome.statistics); "
                       + "\(outcome.shifts.count) shifts, \(violations.count) rule violations, \(outcome.warnings.count) warnings, \(outcome.totalTime) in all")
            } catch {
                report("\(size.rawValue): no roster: \(error)")
            }
        }
    }
}
