import Foundation
import WFMCore

/// One concrete shift an agent could work: a template started at one time on one day.
public struct ShiftOption: Sendable, Hashable {
    /// The template's id.
    public let templateID: String
    /// The local date the shift starts on.
    public let date: LocalDate
    /// The instant the shift starts.
    public let start: Date
    /// The instant the shift ends (start + length in real time, also across a DST change).
    public let end: Date
    /// Paid minutes.
    public let paidMinutes: Int
}

/// Lists the shifts a template allows in the planning week: every allowed start on every
/// day the template may be used. A start time skipped by a DST change is left out.
public enum ShiftCatalog {
    /// The options of `template` in the week of `grid`, in time order.
    /// - Complexity: O(7 × starts per day).
    public static func options(for template: ShiftTemplate, grid: TimeGrid) -> [ShiftOption] {
        var options: [ShiftOption] = []
        for day in 0..<7 {
            let date = grid.weekStart.adding(days: day)
            guard template.allows(date.weekday) else { continue }
            for time in template.startTimes {
                guard let start = LocalDateTime(date: date, minuteOfDay: time.minutes).instants(in: grid.timeZone).first else { continue }
                options.append(ShiftOption(
                    templateID: template.id, date: date, start: start,
                    end: start.addingTimeInterval(Double(template.lengthMinutes * 60)), paidMinutes: template.paidMinutes))
            }
        }
        return options
    }
}
