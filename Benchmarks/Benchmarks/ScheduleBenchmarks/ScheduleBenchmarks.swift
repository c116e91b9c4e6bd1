import Benchmark
import Foundation
import WFMGLPK
import WFMScheduling

/// Solves the standard small, medium and large instances with GLPK and prints, per instance,
/// the termination, objective, bound, gap and time; the benchmark measures wall clock, CPU
/// and peak memory. Choose sizes with WFM_BENCH_SIZES (default "small,medium,large") and the
/// time limit per solve with WFM_BENCH_TIME_LIMIT in seconds (default 60).
let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let sizes = (environment["WFM_BENCH_SIZES"] ?? "small,medium,large").split(separator: ",")
        .compactMap { ScheduleInstanceGenerator.Size(rawValue: String($0)) }
    let limit = Double(environment["WFM_BENCH_TIME_LIMIT"] ?? "") ?? 60
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(1),
                                           maxIterations: 1)
    for size in sizes {
        let problem = ScheduleInstanceGenerator.make(size)
        Benchmark("Schedule the \(size.rawValue) instance (\(problem.agents.count) agents, \(problem.requirements.queues.count) queues)") { _ in
            do {
                let outcome = try Scheduler(solver: GLPKSolver()).schedule(
                    problem, options: ScheduleOptions(timeLimit: .milliseconds(Int(limit * 1000)), relativeGap: 0.005))
                let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
                print("\(size.rawValue): \(outcome.groupStage.summary) [\(outcome.groupStage.rawStatus)]; \(outcome.statistics); "
                      + "\(outcome.shifts.count) shifts, \(violations.count) rule violations, \(outcome.totalTime) in all")
            } catch {
                print("\(size.rawValue): no roster: \(error)")
            }
        }
    }
}
