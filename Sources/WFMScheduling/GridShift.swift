import Foundation
import WFMCore

/// A shift option placed on the week's interval grid.
struct GridShift: Hashable {
    /// The template.
    let template: ShiftTemplate
    /// The day of the week it starts on (0–6).
    let day: Int
    /// The interval it starts in.
    let startIndex: Int
    /// Its length in intervals.
    let length: Int
    /// The option it comes from.
    let option: ShiftOption

    static func == (lhs: GridShift, rhs: GridShift) -> Bool { lhs.option == rhs.option }
    func hash(into hasher: inout Hasher) { hasher.combine(option) }

    /// The interval range a break of `rule` may start in.
    func breakWindow(_ rule: BreakRule, intervalMinutes: Int) -> ClosedRange<Int> {
        (startIndex + rule.earliestOffsetMinutes / intervalMinutes)...(startIndex + rule.latestOffsetMinutes / intervalMinutes)
    }

    /// Every option of `template` in the week, on the grid (starts off the grid are skipped).
    static func all(_ template: ShiftTemplate, grid: TimeGrid) -> [GridShift] {
        let minutes = grid.intervalMinutes
        return ShiftCatalog.options(for: template, grid: grid).compactMap { option in
            guard let index = grid.index(startingAt: option.start) else { return nil }
            return GridShift(template: template, day: grid.weekStart.days(to: option.date), startIndex: index,
                             length: template.lengthMinutes / minutes, option: option)
        }
    }
}
