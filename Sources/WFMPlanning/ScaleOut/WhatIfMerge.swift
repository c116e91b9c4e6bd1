import Foundation
import WFMCore
import WFMIO
import WFMReporting

/// `wfm whatif --merge`: the shards' results of one `wfm whatif --shard I/N --json NAME.json`
/// combined into the `wfm.whatif/2` document the unsharded run prints with `--format json`:
/// columns and sweep points in the run's order, the sweep's limits found again over every point.
public struct WhatIfMerge: Sendable {
    /// The shards' files (`NAME.shard-I-of-N.json`).
    public var paths: [String]
    /// Where to write the merged document, if anywhere.
    public var outputPath: String?
    public var overwrite: Bool

    /// Creates the job.
    public init(paths: [String], outputPath: String?, overwrite: Bool = false) {
        self.paths = paths
        self.outputPath = outputPath
        self.overwrite = overwrite
    }

    /// What the merge found: the document, and its exit code (0 every column meets every
    /// target, 2 otherwise), as the unsharded run's.
    public struct Outcome: Sendable {
        /// The merged JSON text.
        public let json: String
        public let exitCode: Int32
        /// One line per column and the sweep's limits, for people.
        public let text: String
    }

    /// Merges, and writes when asked.
    /// - Throws: ``InputError`` when a file is unreadable or a whole run's, a shard is missing
    ///   or duplicated, or the shards evaluated different runs.
    public func run() throws -> Outcome {
        guard !paths.isEmpty else { throw PlanningError("name the shards' result files, e.g. whatif.shard-*.json") }
        if let outputPath { try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite) }
        let parts = try paths.map { ($0, try ShardFiles.decode(WhatIfJSON.self, file: $0, schema: "wfm.whatif/2", writtenBy: "wfm whatif --shard")) }
        try ShardFiles.checkComplete(parts.map { ($0.0, $0.1.shard?.shard) }) { missing in
            parts[0].0.replacingOccurrences(of: parts[0].1.shard!.shard.fileTag, with: missing.fileTag)
        }
        let (firstFile, first) = parts[0]
        let items = first.shard!.items
        for (file, part) in parts.dropFirst() {
            let field = part.shard!.items != items ? "shard.items" : part.mode != first.mode ? "mode"
                : part.serviceLevelDefinition != first.serviceLevelDefinition ? "service_level_definition"
                : part.sweep?.parameter != first.sweep?.parameter ? "sweep.parameter" : nil
            if let field {
                throw InputError(Diagnostic(file: file, line: nil, field: field, problem: "differs from \(firstFile)",
                                            expected: "shards of one run: the same scenarios, sweep and mode"))
            }
        }
        var columns: [Int: [WhatIfJSON.Column]] = [:], points: [Int: WhatIfJSON.Point] = [:], owner: [Int: String] = [:]
        for (file, part) in parts {
            let info = part.shard!
            let pointList = part.sweep?.points ?? []
            guard info.columnItems.count == part.columns.count, info.pointItems.count == pointList.count,
                  (info.columnItems + info.pointItems).allSatisfy({ items.indices.contains($0) }) else {
                throw InputError(Diagnostic(file: file, line: nil, field: "shard", problem: "does not match its columns and points",
                                            expected: "a result of wfm whatif --shard, unedited"))
            }
            for item in Set(info.columnItems + info.pointItems) {
                if let other = owner[item] {
                    throw InputError(Diagnostic(file: file, line: nil, field: "shard", problem: "'\(items[item])' is also in \(other)",
                                                expected: "each scenario and sweep point in one shard"))
                }
                owner[item] = file
            }
            for (item, column) in zip(info.columnItems, part.columns) { columns[item, default: []].append(column) }
            for (item, point) in zip(info.pointItems, pointList) { points[item] = point }
        }
        if let missing = items.indices.first(where: { owner[$0] == nil }) {
            throw InputError(Diagnostic(file: firstFile, line: nil, field: "shard", problem: "no shard evaluated '\(items[missing])'",
                                        expected: "every scenario and sweep point of the run in one shard"))
        }
        var merged = first
        merged.shard = nil
        merged.columns = items.indices.flatMap { columns[$0] ?? [] }
        merged.sweep = first.sweep.map { sweep in
            WhatIfJSON.Sweep(parameter: sweep.parameter, points: items.indices.compactMap { points[$0] }, targets: merged.columns.first?.queues ?? [])
        }
        let json = try JSONOutput.text(merged)
        if let outputPath { try AtomicFileWriter.write(json, to: outputPath, overwrite: overwrite) }
        return Outcome(json: json, exitCode: merged.columns.allSatisfy(\.targetsMet) ? 0 : 2, text: Self.text(merged))
    }

    /// Per column its name, whether it meets every target and each queue's weekly service
    /// level; then the sweep's largest value meeting each target.
    static func text(_ document: WhatIfJSON) -> String {
        let queues = document.columns.first?.queues.map(\.queue) ?? []
        var table = TextTable(columns: [.init("column", .left), .init("targets met", .left)] + queues.map { .init("SL \($0)") }
            + [.init("intervals below target")])
        for column in document.columns {
            let levels: [String] = queues.map { queue in
                guard let level = column.queues.first(where: { $0.queue == queue })?.serviceLevel else { return "-" }
                return NumberFormatting.percent(level, 1)
            }
            let cells: [String] = [column.name, column.targetsMet ? "yes" : "no"] + levels + ["\(column.intervalsMissed) of \(column.intervals)"]
            table.append(cells)
        }
        var text = table.render()
        if let sweep = document.sweep {
            text += "Sweep of \(sweep.parameter), \(sweep.points.count) points; largest value meeting each target: "
                + queues.map { queue in
                    let value = sweep.largestMeetingTarget[queue].map { String(format: "%g", $0) } ?? "none"
                    return "\(queue) \(value)\(sweep.neverMissed.contains(queue) ? " (never missed: the range's end)" : "")"
                }.joined(separator: ", ") + "\n"
        }
        return text
    }
}
