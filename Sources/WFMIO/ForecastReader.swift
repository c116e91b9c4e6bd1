import Foundation
import WFMCore

/// Reads forecast.csv: `interval_start,queue,calls,aht_seconds` for intervals of the planning week,
/// and optionally quantiles of the calls, `calls_p10`, `calls_p90`, … (the prediction interval).
public enum ForecastReader {
    /// The column of the quantile at `probability`: `calls_p10` for 0.1.
    public static func quantileColumn(_ probability: Double) -> String {
        "calls_p\(Int((probability * 100).rounded()))"
    }

    /// The probability of a quantile column (`calls_p1` … `calls_p99`), or nil.
    static func quantileProbability(_ column: String) -> Double? {
        guard column.hasPrefix("calls_p"), let percent = Int(column.dropFirst("calls_p".count)), (1...99).contains(percent) else { return nil }
        return Double(percent) / 100
    }

    /// Reads and validates `path` against the center's queues and planning week.
    /// - Throws: ``InputError`` listing every problem found (up to 50).
    /// With `horizon`, the file may cover all its weeks: rows of the horizon's other weeks
    /// are skipped, and a week of `grid` without any row is an error.
    public static func read(path: String, center: Center, grid: TimeGrid, horizon: PlanningHorizon? = nil) throws -> [ForecastEntry] {
        try read(CSVTable(path: path), center: center, grid: grid, horizon: horizon)
    }

    /// Reads and validates forecast.csv `text` held in memory, naming `file` in diagnostics.
    /// - Throws: ``InputError`` listing every problem found (up to 50).
    public static func read(text: String, file: String, center: Center, grid: TimeGrid, horizon: PlanningHorizon? = nil) throws -> [ForecastEntry] {
        try read(CSVTable(text: text, file: file), center: center, grid: grid, horizon: horizon)
    }

    private static func read(_ table: CSVTable, center: Center, grid: TimeGrid, horizon: PlanningHorizon?) throws -> [ForecastEntry] {
        let path = table.file
        let columns = try table.columns(required: ["interval_start", "queue", "calls", "aht_seconds"])
        var log = DiagnosticLog(file: path)
        var resolver = TimestampResolver(timeZone: center.timeZone, offsetsMustMatch: true)
        let queueIDs = Set(center.queues.map(\.id))
        var entries: [ForecastEntry] = []
        var order = RowOrder<Int>()
        let weekEnd = grid.weekStart.adding(days: 6)
        var outside = 0
        let quantileColumns = table.header.enumerated().compactMap { index, name in quantileProbability(name).map { (index, name, $0) } }
            .sorted { $0.2 < $1.2 }
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
                } else if horizon?.contains(instant, in: center.timeZone) != true {
                    outside += 1
                    if outside == 1 {
                        log.error(line: line, field: "interval_start", "'\(text)' is outside \(horizon?.description ?? "the planning week \(grid.weekStart) to \(weekEnd)")",
                                  expected: horizon == nil ? "a forecast for the week in center.yaml, or --week for the forecast's week"
                                      : "a forecast for the weeks planned (wfm forecast --weeks \(horizon?.weeks ?? 1))")
                    }
                }
                continue
            }
            guard order.accept(queue: queue, position: interval, line: line, field: "interval_start", log: &log) else { continue }
            var quantiles: [CallQuantile] = []
            for (index, name, probability) in quantileColumns {
                let text = index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespaces) : ""
                guard !text.isEmpty, let value = readNumber(text, line: line, field: name, log: &log, minimum: 0,
                                                            maximum: InputLimits.maximumCallsPerInterval, expected: "calls from 0 to 1,000,000")
                else { continue }
                if let previous = quantiles.last, value < previous.calls {
                    log.error(line: line, field: name, "\(text) is below \(quantileColumn(previous.probability)) (\(previous.calls))",
                              expected: "quantiles that do not decrease with the probability")
                }
                quantiles.append(CallQuantile(probability: probability, calls: value))
            }
            if let calls, let aht {
                var entry = ForecastEntry(interval: interval, queue: queue, calls: calls, ahtSeconds: aht)
                entry.quantiles = quantiles
                entries.append(entry)
            }
        }
        if outside > 1 { log.error(line: nil, field: "interval_start", "\(outside) rows in all lie outside \(horizon?.description ?? "the planning week")") }
        if table.records.isEmpty { log.error(line: nil, field: "file", "has no rows", expected: "one row per queue and open interval") }
        if let horizon, entries.isEmpty, !table.records.isEmpty {
            log.error(line: nil, field: "interval_start", "no row for the week of \(grid.weekStart)", expected: "a forecast for every week of \(horizon.description)")
        }
        try log.throwIfErrors()
        return entries
    }
}
