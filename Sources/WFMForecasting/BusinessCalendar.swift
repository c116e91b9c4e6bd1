import WFMCore

/// Where a day lies in its month, counted in business days (open, non-holiday days).
public struct MonthPosition: Sendable, Equatable, Hashable {
    /// 1 for the month's first business day, 2 for the second, …
    public let fromStart: Int
    /// 1 for the month's last business day, 2 for the one before, …
    public let fromEnd: Int

    /// Creates a position.
    public init(fromStart: Int, fromEnd: Int) {
        self.fromStart = fromStart
        self.fromEnd = fromEnd
    }

    /// The turn-of-month class of the day: the first or last three business days each form a
    /// class of their own (banks, utilities and retailers see volume peaks there); nil for
    /// the rest of the month.
    public var turnOfMonthClass: Int? {
        if fromStart <= 3 { return fromStart }
        if fromEnd <= 3 { return -fromEnd }
        return nil
    }
}

/// Which days a queue does business on: days with opening hours that are not holidays.
public struct BusinessCalendar: Sendable {
    private let openWeekdays: Set<Weekday>
    private let holidays: Set<LocalDate>

    /// The calendar of `queue` in `center`.
    public init(center: Center, queue: Queue) {
        let hours = queue.openingHours ?? center.openingHours
        openWeekdays = Set(Weekday.allCases.filter { !(hours.ranges[$0] ?? []).isEmpty })
        holidays = center.holidays
    }

    /// Whether the queue opens on `weekday` at all (holidays aside).
    public func opens(on weekday: Weekday) -> Bool { openWeekdays.contains(weekday) }

    /// Whether `date` is a holiday on a weekday the queue normally opens: a closure.
    public func isClosure(_ date: LocalDate) -> Bool { openWeekdays.contains(date.weekday) && holidays.contains(date) }

    /// Whether `date` is a business day.
    public func isBusinessDay(_ date: LocalDate) -> Bool {
        openWeekdays.contains(date.weekday) && !holidays.contains(date)
    }

    /// The position of `date` in its month (a non-business day gets the position of the
    /// next business day from the start and the previous one from the end).
    public func position(of date: LocalDate) -> MonthPosition {
        let (year, month, day) = date.components
        let first = LocalDate(year: year, month: month, day: 1)!
        let nextMonth = month == 12 ? LocalDate(year: year + 1, month: 1, day: 1)! : LocalDate(year: year, month: month + 1, day: 1)!
        let fromStart = (0..<day).filter { isBusinessDay(first.adding(days: $0)) }.count
        let fromEnd = (0..<date.days(to: nextMonth)).filter { isBusinessDay(date.adding(days: $0)) }.count
        return MonthPosition(fromStart: max(1, fromStart), fromEnd: max(1, fromEnd))
    }
}
