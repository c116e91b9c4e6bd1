import Foundation
import WFMCore

/// Turns CSV timestamps into instants in the center's time zone.
///
/// A local time that occurs twice (the hour repeated when DST ends) means its first
/// occurrence, or its second when the same queue already has a row at the first; a local time
/// that does not exist (skipped when DST starts) is an error. With `offsetsMustMatch`, a
/// timestamp with an offset must carry the center's own offset at that instant: a plan-week
/// file with another offset was made for another zone, and read as written it would land
/// hours off.
struct TimestampResolver {
    let timeZone: TimeZone
    let offsetsMustMatch: Bool
    private var seen = Set<String>()

    init(timeZone: TimeZone, offsetsMustMatch: Bool) {
        self.timeZone = timeZone
        self.offsetsMustMatch = offsetsMustMatch
    }

    enum Resolution {
        case instant(Date)
        case malformed
        case nonexistent
        /// A timestamp whose offset is not the center's (`expected`, e.g. `+01:00`).
        case foreignOffset(expected: String)
    }

    mutating func resolve(_ text: String, queue: String) -> Resolution {
        guard let timestamp = Timestamp(text.trimmingCharacters(in: .whitespaces)) else { return .malformed }
        let instant: Date
        switch timestamp {
        case .exact(let exact, let written):
            if offsetsMustMatch, LocalDateTime(exact, in: timeZone) != written {
                return .foreignOffset(expected: String(Timestamp.format(exact, in: timeZone).suffix(6)))
            }
            instant = exact
        case .local(let wall):
            let candidates = wall.instants(in: timeZone)
            guard let first = candidates.first else { return .nonexistent }
            instant = candidates.count > 1 && seen.contains(key(first, queue)) ? candidates[1] : first
        }
        seen.insert(key(instant, queue))
        return .instant(instant)
    }

    private func key(_ instant: Date, _ queue: String) -> String { "\(queue)@\(instant.timeIntervalSince1970)" }

    /// The instant of `text` for `queue`, or nil after recording why there is none.
    mutating func instant(_ text: String, queue: String, line: Int, field: String, log: inout DiagnosticLog) -> Date? {
        switch resolve(text, queue: queue) {
        case .instant(let instant):
            return instant
        case .malformed:
            log.error(line: line, field: field, text.isEmpty ? "is empty" : "'\(text)' is not a timestamp",
                      expected: "YYYY-MM-DDTHH:MM, optionally with an offset such as +01:00")
        case .nonexistent:
            log.error(line: line, field: field, "'\(text)' does not exist in \(timeZone.identifier) (skipped by a DST change)",
                      expected: "a wall-clock time that exists, or an explicit offset")
        case .foreignOffset(let expected):
            log.error(line: line, field: field, "'\(text)' has an offset that \(timeZone.identifier) does not have at that time",
                      expected: "the center's offset at that date (\(expected)), or no offset")
        }
        return nil
    }
}

/// Checks that each queue's rows come in time order, once per interval.
struct RowOrder<Position: Comparable> {
    private var last: [String: (line: Int, position: Position)] = [:]

    /// Whether the row at `position` may follow the queue's previous row; records the problem if not.
    mutating func accept(queue: String, position: Position, line: Int, field: String, log: inout DiagnosticLog) -> Bool {
        if let previous = last[queue] {
            if position == previous.position {
                log.error(line: line, field: field, "duplicated interval for queue '\(queue)' (also on line \(previous.line))",
                          expected: "one row per queue and interval")
                return false
            }
            if position < previous.position {
                log.error(line: line, field: field, "is earlier than line \(previous.line) for queue '\(queue)'",
                          expected: "rows of each queue in time order")
                return false
            }
        }
        last[queue] = (line, position)
        return true
    }
}

/// Reads one number out of a CSV field, recording a problem if it is not one or lies outside
/// `minimum` (excluded when `exclusive`) to `maximum`.
func readNumber(
    _ text: String, line: Int, field: String, log: inout DiagnosticLog, minimum: Double, exclusive: Bool = false,
    maximum: Double, expected: String
) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let value = Double(trimmed), value.isFinite else {
        log.error(line: line, field: field, trimmed.isEmpty ? "is empty" : "'\(trimmed)' is not a number", expected: expected)
        return nil
    }
    guard exclusive ? value > minimum : value >= minimum, value <= maximum else {
        log.error(line: line, field: field, "\(trimmed) is out of range", expected: expected)
        return nil
    }
    return value
}
