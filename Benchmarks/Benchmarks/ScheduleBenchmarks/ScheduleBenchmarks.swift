import Benchmark
import Foundation
import WFMCore
import WFMGLPK
import WFMScheduling

/// Solves the standard small, medium and large instances with GLPK and prints, per instance,
/// the written roster's termination, objective, bound, gap, shortfall and time; the benchmark
/// measures wall clock, CPU and peak memory; the solver figures are appended to
/// schedule-results.txt. Choose sizes with WFM_BENCH_SIZES (default "small,medium,large") and
/// the time limit of each run with WFM_BENCH_TIME_LIMIT in seconds (default 60).
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
        guard let problem = try? ScheduleInstanceGenerator.make(size) else {
            report("\(size.rawValue): the generated instance is not a valid schedule problem")
            continue
        }
        Benchmark("Schedule the \(size.rawValue) instance (\(problem.agents.count) agents, \(problem.requirements.queues.count) queues)") { _ in
            do {
                let outcome = try Scheduler(solver: GLPKSolver()).schedule(
                    problem, options: ScheduleOptions(timeLimit: .seconds(limit), relativeGap: 0.005))
                let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
                let gap = outcome.relativeGap.map { String(format: "%.3f%%", $0 * 100) } ?? "none"
                report("\(size.rawValue): written roster \(outcome.termination.rawValue), objective \(outcome.cost.objective), "
                       + "bound \(outcome.bestBound.map { "\($0)" } ?? "none"), gap \(gap), "
                       + "shortfall \(String(format: "%.2f", outcome.cost.totalShortfallAgentHours)) agent-h; group plan \(outcome.groupStage.objective.map { "\($0)" } ?? "none") "
                       + "[\(outcome.groupStage.rawStatus)]; \(outcome.statistics); \(outcome.shifts.count) shifts, \(violations.count) rule violations, "
                       + "\(outcome.warnings.count) warnings (\(Set(outcome.warnings.map(\.code.rawValue)).sorted().joined(separator: ", "))); "
                       + "stage 1 \(outcome.groupStageTime), stage 2 \(outcome.assignmentTime), \(outcome.totalTime) in all")
            } catch {
                report("\(size.rawValue): no roster: \(error)")
            }
        }
    }
}
