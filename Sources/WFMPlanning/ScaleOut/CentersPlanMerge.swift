import Foundation
import WFMIO
import WFMReporting

/// `wfm plan --merge DIR`: the shards' `summary.shard-I-of-N.json` files combined into the
/// `summary.json` and `summary.csv` an unsharded `wfm plan --centers` run writes.
public struct CentersPlanMerge: Sendable {
    public var directory: String
    public var overwrite: Bool

    /// Creates the job.
    public init(directory: String, overwrite: Bool = false) {
        self.directory = directory
        self.overwrite = overwrite
    }

    /// Merges and writes.
    /// - Throws: ``InputError`` when a shard is missing, duplicated, of another run (list or
    ///   settings), or unreadable.
    public func run() throws -> (summary: CentersPlanSummary, written: [String]) {
        let files = try ShardFiles.list(in: directory, prefix: "summary")
        guard !files.isEmpty else {
            throw InputError(Diagnostic(file: directory, line: nil, field: "folder", problem: "holds no summary.shard-I-of-N.json",
                                        expected: "the --out folder of wfm plan --centers run with --shard"))
        }
        let parts = try files.map {
            ($0, try ShardFiles.decode(CentersPlanSummary.self, file: $0, schema: CentersPlanSummary.schemaName, writtenBy: "wfm plan --centers --shard"))
        }
        try ShardFiles.checkComplete(parts.map { ($0.0, $0.1.shard) }) {
            (directory as NSString).appendingPathComponent(CentersPlanSummary.fileName(shard: $0))
        }
        let (firstFile, first) = parts[0]
        for (file, part) in parts.dropFirst() where part.centers != first.centers || part.settings != first.settings || part.list != first.list {
            let field = part.centers != first.centers ? "centers" : part.list != first.list ? "list" : "settings"
            throw InputError(Diagnostic(file: file, line: nil, field: field, problem: "differs from \(firstFile)",
                                        expected: "shards of one run: the same list and settings"))
        }
        var rowOfCenter: [String: (file: String, row: CenterPlanRow)] = [:]
        for (file, part) in parts {
            for row in part.rows {
                if let other = rowOfCenter[row.center] {
                    throw InputError(Diagnostic(file: file, line: nil, field: "rows", problem: "center '\(row.center)' is also planned in \(other.file)",
                                                expected: "each center in one shard"))
                }
                rowOfCenter[row.center] = (file, row)
            }
        }
        if let missing = first.centers.first(where: { rowOfCenter[$0] == nil }) {
            throw InputError(Diagnostic(file: directory, line: nil, field: "rows", problem: "no shard planned center '\(missing)'",
                                        expected: "every center of \(first.list) in one shard"))
        }
        var summary = first
        summary.shard = nil
        summary.rows = first.centers.map { rowOfCenter[$0]!.row }
        let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
        let written = [path(CentersPlanSummary.fileName(shard: nil)), path("summary.csv")]
        for file in written { try AtomicFileWriter.checkWritable(file, overwrite: overwrite) }
        try AtomicFileWriter.write(try JSONOutput.text(summary), to: written[0], overwrite: overwrite)
        try AtomicFileWriter.write(summary.csv(), to: written[1], overwrite: overwrite)
        return (summary, written)
    }
}
