import Foundation
import WFMCore

/// Builds each queue's ``DemandHistory`` from history records: aggregates finer history to the
/// plan's interval, marks holidays, closed days, days without data, all-zero days and outlier
/// days, and leaves slots with too few rows unknown rather than zero.
public enum HistoryAggregator {
    /// A day's volume below this fraction, or above its inverse, of the median of nearby
    /// same-weekday days makes it an outlier.
    public static let outlierRatio = 0.5

    /// Aggregates `records` (on a grid of `historyMinutes`) for every queue of `center`.
    /// - Parameters:
    ///   - records: history rows, any order.
    ///   - center: queues, opening hours, holidays and the plan interval.
    ///   - historyMinutes: the history's interval, dividing the plan interval.
    /// - Returns: one history per queue that has rows, in center.yaml order.
    /// - Complexity: O(records + days × slots).
    public static func aggregate(_ records: [HistoryRecord], center: Center, historyMinutes: Int) -> [DemandHistory] {
        let slotMinutes = center.intervalMinutes
        let slotsPerDay = 1440 / slotMinutes
        let byQueue = Dictionary(grouping: records, by: \.queue)
        return center.queues.compactMap { queue -> DemandHistory? in
            guard let rows = byQueue[queue.id], let first = rows.map(\.local.date).min(), let last = rows.map(\.local.date).max() else {
                return nil
            }
            var sums = [LocalDate: (calls: [Double], work: [Double], workCalls: [Double], buckets: [Int])]()
            for row in rows {
                let slot = row.local.minuteOfDay / slotMinutes
                var day = sums[row.local.date] ?? (Array(repeating: 0, count: slotsPerDay), Array(repeating: 0, count: slotsPerDay),
                                                  Array(repeating: 0, count: slotsPerDay), Array(repeating: 0, count: slotsPerDay))
                day.calls[slot] += row.calls
                day.buckets[slot] += 1
                if let aht = row.ahtSeconds, row.calls > 0 {
                    day.work[slot] += aht * row.calls
                    day.workCalls[slot] += row.calls
                }
                sums[row.local.date] = day
            }
            let calendar = BusinessCalendar(center: center, queue: queue)
            var days: [DemandDay] = []
            for offset in 0...first.days(to: last) {
                let date = first.adding(days: offset)
                let open = (0..<slotsPerDay).map { center.isOpen(queue, at: LocalDateTime(date: date, minuteOfDay: $0 * slotMinutes)) }
                let expected = (0..<slotsPerDay).map { slot in
                    stride(from: slot * slotMinutes, to: (slot + 1) * slotMinutes, by: historyMinutes).filter {
                        center.isOpen(queue, at: LocalDateTime(date: date, minuteOfDay: $0))
                    }.count
                }
                let status: DayStatus
                var calls = [Double?](repeating: nil, count: slotsPerDay)
                var aht = [Double?](repeating: nil, count: slotsPerDay)
                if center.holidays.contains(date) {
                    status = .holiday
                } else if !open.contains(true) {
                    status = .closed
                } else if let day = sums[date] {
                    // A slot with fewer rows than open buckets is scaled up if at least half are there (a
                    // repeated DST hour, with more, is averaged); with fewer it stays unknown.
                    for slot in 0..<slotsPerDay where open[slot] && expected[slot] > 0 && 2 * day.buckets[slot] >= expected[slot] {
                        calls[slot] = day.calls[slot] * Double(expected[slot]) / Double(day.buckets[slot])
                        if day.workCalls[slot] > 0 { aht[slot] = day.work[slot] / day.workCalls[slot] }
                    }
                    status = calls.contains { ($0 ?? 0) > 0 } ? .normal : .allZero
                } else {
                    status = .noData
                }
                days.append(DemandDay(date: date, status: status, calls: calls, ahtSeconds: aht, open: open,
                                      monthPosition: calendar.position(of: date)))
            }
            markOutliers(&days)
            return DemandHistory(queue: queue.id, slotMinutes: slotMinutes, days: days)
        }
    }

    /// Marks days whose total is far from the median of up to 8 nearby normal same-weekday days.
    private static func markOutliers(_ days: inout [DemandDay]) {
        let totals = days.map { $0.status == .normal ? $0.total : nil }
        for index in days.indices where days[index].status == .normal {
            var neighbours: [Double] = []
            var step = 1
            while neighbours.count < 8, step <= 52 {
                for candidate in [index - 7 * step, index + 7 * step] where totals.indices.contains(candidate) {
                    if let total = totals[candidate] { neighbours.append(total) }
                }
                step += 1
            }
            guard neighbours.count >= 3 else { continue }
            let typical = median(neighbours)
            let total = days[index].total
            if typical > 0, total < outlierRatio * typical || total > typical / outlierRatio {
                days[index].status = .outlier
            }
        }
    }
}

/// The median of a non-empty list.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
