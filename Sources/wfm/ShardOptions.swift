import ArgumentParser
import WFMPlanning

/// `--shard I/N` and `--shards N`, for the commands whose work fans out over indexed jobs
/// (`plan --centers`, `bench run`). Without `--shard`, the index comes from
/// `JOB_COMPLETION_INDEX`, `AWS_BATCH_JOB_ARRAY_INDEX` or `SLURM_ARRAY_TASK_ID`.
struct ShardOptions: ParsableArguments {
    @Option(help: "Do shard I of N only (I from 0), e.g. 2/4; default: from JOB_COMPLETION_INDEX (with --shards or WFM_SHARDS), AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID.")
    var shard: String?
    @Option(help: "The shard count when the index comes from JOB_COMPLETION_INDEX (default: WFM_SHARDS).") var shards: Int?

    func validate() throws {
        do {
            _ = try shard.map(Shard.init(parsing:))
        } catch {
            throw ValidationError("\(error)")
        }
        if let shards, !(1...Shard.maximumCount).contains(shards) {
            throw ValidationError("--shards must be from 1 to \(Shard.maximumCount), got \(shards)")
        }
    }

    /// The shard this run is, nil for the whole run; says on standard error where it came from.
    func resolve(quiet: Bool) throws -> Shard? {
        guard let (shard, source) = try Shard.resolve(option: shard, shards: shards) else { return nil }
        if !quiet, source != "--shard" { printError("shard \(shard) (index from \(source))") }
        return shard
    }
}
