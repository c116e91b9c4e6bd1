import Foundation
import WFMCore

/// Reads requirements.csv for scheduling: `interval_start`, `queue` and `agents_scheduled`
/// are needed. `calls`, `aht_seconds` and `agents_productive` (as `wfm staff` writes them) are
/// read when all three are there: the shortage penalty follows their service-level curve.
/// Other columns are ignored.
public enum RequirementsReader {
    /// Reads `path` into a matrix over the planning week of `grid`. With `horizon`, the file may
    /// cover all its weeks: rows of the horizon's other weeks are skipped, and a week of `grid`
    /// without any row is an error.
    /// - Throws: ``InputError`` listing every problem: unknown queues, rows outside the week
    ///   (a file for another week), duplicates, negative counts.
    public static func read(path: String, center: Center, grid: TimeGrid, horizon: PlanningHorizon? = nil) throws -> RequirementMatrix {
        let table = try CSVTable(path: path)
        let loadColumns = ["calls", "aht_seconds", "agents_productive"]
        let columns = try table.columns(required: ["interval_start", "queue", "agents_scheduled"], optional: loadColumns)
        let readsLoads = loadColumns.allSatisfy { columns[$0] != nil }
        var log = DiagnosticLog(file: path)
        var resolver = TimestampResolver(timeZone: center.timeZone, offsetsMustMatch: true)
        var order = RowOrder<Int>()
        var matrix = RequirementMatrix(queues: center.queues.map(\.id), intervals: grid.intervals.count)
        let weekEnd = grid.weekStart.adding(days: 6)
        var outside = 0
        var inWeek = 0
        for record in table.records where !log.hasOverflowed {
            let line = record.line
            let field = { (name: String) in record.fields[columns[name]!].trimmingCharacters(in: .whitespaces) }
            let queue = field("queue")
            guard let queueIndex = matrix.queues.firstIndex(of: queue) else {
                log.error(line: line, field: "queue", queue.isEmpty ? "is empty" : "unknown queue '\(queue)'",
                          expected: "one of \(matrix.queues.joined(separator: ", ")) (from center.yaml)")
                continue
            }
            let agents = readNumber(field("agents_scheduled"), line: line, field: "agents_scheduled", log: &log, minimum: 0,
                                    maximum: InputLimits.maximumAgentsPerInterval, expected: "agents from 0 to 100,000")
            let text = field("interval_start")
            guard let instant = resolver.instant(text, queue: queue, line: line, field: "interval_start", log: &log) else { continue }
            guard let interval = grid.index(startingAt: instant) else {
                if horizon?.contains(instant, in: center.timeZone) == true { continue }
                outside += 1
                if outside == 1 {
                    log.error(line: line, field: "interval_start", "'\(text)' is not an interval of \(horizon?.description ?? "the planning week \(grid.weekStart) to \(weekEnd)")",
                              expected: horizon == nil ? "requirements for the week in center.yaml (run wfm staff for that week)"
                                  : "requirements for the weeks planned (wfm staff --weeks \(horizon?.weeks ?? 1))")
                }
                continue
            }
            inWeek += 1
            let load = readsLoads ? readLoad(field, line: line, log: &log) : nil
            guard order.accept(queue: queue, position: interval, line: line, field: "interval_start", log: &log), let agents else { continue }
            matrix.agents[queueIndex][interval] = agents
            matrix.loads[queueIndex][interval] = load
        }
        if outside > 1 { log.error(line: nil, field: "interval_start", "\(outside) rows in all lie outside \(horizon?.description ?? "the planning week")") }
        if table.records.isEmpty { log.error(line: nil, field: "file", "has no rows", expected: "one row per queue and open interval") }
        if let horizon, inWeek == 0, !table.records.isEmpty {
            log.error(line: nil, field: "interval_start", "no row for the week of \(grid.weekStart)", expected: "requirements for every week of \(horizon.description)")
        }
        try log.throwIfErrors()
        return matrix
    }

    /// The calls, AHT and productive agents of one row; nil (with the errors logged) if one is bad.
    private static func readLoad(_ field: (String) -> String, line: Int, log: inout DiagnosticLog) -> RequirementLoad? {
        let calls = readNumber(field("calls"), line: line, field: "calls", log: &log, minimum: 0,
                               maximum: InputLimits.maximumCallsPerInterval, expected: "calls from 0 to 1,000,000 per interval")
        let aht = readNumber(field("aht_seconds"), line: line, field: "aht_seconds", log: &log, minimum: 0, exclusive: true,
                             maximum: InputLimits.maximumSeconds, expected: "seconds above 0, at most 86400 (a day)")
        let productive = readNumber(field("agents_productive"), line: line, field: "agents_productive", log: &log, minimum: 0,
                                    maximum: InputLimits.maximumAgentsPerInterval, expected: "agents from 0 to 100,000")
        guard let calls, let aht, let productive else { return nil }
        return RequirementLoad(calls: calls, ahtSeconds: aht, productiveAgents: productive)
    }
}
