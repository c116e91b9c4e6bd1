import Foundation
import WFMCore

/// One iCalendar file (RFC 5545) per agent: a VEVENT per shift, in UTC, with the breaks and
/// queues in its description. Lines end in CRLF and are folded at 75 octets.
///
/// DTSTAMP is the week's first instant, not the time of writing, so that the same roster
/// always gives the same files.
public enum ICalendarWriter {
    /// The calendar of one agent's days (those of ``AgentSchedule/days`` for that agent).
    /// - Parameters:
    ///   - sequences: for a published version, each day's SEQUENCE (raised each time the
    ///     event changes, so that calendar apps replace it); none for a one-off report.
    ///   - stamp: DTSTAMP; the week's first instant when nil.
    public static func calendar(agent: Agent, days: [AgentSchedule.Day], centerName: String, weekStart: Date,
                                sequences: [LocalDate: Int]? = nil, stamp: Date? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//wfm//roster//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape("\(centerName): \(agent.name)")]
        for day in days {
            guard let shift = day.shift else { continue }
            var description = "Queues: " + day.queues.joined(separator: ", ")
            if !day.breaks.isEmpty { description += "\nBreaks: " + AgentSchedule.breaksText(day.breaks).replacingOccurrences(of: ";", with: ", ") }
            description += "\nPaid hours: " + CSVFormatting.number(Double(shift.paidMinutes) / 60, digits: 2)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape(uid(agent: agent.id, date: day.date)),
                "DTSTAMP:" + utc(stamp ?? weekStart),
            ] + (sequences.map { ["SEQUENCE:\($0[day.date] ?? 0)"] } ?? []) + [
                "DTSTART:" + utc(shift.start),
                "DTEND:" + utc(shift.end),
                "SUMMARY:" + escape("Shift \(shift.templateID) (\(day.queues.joined(separator: ", ")))"),
                "DESCRIPTION:" + escape(description),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A shift that a new version of the roster removed: cancelled in the agent's calendar.
    public struct Cancellation: Sendable, Equatable {
        public var date: LocalDate
        public var start: Date
        public var end: Date
        /// The event's SEQUENCE, one above the version that last published it.
        public var sequence: Int

        /// Creates a cancellation.
        public init(date: LocalDate, start: Date, end: Date, sequence: Int) {
            self.date = date
            self.start = start
            self.end = end
            self.sequence = sequence
        }
    }

    /// An iTIP cancellation (METHOD:CANCEL, RFC 5546) of shifts removed from an agent's
    /// published calendar: the same UIDs, STATUS:CANCELLED and a raised SEQUENCE, so that a
    /// calendar app removes the events instead of keeping stale ones.
    public static func cancellation(agent: Agent, cancelled: [Cancellation], centerName: String, stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//wfm//roster//EN", "CALSCALE:GREGORIAN", "METHOD:CANCEL",
                     "X-WR-CALNAME:" + escape("\(centerName): \(agent.name)")]
        for event in cancelled {
            lines += [
                "BEGIN:VEVENT", "UID:" + escape(uid(agent: agent.id, date: event.date)), "DTSTAMP:" + utc(stamp), "SEQUENCE:\(event.sequence)",
                "DTSTART:" + utc(event.start), "DTEND:" + utc(event.end), "STATUS:CANCELLED", "SUMMARY:" + escape("Shift cancelled"), "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The event's UID: one per agent and date, stable across versions.
    public static func uid(agent: String, date: LocalDate) -> String { "\(agent)-\(date)@wfm" }

    /// A file name for the agent's calendar: the id with anything but letters, digits, `-`
    /// and `_` replaced, then `.ics`.
    public static func fileName(for agent: Agent) -> String {
        String(agent.id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }) + ".ics"
    }

    private static func utc(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: instant)
    }

    /// TEXT value escaping: backslash, semicolon, comma and newline.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Folds a content line into pieces of at most 75 octets, never inside a character or an
    /// escape sequence.
    private static func fold(_ line: String) -> String {
        var units: [String] = []
        var pendingBackslash = false
        for character in line {
            if pendingBackslash {
                units[units.count - 1].append(character)
                pendingBackslash = false
            } else {
                units.append(String(character))
                pendingBackslash = character == "\\"
            }
        }
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for unit in units {
            let size = unit.utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current += unit
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
