import Foundation

/// What evening out unpopular work is worth (`fairness:` in center.yaml): for each burden, the
/// price of one unit an agent carries above the fair share of their contract — the contract's
/// agents' average over this week and the previous rosters' weeks (`--previous`). Zero (the
/// default) leaves the burden out of the objective.
public struct Fairness: Sendable, Equatable {
    /// A kind of work agents would rather not do.
    public enum Burden: String, CaseIterable, Sendable, Codable {
        /// A Saturday or Sunday with a shift.
        case weekendDay = "weekend_day"
        /// A shift starting at noon or later.
        case lateShift = "late_shift"
        /// A shift of a template marked `unpopular: true`.
        case unpopularShift = "unpopular_shift"
    }

    /// The price of one unit above the fair share, per burden, in the objective's units (a
    /// paid hour costs `paid_hour`).
    public var prices: [Burden: Double]

    /// Creates fairness prices; burdens not listed cost nothing.
    public init(prices: [Burden: Double] = [:]) {
        self.prices = prices
    }

    /// The price of `burden` (0 when not set).
    public func price(_ burden: Burden) -> Double { prices[burden] ?? 0 }

    /// The burdens with a price above zero, in declaration order.
    public var priced: [Burden] { Burden.allCases.filter { price($0) > 0 } }

    /// Whether a shift starting `startMinute` minutes after local midnight is a late shift:
    /// from noon on (the same rule as the `late` and `early` wishes).
    public static func isLate(startMinute: Int) -> Bool { startMinute >= 12 * 60 }

    /// Whether `burden` comes with a shift of `template` starting on `date` at `startMinute`
    /// (local minutes after midnight).
    public static func carries(_ burden: Burden, date: LocalDate, startMinute: Int, template: ShiftTemplate?) -> Bool {
        switch burden {
        case .weekendDay: date.weekday.isWeekend
        case .lateShift: isLate(startMinute: startMinute)
        case .unpopularShift: template?.unpopular ?? false
        }
    }

    /// The burdens of `shifts` (one agent's), counted: weekend days (not shifts), late shifts
    /// and unpopular shifts.
    public static func counts(of shifts: [RosterShift], center: Center) -> [Burden: Int] {
        var counts: [Burden: Int] = [:]
        counts[.weekendDay] = Set(shifts.map(\.date).filter(\.weekday.isWeekend)).count
        counts[.lateShift] = shifts.filter { isLate(startMinute: LocalDateTime($0.regularStart, in: center.timeZone).minuteOfDay) }.count
        let unpopular = Set(center.shiftTemplates.filter(\.unpopular).map(\.id))
        counts[.unpopularShift] = shifts.filter { unpopular.contains($0.templateID) }.count
        return counts
    }

    /// Whether `agent` can carry `burden` this week: a weekend day only if not away on both
    /// weekend days of `week` (the planned week's dates).
    public static func canCarry(_ burden: Burden, agent: Agent, week: [LocalDate]) -> Bool {
        guard burden == .weekendDay else { return true }
        return week.contains { $0.weekday.isWeekend && !agent.isAbsentAllDay(on: $0) }
    }
}
