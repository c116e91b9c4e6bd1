/// A wall-clock time as minutes after midnight, `0...1440` (1440 = "24:00", the end of a day).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes after midnight.
    public let minutes: Int

    /// Creates a time from minutes after midnight (`0...1440`).
    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `HH:MM` (00:00 to 24:00); nil if malformed.
    public init?(_ text: some StringProtocol) {
        guard let minutes = parseHoursMinutes(text), minutes <= 1440 else { return nil }
        self.minutes = minutes
    }

    public var description: String { "\(pad2(minutes / 60)):\(pad2(minutes % 60))" }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

/// Parses `H:MM` or `HH:MM` into minutes (hours unbounded, minutes 0–59); nil if malformed.
/// Used for wall-clock times and for offsets such as a break's "3:00" after shift start.
public func parseHoursMinutes(_ text: some StringProtocol) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
        parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
        let hours = Int(parts[0]), let minutes = Int(parts[1]), hours >= 0, (0..<60).contains(minutes)
    else { return nil }
    return hours * 60 + minutes
}
