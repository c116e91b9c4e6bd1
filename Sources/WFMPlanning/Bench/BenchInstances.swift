import Foundation
import WFMCore
import WFMIO
import WFMQueueing
import WFMScheduling

/// The instances `wfm bench` works on: the standard ones by name, or a user's center with its
/// requirements.
public enum BenchInstances {
    /// The standard instances run when none are named.
    public static let defaultNames = ["small", "medium", "large"]

    /// The standard instance `name` (`large`, `medium-night`, …) for `seed`.
    /// - Throws: ``PlanningError`` for an unknown name.
    public static func standard(_ name: String, seed: UInt64 = 1) throws -> ScheduleProblem {
        guard let instance = StandardInstance(name) else {
            throw PlanningError("unknown instance '\(name)': expected one of \(StandardInstance.names.joined(separator: ", "))")
        }
        return try ScheduleInstanceGenerator.make(instance, seed: seed)
    }

    /// A user's instance: center.yaml, its agents and requirements.csv.
    /// - Throws: ``InputError`` for bad files.
    public static func user(configPath: String, requirementsPath: String) throws -> ScheduleProblem {
        let center = try CenterReader.read(path: configPath)
        guard let agentsPath = center.agentsPath else { throw PlanningError("\(configPath): no agents file is named (agents: agents.csv)") }
        let agents = try AgentsReader.read(path: agentsPath, center: center)
        let requirements = try RequirementsReader.read(path: requirementsPath, center: center, grid: center.timeGrid)
        return try ScheduleProblem(center: center, agents: agents, requirements: requirements)
    }

    /// Requirement rows for a generated matrix: each interval's agents with the calls behind
    /// them (the generator's, ``ScheduleInstanceGenerator/generatedLoad(agents:ahtSeconds:intervalSeconds:)``
    /// where the matrix has none), and the Erlang C figures of that staffing.
    static func requirementRows(_ problem: ScheduleProblem) -> [IntervalRequirement] {
        var rows: [IntervalRequirement] = []
        let seconds = problem.grid.intervalSeconds
        for interval in problem.grid.intervals {
            for (q, queue) in problem.center.queues.enumerated() {
                let agents = problem.requirements.agents[q][interval.index]
                guard agents > 0 else { continue }
                let given = problem.requirements.loads[q][interval.index]
                    ?? ScheduleInstanceGenerator.generatedLoad(agents: agents, ahtSeconds: queue.ahtSeconds, intervalSeconds: seconds)
                let load = QueueLoad(calls: given.calls, averageHandleTimeSeconds: given.ahtSeconds, intervalSeconds: seconds)
                let productive = Int(given.productiveAgents.rounded())
                let performance = ErlangC(load: load).performance(agents: productive, thresholdSeconds: queue.serviceLevel.withinSeconds)
                rows.append(IntervalRequirement(
                    interval: interval.index, queue: queue.id, calls: load.calls, ahtSeconds: given.ahtSeconds, erlangs: load.offeredLoad,
                    agentsProductive: productive, agentsScheduled: Int(agents), serviceLevel: performance.serviceLevel,
                    asaSeconds: performance.averageSpeedOfAnswerSeconds, occupancy: performance.occupancy, abandonRate: 0,
                    binding: "generated"))
            }
        }
        return rows
    }
}

/// `wfm bench generate`: a standard instance written as ordinary input files — center.yaml,
/// agents.csv and requirements.csv — that every command reads.
public struct BenchGenerateJob: Sendable {
    public var instance: String
    public var seed: UInt64
    public var outDirectory: String
    public var overwrite: Bool
    /// A user's instance to start from instead of a standard one: center.yaml and requirements.csv.
    public var userInstance: (configPath: String, requirementsPath: String)?
    /// Write members 1 to this of the instance's family (seeded ``seed``), each in a folder
    /// `member-01` … of ``outDirectory``, instead of the instance.
    public var familyMembers: Int?

    /// Creates the job.
    public init(instance: String, seed: UInt64 = 1, outDirectory: String, overwrite: Bool = false) {
        self.instance = instance
        self.seed = seed
        self.outDirectory = outDirectory
        self.overwrite = overwrite
    }

    /// Writes the three files (of every member, with a family) and returns their paths.
    /// - Throws: ``PlanningError`` for an unknown instance, ``InputError`` for a bad user instance.
    public func run() throws -> [String] {
        let base = try userInstance.map { try BenchInstances.user(configPath: $0.configPath, requirementsPath: $0.requirementsPath) }
            ?? BenchInstances.standard(instance, seed: familyMembers == nil ? seed : 1)
        let folder = { (name: String) in (outDirectory as NSString).appendingPathComponent(name) }
        let instances: [(folder: String, problem: ScheduleProblem)]
        if let familyMembers {
            let family = InstanceFamily(base: base, seed: seed)
            instances = try (1...max(1, familyMembers)).map { (folder(String(format: "member-%02d", $0)), try family.member($0)) }
        } else {
            instances = [(outDirectory, base)]
        }
        var files: [(String, String)] = []
        for (directory, problem) in instances {
            let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
            files += [
                (path("center.yaml"), CenterWriter.yaml(problem.center, agentsFile: "agents.csv")),
                (path("agents.csv"), TableWriters.agentsCSV(problem.agents)),
                (path("requirements.csv"), TableWriters.requirementsCSV(BenchInstances.requirementRows(problem), grid: problem.grid)),
            ]
        }
        for (file, _) in files { try AtomicFileWriter.checkWritable(file, overwrite: overwrite) }
        for (file, text) in files { try AtomicFileWriter.write(text, to: file, overwrite: overwrite) }
        return files.map(\.0)
    }
}
