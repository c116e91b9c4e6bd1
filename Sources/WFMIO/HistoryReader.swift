import Foundation
import WFMCore

/// The history of one center: its records and the interval length they are on.
public struct History: Sendable {
    /// The records, per queue in time order (queues in the order they first appear).
    public var records: [HistoryRecord]
    /// The history's interval length in minutes (the most common gap between rows).
    public var intervalMinutes: Int
    /// Problems that did not stop the reading.
    public var warnings: [Diagnostic]
}

/// Reads history.csv: `timestamp,queue,calls[,aht_seconds]`, one row per queue and interval.
///
/// Rows of each queue must be in time order with no repeats, on one interval grid that is
/// at least as fine as the plan's. Missing rows mean "no data", not zero.
public enum HistoryReader {
    /// Reads and validates `path` against the center's queues and time zone.
    /// - Throws: ``InputError`` listing every problem found (up to 50).
    /// With `ignoringUnknownQueues`, rows of a queue center.yaml does not name are left out,
    /// with one warning per such queue, instead of being an error.
    public static func read(path: String, center: Center, ignoringUnknownQueues: Bool = false) throws -> History {
        let table = try CSVTable(path: path)
        let columns = try table.columns(required: ["timestamp", "queue", "calls"], optional: ["aht_seconds"])
        var log = DiagnosticLog(file: path)
        var resolver = TimestampResolver(timeZone: center.timeZone, offsetsMustMatch: false)
        let queueIDs = Set(center.queues.map(\.id))
        var records: [(line: Int, record: HistoryRecord)] = []
        var order = RowOrder<Date>()
        // Rows of a queue center.yaml does not name: one error per queue, not one per row.
        var unknown: [String: (line: Int, rows: Int)] = [:]
        var unknownOrder: [String] = []
        for record in table.records where !log.hasOverflowed {
            let line = record.line
            let field = { (name: String) in columns[name].map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            let queue = field("queue")
            guard queueIDs.contains(queue) else {
                if queue.isEmpty {
                    log.error(line: line, field: "queue", "is empty", expected: "one of \(queueIDs.sorted().joined(separator: ", ")) (from center.yaml)")
                } else {
                    if unknown[queue] == nil { unknownOrder.append(queue) }
                    unknown[queue, default: (line, 0)].rows += 1
                }
                continue
            }
            let calls = readNumber(field("calls"), line: line, field: "calls", log: &log, minimum: 0,
                                   maximum: InputLimits.maximumCallsPerInterval, expected: "calls from 0 to 1,000,000 per interval")
            var aht: Double?
            if columns["aht_seconds"] != nil, !field("aht_seconds").isEmpty {
                aht = readNumber(field("aht_seconds"), line: line, field: "aht_seconds", log: &log, minimum: 0, exclusive: (calls ?? 0) > 0,
                                 maximum: InputLimits.maximumSeconds, expected: "seconds above 0, at most 86400 (a day)")
                if aht == 0 { aht = nil }
            }
            guard let instant = resolver.instant(field("timestamp"), queue: queue, line: line, field: "timestamp", log: &log),
                order.accept(queue: queue, position: instant, line: line, field: "timestamp", log: &log)
            else { continue }
            guard let calls else { continue }
            records.append((line, HistoryRecord(start: instant, local: LocalDateTime(instant, in: center.timeZone), queue: queue,
                                                calls: calls, ahtSeconds: aht)))
        }
        for queue in unknownOrder {
            let seen = unknown[queue]!
            let rows = "\(seen.rows) row\(seen.rows == 1 ? "" : "s")"
            if ignoringUnknownQueues {
                log.warning(line: seen.line, field: "queue", "\(rows) of queue '\(queue)', which center.yaml does not name, left out (the first on this line)")
            } else {
                log.error(line: seen.line, field: "queue", "unknown queue '\(queue)' in \(rows) (the first on this line)",
                          expected: "one of \(queueIDs.sorted().joined(separator: ", ")) (from center.yaml): add the queue there, remove its rows, or pass --ignore-unknown-queues")
            }
        }
        if table.records.isEmpty { log.error(line: nil, field: "file", "has no rows", expected: "one row per queue and interval") }
        let interval = checkGrid(records, planMinutes: center.intervalMinutes, log: &log)
        try log.throwIfErrors()
        return History(records: records.map(\.record), intervalMinutes: interval, warnings: log.warnings)
    }

    /// Infers the history's interval (the most common gap between a queue's consecutive rows)
    /// and reports rows off that grid, and a grid coarser than the plan's.
    private static func checkGrid(_ records: [(line: Int, record: HistoryRecord)], planMinutes: Int, log: inout DiagnosticLog) -> Int {
        var gaps: [Int: Int] = [:]
        var previous: [String: Date] = [:]
        for (_, record) in records {
            if let before = previous[record.queue] {
                let minutes = Int((record.start.timeIntervalSince(before) / 60).rounded())
                if minutes > 0, minutes <= 60 { gaps[minutes, default: 0] += 1 }
            }
            previous[record.queue] = record.start
        }
        let interval = gaps.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? planMinutes
        guard TimeGrid.supportedIntervalMinutes.contains(interval), planMinutes % interval == 0 else {
            log.error(line: nil, field: "timestamp", "rows are \(interval) minutes apart, which does not divide the \(planMinutes)-minute plan interval",
                      expected: "history at the plan's interval or finer (5, 10, 15… minutes dividing \(planMinutes))")
            return interval
        }
        for (line, record) in records where record.local.minuteOfDay % interval != 0 {
            log.error(line: line, field: "timestamp", "\(record.local) is off the \(interval)-minute grid of the other rows",
                      expected: "interval starts at multiples of \(interval) minutes")
            if log.hasOverflowed { break }
        }
        return interval
    }
}
