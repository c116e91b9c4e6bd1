import WFMCore

/// Named warnings for shift templates whose start window reaches outside the opening hours:
/// a start time at which the center is closed on every day the template may be used. The plan
/// can still be made (such shifts simply begin with idle time), so these are warnings.
enum StartWindowCheck {
    /// One warning per template with such start times, naming them.
    static func warnings(_ center: Center) -> [String] {
        let week = (0..<7).map { center.weekStart.adding(days: $0) }
        return center.shiftTemplates.compactMap { template in
            let days = week.filter { template.allows($0.weekday) }
            guard !days.isEmpty else { return nil }
            let closed = template.startTimes.filter { time in
                !days.contains { center.openingHours.isOpen(at: LocalDateTime(date: $0, minuteOfDay: time.minutes)) }
            }
            guard !closed.isEmpty else { return nil }
            let listed = closed.prefix(6).map(\.description).joined(separator: ", ") + (closed.count > 6 ? ", …" : "")
            return "shift template \(template.id): start time(s) \(listed) fall outside the opening hours on every day the template may be used"
        }
    }
}
