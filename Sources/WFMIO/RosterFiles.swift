import Foundation
import WFMCore

/// Writes and reads roster.csv: `agent_id,date,shift,start,end,paid_minutes,breaks`, where
/// start and end carry their UTC offset and breaks are local `HH:MM-HH:MM` ranges joined by `;`;
/// a roster with overtime (a what-if repair's) adds `overtime_before,overtime_after` in minutes.
public enum RosterFiles {
    /// The roster as CSV text, rows in the given order.
    public static func csv(_ shifts: [RosterShift], timeZone: TimeZone) -> String {
        let overtime = shifts.contains { $0.overtimeMinutes != 0 }
        var text = CSVFormatting.line(["agent_id", "date", "shift", "start", "end", "paid_minutes", "breaks"]
            + (overtime ? overtimeColumns : []))
        for shift in shifts {
            let breaks = shift.breaks.map { "\(clock($0.start, timeZone))-\(clock($0.end, timeZone))" }.joined(separator: ";")
            text += CSVFormatting.line([
                shift.agentID, shift.date.description, shift.templateID, Timestamp.format(shift.start, in: timeZone),
                Timestamp.format(shift.end, in: timeZone), String(shift.paidMinutes), breaks,
            ] + (overtime ? [String(shift.overtimeBeforeMinutes), String(shift.overtimeAfterMinutes)] : []))
        }
        return text
    }

    private static let overtimeColumns = ["overtime_before", "overtime_after"]

    /// Reads roster.csv; each break is placed at the first matching wall-clock time after the
    /// shift starts.
    /// - Throws: ``InputError`` listing every malformed row.
    public static func read(path: String, timeZone: TimeZone) throws -> [RosterShift] {
        try read(CSVTable(path: path), timeZone: timeZone)
    }

    /// Reads roster.csv `text` held in memory, naming `file` in diagnostics.
    /// - Throws: ``InputError`` listing every malformed row.
    public static func read(text: String, file: String, timeZone: TimeZone) throws -> [RosterShift] {
        try read(CSVTable(text: text, file: file), timeZone: timeZone)
    }

    /// Reads roster.csv with the line each shift is on, for checks that name it.
    /// - Throws: ``InputError`` listing every malformed row.
    public static func readLines(path: String, timeZone: TimeZone) throws -> [(line: Int, shift: RosterShift)] {
        try rows(CSVTable(path: path), timeZone: timeZone)
    }

    private static func read(_ table: CSVTable, timeZone: TimeZone) throws -> [RosterShift] {
        try rows(table, timeZone: timeZone).map(\.shift)
    }

    private static func rows(_ table: CSVTable, timeZone: TimeZone) throws -> [(line: Int, shift: RosterShift)] {
        let path = table.file
        let columns = try table.columns(required: ["agent_id", "date", "shift", "start", "end", "paid_minutes", "breaks"],
                                        optional: overtimeColumns)
        var log = DiagnosticLog(file: path)
        var shifts: [(line: Int, shift: RosterShift)] = []
        for record in table.records where !log.hasOverflowed {
            let line = record.line
            let field = { (name: String) in record.fields[columns[name]!].trimmingCharacters(in: .whitespaces) }
            guard let date = LocalDate(field("date")) else {
                log.error(line: line, field: "date", "'\(field("date"))' is not a date", expected: "YYYY-MM-DD")
                continue
            }
            let start = instant(field("start"), timeZone: timeZone)
            let end = instant(field("end"), timeZone: timeZone)
            if start == nil { log.error(line: line, field: "start", "'\(field("start"))' is not a timestamp", expected: "YYYY-MM-DDTHH:MM+HH:MM") }
            if end == nil { log.error(line: line, field: "end", "'\(field("end"))' is not a timestamp", expected: "YYYY-MM-DDTHH:MM+HH:MM") }
            let paid = Int(field("paid_minutes"))
            if paid == nil { log.error(line: line, field: "paid_minutes", "'\(field("paid_minutes"))' is not a whole number") }
            let overtime = overtimeColumns.map { name -> Int? in
                guard columns[name] != nil, !field(name).isEmpty else { return 0 }
                guard let minutes = Int(field(name)), (0...InputLimits.maximumOvertimeMinutes).contains(minutes) else {
                    log.error(line: line, field: name, "'\(field(name))' is not a number of minutes",
                              expected: "a whole number from 0 to \(InputLimits.maximumOvertimeMinutes)")
                    return nil
                }
                return minutes
            }
            guard let start, let end, let paid, let before = overtime[0], let after = overtime[1] else { continue }
            var breaks: [RosterBreak] = []
            for item in field("breaks").split(separator: ";") {
                let parts = item.split(separator: "-")
                guard parts.count == 2, let from = TimeOfDay(parts[0]), let to = TimeOfDay(parts[1]),
                    let breakStart = nextInstant(of: from, after: start, timeZone: timeZone),
                    let breakEnd = nextInstant(of: to, after: breakStart, timeZone: timeZone)
                else {
                    log.error(line: line, field: "breaks", "'\(item)' is not a break", expected: "HH:MM-HH:MM ranges joined by ;")
                    continue
                }
                breaks.append(RosterBreak(start: breakStart, end: breakEnd))
            }
            shifts.append((line, RosterShift(agentID: field("agent_id"), date: date, templateID: field("shift"), start: start, end: end,
                                             paidMinutes: paid, breaks: breaks, overtimeBeforeMinutes: before, overtimeAfterMinutes: after)))
        }
        try log.throwIfErrors()
        return shifts
    }

    private static func clock(_ instant: Date, _ timeZone: TimeZone) -> String {
        TimeOfDay(minutes: LocalDateTime(instant, in: timeZone).minuteOfDay)!.description
    }

    private static func instant(_ text: String, timeZone: TimeZone) -> Date? {
        switch Timestamp(text) {
        case .exact(let instant, _): instant
        case .local(let wall): wall.instants(in: timeZone).first
        case nil: nil
        }
    }

    /// The first instant at or after `after` (within two days) showing wall-clock `time`.
    private static func nextInstant(of time: TimeOfDay, after: Date, timeZone: TimeZone) -> Date? {
        let day = LocalDateTime(after, in: timeZone).date
        for offset in 0...2 {
            let wall = LocalDateTime(date: day.adding(days: offset), minuteOfDay: time.minutes % 1440)
            if let instant = wall.instants(in: timeZone).first(where: { $0 >= after }) { return instant }
        }
        return nil
    }
}
