import Foundation
import WFMCore
import WFMIO
import WFMReporting
import WFMScheduling

/// One column of the side-by-side: a scenario and the report of the roster under it.
public struct WhatIfColumn: Sendable {
    public let scenario: Scenario
    public let report: RosterReport
    /// A repair's changes (repair mode), in the order made.
    public let changes: [RepairChange]
    /// The roster the column measures.
    public let shifts: [RosterShift]

    /// Whether the column's roster is a replan's.
    public let replanned: Bool
    /// How the column's roster differs from the published one (``AgentDayChanges``).
    public var dayChanges = AgentDayChanges.none
    /// The week's capacity under the scenario, if asked for.
    public var capacity: CapacityCheck?
    /// Its hires checked by replanning (``HireVerification``), with the capacity.
    public var verifiedHires: HireVerification?

    /// Creates a column.
    public init(scenario: Scenario, report: RosterReport, changes: [RepairChange] = [], replanned: Bool = false, shifts: [RosterShift]) {
        self.shifts = shifts
        self.scenario = scenario
        self.report = report
        self.changes = changes
        self.replanned = replanned
    }

    /// Agent-days the scenario changes against the published roster, in every mode alike
    /// (``AgentDayChanges``).
    public var agentDaysChanged: Int { dayChanges.changed }

    /// The week of `queue` (or `all`).
    public func week(_ queue: String) -> PeriodFigures? { report.weeks.first { $0.queue == queue } }

    /// The day of `queue` with the lowest service level among days with calls.
    public func worstDay(_ queue: String) -> PeriodFigures? {
        report.days.filter { $0.queue == queue && $0.calls > 0 }.min { $0.serviceLevel < $1.serviceLevel }
    }
}

/// A sweep's points and, per queue, how far the roster stretches.
public struct WhatIfSweepResult: Sendable {
    public let sweep: WhatIfSweep
    /// One evaluation per value, in order.
    public let columns: [WhatIfColumn]

    /// Per queue (center.yaml order), the largest swept value at which the queue's weekly
    /// service level still meets its target, scanning up from the smallest value; nil when
    /// even the smallest misses.
    public var largestMeetingTarget: [(queue: String, value: Double?)] {
        guard let targets = columns.first?.report.targets else { return [] }
        return Self.largestMeetingTarget(targets: targets.map { ($0.queue, $0.serviceLevel) }, values: sweep.values,
                                         serviceLevels: columns.map { column in { column.week($0)?.serviceLevel } })
    }

    /// Per queue, the largest of `values` up to which the weekly service level
    /// (`serviceLevels[i](queue)` at `values[i]`) meets the target, scanning from the first;
    /// nil when the first already misses. The one rule for a sweep's result and for merged shards.
    static func largestMeetingTarget(targets: [(queue: String, target: Double)], values: [Double],
                                     serviceLevels: [(String) -> Double?]) -> [(queue: String, value: Double?)] {
        targets.map { queue, target in
            var last: Double?
            for (value, serviceLevel) in zip(values, serviceLevels) {
                guard let level = serviceLevel(queue), level >= target - 1e-9 else { break }
                last = value
            }
            return (queue, last)
        }
    }
}

/// What `wfm whatif` found.
public struct WhatIfOutcome: Sendable {
    /// The baseline, then each scenario.
    public let columns: [WhatIfColumn]
    public let sweep: WhatIfSweepResult?
    public let mode: WhatIfMode
    /// The center's time zone, for the changes' times.
    public let timeZone: TimeZone
    /// What staffing the forecast as given noticed (rows missing, figures in an odd unit).
    public var warnings: [String] = []
    /// For one shard's evaluation (`--shard I/N`): which scenarios and sweep points it did.
    public var shard: WhatIfShardInfo?

    /// 0 when every column meets every target in every interval, 2 otherwise.
    public var exitCode: Int32 { columns.allSatisfy(\.report.targetsMet) ? 0 : 2 }
}

extension WhatIfOutcome {
    /// The file a shard writes for `--json path`: `whatif.json` becomes `whatif.shard-2-of-4.json`.
    public static func shardPath(_ path: String, _ shard: Shard) -> String { BenchRunJob.shardPath(path, shard) }

    /// The rosters a repair or replan made, one file per such column:
    /// `DIR/roster-<scenario name, lower case, words joined by ->.csv`, written whole, never over
    /// a file unless `overwrite`.
    /// - Returns: the paths written, in column order.
    /// - Throws: ``InputError`` if a file exists (without `overwrite`) or cannot be written.
    public func writeChangedRosters(to directory: String, overwrite: Bool) throws -> [String] {
        var written: [String] = []
        for column in columns where !column.changes.isEmpty || column.replanned {
            let words = column.scenario.name.lowercased().split { !$0.isLetter && !$0.isNumber }
            let path = URL(fileURLWithPath: directory).appendingPathComponent("roster-\(words.joined(separator: "-")).csv").path
            try AtomicFileWriter.write(RosterFiles.csv(column.shifts, timeZone: timeZone), to: path, overwrite: overwrite)
            written.append(path)
        }
        return written
    }
}
