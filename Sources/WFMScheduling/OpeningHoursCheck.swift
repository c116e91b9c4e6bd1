import Foundation
import WFMCore

/// Shifts of a written roster that run while the center is closed: idle paid time no queue
/// can use, named per template and weekday so that a scheduler can narrow the template's start
/// window on those days.
enum OpeningHoursCheck {
    /// One warning listing, per template and weekday, the shifts starting before opening or
    /// ending after closing, and the paid agent-hours they spend with the center closed;
    /// nothing when every shift runs in opening hours.
    static func warnings(_ shifts: [RosterShift], center: Center) -> [ScheduleWarning] {
        let zone = center.timeZone
        let step = Double(center.intervalMinutes * 60)
        var idle: [String: (shifts: Int, hours: Double)] = [:]
        var order: [String] = []
        for shift in shifts {
            let breaks = shift.breaks
            var closed = 0.0
            var instant = shift.start
            while instant < shift.end {
                let onBreak = breaks.contains { $0.start <= instant && instant < $0.end }
                if !onBreak, !center.openingHours.isOpen(at: LocalDateTime(instant, in: zone)) { closed += step / 3600 }
                instant += step
            }
            guard closed > 0 else { continue }
            let key = "\(shift.templateID) on \(shift.date.weekday.rawValue)"
            if idle[key] == nil { order.append(key) }
            idle[key, default: (0, 0)].shifts += 1
            idle[key, default: (0, 0)].hours += closed
        }
        guard !order.isEmpty else { return [] }
        let total = idle.values.reduce(0) { $0 + $1.hours }
        let listed = order.prefix(8).map { "\($0) \(idle[$0]!.shifts) shift(s), \(NumberFormatting.trimmed(idle[$0]!.hours)) h" }
        return [ScheduleWarning(.outsideOpeningHours,
            "\(NumberFormatting.trimmed(total)) paid agent-hours fall while the center is closed, in shifts that start before opening or end after closing (\(listed.joined(separator: "; "))\(order.count > 8 ? "; …" : "")): narrow those templates' start windows on those days if the hours allow")]
    }
}
