import Foundation

/// An interval-start timestamp as written in the CSV files: local wall-clock time
/// (`2026-11-30T09:15`) or with a UTC offset (`2026-11-30T09:15+01:00`, `…Z`).
public enum Timestamp: Sendable, Equatable {
    /// Wall-clock time, to be resolved in the center's time zone.
    case local(LocalDateTime)
    /// An exact instant, with the wall-clock time it was written with.
    case exact(Date, written: LocalDateTime)

    /// Parses `YYYY-MM-DDTHH:MM[:00][Z|±HH:MM]` (a space may replace the `T`); nil if
    /// malformed. Seconds, when present, must be 00.
    public init?(_ text: some StringProtocol) {
        let text = String(text)
        guard text.count >= 16 else { return nil }
        let separator = text.index(text.startIndex, offsetBy: 10)
        guard text[separator] == "T" || text[separator] == " ",
            let date = LocalDate(text[..<separator])
        else { return nil }
        var rest = text[text.index(after: separator)...]
        guard let minute = parseHoursMinutes(rest.prefix(5)), rest.prefix(5).count == 5, minute < 1440 else { return nil }
        rest = rest.dropFirst(5)
        if rest.hasPrefix(":00") { rest = rest.dropFirst(3) }
        let wall = LocalDateTime(date: date, minuteOfDay: minute)
        if rest.isEmpty {
            self = .local(wall)
            return
        }
        let offsetMinutes: Int
        if rest == "Z" {
            offsetMinutes = 0
        } else {
            guard rest.count == 6, let sign = rest.first, sign == "+" || sign == "-",
                let magnitude = parseHoursMinutes(rest.dropFirst()), magnitude <= 18 * 60
            else { return nil }
            offsetMinutes = sign == "+" ? magnitude : -magnitude
        }
        let instant = Date(timeIntervalSince1970: Double(wall.wallMinutes - offsetMinutes) * 60)
        self = .exact(instant, written: wall)
    }

    /// `instant` as `YYYY-MM-DDTHH:MM±HH:MM` in `timeZone`: unambiguous across DST changes.
    public static func format(_ instant: Date, in timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: instant) / 60
        let sign = offset < 0 ? "-" : "+"
        return "\(LocalDateTime(instant, in: timeZone))\(sign)\(pad2(abs(offset) / 60)):\(pad2(abs(offset) % 60))"
    }
}
