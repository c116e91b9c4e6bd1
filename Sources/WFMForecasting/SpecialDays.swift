import WFMCore

/// How a business day stands to a closure (a holiday on a weekday the queue normally opens).
public enum SpecialDayKind: String, Sendable, CaseIterable, Codable {
    /// The first business day after a closure: it takes the calls the closure held back.
    case dayAfter = "day_after"
    /// The last business day before a closure.
    case dayBefore = "day_before"
    /// Any other business day of a week (Monday to Sunday) with a closure.
    case shortWeek = "short_week"

    /// `day after a closure`, `day before a closure`, `rest of a short week`.
    public var description: String {
        switch self {
        case .dayAfter: "day after a closure"
        case .dayBefore: "day before a closure"
        case .shortWeek: "rest of a short week"
        }
    }
}

/// Effects of special days, as factors on an ordinary day's forecast, and how many days each
/// was learned from.
public struct SpecialDayEffects: Sendable, Equatable {
    /// The factor on an ordinary day's forecast, per kind learned.
    public var factors: [SpecialDayKind: Double] = [:]
    /// The days each factor was learned from.
    public var samples: [SpecialDayKind: Int] = [:]
}

/// A queue's special days: the days around its closures, whose effects are learned from
/// history, and the days center.yaml names (`special_days`), which are forecast as it says.
///
/// A special day's effect is its daily total against the median of the same weekday one and
/// two weeks before and after (ordinary days in the training only); per kind, the median of
/// those ratios, shrunk towards 1 by n/(n+1) for n days, as the turn-of-month effects are.
public struct SpecialDays: Sendable {
    let calendar: BusinessCalendar
    let rules: [LocalDate: SpecialDayRule]

    /// The special days of `queue` in `center`.
    public init(center: Center, queue: Queue) {
        calendar = BusinessCalendar(center: center, queue: queue)
        rules = Dictionary(center.specialDays.map { ($0.date, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The rule center.yaml gives `date`, if any.
    public func rule(for date: LocalDate) -> SpecialDayRule? { rules[date] }

    /// How `date` stands to the closures around it; nil for an ordinary day or one that is not
    /// a business day.
    public func kind(of date: LocalDate) -> SpecialDayKind? {
        guard calendar.isBusinessDay(date) else { return nil }
        if calendar.isClosure(neighbour(of: date, step: -1)) { return .dayAfter }
        if calendar.isClosure(neighbour(of: date, step: 1)) { return .dayBefore }
        let monday = date.adding(days: 1 - date.weekday.isoNumber)
        return (0..<7).contains { calendar.isClosure(monday.adding(days: $0)) } ? .shortWeek : nil
    }

    /// Whether the seven days from `start` hold a closure, a special day or a day center.yaml
    /// names.
    public func isSpecialWeek(startingAt start: LocalDate) -> Bool {
        (0..<7).map { start.adding(days: $0) }.contains { calendar.isClosure($0) || kind(of: $0) != nil || rules[$0] != nil }
    }

    /// The nearest day before (step -1) or after (step 1) on a weekday the queue opens.
    private func neighbour(of date: LocalDate, step: Int) -> LocalDate {
        var day = date.adding(days: step)
        for _ in 0..<6 where !calendar.opens(on: day.weekday) { day = day.adding(days: step) }
        return day
    }

    /// The effects learned from `training` (normal days, oldest first).
    public func effects(learnedFrom training: [DemandDay]) -> SpecialDayEffects {
        var totals: [LocalDate: Double] = [:]
        for day in training where day.isComplete && day.total > 0 && rules[day.date] == nil { totals[day.date] = day.total }
        var ratios: [SpecialDayKind: [Double]] = [:]
        for (date, total) in totals {
            guard let special = kind(of: date) else { continue }
            let references = [-14, -7, 7, 14].compactMap { offset -> Double? in
                let other = date.adding(days: offset)
                return self.kind(of: other) == nil ? totals[other] : nil
            }
            guard !references.isEmpty else { continue }
            ratios[special, default: []].append(total / median(references))
        }
        var effects = SpecialDayEffects()
        for (kind, values) in ratios {
            let count = Double(values.count)
            effects.factors[kind] = 1 + (median(values) - 1) * count / (count + 1)
            effects.samples[kind] = values.count
        }
        return effects
    }

    /// The factor `date` gets, and why: a rule's factor, or the learned effect of its kind.
    func adjustment(for date: LocalDate, effects: SpecialDayEffects) -> (factor: Double, like: Weekday?) {
        if let rule = rules[date] { return (rule.factor ?? 1, rule.like) }
        guard let kind = kind(of: date), let factor = effects.factors[kind] else { return (1, nil) }
        return (factor, nil)
    }
}

/// A forecasting method made aware of special days: it forecasts the target from the history
/// (less the days center.yaml names) as an ordinary day, or as the weekday its rule names, then
/// applies the day's factor. The training keeps the special days as they were: scaling them
/// back made the ordinary weeks of the bank data worse (their level carries information), and
/// leaving them out worse still; so a week without special days is forecast exactly as
/// without special-day handling.
struct SpecialDayAwareMethod: ForecastMethod {
    let base: any ForecastMethod
    let days: SpecialDays

    var name: String { base.name }

    func forecast(_ target: TargetDay, training: [DemandDay]) -> [Double]? {
        let effects = days.effects(learnedFrom: training)
        let ordinary = training.filter { days.rule(for: $0.date) == nil }
        let (factor, like) = days.adjustment(for: target.date, effects: effects)
        var substitute = target
        if let like {
            let date = target.date.adding(days: like.isoNumber - target.date.weekday.isoNumber)
            substitute = TargetDay(date: date, open: target.open, monthPosition: target.monthPosition)
        }
        return base.forecast(substitute, training: ordinary)?.map { $0 * factor }
    }
}
