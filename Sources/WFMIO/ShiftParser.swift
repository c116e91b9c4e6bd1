import WFMCore
import Yams

/// Reads the `shift_templates` and `contracts` sections of center.yaml.
struct ShiftParser {
    let walker: YAMLWalker
    /// The plan's interval, or nil when it is invalid (grid checks are then skipped).
    let intervalMinutes: Int?

    func templates(_ node: Node) -> [ShiftTemplate]? {
        guard let items = walker.sequence(node, "shift_templates", expected: "a list of shift templates") else { return nil }
        var seen = Set<String>()
        return items.enumerated().compactMap { index, item in
            let path = "shift_templates[\(index)]"
            guard let template = template(item, path) else { return nil }
            if !seen.insert(template.id).inserted {
                walker.error(item, "\(path).id", "'\(template.id)' is used twice", expected: "unique template ids")
            }
            return template
        }
    }

    private func template(_ node: Node, _ path: String) -> ShiftTemplate? {
        guard let entries = walker.mapping(
            node, path, required: ["id", "paid_minutes", "start_window"], optional: ["start_step_minutes", "breaks", "days", "unpopular"])
        else { return nil }
        let id = walker.string(entries["id"], "\(path).id", expected: "a template id")
        let paid = walker.integer(entries["paid_minutes"], "\(path).paid_minutes", in: 1...1440, expected: "minutes from 1 to 1440")
        let window = walker.list(entries["start_window"], "\(path).start_window", expected: "[\"HH:MM\", \"HH:MM\"]", walker.timeOfDay)
        if let window, window.count != 2 || window[0] > window[1] || window[1].minutes >= 1440 {
            walker.error(entries["start_window"], "\(path).start_window", "is not an earliest and a latest start",
                         expected: "[\"HH:MM\", \"HH:MM\"] with earliest ≤ latest, before 24:00")
        }
        let step = walker.integer(entries["start_step_minutes"], "\(path).start_step_minutes", in: 1...1440, expected: "minutes ≥ 1")
            ?? intervalMinutes ?? 15
        if let intervalMinutes, step % intervalMinutes != 0 || (window?.first.map { $0.minutes % intervalMinutes != 0 } ?? false) {
            walker.error(entries["start_step_minutes"] ?? entries["start_window"], "\(path).start_step_minutes",
                         "starts do not fall on the \(intervalMinutes)-minute interval grid",
                         expected: "a start window and step in multiples of interval_minutes")
        }
        let breaks = entries["breaks"].flatMap { walker.list($0, "\(path).breaks", expected: "a list of breaks", breakRule) } ?? []
        let days = walker.list(entries["days"], "\(path).days", expected: "a list of weekdays", walker.weekday) ?? []
        let unpopular = walker.bool(entries["unpopular"], "\(path).unpopular") ?? false
        guard let id, let paid, let window, window.count == 2, window[0] <= window[1] else { return nil }
        var template = ShiftTemplate(
            id: id, paidMinutes: paid, earliestStart: window[0], latestStart: window[1], startStepMinutes: step,
            breaks: breaks, days: days)
        template.unpopular = unpopular
        if let intervalMinutes {
            let values = [("paid_minutes", paid)] + breaks.enumerated().flatMap { index, rule in
                [("breaks[\(index)].minutes", rule.minutes), ("breaks[\(index)].earliest", rule.earliestOffsetMinutes),
                 ("breaks[\(index)].latest", rule.latestOffsetMinutes)]
            }
            let offGrid = values.filter { $0.1 % intervalMinutes != 0 }.map { "\($0.0) \($0.1) min" }
            if !offGrid.isEmpty {
                walker.error(node, path, "\(offGrid.joined(separator: ", ")) not on the \(intervalMinutes)-minute grid",
                             expected: "multiples of interval_minutes")
            }
        }
        let ordered = breaks.sorted { $0.earliestOffsetMinutes < $1.earliestOffsetMinutes }
        for (first, next) in zip(ordered, ordered.dropFirst()) where first.latestOffsetMinutes + first.minutes > next.earliestOffsetMinutes {
            walker.error(entries["breaks"], "\(path).breaks", "the windows of the breaks at \(first.earliestOffsetMinutes) and \(next.earliestOffsetMinutes) minutes overlap",
                         expected: "each break to end before the next break's window opens")
        }
        for (index, rule) in breaks.enumerated() where rule.latestOffsetMinutes + rule.minutes > template.lengthMinutes {
            walker.error(entries["breaks"], "\(path).breaks[\(index)]",
                         "a \(rule.minutes)-minute break starting up to \(rule.latestOffsetMinutes) minutes in ends after the \(template.lengthMinutes)-minute shift",
                         expected: "latest + minutes ≤ shift length")
        }
        return template
    }

