import Foundation
import WFMCore

/// Reads actuals.csv: `interval_start,queue,offered,handled,abandoned,aht_seconds` and
/// optionally `answered_in_target`, one row per queue and interval of today that has ended.
public enum ActualsReader {
    /// Reads and validates `path`: every row's interval must lie on `now`'s local date, on the
    /// grid, and have ended by `now`.
    /// - Parameters:
    ///   - grid: the week holding `now`.
    ///   - now: the intraday cut-off.
    /// - Throws: ``InputError`` listing every problem found (up to 50).
    public static func read(path: String, center: Center, grid: TimeGrid, now: Date) throws -> [IntervalActual] {
        try read(CSVTable(path: path), center: center, grid: grid, now: now)
    }

    /// Reads actuals.csv `text` held in memory, naming `file` in diagnostics.
    /// - Throws: as ``read(path:center:grid:now:)``.
    public static func read(text: String, file: String, center: Center, grid: TimeGrid, now: Date) throws -> [IntervalActual] {
        try read(CSVTable(text: text, file: file), center: center, grid: grid, now: now)
    }

    private static func read(_ table: CSVTable, center: Center, grid: TimeGrid, now: Date) throws -> [IntervalActual] {
        let columns = try table.columns(required: ["interval_start", "queue", "offered", "handled", "abandoned", "aht_seconds"],
                                          optional: ["answered_in_target"])
        var log = DiagnosticLog(file: table.file)
        var resolver = TimestampResolver(timeZone: center.timeZone, offsetsMustMatch: true)
        let queueIDs = Set(center.queues.map(\.id))
        let today = LocalDateTime(now, in: center.timeZone)
        let nowText = Timestamp.format(now, in: center.timeZone)
        var order = RowOrder<Int>()
        var actuals: [IntervalActual] = []
        let count = { (record: CSVTable.Record, name: String) -> Double? in
            readNumber(record.fields[columns[name]!], line: record.line, field: name, log: &log, minimum: 0,
                       maximum: InputLimits.maximumCallsPerInterval, expected: "calls from 0 to 1,000,000 per interval")
        }
        for record in table.records where !log.hasOverflowed {
            let line = record.line
            let queue = record.fields[columns["queue"]!].trimmingCharacters(in: .whitespaces)
            guard queueIDs.contains(queue) else {
                log.error(line: line, field: "queue", queue.isEmpty ? "is empty" : "unknown queue '\(queue)'",
                          expected: "one of \(queueIDs.sorted().joined(separator: ", ")) (from center.yaml)")
                continue
            }
            let text = record.fields[columns["interval_start"]!].trimmingCharacters(in: .whitespaces)
            guard let instant = resolver.instant(text, queue: queue, line: line, field: "interval_start", log: &log) else { continue }
            let local = LocalDateTime(instant, in: center.timeZone)
            guard local.date == today.date else {
                log.error(line: line, field: "interval_start", "'\(text)' is on \(local.date), not on the day of --now (\(today.date))",
                          expected: "actuals of the intervals of \(today.date) that have ended")
                continue
            }
            guard let interval = grid.index(startingAt: instant) else {
                log.error(line: line, field: "interval_start", "'\(text)' is not the start of a \(grid.intervalMinutes)-minute interval of the week",
                          expected: "starts at multiples of \(grid.intervalMinutes) minutes, in the forecast's week")
                continue
            }
            guard grid.intervals[interval].start.addingTimeInterval(grid.intervalSeconds) <= now else {
                log.error(line: line, field: "interval_start", "the interval from '\(text)' has not ended at --now (\(nowText))",
                          expected: "only intervals that ended by --now")
                continue
            }
            guard order.accept(queue: queue, position: interval, line: line, field: "interval_start", log: &log) else { continue }
            let offered = count(record, "offered"), handled = count(record, "handled"), abandoned = count(record, "abandoned")
            let aht = readNumber(record.fields[columns["aht_seconds"]!], line: line, field: "aht_seconds", log: &log, minimum: 0,
                                 maximum: InputLimits.maximumSeconds, expected: "seconds from 0 to 86400 (0 when nothing was handled)")
            var inTarget: Double?
            if let column = columns["answered_in_target"], column < record.fields.count,
                !record.fields[column].trimmingCharacters(in: .whitespaces).isEmpty
            {
                inTarget = count(record, "answered_in_target")
                if let inTarget, let handled, inTarget > handled {
                    log.error(line: line, field: "answered_in_target", "\(NumberFormatting.trimmed(inTarget)) is more than handled (\(NumberFormatting.trimmed(handled)))",
                              expected: "at most the calls handled")
                }
            }
            if let handled, let aht, handled > 0, aht == 0 {
                log.error(line: line, field: "aht_seconds", "is 0 with \(NumberFormatting.trimmed(handled)) calls handled", expected: "the handled calls' average handle time, above 0")
            }
            guard let offered, let handled, let abandoned, let aht else { continue }
            actuals.append(IntervalActual(interval: interval, queue: queue, offered: offered, handled: handled, abandoned: abandoned,
                                          ahtSeconds: aht, answeredInTarget: inTarget))
        }
        try log.throwIfErrors()
        return actuals
    }
}
