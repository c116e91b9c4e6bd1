import Foundation

/// One share of a fanned-out run: shard `index` (from 0) of `count`, as a Kubernetes Indexed
/// Job, an AWS Batch array job or a Slurm job array numbers its workers.
public struct Shard: Sendable, Codable, Equatable, CustomStringConvertible {
    /// From 0 to `count − 1`.
    public let index: Int
    /// How many shards share the run, 1 to ``maximumCount``.
    public let count: Int

    /// The most shards a run may be split into.
    public static let maximumCount = 10_000

    /// Creates a shard.
    /// - Throws: ``PlanningError`` unless `0 ≤ index < count ≤ maximumCount`.
    public init(index: Int, count: Int, source: String = "--shard") throws {
        guard (1...Self.maximumCount).contains(count) else {
            throw PlanningError("\(source): the shard count must be from 1 to \(Self.maximumCount), got \(count)")
        }
        guard (0..<count).contains(index) else {
            throw PlanningError("\(source): the shard index must be from 0 to \(count - 1) (shards count from 0, as JOB_COMPLETION_INDEX does), got \(index)")
        }
        self.index = index
        self.count = count
    }

    /// Reads `I/N` (`--shard 2/4`: the third of four shards).
    /// - Throws: ``PlanningError`` naming what was written.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw PlanningError("--shard: expected I/N, the shard's index from 0 and the shard count (e.g. 2/4), got '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    /// Reads a shard from a result file, checking its range as ``init(index:count:source:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let index = try container.decode(Int.self, forKey: .index), count = try container.decode(Int.self, forKey: .count)
        do {
            try self.init(index: index, count: count, source: "shard")
        } catch let error as PlanningError {
            throw DecodingError.dataCorruptedError(forKey: .index, in: container, debugDescription: error.message)
        }
    }

    /// `2/4`.
    public var description: String { "\(index)/\(count)" }

    /// The suffix of the file this shard writes: `shard-2-of-4`.
    public var fileTag: String { "shard-\(index)-of-\(count)" }

    /// The shard a run is: `--shard` if given; otherwise Kubernetes' `JOB_COMPLETION_INDEX`
    /// with the count from `--shards` or `WFM_SHARDS`; otherwise AWS Batch's
    /// `AWS_BATCH_JOB_ARRAY_INDEX` (count `AWS_BATCH_JOB_ARRAY_SIZE`); otherwise Slurm's
    /// `SLURM_ARRAY_TASK_ID` (counted from `SLURM_ARRAY_TASK_MIN` in steps of
    /// `SLURM_ARRAY_TASK_STEP`, count `SLURM_ARRAY_TASK_COUNT`). `--shards` or `WFM_SHARDS`
    /// overrides the Batch and Slurm counts. Nil when none is set: the whole run.
    /// - Parameters:
    ///   - option: `--shard I/N`, if given.
    ///   - shards: `--shards N`, if given.
    ///   - environment: the process's environment.
    /// - Returns: the shard and where it came from (`--shard`, `JOB_COMPLETION_INDEX`, …).
    /// - Throws: ``PlanningError`` for a value that is not a whole number or out of range, or
    ///   an index with no count.
    public static func resolve(option: String?, shards: Int?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (shard: Shard, source: String)? {
        if let option { return (try Shard(parsing: option), "--shard") }
        let explicitCount: (value: Int, source: String)? = try shards.map { ($0, "--shards") }
            ?? environment["WFM_SHARDS"].map { (try whole($0, "WFM_SHARDS"), "WFM_SHARDS") }
        if let text = environment["JOB_COMPLETION_INDEX"] {
            guard let explicitCount else {
                throw PlanningError("JOB_COMPLETION_INDEX is set (\(text)) but not the shard count: pass --shards N or set WFM_SHARDS to the Job's completions")
            }
            return (try Shard(index: try whole(text, "JOB_COMPLETION_INDEX"), count: explicitCount.value, source: "JOB_COMPLETION_INDEX"),
                    "JOB_COMPLETION_INDEX")
        }
        if let text = environment["AWS_BATCH_JOB_ARRAY_INDEX"] {
            let count = try explicitCount?.value ?? environment["AWS_BATCH_JOB_ARRAY_SIZE"].map { try whole($0, "AWS_BATCH_JOB_ARRAY_SIZE") }
            guard let count else {
                throw PlanningError("AWS_BATCH_JOB_ARRAY_INDEX is set (\(text)) but not the shard count: pass --shards N or set WFM_SHARDS")
            }
            return (try Shard(index: try whole(text, "AWS_BATCH_JOB_ARRAY_INDEX"), count: count, source: "AWS_BATCH_JOB_ARRAY_INDEX"),
                    "AWS_BATCH_JOB_ARRAY_INDEX")
        }
        if let text = environment["SLURM_ARRAY_TASK_ID"] {
            let task = try whole(text, "SLURM_ARRAY_TASK_ID")
            let first = try environment["SLURM_ARRAY_TASK_MIN"].map { try whole($0, "SLURM_ARRAY_TASK_MIN") } ?? 0
            let step = max(1, try environment["SLURM_ARRAY_TASK_STEP"].map { try whole($0, "SLURM_ARRAY_TASK_STEP") } ?? 1)
            let count = try explicitCount?.value ?? environment["SLURM_ARRAY_TASK_COUNT"].map { try whole($0, "SLURM_ARRAY_TASK_COUNT") }
            guard let count else {
                throw PlanningError("SLURM_ARRAY_TASK_ID is set (\(text)) but not the shard count: pass --shards N or set WFM_SHARDS")
            }
            guard task >= first, (task - first) % step == 0 else {
                throw PlanningError("SLURM_ARRAY_TASK_ID \(task) is not on the array's range (from \(first) in steps of \(step))")
            }
            return (try Shard(index: (task - first) / step, count: count, source: "SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID")
        }
        if let explicitCount {
            throw PlanningError("\(explicitCount.source) is set but no shard index is: pass --shard I/N, or run as an indexed job (JOB_COMPLETION_INDEX)")
        }
        return nil
    }

    /// A whole number from the environment or the command line.
    private static func whole(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0, value <= 1_000_000 else {
            throw PlanningError("\(name): expected a whole number from 0 to 1,000,000, got '\(text)'")
        }
        return value
    }
}
