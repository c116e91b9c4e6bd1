import Foundation

/// A wall-clock date and time without a time zone, to the minute (`2026-11-30T09:15`).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The date.
    public let date: LocalDate
    /// Minutes after midnight, `0..<1440`.
    public let minuteOfDay: Int

    /// Creates a date-time; `minuteOfDay` must be in `0..<1440`.
    public init(date: LocalDate, minuteOfDay: Int) {
        precondition((0..<1440).contains(minuteOfDay), "minute of day out of range")
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    /// The wall-clock time of `instant` in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let days = Int((Double(local) / 86_400).rounded(.down))
        date = LocalDate(daysSinceEpoch: days)
        minuteOfDay = (local - days * 86_400) / 60
    }

    /// Minutes since 1970-01-01T00:00 on the wall clock.
    public var wallMinutes: Int { date.daysSinceEpoch * 1440 + minuteOfDay }

    /// The instants that show this wall-clock time in `timeZone`, earliest first: none in a
    /// spring-forward gap, two in a fall-back overlap, one otherwise.
    public func instants(in timeZone: TimeZone) -> [Date] {
        let wallSeconds = Double(wallMinutes) * 60
        let guess = Date(timeIntervalSince1970: wallSeconds)
        let offsets = Set([-86_400.0, 0, 86_400].map { timeZone.secondsFromGMT(for: guess.addingTimeInterval($0)) })
        return offsets.map { Date(timeIntervalSince1970: wallSeconds - Double($0)) }
            .filter { LocalDateTime($0, in: timeZone) == self }
            .sorted()
    }

    public var description: String { "\(date)T\(TimeOfDay(minutes: minuteOfDay)!)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.wallMinutes < rhs.wallMinutes }
}
