import ArgumentParser
import WFMPlanning

/// `wfm plan --centers` and `wfm plan --merge`: many centers, whole or as one shard, and the
/// gathering of the shards' summaries.
extension PlanCommand {
    func validateCenters() throws {
        guard centers != nil || merge != nil else {
            if sharding.shard != nil || sharding.shards != nil { throw ValidationError("--shard and --shards go with --centers") }
            return
        }
        guard centers == nil || merge == nil else { throw ValidationError("--centers plans and --merge gathers: name one") }
        if let config { throw ValidationError("--centers and --merge take their centers from the list: drop '\(config)'") }
        if !previous.previous.isEmpty { throw ValidationError("--previous names one center's weeks; it does not go with --centers or --merge") }
        if ics != nil { throw ValidationError("--ics does not go with --centers or --merge") }
        if horizon.weeks > 1 { throw ValidationError("--weeks plans one center over several weeks; it does not go with --centers or --merge") }
        if merge != nil, sharding.shard != nil { throw ValidationError("--merge gathers every shard: drop --shard") }
    }

    func runCenters() throws {
        var exitCode: Int32 = 0
        try reportingFailures {
            let summary: CentersPlanSummary
            let written: [String]
            if let merge {
                (summary, written) = try CentersPlanMerge(directory: merge, overwrite: force).run()
            } else {
                let shard = try sharding.resolve(quiet: quiet)
                let settings = CentersPlanSettings(timeLimitSeconds: limits.timeLimitSeconds, relativeGap: limits.relativeGap(),
                                                   replications: simulate, seed: seed, verdict: verdict.verdict)
                let job = CentersPlanJob(listPath: centers!, outDirectory: out, shard: shard, settings: settings, overwrite: force)
                summary = try job.run { if !quiet { printError($0) } }
                written = job.summaryPaths
            }
            print(format == .json ? try summary.json() : summary.text(written: written), terminator: "")
            // A shard has done its part once its result is written; the merge gives the verdict.
            exitCode = summary.shard == nil ? summary.exitCode : 0
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
