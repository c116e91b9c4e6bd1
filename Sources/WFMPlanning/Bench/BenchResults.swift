import Foundation

/// One solve of one benchmark instance: what `wfm bench run` records per repetition.
public struct BenchRunRecord: Sendable, Codable, Equatable {
    /// The instance's name (`large`, `medium-night`, or a user center's file name).
    public var instance: String
    public var agents: Int
    public var queues: Int
    public var intervals: Int
    /// Wall-clock time of the solve, in seconds.
    public var wallSeconds: Double
    /// CPU time of the process (every thread), in seconds.
    public var cpuSeconds: Double
    /// The process's peak resident memory, in MiB.
    public var peakMemoryMib: Double
    /// Why the run stopped: `optimal`, `gap_limit_reached`, `work_budget` or `time_limit`, as in
    /// `wfm schedule --format json`; `no_roster` when the solve made none.
    public var termination: String
    /// The written roster's objective (nil without a roster), and its parts.
    public var objective: Double?
    public var paidHours: Double
    public var shortfallAgentHours: Double
    public var overstaffingAgentHours: Double
    public var secondSkillCost: Double
    /// The proven lower bound, and the written roster's relative gap to it.
    public var bestBound: Double?
    public var gap: Double?
    /// When the best group plan first came within 1%, 0.5% and 0.1% of the final bound.
    public var timeToGap: TimeToGap
    /// The group plan's objective (stage 2 may change it).
    public var groupPlanObjective: Double?
    /// Wall-clock seconds of stage 1 (the group plan) and stage 2 (naming the agents).
    public var groupPlanSeconds: Double
    public var assignmentSeconds: Double
    /// Rules the written roster breaks (must be 0).
    public var ruleViolations: Int
    public var timeLimitReached: Bool
    /// Why no roster was made, for a failed solve.
    public var failure: String?

    /// The record of a solve that made no roster.
    static func failed(instance: String, wallSeconds: Double, message: String) -> BenchRunRecord {
        BenchRunRecord(
            instance: instance, agents: 0, queues: 0, intervals: 0, wallSeconds: wallSeconds, cpuSeconds: 0, peakMemoryMib: 0,
            termination: "no_roster", objective: nil, paidHours: 0, shortfallAgentHours: 0, overstaffingAgentHours: 0, secondSkillCost: 0,
            bestBound: nil, gap: nil, timeToGap: TimeToGap(onePercent: nil, halfPercent: nil, tenthPercent: nil), groupPlanObjective: nil,
            groupPlanSeconds: 0, assignmentSeconds: 0, ruleViolations: 0, timeLimitReached: false, failure: message)
    }
}

/// Seconds from the start of a solve until the best group plan found so far came within a
/// relative gap of the final proven bound; nil when it never did (or there is no bound).
public struct TimeToGap: Sendable, Codable, Equatable {
    public var onePercent: Double?
    public var halfPercent: Double?
    public var tenthPercent: Double?

    /// Creates the times.
    public init(onePercent: Double?, halfPercent: Double?, tenthPercent: Double?) {
        self.onePercent = onePercent
        self.halfPercent = halfPercent
        self.tenthPercent = tenthPercent
    }
}

/// Median, lowest and highest of a measure over repetitions.
public struct Spread: Sendable, Codable, Equatable {
    public var median: Double
    public var min: Double
    public var max: Double

    /// The spread of `values` (not empty).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }
}

/// One instance over its repetitions.
public struct BenchInstanceResult: Sendable, Codable, Equatable {
    public var instance: String
    public var agents: Int
    public var queues: Int
    public var intervals: Int
    public var wallSeconds: Spread
    public var cpuSeconds: Spread
    public var peakMemoryMib: Spread
    /// The quality figures of the first run (a deterministic solver gives them in every run;
    /// ``identicalRuns`` says whether it did).
    public var termination: String
    public var objective: Double?
    public var paidHours: Double
    public var shortfallAgentHours: Double
    public var overstaffingAgentHours: Double
    public var secondSkillCost: Double
    public var bestBound: Double?
    public var gap: Double?
    public var timeToGap: TimeToGap
    /// Why a repetition made no roster, if one did not.
    public var failure: String?
    public var groupPlanSeconds: Spread
    public var assignmentSeconds: Spread
    public var ruleViolations: Int
    public var timeLimitReached: Bool
    /// Whether every repetition wrote a roster of the same objective and bound.
    public var identicalRuns: Bool
    /// Every repetition.
    public var runs: [BenchRunRecord]

    /// Summarizes the runs of one instance (at least one); a failed run, if any, stands for
    /// the quality figures.
    public init(runs: [BenchRunRecord]) {
        let first = runs.first { $0.failure != nil } ?? runs[0]
        instance = first.instance
        agents = first.agents
        queues = first.queues
        intervals = first.intervals
        wallSeconds = Spread(runs.map(\.wallSeconds))
        cpuSeconds = Spread(runs.map(\.cpuSeconds))
        peakMemoryMib = Spread(runs.map(\.peakMemoryMib))
        termination = first.termination
        objective = first.objective
        paidHours = first.paidHours
        shortfallAgentHours = first.shortfallAgentHours
        overstaffingAgentHours = first.overstaffingAgentHours
        secondSkillCost = first.secondSkillCost
        bestBound = first.bestBound
        gap = first.gap
        timeToGap = first.timeToGap
        groupPlanSeconds = Spread(runs.map(\.groupPlanSeconds))
        assignmentSeconds = Spread(runs.map(\.assignmentSeconds))
        ruleViolations = runs.map(\.ruleViolations).max() ?? 0
        timeLimitReached = runs.contains(where: \.timeLimitReached)
        failure = first.failure
        identicalRuns = runs.allSatisfy { $0.objective == first.objective && $0.bestBound == first.bestBound }
        self.runs = runs
    }
}

