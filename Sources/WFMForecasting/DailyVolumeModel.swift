import WFMCore

/// A model of daily call totals: weekly level × weekday factor × turn-of-month effect, with a
/// damped trend on the level. Every estimate is a median, so outlier days barely move it.
struct DailyVolumeModel {
    private(set) var factors: [Weekday: Double] = [:]
    private(set) var levels: [Int: Double] = [:]
    private(set) var effects: [Int: Double] = [:]

    /// The Monday-based week number of a date.
    static func week(_ date: LocalDate) -> Int { (date.daysSinceEpoch + 3).floorDivided(by: 7) }

    /// Fits the model.
    /// - Parameters:
    ///   - window: recent complete days, for weekday factors and levels.
    ///   - all: every complete training day, for turn-of-month effects.
    ///   - calendarEffects: whether to estimate turn-of-month effects.
    init?(window: [DemandDay], all: [DemandDay], calendarEffects: Bool) {
        guard !window.isEmpty else { return nil }
        for _ in 0..<(calendarEffects ? 3 : 1) {
            fitFactorsAndLevels(window)
            if calendarEffects { fitEffects(all) }
        }
    }

    /// The effect of a day's place in the month (1 for days without one).
    func effect(_ position: MonthPosition) -> Double {
        position.turnOfMonthClass.flatMap { effects[$0] } ?? 1
    }

    /// The expected total on `target`, projecting the level with a slope damped by `damping` per week.
    func total(for target: TargetDay, damping: Double) -> Double? {
        guard let factor = factors[target.date.weekday], let lastWeek = levels.keys.max() else { return nil }
        let points = levels.sorted { $0.key < $1.key }
        let slope = points.count >= 3 ? theilSenSlope(points.map { (Double($0.key), $0.value) }) : 0
        let current = median(points.suffix(6).map { $0.value + slope * Double(lastWeek - $0.key) })
        var damped = 0.0, weight = 1.0
        for _ in 0..<max(0, Self.week(target.date) - lastWeek) {
            weight *= damping
            damped += weight
        }
        return max(0, current + slope * damped) * factor * effect(target.monthPosition)
    }

    private func adjusted(_ day: DemandDay) -> Double { day.total / effect(day.monthPosition) }

    /// Weekday factors (mean 1) and weekly levels by alternating medians.
    private mutating func fitFactorsAndLevels(_ window: [DemandDay]) {
        let overall = window.reduce(0) { $0 + adjusted($1) } / Double(window.count)
        let byWeekday = Dictionary(grouping: window, by: \.date.weekday)
        factors = byWeekday.mapValues { days in median(days.map { adjusted($0) / overall }) }
        for _ in 0..<3 {
            levels = weeklyLevels(window)
            factors = byWeekday.mapValues { days in median(days.map { adjusted($0) / levels[Self.week($0.date)]! }) }
            let mean = factors.values.reduce(0, +) / Double(factors.count)
            factors = factors.mapValues { $0 / mean }
        }
        levels = weeklyLevels(window)
    }

    private func weeklyLevels(_ days: [DemandDay]) -> [Int: Double] {
        Dictionary(grouping: days.filter { factors[$0.date.weekday] != nil }, by: { Self.week($0.date) }).mapValues { week in
            median(week.map { adjusted($0) / factors[$0.date.weekday]! })
        }
    }

    /// Turn-of-month effects: per class, the median ratio of a day's total to what the ordinary
    /// days of its week (at least 2) predict, shrunk towards 1 by n/(n+1) for n samples.
    private mutating func fitEffects(_ all: [DemandDay]) {
        let weeks = Dictionary(grouping: all.filter { factors[$0.date.weekday] != nil }, by: { Self.week($0.date) })
            .filter { $0.value.count >= 3 }
        var ratios: [Int: [Double]] = [:]
        for (_, days) in weeks {
            let ordinary = days.filter { $0.monthPosition.turnOfMonthClass == nil }
            guard ordinary.count >= 2 else { continue }
            let level = median(ordinary.map { $0.total / factors[$0.date.weekday]! })
            guard level > 0 else { continue }
            for day in days {
                guard let turn = day.monthPosition.turnOfMonthClass else { continue }
                ratios[turn, default: []].append(day.total / (level * factors[day.date.weekday]!))
            }
        }
        effects = ratios.filter { $0.value.count >= 2 }.mapValues { values in
            let count = Double(values.count)
            return 1 + (median(values) - 1) * count / (count + 1)
        }
    }
}
