import Foundation

/// One interval of the planning week: an instant, and the wall-clock label it has locally.
public struct PlanningInterval: Sendable, Hashable {
    /// Position in the week, from 0.
    public let index: Int
    /// The instant the interval starts.
    public let start: Date
    /// The local wall-clock time of ``start``.
    public let local: LocalDateTime
    /// Days since the start of the week (0–6), by local date.
    public let dayOffset: Int

    /// The local weekday.
    public var weekday: Weekday { local.date.weekday }
}

/// The planning week cut into equal intervals of real time, from local midnight of the week's
/// first day to local midnight seven days later.
///
/// Intervals are instants; a day with a DST change has fewer or more of them (a 23-hour day
/// has 4 fewer 15-minute intervals).
public struct TimeGrid: Sendable {
    /// Interval lengths the planner supports, in minutes.
    public static let supportedIntervalMinutes = [5, 10, 15, 20, 30, 60]

    /// The center's time zone.
    public let timeZone: TimeZone
    /// The first day of the week.
    public let weekStart: LocalDate
    /// Interval length in minutes.
    public let intervalMinutes: Int
    /// Every interval of the week, in time order.
    public let intervals: [PlanningInterval]
    private let indexByStart: [Date: Int]

    /// Builds the grid.
    /// - Precondition: `intervalMinutes` is one of ``supportedIntervalMinutes`` (readers validate it).
    public init(timeZone: TimeZone, weekStart: LocalDate, intervalMinutes: Int) {
        precondition(Self.supportedIntervalMinutes.contains(intervalMinutes), "unsupported interval length")
        self.timeZone = timeZone
        self.weekStart = weekStart
        self.intervalMinutes = intervalMinutes
        let begin = TimeGrid.startOfDay(weekStart, in: timeZone)
        let end = TimeGrid.startOfDay(weekStart.adding(days: 7), in: timeZone)
        var intervals: [PlanningInterval] = []
        var instant = begin
        while instant < end {
            let local = LocalDateTime(instant, in: timeZone)
            intervals.append(PlanningInterval(
                index: intervals.count, start: instant, local: local, dayOffset: weekStart.days(to: local.date)))
            instant = instant.addingTimeInterval(Double(intervalMinutes * 60))
        }
        self.intervals = intervals
        indexByStart = Dictionary(uniqueKeysWithValues: intervals.map { ($0.start, $0.index) })
    }

    /// Interval length in seconds.
    public var intervalSeconds: Double { Double(intervalMinutes * 60) }

    /// The instant the week ends (exclusive).
    public var end: Date {
        TimeGrid.startOfDay(weekStart.adding(days: 7), in: timeZone)
    }

    /// The index of the interval starting exactly at `instant`, if any.
    public func index(startingAt instant: Date) -> Int? { indexByStart[instant] }

    /// The first instant of `date` in `timeZone` (local midnight, or the first existing
    /// minute after it where midnight falls in a DST gap).
    public static func startOfDay(_ date: LocalDate, in timeZone: TimeZone) -> Date {
        for minute in stride(from: 0, to: 1440, by: 1) {
            if let instant = LocalDateTime(date: date, minuteOfDay: minute).instants(in: timeZone).first {
                return instant
            }
        }
        preconditionFailure("a day with no existing minute")
    }
}
