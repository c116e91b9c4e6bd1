import WFMCore

/// Why a historical day is, or is not, used to train forecasts.
public enum DayStatus: String, Sendable, Codable, Equatable {
    /// An ordinary open day: used for training and scored in backtests.
    case normal
    /// A holiday from center.yaml: neither trained on nor scored.
    case holiday
    /// The queue's opening hours have no interval on this weekday.
    case closed
    /// An open day with no history rows: treated as no data, not as zero calls.
    case noData = "no_data"
    /// An open day whose rows are all zero: treated as an undeclared closing.
    case allZero = "all_zero"
    /// A day far below or above its weekday's usual volume (e.g. an outage): scored in
    /// backtests, but not trained on, so it is not carried forward.
    case outlier
}

/// One queue's history on one local date, on the plan's interval grid.
public struct DemandDay: Sendable, Equatable {
    /// The local date.
    public let date: LocalDate
    /// Whether the day is used.
    public var status: DayStatus
    /// Calls per slot of the day (slot k starts k × interval minutes after midnight); nil
    /// where the queue is closed or the history has too few rows to know.
    public var calls: [Double?]
    /// Call-weighted average handle time per slot, where the history has one.
    public var ahtSeconds: [Double?]
    /// Whether each slot is open.
    public let open: [Bool]
    /// The day's place among the month's business days.
    public let monthPosition: MonthPosition

    /// The sum of the known slots.
    public var total: Double { calls.reduce(0) { $0 + ($1 ?? 0) } }

    /// Whether every open slot has a value.
    public var isComplete: Bool { zip(calls, open).allSatisfy { !$1 || $0 != nil } }
}

/// One queue's history as days of slots, with each day's status.
public struct DemandHistory: Sendable {
    /// The queue id.
    public let queue: String
    /// The slot (plan interval) length in minutes.
    public let slotMinutes: Int
    /// Every date from the first to the last history row (and any open date between), in order.
    public let days: [DemandDay]

    /// Slots per day.
    public var slotsPerDay: Int { 1440 / slotMinutes }

    /// Days before `origin` that forecasts may learn from (status `.normal`), oldest first.
    public func trainingDays(before origin: LocalDate) -> [DemandDay] {
        days.filter { $0.date < origin && $0.status == .normal }
    }

    /// The day on `date`, if the history covers it.
    public func day(_ date: LocalDate) -> DemandDay? {
        guard let first = days.first else { return nil }
        let index = first.date.days(to: date)
        return days.indices.contains(index) ? days[index] : nil
    }
}
