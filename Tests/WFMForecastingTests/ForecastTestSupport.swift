import Foundation
import WFMCore
@testable import WFMForecasting

/// A one- or two-queue center open 08:00–12:00 on weekdays (or around the clock), 60-minute plan.
func testCenter(intervalMinutes: Int = 60, allDay: Bool = false, queues: [String] = ["q"], holidays: Set<LocalDate> = [],
                timeZone: String = "UTC", weekStart: String = "2026-11-30") -> Center {
    let range = allDay ? OpeningHours.Range(opens: TimeOfDay("00:00")!, closes: TimeOfDay("24:00")!)
        : OpeningHours.Range(opens: TimeOfDay("08:00")!, closes: TimeOfDay("12:00")!)
    let days: [Weekday] = allDay ? Weekday.allCases : [.mon, .tue, .wed, .thu, .fri]
    return Center(
        name: "test", timeZone: TimeZone(identifier: timeZone)!, intervalMinutes: intervalMinutes, weekStart: LocalDate(weekStart)!,
        openingHours: OpeningHours(ranges: Dictionary(uniqueKeysWithValues: days.map { ($0, [range]) })), holidays: holidays,
        queues: queues.map { Queue(id: $0, ahtSeconds: 300, serviceLevel: ServiceLevelTarget(fraction: 0.8, withinSeconds: 20)) })
}

/// History rows for every open interval of `center` from `first` for `days` days, with calls
/// given by `calls(date, minuteOfDay)`; nil leaves the row out.
func testRecords(_ center: Center, queue: String = "q", from first: String, days: Int, stepMinutes: Int? = nil,
                 calls: (LocalDate, Int) -> Double?) -> [HistoryRecord] {
    let step = stepMinutes ?? center.intervalMinutes
    var records: [HistoryRecord] = []
    for offset in 0..<days {
        let date = LocalDate(first)!.adding(days: offset)
        for minute in stride(from: 0, to: 1440, by: step) {
            let local = LocalDateTime(date: date, minuteOfDay: minute)
            guard center.isOpen(center.queue(queue)!, at: local) || center.holidays.contains(date), let value = calls(date, minute) else { continue }
            for instant in local.instants(in: center.timeZone) {
                records.append(HistoryRecord(start: instant, local: local, queue: queue, calls: value, ahtSeconds: 200))
            }
        }
    }
    return records
}

/// A day of the given slot values, all open where a value is given.
func demandDay(_ date: String, _ calls: [Double?], position: MonthPosition = MonthPosition(fromStart: 10, fromEnd: 10)) -> DemandDay {
    DemandDay(date: LocalDate(date)!, status: .normal, calls: calls, ahtSeconds: calls.map { _ in nil },
              open: calls.map { $0 != nil }, monthPosition: position)
}

func target(_ date: String, slots: Int) -> TargetDay {
    TargetDay(date: LocalDate(date)!, open: Array(repeating: true, count: slots),
              monthPosition: MonthPosition(fromStart: 10, fromEnd: 10))
}
