import ArgumentParser
import WFMPlanning

/// `wfm whatif --shard` (one share of the scenarios and sweep points, written as JSON) and
/// `wfm whatif --merge` (the shares gathered into the whole run's document).
extension WhatIfCommand {
    func validateSharding() throws {
        if merge.isEmpty {
            guard config != nil, forecast != nil, roster != nil else {
                throw ValidationError("--config, --forecast and --roster are required (or --merge with the shards' results)")
            }
            if sharding.shard != nil, html != nil { throw ValidationError("--html shows the whole comparison: run it on the merged result's run, not on a shard") }
            return
        }
        let evaluating = [config, forecast, roster, agents, volume, aht, absent, sweep, html, outDir].contains { $0 != nil } || !scenario.isEmpty
        if evaluating || sharding.shard != nil {
            throw ValidationError("--merge gathers the shards' results: it takes only --json, --force and --format")
        }
    }

    /// Writes the shard's result and says what it holds; the shard has done its part.
    func finishShard(_ outcome: WhatIfOutcome) throws {
        guard let shard = outcome.shard else { return }
        let path = WhatIfOutcome.shardPath(json ?? "whatif.json", shard.shard)
        try WhatIfJob.write(try outcome.json(), to: path, overwrite: force)
        let rosters = try outDir.map { try outcome.writeChangedRosters(to: $0, overwrite: force) } ?? []
        print("Shard \(shard.shard): \(Set(shard.columnItems + shard.pointItems).count) of \(shard.items.count) scenarios and sweep points")
        for written in [path] + rosters { print("Wrote \(written)") }
    }

    func runMerge() throws {
        var exitCode: Int32 = 0
        try reportingFailures {
            let merged = try WhatIfMerge(paths: merge, outputPath: json, overwrite: force).run()
            print(output.format == .json ? merged.json : merged.text, terminator: "")
            if let json, output.format == .table { print("Wrote \(json)") }
            exitCode = merged.exitCode
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
