import Foundation
import WFMCore

/// The forecast of a planning week, what produced it, and what the forecaster noticed.
public struct WeekForecast: Sendable {
    /// One entry per queue and open interval of the week, queues in center.yaml order.
    public let entries: [ForecastEntry]
    /// Per queue: the method (or combination) used.
    public let methods: [String: String]
    /// Things the user should know: excluded days, fallbacks.
    public let warnings: [String]
    /// What shaped the forecast: special days and their factors, prediction intervals.
    public let notes: [String]
}

/// The error thrown when the history cannot support a forecast.
public struct ForecastingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the queue.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Forecasts calls and AHT for every open interval of a planning week.
public struct Forecaster: Sendable {
    /// The center: queues, opening hours, holidays, interval.
    public let center: Center
    /// Each queue's history on the plan's grid.
    public let histories: [DemandHistory]

    /// Aggregates `records` and checks that every queue has usable history.
    /// - Throws: ``ForecastingError`` for a queue with no rows or no calls at all.
    public init(center: Center, records: [HistoryRecord], historyMinutes: Int) throws {
        self.center = center
        histories = HistoryAggregator.aggregate(records, center: center, historyMinutes: historyMinutes)
        for queue in center.queues {
            guard let history = histories.first(where: { $0.queue == queue.id }) else {
                throw ForecastingError("history has no rows for queue '\(queue.id)' (expected rows with queue=\(queue.id))")
            }
            guard history.days.contains(where: { $0.status == .normal || $0.status == .outlier }) else {
                throw ForecastingError("history of queue '\(queue.id)' has no calls on any open day (all rows are zero or outside opening hours)")
            }
        }
    }

    /// What the history holds that training leaves out, per queue.
    public var exclusionWarnings: [String] {
        histories.compactMap { history in
            let excluded = [DayStatus.noData, .allZero, .outlier].compactMap { status -> String? in
                let dates = history.days.filter { $0.status == status }.map(\.date)
                guard !dates.isEmpty else { return nil }
                let listed = dates.prefix(5).map(\.description).joined(separator: ", ") + (dates.count > 5 ? ", …" : "")
                return "\(dates.count) \(status.rawValue.replacingOccurrences(of: "_", with: "-")) day(s) (\(listed))"
            }
            guard !excluded.isEmpty else { return nil }
            return "queue '\(history.queue)': not trained on: " + excluded.joined(separator: "; ")
        }
    }

