import Foundation
import WFMCore

/// Turns CSV timestamps into instants in the center's time zone.
///
/// A local time that occurs twice (the hour repeated when DST ends) means its first
/// occurrence, or its second when the same queue already has a row at the first; a local time
/// that does not exist (skipped when DST starts) is an error.
struct TimestampResolver {
    let timeZone: TimeZone
    private var seen = Set<String>()

    init(timeZone: TimeZone) { self.timeZone = timeZone }

    enum Resolution {
        case instant(Date)
        case malformed
        case nonexistent
    }

    mutating func resolve(_ text: String, queue: String) -> Resolution {
        guard let timestamp = Timestamp(text.trimmingCharacters(in: .whitespaces)) else { return .malformed }
        let instant: Date
        switch timestamp {
        case .exact(let exact, _):
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
}

/// Reads one number out of a CSV field, recording a problem if it is not one.
func readNumber(
    _ text: String, line: Int, field: String, log: inout DiagnosticLog, minimum: Double, exclusive: Bool = false,
    expected: String
) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let value = Double(trimmed), value.isFinite else {
        log.error(line: line, field: field, trimmed.isEmpty ? "is empty" : "'\(trimmed)' is not a number", expected: expected)
        return nil
    }
    guard exclusive ? value > minimum : value >= minimum else {
        log.error(line: line, field: field, "\(trimmed) is out of range", expected: expected)
        return nil
    }
    return value
}
