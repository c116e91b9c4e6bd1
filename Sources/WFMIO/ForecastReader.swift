import Foundation
import WFMCore

/// Reads forecast.csv: `interval_start,queue,calls,aht_seconds` for intervals of the planning week.
public enum ForecastReader {
    /// Reads and validates `path` against the center's queues and planning week.
    /// - Throws: ``InputError`` listing every problem found (up to 50).
    public static func read(path: String, center: Center, grid: TimeGrid) throws -> [ForecastEntry] {
        let table = try CSVTable(path: path)
        let columns = try table.columns(required: ["interval_start", "queue", "calls", "aht_seconds"])
        var log = DiagnosticLog(file: path)
        var resolver = TimestampResolver(timeZone: center.timeZone, offsetsMustMatch: true)
        let queueIDs = Set(center.queues.map(\.id))
        var entries: [ForecastEntry] = []
        var order = RowOrder<Int>()
        let weekEnd = grid.weekStart.adding(days: 6)
        var outside = 0
        for record in table.records where !log.hasOverflowed {
            let line = record.line
            let field = { (name: String) in record.fields[columns[name]!].trimmingCharacters(in: .whitespaces) }
            let queue = field("queue")
            guard queueIDs.contains(queue) else {
                log.error(line: line, field: "queue", queue.isEmpty ? "is empty" : "unknown queue '\(queue)'",
                          expected: "one of \(queueIDs.sorted().joined(separator: ", ")) (from center.yaml)")
                continue
            }
            let calls = readNumber(field("calls"), line: line, field: "calls", log: &log, minimum: 0,
                                   maximum: InputLimits.maximumCallsPerInterval, expected: "calls from 0 to 1,000,000 per interval")
            let aht = readNumber(field("aht_seconds"), line: line, field: "aht_seconds", log: &log, minimum: 0, exclusive: true,
                                 maximum: InputLimits.maximumSeconds, expected: "seconds above 0, at most 86400 (a day)")
            let text = field("interval_start")
            guard let instant = resolver.instant(text, queue: queue, line: line, field: "interval_start", log: &log) else { continue }
            guard let interval = grid.index(startingAt: instant) else {
                if instant >= grid.intervals[0].start && instant < grid.end {
                    log.error(line: line, field: "interval_start", "'\(text)' is not the start of a \(grid.intervalMinutes)-minute interval",
                              expected: "starts at multiples of \(grid.intervalMinutes) minutes")
                } else {
                    outside += 1
                    if outside == 1 {
                        log.error(line: line, field: "interval_start", "'\(text)' is outside the planning week \(grid.weekStart) to \(weekEnd)",
                                  expected: "a forecast for the week in center.yaml, or --week for the forecast's week")
                    }
                }
                continue
            }
            guard order.accept(queue: queue, position: interval, line: line, field: "interval_start", log: &log) else { continue }
            if let calls, let aht { entries.append(ForecastEntry(interval: interval, queue: queue, calls: calls, ahtSeconds: aht)) }
        }
        if outside > 1 { log.error(line: nil, field: "interval_start", "\(outside) rows in all lie outside the planning week") }
        if table.records.isEmpty { log.error(line: nil, field: "file", "has no rows", expected: "one row per queue and open interval") }
        try log.throwIfErrors()
        return entries
    }
}
