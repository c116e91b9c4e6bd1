import Foundation
import WFMCore
import Yams

/// Reads center.yaml (see docs/file-formats.md): every problem is reported with its line and
/// key path, and nothing is returned unless the whole file is valid.
public enum CenterReader {
    /// Reads and validates `path`.
    /// - Returns: the center, with `history` and `agents` paths resolved against the file's folder.
    /// - Throws: ``InputError`` listing every problem found (up to 50).
    public static func read(path: String) throws -> Center {
        let root = try YAMLFile.compose(path: path, expected: "a center description")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let walker = YAMLWalker(file: path)
        let center = CenterParser(walker: walker, folder: folder).center(root)
        try walker.log.throwIfErrors()
        guard let center else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "could not be read"))
        }
        return center
    }
}

/// Turns the YAML tree of center.yaml into a ``Center``, one section per method.
struct CenterParser {
    let walker: YAMLWalker
    let folder: URL

    private static let topKeys = [
        "name", "timezone", "interval_minutes", "week_start", "opening_hours", "queues",
    ]
    private static let optionalTopKeys = [
        "history", "agents", "holidays", "shrinkage", "shift_templates", "contracts", "costs", "service_level_definition",
        "report", "special_days", "staffing", "fairness", "requests", "rotations",
    ]

    func center(_ root: Node) -> Center? {
        guard let top = walker.mapping(root, "", required: Self.topKeys, optional: Self.optionalTopKeys) else { return nil }
        let name = walker.string(top["name"], "name")
        let timeZone = self.timeZone(top["timezone"])
        let interval = walker.integer(top["interval_minutes"], "interval_minutes", in: 1...1440,
                                      expected: "one of \(TimeGrid.supportedIntervalMinutes.map(String.init).joined(separator: ", "))")
        if let interval, !TimeGrid.supportedIntervalMinutes.contains(interval) {
            walker.error(top["interval_minutes"], "interval_minutes", "\(interval) is not supported",
                         expected: "one of \(TimeGrid.supportedIntervalMinutes.map(String.init).joined(separator: ", "))")
        }
        let weekStart = walker.date(top["week_start"], "week_start")
        let validInterval = interval.flatMap { TimeGrid.supportedIntervalMinutes.contains($0) ? $0 : nil }
        let hours = top["opening_hours"].flatMap {
            OpeningHoursParser(walker: walker, intervalMinutes: validInterval).openingHours($0, "opening_hours")
        }
        let holidays = walker.list(top["holidays"], "holidays", expected: "a list of dates", walker.date) ?? []
        let queues = top["queues"].flatMap { QueueParser(walker: walker, intervalMinutes: validInterval).queues($0) }
        let queueIDs = Set(queues?.map(\.id) ?? [])
        let shrinkage = top["shrinkage"].map { self.shrinkage($0, queueIDs: queueIDs) } ?? Shrinkage(defaultValue: 0)
        let shifts = ShiftParser(walker: walker, intervalMinutes: validInterval)
        let templates = top["shift_templates"].flatMap(shifts.templates) ?? []
        let rotations = top["rotations"].map(shifts.rotations) ?? []
        let contracts = top["contracts"].flatMap { shifts.contracts($0, templateIDs: Set(templates.map(\.id)), rotations: rotations) } ?? []
        let costs = top["costs"].map(self.costs) ?? Costs()
        let fairness = top["fairness"].map(self.fairness) ?? Fairness()
        let report = ReportSettingsParser(walker: walker).settings(definition: top["service_level_definition"], report: top["report"])
        let specialDays = top["special_days"].map(self.specialDays) ?? []
        let percentile = top["staffing"].flatMap(self.staffingPercentile)
        let allowance = top["requests"].map(self.requestAllowance) ?? RequestAllowance()
        guard let name, let timeZone, let interval, TimeGrid.supportedIntervalMinutes.contains(interval),
            let weekStart, let hours, let queues, let shrinkage
        else { return nil }
        var center = Center(
            name: name, timeZone: timeZone, intervalMinutes: interval, weekStart: weekStart,
            historyPath: path(top["history"], "history"), agentsPath: path(top["agents"], "agents"),
            openingHours: hours, holidays: Set(holidays), queues: queues, shrinkage: shrinkage,
            shiftTemplates: templates, contracts: contracts, costs: costs, report: report)
        center.specialDays = specialDays
        center.fairness = fairness
        center.staffingPercentile = percentile
        center.requestAllowance = allowance
        center.rotations = rotations
        return center
    }

    /// `special_days: {2026-12-24: {like: sat}, 2026-12-31: {factor: 0.6}}`.
    private func specialDays(_ node: Node) -> [SpecialDayRule] {
        guard let mapping = node.mapping else {
            walker.error(node, "special_days", "is not a mapping", expected: "dates with {like: WEEKDAY} and/or {factor: N}")
            return []
        }
        let rules = mapping.compactMap { key, value -> SpecialDayRule? in
            let text = key.string ?? "?"
            let path = "special_days.\(text)"
            guard let date = walker.date(key, path) else { return nil }
            guard let entries = walker.mapping(value, path, required: [], optional: ["like", "factor"]) else { return nil }
            if entries.isEmpty { walker.error(value, path, "says nothing", expected: "like: WEEKDAY and/or factor: N") }
            let like = entries["like"].flatMap { walker.weekday($0, "\(path).like") }
            let factor = walker.number(entries["factor"], "\(path).factor", in: 0...10, expected: "a multiplier from 0 to 10, e.g. 0.6")
            return SpecialDayRule(date: date, like: like, factor: factor)
        }
        return rules.sorted { $0.date < $1.date }
    }

