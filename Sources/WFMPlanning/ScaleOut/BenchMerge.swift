import Foundation
import WFMIO
import WFMReporting

/// `wfm bench merge`: the shards' results of one `wfm bench run --shard I/N` combined into the
/// document the unsharded run writes, instances in the run's order and the family
/// distributions recomputed over every member.
public struct BenchMerge: Sendable {
    /// The shards' files (`results.shard-I-of-N.json`).
    public var paths: [String]
    /// Where to write the merged results, if anywhere.
    public var outputPath: String?
    public var overwrite: Bool

    /// Creates the job.
    public init(paths: [String], outputPath: String?, overwrite: Bool = false) {
        self.paths = paths
        self.outputPath = outputPath
        self.overwrite = overwrite
    }

    /// Merges, and writes when asked.
    /// - Throws: ``InputError`` when a file is unreadable or the results of a whole run, a shard
    ///   is missing or duplicated, or the shards ran different solves or settings.
    public func run() throws -> BenchResults {
        guard !paths.isEmpty else { throw PlanningError("name the shards' result files, e.g. results.shard-*.json") }
        if let outputPath { try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite) }
        let parts = try paths.map { ($0, try BenchJSON.results(path: $0)) }
        try ShardFiles.checkComplete(parts.map { ($0.0, $0.1.shard?.shard) }) { missing in
            let first = parts[0]
            return first.0.replacingOccurrences(of: first.1.shard!.shard.fileTag, with: missing.fileTag)
        }
        let (firstFile, first) = parts[0]
        let solves = first.shard!.solves
        for (file, part) in parts.dropFirst() {
            let differing = [
                ("shard.solves", part.shard!.solves == solves), ("time_limit_seconds", part.timeLimitSeconds == first.timeLimitSeconds),
                ("relative_gap", part.relativeGap == first.relativeGap), ("repetitions", part.repetitions == first.repetitions),
                ("family", part.family == first.family), ("wfm_version", part.wfmVersion == first.wfmVersion),
                ("glpk_version", part.glpkVersion == first.glpkVersion),
            ].first { !$0.1 }
            if let (field, _) = differing {
                throw InputError(Diagnostic(file: file, line: nil, field: field, problem: "differs from \(firstFile)",
                                            expected: "shards of one run: the same solves, settings and versions"))
            }
        }
        var instanceAt: [Int: (file: String, result: BenchInstanceResult)] = [:]
        for (file, part) in parts {
            guard part.shard!.positions.count == part.instances.count,
                  part.shard!.positions.allSatisfy({ solves.indices.contains($0) }) else {
                throw InputError(Diagnostic(file: file, line: nil, field: "shard.positions", problem: "does not match its instances",
                                            expected: "a result of wfm bench run --shard, unedited"))
            }
            for (position, result) in zip(part.shard!.positions, part.instances) {
                if let other = instanceAt[position] {
                    throw InputError(Diagnostic(file: file, line: nil, field: "instances", problem: "'\(solves[position])' is also in \(other.file)",
                                                expected: "each solve in one shard"))
                }
                instanceAt[position] = (file, result)
            }
        }
        if let missing = solves.indices.first(where: { instanceAt[$0] == nil }) {
            throw InputError(Diagnostic(file: firstFile, line: nil, field: "instances", problem: "no shard ran '\(solves[missing])'",
                                        expected: "every solve of the run in one shard"))
        }
        let merged = BenchResults(
            wfmVersion: first.wfmVersion, glpkVersion: first.glpkVersion, machine: first.machine,
            startedAt: parts.map(\.1.startedAt).min()!, timeLimitSeconds: first.timeLimitSeconds, relativeGap: first.relativeGap,
            repetitions: first.repetitions, instances: solves.indices.map { instanceAt[$0]!.result }, family: first.family)
        if let outputPath { try AtomicFileWriter.write(try JSONOutput.text(merged), to: outputPath, overwrite: overwrite) }
        return merged
    }
}
