import Foundation
import WFMCore
import WFMForecasting
import WFMIO
import WFMReporting
import WFMScheduling

/// `wfm bench generate --centers N`: N small centers that `wfm plan` runs from end to end, for
/// trying and testing fan-out. Each is a standard instance of its own seed (sizes taken in
/// turn from the given ones), written with six weeks of call history whose expected calls
/// match the instance's demand at `load` of its agents' productive time, and `centers.txt`
/// listing them.
public struct CenterSetGenerator: Sendable {
    /// How many centers, 1 to ``maximumCenters``.
    public var centers: Int
    /// The standard sizes, used in turn (`tiny`, `small`, …).
    public var sizes: [String]
    public var seed: UInt64
    public var outDirectory: String
    public var overwrite: Bool

    /// The most centers one set may have.
    public static let maximumCenters = 1000
    /// Weeks of history written per center: enough for the forecast's automatic method
    /// selection and its prediction intervals, and few enough that a test of 20 centers plans
    /// in seconds (a center's forecast takes a third as long as with ten weeks).
    static let weeksOfHistory = 6
    /// Calls per agent-interval of the instance's demand, as a share of what one agent
    /// handles: below 1, so that the staffed week roughly fits the generated agents.
    static let load = 0.6

    /// Creates the generator.
    public init(centers: Int, sizes: [String], seed: UInt64 = 1, outDirectory: String, overwrite: Bool = false) {
        self.centers = centers
        self.sizes = sizes
        self.seed = seed
        self.outDirectory = outDirectory
        self.overwrite = overwrite
    }

    /// Writes every center's center.yaml, agents.csv and history.csv, then centers.txt.
    /// - Returns: the files written.
    /// - Throws: ``PlanningError`` for a count out of range or an unknown size.
    public func run() throws -> [String] {
        guard (1...Self.maximumCenters).contains(centers) else {
            throw PlanningError("--centers takes 1 to \(Self.maximumCenters) centers, got \(centers)")
        }
        let instances = try sizes.map { name in
            guard let instance = StandardInstance(name) else {
                throw PlanningError("unknown instance '\(name)': expected one of \(StandardInstance.names.joined(separator: ", "))")
            }
            return instance
        }
        guard !instances.isEmpty else { throw PlanningError("--size names no instance") }
        let width = max(2, String(centers).count)
        var files: [(path: String, text: String)] = []
        var listed: [String] = []
        for member in 1...centers {
            let name = "center-" + String(repeating: "0", count: width - String(member).count) + String(member)
            let problem = try ScheduleInstanceGenerator.make(instances[(member - 1) % instances.count], seed: seed &+ UInt64(member))
            var center = problem.center
            center.name = "Center \(member)"
            let history = SyntheticHistory(center: center, patterns: Self.patterns(problem), seed: seed &* 7919 &+ UInt64(member))
                .records(weeks: Self.weeksOfHistory, endingBefore: center.weekStart, intervalMinutes: center.intervalMinutes)
            let path = { (file: String) in ((self.outDirectory as NSString).appendingPathComponent(name) as NSString).appendingPathComponent(file) }
            files += [
                (path("center.yaml"), CenterWriter.yaml(center, agentsFile: "agents.csv", historyFile: "history.csv")),
                (path("agents.csv"), TableWriters.agentsCSV(problem.agents)),
                (path("history.csv"), TableWriters.historyCSV(history, timeZone: center.timeZone)),
            ]
            listed.append("\(name)/center.yaml")
        }
        files.append(((outDirectory as NSString).appendingPathComponent("centers.txt"), listed.joined(separator: "\n") + "\n"))
        for file in files { try AtomicFileWriter.checkWritable(file.path, overwrite: overwrite) }
        for file in files { try AtomicFileWriter.write(file.text, to: file.path, overwrite: overwrite) }
        return files.map(\.path)
    }

    /// Per queue, the daily calls (Monday first) that the instance's demand handles at
    /// ``load``: each interval's required agents × ``load`` × interval ÷ AHT.
    static func patterns(_ problem: ScheduleProblem) -> [SyntheticHistory.QueuePattern] {
        problem.center.queues.enumerated().map { q, queue in
            var daily = [Double](repeating: 0, count: 7)
            for interval in problem.grid.intervals {
                let calls = problem.requirements.agents[q][interval.index] * load * problem.grid.intervalSeconds / queue.ahtSeconds
                daily[interval.local.date.weekday.isoNumber - 1] += calls
            }
            return SyntheticHistory.QueuePattern(queue: queue.id, dailyCalls: daily, ahtSeconds: queue.ahtSeconds)
        }
    }
}
