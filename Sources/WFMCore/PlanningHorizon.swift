import Foundation

/// Consecutive planning weeks planned as one horizon (`--weeks N`): the week of
/// `firstWeekStart` and the `weeks − 1` after it.
public struct PlanningHorizon: Sendable, Equatable {
    /// The most weeks one horizon holds.
    public static let maximumWeeks = 6

    /// The first day of the first week.
    public let firstWeekStart: LocalDate
    /// How many weeks, 1 to ``maximumWeeks``.
    public let weeks: Int

    /// Creates a horizon.
    /// - Precondition: `weeks` is 1 to ``maximumWeeks`` (commands check it first).
    public init(firstWeekStart: LocalDate, weeks: Int) {
        precondition((1...Self.maximumWeeks).contains(weeks), "a horizon holds 1 to 6 weeks")
        self.firstWeekStart = firstWeekStart
        self.weeks = weeks
    }

    /// The first day of each week, in order.
    public var weekStarts: [LocalDate] { (0..<weeks).map { firstWeekStart.adding(days: 7 * $0) } }

    /// The last day of the horizon.
    public var lastDay: LocalDate { firstWeekStart.adding(days: 7 * weeks - 1) }

    /// The week (0-based) `date` falls in, or nil outside the horizon.
    public func week(of date: LocalDate) -> Int? {
        let offset = firstWeekStart.days(to: date)
        return offset >= 0 && offset < 7 * weeks ? offset / 7 : nil
    }

    /// Whether `instant` lies inside the horizon, local midnight of its first day to local
    /// midnight after its last, in `timeZone`.
    public func contains(_ instant: Date, in timeZone: TimeZone) -> Bool {
        instant >= TimeGrid.startOfDay(firstWeekStart, in: timeZone)
            && instant < TimeGrid.startOfDay(lastDay.adding(days: 1), in: timeZone)
    }

    /// `center` with its planning week set to week `index` of the horizon.
    public func center(_ center: Center, week index: Int) -> Center {
        var week = center
        week.weekStart = firstWeekStart.adding(days: 7 * index)
        return week
    }

    /// The horizon in words: "the week of 2026-11-30" or "4 weeks from 2026-11-30 to 2026-12-27".
    public var description: String {
        weeks == 1 ? "the week of \(firstWeekStart)" : "\(weeks) weeks from \(firstWeekStart) to \(lastDay)"
    }
}