    /// Forecasts the week of `grid` with `strategy`, with prediction intervals
    /// (``ForecastErrorModel``) where the weeks before it allow.
    /// - Parameter specialDays: whether to handle special days (``SpecialDays``).
    /// - Throws: ``ForecastingError`` when a queue has no history before the week, or none
    ///   on a weekday the week needs.
    public func forecast(grid: TimeGrid, strategy: any ForecastStrategy, specialDays: Bool = true) throws -> WeekForecast {
        var entries: [ForecastEntry] = []
        var methods: [String: String] = [:]
        var warnings = exclusionWarnings
        var notes: [String] = []
        let slotMinutes = center.intervalMinutes
        for queue in center.queues {
            let history = histories.first { $0.queue == queue.id }!
            let training = history.trainingDays(before: grid.weekStart)
            guard !training.isEmpty else {
                throw ForecastingError("history of queue '\(queue.id)' has no usable day before \(grid.weekStart)")
            }
            let days = SpecialDays(center: center, queue: queue)
            let queueStrategy = specialDays ? strategy.handlingSpecialDays(days) : strategy
            let method = queueStrategy.method(training: training, origin: grid.weekStart)
            methods[queue.id] = method.name
            if specialDays { notes += Self.specialDayNotes(queue: queue.id, week: grid.weekStart, days: days, training: training) }
            let calibration = (1...ForecastErrorModel.calibrationWeeks).compactMap {
                Backtester.forecastWeek(queueStrategy, history: history, origin: grid.weekStart.adding(days: -7 * $0))?.days
            }.flatMap { $0 }
            let errors = ForecastErrorModel(days: calibration, slotMinutes: slotMinutes)
            notes.append(errors.map { "queue '\(queue.id)': prediction intervals from \($0.samples) slots of week-ahead forecasts in the \(ForecastErrorModel.calibrationWeeks) weeks before" }
                ?? "queue '\(queue.id)': no prediction intervals (fewer than 30 forecast slots in the \(ForecastErrorModel.calibrationWeeks) weeks before)")
            let calendar = BusinessCalendar(center: center, queue: queue)
            var byDate: [LocalDate: [Double]] = [:]
            for offset in 0..<7 {
                let date = grid.weekStart.adding(days: offset)
                let open = (0..<(1440 / slotMinutes)).map { center.isOpen(queue, at: LocalDateTime(date: date, minuteOfDay: $0 * slotMinutes)) }
                guard open.contains(true) else { continue }
                let target = TargetDay(date: date, open: open, monthPosition: calendar.position(of: date))
                guard let day = Backtester.forecastDay(target, method: method, training: training) else {
                    throw ForecastingError("history of queue '\(queue.id)' has no \(date.weekday.rawValue) to forecast \(date) from")
                }
                if day.usedMethod != method.name {
                    warnings.append("queue '\(queue.id)', \(date): \(method.name) needs at least 2 weeks of \(date.weekday.rawValue); used \(day.usedMethod)")
                }
                byDate[date] = day.calls
            }
            let aht = AHTProfile(training: training, defaultSeconds: queue.ahtSeconds)
            for interval in grid.intervals {
                guard let calls = byDate[interval.local.date], center.isOpen(queue, at: interval.local) else { continue }
                let slot = interval.local.minuteOfDay / slotMinutes
                var entry = ForecastEntry(interval: interval.index, queue: queue.id, calls: calls[slot],
                                          ahtSeconds: aht.seconds(weekday: interval.weekday, slot: slot))
                entry.quantiles = errors?.quantiles(calls: calls[slot], minuteOfDay: interval.local.minuteOfDay) ?? []
                entries.append(entry)
            }
        }
        return WeekForecast(entries: entries, methods: methods, warnings: warnings, notes: notes)
    }

    /// `queue 'retail', 2003-09-02 tue: day after a closure, ×1.105 (learned from 2 days)`.
    static func specialDayNotes(queue: String, week: LocalDate, days: SpecialDays, training: [DemandDay]) -> [String] {
        let effects = days.effects(learnedFrom: training)
        return (0..<7).compactMap { offset in
            let date = week.adding(days: offset)
            let label = "queue '\(queue)', \(date) \(date.weekday.rawValue)"
            if let rule = days.rule(for: date) {
                return "\(label): as center.yaml says, " + [rule.like.map { "like \($0.rawValue)" }, rule.factor.map { "×\($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            guard let kind = days.kind(of: date) else { return nil }
            let what = kind.description
            guard let factor = effects.factors[kind] else { return "\(label): \(what), no effect learned yet (no such day in the history)" }
            return "\(label): \(what), ×\(String(format: "%.3f", factor)) (learned from \(effects.samples[kind] ?? 0) day(s))"
        }
    }
}

/// Expected AHT per weekday and slot: the call-weighted mean of the last 8 same-weekday days,
/// or the queue's configured AHT where the history has none.
struct AHTProfile {
    private var seconds: [Weekday: [Double?]] = [:]
    private let defaultSeconds: Double

    init(training: [DemandDay], defaultSeconds: Double) {
        self.defaultSeconds = defaultSeconds
        for weekday in Weekday.allCases {
            let days = Array(training.reversed().lazy.filter { $0.date.weekday == weekday }.prefix(8))
            guard let slots = days.first?.calls.count else { continue }
            seconds[weekday] = (0..<slots).map { slot in
                var work = 0.0, calls = 0.0
                for day in days {
                    if let aht = day.ahtSeconds[slot], let count = day.calls[slot] {
                        work += aht * count
                        calls += count
                    }
                }
                return calls > 0 ? work / calls : nil
            }
        }
    }

    func seconds(weekday: Weekday, slot: Int) -> Double {
        seconds[weekday]?[slot] ?? defaultSeconds
    }
}
