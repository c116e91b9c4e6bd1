import Benchmark
import Foundation
import WFMCore
import WFMGLPK
import WFMIO
import WFMPlanning
import WFMQueueing
import WFMReporting
import WFMScheduling

/// `wfm report` on the demo and on the large standard instance, and the simulation's speed in
/// simulated calls per second (30 replications of the week on every core). The benchmark
/// measures wall clock, CPU and peak memory; calls per second go to report-results.txt.
/// The rosters are made once, before measuring: the demo's by `wfm plan`'s stages, the large
/// instance's by the scheduler.
func record(_ line: String) {
    let path = "report-results.txt"
    if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
    guard let handle = FileHandle(forWritingAtPath: path) else { return }
    handle.seekToEndOfFile()
    handle.write(Data((line + "\n").utf8))
    handle.closeFile()
}

/// The demo planned into a temporary folder, without the report's simulation.
func demoPlan() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-report-bench-\(getpid())").path
    _ = try PlanJob(configPath: "../Inputs/demo/center.yaml", outDirectory: folder, replications: 0, overwrite: true).run()
    return folder
}

/// The large standard instance, its roster, and requirement rows with calls at 80% occupancy
/// of the required agents.
func largeInstance() throws -> (evaluator: RosterEvaluator, shifts: [RosterShift], rows: [IntervalRequirement]) {
    let problem = try ScheduleInstanceGenerator.make(.large)
    let shifts = try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions(timeLimit: .seconds(60))).shifts
    var rows: [IntervalRequirement] = []
    for interval in problem.grid.intervals {
        for (q, queue) in problem.requirements.queues.enumerated() where problem.requirements.agents[q][interval.index] > 0 {
            let agents = Int(problem.requirements.agents[q][interval.index])
            let calls = 0.8 * Double(agents) * 900 / 300
            rows.append(IntervalRequirement(interval: interval.index, queue: queue, calls: calls, ahtSeconds: 300, erlangs: calls / 3,
                                            agentsProductive: agents, agentsScheduled: agents, serviceLevel: 0, asaSeconds: 0,
                                            occupancy: 0, abandonRate: 0, binding: "service_level"))
        }
    }
    return (RosterEvaluator(center: problem.center, agents: problem.agents), shifts, rows)
}

/// Runs the simulation of `model` once and records calls per second.
func measureSimulation(_ name: String, _ model: ContactCenterModel) throws {
    let simulator = try ContactCenterSimulator(model: model)
    let clock = ContinuousClock()
    var tallies: [SimulationTally] = []
    let elapsed = clock.measure { tallies = simulator.run(replications: 30, seed: 1) }
    let calls = tallies.reduce(0) { $0 + $1.offered.reduce(0, +) }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    record("\(name): \(Int(calls)) calls in 30 replications, \(String(format: "%.3f", seconds)) s, \(Int(calls / seconds)) calls/s")
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], warmupIterations: 1,
                                           maxDuration: .seconds(20), maxIterations: 10)
    do {
        let folder = try demoPlan()
        let job = ReportJob(configPath: "../Inputs/demo/center.yaml", forecastPath: folder + "/forecast.csv",
                            rosterPath: folder + "/roster.csv", replications: 30, outDirectory: folder + "/report", overwrite: true)
        let formulaOnly = ReportJob(configPath: "../Inputs/demo/center.yaml", forecastPath: folder + "/forecast.csv",
                                    rosterPath: folder + "/roster.csv", overwrite: true)
        Benchmark("Report on the demo, formula only") { _ in blackHole(try? formulaOnly.run()) }
        Benchmark("Report on the demo with 30 simulated weeks and every file") { _ in blackHole(try? job.run()) }
        let outcome = try formulaOnly.run()
        let center = try CenterReader.read(path: "../Inputs/demo/center.yaml")
        let shifts = try RosterFiles.read(path: folder + "/roster.csv", timeZone: center.timeZone)
        let model = RosterEvaluator(center: center, agents: try AgentsReader.read(path: center.agentsPath!, center: center))
            .simulationModel(shifts: shifts, intervals: outcome.report.intervals)
        Benchmark("Simulate 30 weeks of the demo") { _ in try? measureSimulation("demo", model) }
    } catch {
        record("demo: \(error)")
    }
    do {
        let large = try largeInstance()
        Benchmark("Report on the large instance (600 agents, 4 queues), formula only") { _ in
            blackHole(try? large.evaluator.evaluate(shifts: large.shifts, requirements: large.rows, simulation: nil))
        }
        Benchmark("Report on the large instance with 30 simulated weeks") { _ in
            blackHole(try? large.evaluator.evaluate(shifts: large.shifts, requirements: large.rows, simulation: SimulationOptions(replications: 30)))
        }
        let report = try large.evaluator.evaluate(shifts: large.shifts, requirements: large.rows, simulation: nil)
        let model = large.evaluator.simulationModel(shifts: large.shifts, intervals: report.intervals)
        Benchmark("Simulate 30 weeks of the large instance") { _ in try? measureSimulation("large", model) }
    } catch {
        record("large: \(error)")
    }
}