    /// `requests: {max_short_agent_hours_per_day: 2, max_off_per_interval: 3}`.
    private func requestAllowance(_ node: Node) -> RequestAllowance {
        var allowance = RequestAllowance()
        guard let entries = walker.mapping(node, "requests", required: [], optional: ["max_short_agent_hours_per_day", "max_off_per_interval"])
        else { return allowance }
        if let hours = walker.number(entries["max_short_agent_hours_per_day"], "requests.max_short_agent_hours_per_day", in: 0...1000,
                                     expected: "agent-hours from 0 to 1,000 per queue and day") {
            allowance.maxShortAgentHoursPerDay = hours
        }
        allowance.maxOffPerInterval = walker.integer(entries["max_off_per_interval"], "requests.max_off_per_interval", in: 0...100_000,
                                                     expected: "a whole number of agents from 0 to 100,000")
        return allowance
    }

    /// `staffing: {percentile: 0.9}`.
    private func staffingPercentile(_ node: Node) -> Double? {
        guard let entries = walker.mapping(node, "staffing", required: ["percentile"], optional: []) else { return nil }
        return walker.number(entries["percentile"], "staffing.percentile", in: 0.5...0.99,
                             expected: "a probability from 0.5 to 0.99, e.g. 0.9")
    }

    private func timeZone(_ node: Node?) -> TimeZone? {
        guard let identifier = walker.string(node, "timezone", expected: "an IANA time zone such as Europe/Amsterdam") else { return nil }
        let known = identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
        guard known, let zone = TimeZone(identifier: identifier) else {
            walker.error(node, "timezone", "'\(identifier)' is not a known time zone", expected: "an IANA time zone such as Europe/Amsterdam")
            return nil
        }
        return zone
    }

    private func path(_ node: Node?, _ key: String) -> String? {
        guard let relative = walker.string(node, key, expected: "a file path") else { return nil }
        return URL(fileURLWithPath: relative, relativeTo: folder).standardizedFileURL.path
    }

    /// A number, or `{default, by_queue, by_weekday}`.
    func shrinkage(_ node: Node, queueIDs: Set<String>) -> Shrinkage? {
        let expected = "a share from 0 to below 1, e.g. 0.3 or 30%"
        if node.scalar != nil {
            return walker.share(node, "shrinkage", in: 0...0.999_999, expected: expected).map { Shrinkage(defaultValue: $0) }
        }
        guard let entries = walker.mapping(node, "shrinkage", required: ["default"], optional: ["by_queue", "by_weekday"]) else { return nil }
        let base = walker.share(entries["default"], "shrinkage.default", in: 0...0.999_999, expected: expected)
        var byQueue: [String: Double] = [:]
        if let queues = entries["by_queue"]?.mapping {
            for (key, value) in queues {
                let id = key.string ?? "?"
                if !queueIDs.contains(id) {
                    walker.error(key, "shrinkage.by_queue.\(id)", "unknown queue", expected: "one of \(queueIDs.sorted().joined(separator: ", "))")
                }
                byQueue[id] = walker.share(value, "shrinkage.by_queue.\(id)", in: 0...0.999_999, expected: expected)
            }
        }
        var byWeekday: [Weekday: Double] = [:]
        if let days = entries["by_weekday"] {
            for (key, value) in days.mapping ?? [:] {
                if let day = walker.weekday(key, "shrinkage.by_weekday") {
                    byWeekday[day] = walker.share(value, "shrinkage.by_weekday.\(day.rawValue)", in: 0...0.999_999, expected: expected)
                }
            }
        }
        return base.map { Shrinkage(defaultValue: $0, byQueue: byQueue, byWeekday: byWeekday) }
    }

    /// `fairness: {weekend_day: 2, late_shift: 1, unpopular_shift: 1}`: prices ≥ 0.
    private func fairness(_ node: Node) -> Fairness {
        let keys = Fairness.Burden.allCases.map(\.rawValue)
        let entries = walker.mapping(node, "fairness", required: [], optional: keys) ?? [:]
        var prices: [Fairness.Burden: Double] = [:]
        for burden in Fairness.Burden.allCases {
            prices[burden] = walker.number(entries[burden.rawValue], "fairness.\(burden.rawValue)", in: 0...1e6,
                                           expected: "a price ≥ 0 per unit above the fair share")
        }
        return Fairness(prices: prices)
    }

    private func costs(_ node: Node) -> Costs {
        let keys = ["shortfall_per_agent_hour", "overstaffing_per_agent_hour", "paid_hour"]
        let entries = walker.mapping(node, "costs", required: [], optional: keys) ?? [:]
        let read = { (key: String) in walker.number(entries[key], "costs.\(key)", in: 0...1e9, expected: "a cost ≥ 0") }
        let defaults = Costs()
        return Costs(
            shortfallPerAgentHour: read(keys[0]) ?? defaults.shortfallPerAgentHour,
            overstaffingPerAgentHour: read(keys[1]) ?? defaults.overstaffingPerAgentHour,
            paidHour: read(keys[2]) ?? defaults.paidHour)
    }
}
