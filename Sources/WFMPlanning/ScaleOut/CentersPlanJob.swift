import Foundation
import WFMCore
import WFMIO
import WFMOptimization
import WFMReporting

/// `wfm plan --centers list.txt --out DIR [--shard I/N]`: the whole pipeline for each center
/// of a list, each into `DIR/<center>/`, one row per center in `DIR/summary.json` and
/// `summary.csv` (a shard: its centers only, in `DIR/summary.shard-I-of-N.json`). A center
/// whose plan fails is a row saying why; the others go on.
public struct CentersPlanJob: Sendable {
    public var listPath: String
    public var outDirectory: String
    /// The share of the list to plan; nil for every center.
    public var shard: Shard?
    public var settings: CentersPlanSettings
    public var overwrite: Bool

    /// Creates the job.
    public init(listPath: String, outDirectory: String, shard: Shard? = nil, settings: CentersPlanSettings, overwrite: Bool = false) {
        self.listPath = listPath
        self.outDirectory = outDirectory
        self.shard = shard
        self.settings = settings
        self.overwrite = overwrite
    }

    /// The summary files the run writes: `summary.json` and `summary.csv`, or the shard's
    /// `summary.shard-I-of-N.json`.
    public var summaryPaths: [String] {
        ([CentersPlanSummary.fileName(shard: shard)] + (shard == nil ? ["summary.csv"] : []))
            .map { (outDirectory as NSString).appendingPathComponent($0) }
    }

    /// Plans the shard's centers, in the list's order, and writes the summary.
    /// - Throws: ``InputError`` for a bad list; ``PlanningError`` or a file error when the
    ///   summary cannot be written (checked before any center is planned).
    public func run(progress: (String) -> Void = { _ in }) throws -> CentersPlanSummary {
        let list = try CenterList.read(path: listPath)
        let path = { (name: String) in (outDirectory as NSString).appendingPathComponent(name) }
        for file in summaryPaths { try AtomicFileWriter.checkWritable(file, overwrite: overwrite) }
        let positions = shard.map { ShardAssignment(work: list.entries.map(Self.expectedWork), shards: $0.count).items(of: $0) }
            ?? Array(list.entries.indices)
        var rows: [CenterPlanRow] = []
        let clock = ContinuousClock()
        for (number, position) in positions.enumerated() {
            let entry = list.entries[position]
            let prefix = "[\(number + 1)/\(positions.count)] \(entry.name)"
            progress(prefix)
            var job = PlanJob(configPath: entry.path, outDirectory: path(entry.name), timeLimitSeconds: settings.timeLimitSeconds,
                              relativeGap: settings.relativeGap, replications: settings.replications, seed: settings.seed, overwrite: overwrite)
            job.verdict = settings.verdict
            let start = clock.now
            do {
                let outcome = try job.run { progress("\(prefix): \($0)") }
                rows.append(CenterPlanRow(entry: entry, outcome: outcome, wallSeconds: (clock.now - start).seconds))
            } catch {
                rows.append(CenterPlanRow(entry: entry, failure: "\(error)", wallSeconds: (clock.now - start).seconds))
            }
        }
        let summary = CentersPlanSummary(wfmVersion: WFMVersion.number, list: listPath, centers: list.entries.map(\.name), settings: settings,
                                         shard: shard, rows: rows)
        try AtomicFileWriter.write(try JSONOutput.text(summary), to: summaryPaths[0], overwrite: overwrite)
        if shard == nil { try AtomicFileWriter.write(summary.csv(), to: summaryPaths[1], overwrite: overwrite) }
        return summary
    }

    /// A center's expected work (``ExpectedWork``) from its center.yaml and agents; 0 for a
    /// center that cannot be read (its plan fails at once).
    static func expectedWork(_ entry: CenterList.Entry) -> Double {
        guard let center = try? CenterReader.read(path: entry.path), let agentsPath = center.agentsPath,
              let agents = try? AgentsReader.read(path: agentsPath, center: center) else { return 0 }
        return ExpectedWork.of(agents: agents.count, intervals: center.timeGrid.intervals.count, queues: center.queues.count)
    }
}
