import WFMCore
import WFMReporting

extension CentersPlanSummary {
    /// The table `wfm plan --centers` and `--merge` print: per center its outcome, roster and
    /// worst queue against target; then the count of centers per outcome, each failure's
    /// reason, and the files written.
    public func text(written: [String]) -> String {
        var table = TextTable(columns: [
            .init("center", .left), .init("outcome", .left), .init("agents"), .init("objective"), .init("gap"), .init("termination", .left),
            .init("worst queue", .left), .init("SL"), .init("target"), .init("intervals missed"), .init("wall s"),
        ])
        for row in rows {
            let worst = row.queues.min { ($0.serviceLevel - ($0.target ?? 0), $0.queue) < ($1.serviceLevel - ($1.target ?? 0), $1.queue) }
            table.append([
                row.center, row.outcome.replacingOccurrences(of: "_", with: " "), row.agents.map(String.init) ?? "-",
                row.objective.map { NumberFormatting.fixed($0, 1) } ?? "-", row.gap.map { NumberFormatting.percent($0, 2) } ?? "-",
                row.termination ?? "-", worst?.queue ?? "-", worst.map { NumberFormatting.percent($0.serviceLevel, 1) } ?? "-",
                worst?.target.map { NumberFormatting.percent($0, 0) } ?? "-", row.intervalsMissed.map(String.init) ?? "-",
                NumberFormatting.fixed(row.wallSeconds, 1),
            ])
        }
        let count = { (outcome: String) in rows.filter { $0.outcome == outcome }.count }
        var text = shard.map { "Shard \($0): \(rows.count) of \(centers.count) centers\n" } ?? ""
        text += table.render()
        text += "\(rows.count) centers: \(count("targets_met")) met every target, \(count("targets_missed")) missed some, \(count("failed")) failed\n"
        for row in rows where row.outcome == "failed" { text += "\(row.center) failed: \(row.failure ?? "")\n" }
        return text + written.map { "Wrote \($0)" }.joined(separator: "\n") + "\n"
    }

    /// The summary as JSON (schema `wfm.plan-centers/1`).
    public func json() throws -> String { try JSONOutput.text(self) }
}