    private func breakRule(_ node: Node, _ path: String) -> BreakRule? {
        guard let entries = walker.mapping(node, path, required: ["minutes", "earliest", "latest"], optional: ["paid"]) else { return nil }
        let minutes = walker.integer(entries["minutes"], "\(path).minutes", in: 1...1440, expected: "minutes ≥ 1")
        let earliest = walker.hoursMinutes(entries["earliest"], "\(path).earliest")
        let latest = walker.hoursMinutes(entries["latest"], "\(path).latest")
        let paid = walker.bool(entries["paid"], "\(path).paid") ?? false
        if let earliest, let latest, earliest > latest {
            walker.error(entries["latest"], "\(path).latest", "is before earliest", expected: "earliest ≤ latest")
        }
        guard let minutes, let earliest, let latest, earliest <= latest else { return nil }
        return BreakRule(minutes: minutes, earliestOffsetMinutes: earliest, latestOffsetMinutes: latest, paid: paid)
    }

    func contracts(_ node: Node, templateIDs: Set<String>, rotations: [Rotation] = []) -> [Contract]? {
        guard let items = walker.sequence(node, "contracts", expected: "a list of contracts") else { return nil }
        var seen = Set<String>()
        return items.enumerated().compactMap { index, item in
            let path = "contracts[\(index)]"
            guard let contract = contract(item, path, templateIDs: templateIDs, rotations: rotations) else { return nil }
            if !seen.insert(contract.id).inserted {
                walker.error(item, "\(path).id", "'\(contract.id)' is used twice", expected: "unique contract ids")
            }
            return contract
        }
    }

    private func contract(_ node: Node, _ path: String, templateIDs: Set<String>, rotations: [Rotation]) -> Contract? {
        guard let entries = walker.mapping(
            node, path, required: ["id", "weekly_paid_hours", "days_per_week", "templates"],
            optional: ["max_consecutive_days", "min_rest_hours", "overtime", "average_weekly_paid_hours", "weekends_off", "rotation"])
        else { return nil }
        let id = walker.string(entries["id"], "\(path).id", expected: "a contract id")
        let hours = range(entries["weekly_paid_hours"], "\(path).weekly_paid_hours", in: 0...168)
        var days = range(entries["days_per_week"], "\(path).days_per_week", in: 0...7)
        if let whole = days, whole.min != whole.min.rounded() || whole.max != whole.max.rounded() {
            walker.error(entries["days_per_week"], "\(path).days_per_week", "is not a whole number of days", expected: "whole days from 0 to 7")
            days = nil
        }
        let consecutive = walker.integer(entries["max_consecutive_days"], "\(path).max_consecutive_days", in: 1...7, expected: "1 to 7 days") ?? 7
        let rest = walker.number(entries["min_rest_hours"], "\(path).min_rest_hours", in: 0...48, expected: "0 to 48 hours") ?? 0
        let templates = walker.list(entries["templates"], "\(path).templates", expected: "a list of template ids") {
            walker.string($0, $1, expected: "a template id")
        }
        for (index, template) in (templates ?? []).enumerated() where !templateIDs.contains(template) {
            walker.error(entries["templates"], "\(path).templates[\(index)]", "unknown template '\(template)'",
                         expected: "one of \(templateIDs.sorted().joined(separator: ", "))")
        }
        if let templates, templates.isEmpty {
            walker.error(entries["templates"], "\(path).templates", "is empty: no agent of this contract could work",
                         expected: "at least one of \(templateIDs.sorted().joined(separator: ", "))")
        }
        let allowance = entries["overtime"].flatMap { overtime($0, "\(path).overtime") }
        guard let id, let hours, let days, let templates, !templates.isEmpty else { return nil }
        var contract = Contract(
            id: id, weeklyPaidHours: Bounds(min: hours.min, max: hours.max),
            daysPerWeek: Bounds(min: Int(days.min), max: Int(days.max)),
            maxConsecutiveDays: consecutive, minRestHours: rest, templates: templates)
        contract.overtime = allowance
        contract.averageWeeklyPaidHours = average(entries["average_weekly_paid_hours"], "\(path).average_weekly_paid_hours", weekly: hours)
        contract.weekendsOff = entries["weekends_off"].flatMap { weekendsOff($0, "\(path).weekends_off") }
        contract.rotation = entries["rotation"].flatMap { rotation($0, "\(path).rotation", rotations: rotations) }
        return contract
    }

    /// `average_weekly_paid_hours: {min, max}`: a range that meets the weekly range.
    private func average(_ node: Node?, _ path: String, weekly: (min: Double, max: Double)) -> Bounds<Double>? {
        guard let node, let average = range(node, path, in: 0...168) else { return nil }
        guard average.min <= weekly.max, average.max >= weekly.min else {
            walker.error(node, path, "\(NumberFormatting.trimmed(average.min))–\(NumberFormatting.trimmed(average.max)) h lies outside the weekly \(NumberFormatting.trimmed(weekly.min))–\(NumberFormatting.trimmed(weekly.max)) h, so no week could meet it",
                         expected: "an average range that overlaps weekly_paid_hours")
            return nil
        }
        return Bounds(min: average.min, max: average.max)
    }

