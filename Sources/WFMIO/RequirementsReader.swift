import Foundation
import WFMCore

/// Reads requirements.csv for scheduling: `interval_start`, `queue` and `agents_scheduled`
/// are needed; other columns are ignored.
public enum RequirementsReader {
    /// Reads `path` into a matrix over the planning week of `grid`.
    /// - Throws: ``InputError`` listing every problem: unknown queues, rows outside the week
    ///   (a file for another week), duplicates, negative counts.
    public static func read(path: String, center: Center, grid: TimeGrid) throws -> RequirementMatrix {
        let table = try CSVTable(path: path)
        let columns = try table.columns(required: ["interval_start", "queue", "agents_scheduled"])
        var log = DiagnosticLog(file: path)
        var resolver = TimestampResolver(timeZone: center.timeZone, offsetsMustMatch: true)
        var order = RowOrder<Int>()
        var matrix = RequirementMatrix(queues: center.queues.map(\.id), intervals: grid.intervals.count)
        let weekEnd = grid.weekStart.adding(days: 6)
        var outside = 0
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
                outside += 1
                if outside == 1 {
                    log.error(line: line, field: "interval_start", "'\(text)' is not an interval of the planning week \(grid.weekStart) to \(weekEnd)",
                              expected: "requirements for the week in center.yaml (run wfm staff for that week)")
                }
                continue
            }
            guard order.accept(queue: queue, position: interval, line: line, field: "interval_start", log: &log), let agents else { continue }
            matrix.agents[queueIndex][interval] = agents
        }
        if outside > 1 { log.error(line: nil, field: "interval_start", "\(outside) rows in all lie outside the planning week") }
        if table.records.isEmpty { log.error(line: nil, field: "file", "has no rows", expected: "one row per queue and open interval") }
        try log.throwIfErrors()
        return matrix
    }
}
