/// When a center (or a queue) takes calls: for each weekday, zero or more wall-clock ranges.
public struct OpeningHours: Sendable, Equatable {
    /// A half-open wall-clock range `[opens, closes)`; `closes` may be 24:00.
    public struct Range: Sendable, Equatable, CustomStringConvertible {
        /// Opening time.
        public let opens: TimeOfDay
        /// Closing time (exclusive).
        public let closes: TimeOfDay

        /// Creates a range; `opens < closes`.
        public init(opens: TimeOfDay, closes: TimeOfDay) {
            self.opens = opens
            self.closes = closes
        }

        public var description: String { "\(opens)-\(closes)" }
    }

    /// The ranges per weekday (a missing or empty entry means closed).
    public let ranges: [Weekday: [Range]]

    /// Creates opening hours.
    public init(ranges: [Weekday: [Range]]) { self.ranges = ranges }

    /// Whether an interval starting at the wall-clock time `local` is open (it starts inside a range).
    public func isOpen(at local: LocalDateTime) -> Bool {
        (ranges[local.date.weekday] ?? []).contains { $0.opens.minutes <= local.minuteOfDay && local.minuteOfDay < $0.closes.minutes }
    }
}