    /// `weekends_off: {min: 1, per_weeks: 2}`: 1 ≤ min ≤ per_weeks ≤ 6.
    private func weekendsOff(_ node: Node, _ path: String) -> WeekendsOffRule? {
        guard let entries = walker.mapping(node, path, required: ["min", "per_weeks"], optional: []) else { return nil }
        let weeks = walker.integer(entries["per_weeks"], "\(path).per_weeks", in: 1...PlanningHorizon.maximumWeeks, expected: "1 to 6 weeks")
        let least = walker.integer(entries["min"], "\(path).min", in: 1...PlanningHorizon.maximumWeeks, expected: "1 to 6 weekends")
        guard let weeks, let least else { return nil }
        guard least <= weeks else {
            walker.error(node, path, "\(least) weekends off in \(weeks) weeks", expected: "min ≤ per_weeks")
            return nil
        }
        return WeekendsOffRule(min: least, perWeeks: weeks)
    }

    /// `rotation: id`, naming one of `rotations`.
    private func rotation(_ node: Node, _ path: String, rotations: [Rotation]) -> String? {
        guard let id = walker.string(node, path, expected: "a rotation id") else { return nil }
        guard rotations.contains(where: { $0.id == id }) else {
            walker.error(node, path, "unknown rotation '\(id)'",
                         expected: rotations.isEmpty ? "a rotation defined under rotations: in center.yaml" : "one of \(rotations.map(\.id).sorted().joined(separator: ", "))")
            return nil
        }
        return id
    }

    /// `rotations: [{id, start, days_off: [[sat, sun], [mon, tue]]}]`: the days off of each
    /// cycle week (1 to 52 weeks, each with at most 6 days off).
    func rotations(_ node: Node) -> [Rotation] {
        guard let items = walker.sequence(node, "rotations", expected: "a list of rotations") else { return [] }
        var seen = Set<String>()
        return items.enumerated().compactMap { index, item in
            let path = "rotations[\(index)]"
            guard let entries = walker.mapping(item, path, required: ["id", "start", "days_off"], optional: []) else { return nil }
            let id = walker.string(entries["id"], "\(path).id", expected: "a rotation id")
            let start = walker.date(entries["start"], "\(path).start")
            let weeks = entries["days_off"].flatMap { walker.sequence($0, "\(path).days_off", expected: "a list of weeks, each a list of weekdays") }
            let days = weeks?.enumerated().map { week, days in
                walker.list(days, "\(path).days_off[\(week)]", expected: "a list of weekdays, e.g. [sat, sun]", walker.weekday)
            }
            if let weeks, !(1...52).contains(weeks.count) {
                walker.error(entries["days_off"], "\(path).days_off", "has \(weeks.count) weeks", expected: "1 to 52 weeks")
                return nil
            }
            for (week, off) in (days ?? []).enumerated() where (off?.count ?? 0) > 6 || Set(off ?? []).count != (off ?? []).count {
                walker.error(entries["days_off"], "\(path).days_off[\(week)]", "repeats a day or leaves no day to work", expected: "at most 6 different weekdays")
            }
            if let id, !seen.insert(id).inserted { walker.error(item, "\(path).id", "'\(id)' is used twice", expected: "unique rotation ids") }
            let resolved = days?.compactMap { $0 } ?? []
            guard let id, let start, let days, !days.isEmpty, resolved.count == days.count else { return nil }
            return Rotation(id: id, start: start, daysOff: resolved)
        }
    }

    /// A contract's `overtime` (``YAMLWalker/overtimeAllowance(_:_:)``).
    private func overtime(_ node: Node, _ path: String) -> OvertimeAllowance? {
        walker.mapping(node, path, required: ["max_hours_per_week"], optional: ["max_hours_per_shift", "pay_factor"])
            .flatMap { walker.overtimeAllowance($0, path) }
    }

    /// `{min: a, max: b}` with `a ≤ b` inside `limits`.
    func range(_ node: Node?, _ path: String, in limits: ClosedRange<Double>) -> (min: Double, max: Double)? {
        guard let node, let entries = walker.mapping(node, path, required: ["min", "max"], optional: []) else { return nil }
        let expected = "a number from \(Int(limits.lowerBound)) to \(Int(limits.upperBound))"
        let low = walker.number(entries["min"], "\(path).min", in: limits, expected: expected)
        let high = walker.number(entries["max"], "\(path).max", in: limits, expected: expected)
        if let low, let high, low > high {
            walker.error(node, path, "min \(low) exceeds max \(high)", expected: "min ≤ max")
            return nil
        }
        guard let low, let high else { return nil }
        return (low, high)
    }
}
