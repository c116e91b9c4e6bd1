import WFMCore
import Yams

/// Reads opening hours: a mapping from weekday to "closed", "HH:MM-HH:MM" or a list of ranges.
struct OpeningHoursParser {
    let walker: YAMLWalker
    /// The plan's interval, or nil when it is invalid (the grid check is then skipped).
    let intervalMinutes: Int?

    /// `{mon: "07:00-22:00", sat: ["09:00-12:00", "13:00-17:00"], sun: closed}`.
    func openingHours(_ node: Node, _ path: String) -> OpeningHours? {
        guard let days = walker.mapping(node, path, required: [], optional: Weekday.allCases.map(\.rawValue)) else { return nil }
        var ranges: [Weekday: [OpeningHours.Range]] = [:]
        var valid = true
        for weekday in Weekday.allCases {
            guard let value = days[weekday.rawValue] else { continue }
            let dayPath = "\(path).\(weekday.rawValue)"
            let items = value.sequence.map(Array.init) ?? [value]
            var dayRanges: [OpeningHours.Range] = []
            for item in items {
                let text = item.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
                if text.lowercased() == "closed" { continue }
                guard let range = openingRange(text) else {
                    walker.error(item, dayPath, "'\(text)' is not an opening range", expected: "\"HH:MM-HH:MM\" (closing after opening), or closed")
                    valid = false
                    continue
                }
                if let intervalMinutes, range.opens.minutes % intervalMinutes != 0 || range.closes.minutes % intervalMinutes != 0 {
                    walker.error(item, dayPath, "\(range) does not fall on the \(intervalMinutes)-minute interval grid",
                                 expected: "opening and closing times at multiples of \(intervalMinutes) minutes")
                    valid = false
                }
                if let clash = dayRanges.first(where: { $0.opens < range.closes && range.opens < $0.closes }) {
                    walker.error(item, dayPath, "\(range) overlaps \(clash)", expected: "separate ranges")
                    valid = false
                }
                dayRanges.append(range)
            }
            ranges[weekday] = dayRanges.sorted { $0.opens < $1.opens }
        }
        return valid ? OpeningHours(ranges: ranges) : nil
    }

    private func openingRange(_ text: String) -> OpeningHours.Range? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let opens = TimeOfDay(parts[0].trimmingCharacters(in: .whitespaces)),
            let closes = TimeOfDay(parts[1].trimmingCharacters(in: .whitespaces)), opens < closes
        else { return nil }
        return OpeningHours.Range(opens: opens, closes: closes)
    }
}