/// The machine a benchmark ran on.
public struct MachineFacts: Sendable, Codable, Equatable {
    public var cores: Int
    public var memoryGib: Double
    public var operatingSystem: String
    public var processor: String

    /// This machine.
    public static func current() -> MachineFacts {
        let info = ProcessInfo.processInfo
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
        return MachineFacts(cores: info.activeProcessorCount, memoryGib: Double(info.physicalMemory) / 1_073_741_824,
                            operatingSystem: info.operatingSystemVersionString, processor: model)
    }
}

/// What `wfm bench run` writes: schema `wfm.bench/1` (docs/benchmarking.md).
public struct BenchResults: Sendable, Codable, Equatable {
    public var schema = BenchResults.schemaName
    public var wfmVersion: String
    public var glpkVersion: String
    public var machine: MachineFacts
    /// When the run started, ISO 8601 in UTC.
    public var startedAt: String
    public var timeLimitSeconds: Double
    public var relativeGap: Double
    public var repetitions: Int
    public var instances: [BenchInstanceResult]
    /// The family run, if the instances are members of families (`large#3`).
    public var family: BenchFamily?
    /// Per family, the distribution of its members' figures (nil without a family).
    public var distributions: [BenchDistribution]?
    /// For one shard's results (`--shard I/N`), which share of the run they are; nil for a
    /// whole run, and for what `wfm bench merge` writes.
    public var shard: BenchShardInfo?

    /// Results; with a family, the distribution of each base's members is computed.
    public init(wfmVersion: String, glpkVersion: String, machine: MachineFacts, startedAt: String, timeLimitSeconds: Double,
                relativeGap: Double, repetitions: Int, instances: [BenchInstanceResult], family: BenchFamily? = nil) {
        self.wfmVersion = wfmVersion
        self.glpkVersion = glpkVersion
        self.machine = machine
        self.startedAt = startedAt
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.repetitions = repetitions
        self.instances = instances
        self.family = family
        distributions = family.map { _ in BenchDistribution.families(of: instances) }
    }

    /// The schema's name and version.
    public static let schemaName = "wfm.bench/1"
}

/// The share of a `wfm bench run` one shard ran.
public struct BenchShardInfo: Sendable, Codable, Equatable {
    public var shard: Shard
    /// Every solve of the whole run (instance or family member names), in the run's order.
    public var solves: [String]
    /// The positions in ``solves`` of this shard's instances, in their order.
    public var positions: [Int]

    /// Creates the description.
    public init(shard: Shard, solves: [String], positions: [Int]) {
        self.shard = shard
        self.solves = solves
        self.positions = positions
    }
}

/// A family of instances: members 1 to `members` of each base, seeded `seed`.
public struct BenchFamily: Sendable, Codable, Equatable {
    public var members: Int
    public var seed: UInt64

    /// Creates the description.
    public init(members: Int, seed: UInt64) {
        self.members = members
        self.seed = seed
    }
}

/// Median, 90th percentile and largest value over a family's members.
public struct FamilyQuantiles: Sendable, Codable, Equatable {
    public var median: Double
    public var p90: Double
    public var max: Double

    /// The quantiles of `values` (not empty); the 90th percentile is the value below which
    /// 90% of members lie, by the nearest rank.
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        let spread = Spread(sorted)
        median = spread.median
        p90 = sorted[Swift.max(0, Int((0.9 * Double(sorted.count)).rounded(.up)) - 1)]
        max = spread.max
    }
}

/// How one base's family did: the distribution of its members' gap and wall time (each
/// member's median run), and the members that made no roster.
public struct BenchDistribution: Sendable, Codable, Equatable {
    /// The base instance (`large`).
    public var base: String
    public var members: Int
    /// Members whose solve made no roster (their gap counts as missing).
    public var noRoster: Int
    /// Members whose run reached the time limit.
    public var timeLimitReached: Int
    /// The gap of the members with a roster and a bound, a fraction (nil if none has one).
    public var gap: FamilyQuantiles?
    public var wallSeconds: FamilyQuantiles

    /// The distributions of every base among `instances` named `base#member`, in order.
    static func families(of instances: [BenchInstanceResult]) -> [BenchDistribution] {
        var order: [String] = []
        var groups: [String: [BenchInstanceResult]] = [:]
        for result in instances {
            let base = String(result.instance.split(separator: "#").first ?? Substring(result.instance))
            if groups[base] == nil { order.append(base) }
            groups[base, default: []].append(result)
        }
        return order.map { base in
            let members = groups[base]!
            let gaps = members.compactMap(\.gap)
            return BenchDistribution(
                base: base, members: members.count, noRoster: members.filter { $0.failure != nil }.count,
                timeLimitReached: members.filter(\.timeLimitReached).count, gap: gaps.isEmpty ? nil : FamilyQuantiles(gaps),
                wallSeconds: FamilyQuantiles(members.map(\.wallSeconds.median)))
        }
    }
}
