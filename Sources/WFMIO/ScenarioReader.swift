import Foundation
import WFMCore
import Yams

/// Reads a what-if scenario.yaml (see docs/whatif.md): every problem is reported with its
/// line and key path, and nothing is returned unless the whole file is valid. Queue and agent
/// ids are checked against the center and its agents.
public enum ScenarioReader {
    /// Reads and validates `path` against `center` and `agents`.
    /// - Throws: ``InputError`` listing every problem found.
    public static func read(path: String, center: Center, agents: [Agent]) throws -> Scenario {
        let root = try YAMLFile.compose(path: path, expected: "a scenario")
        let walker = YAMLWalker(file: path)
        let scenario = ScenarioParser(walker: walker, center: center, agentIDs: Set(agents.map(\.id))).scenario(root)
        try walker.log.throwIfErrors()
        guard let scenario else { throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "could not be read")) }
        return scenario
    }
}

/// Turns the YAML tree of a scenario into a ``Scenario``.
struct ScenarioParser {
    let walker: YAMLWalker
    let center: Center
    let agentIDs: Set<String>

    private var queueIDs: Set<String> { Set(center.queues.map(\.id)) }

    func scenario(_ root: Node) -> Scenario? {
        let optional = ["description", "volume", "aht", "targets", "shrinkage", "absent", "add_skills", "hires", "contracts", "overtime"]
        guard let top = walker.mapping(root, "", required: ["name"], optional: optional) else { return nil }
        let name = walker.string(top["name"], "name")
        let description = top["description"].flatMap { walker.string($0, "description") } ?? ""
        let volume = adjustments(top["volume"], "volume", allowsAdding: true)
        let aht = adjustments(top["aht"], "aht", allowsAdding: false)
        let targets = top["targets"].map(self.targets) ?? []
        let shrinkage = top["shrinkage"].flatMap { CenterParser(walker: walker, folder: URL(fileURLWithPath: "/")).shrinkage($0, queueIDs: queueIDs) }
        let absences = listOfMappings(top["absent"], "absent", keys: (["agents"], ["days", "window"])) { entries, path in
            let days = self.days(entries["days"], "\(path).days")
            return ScenarioAbsence(agents: self.agents(entries["agents"], "\(path).agents"), weekdays: days.weekdays, dates: days.dates,
                                   window: entries["window"].flatMap { window($0, "\(path).window", days: days) })
        }
        let additions = listOfMappings(top["add_skills"], "add_skills", keys: (["agents", "skills"], [])) { entries, path in
            SkillAddition(agents: self.agents(entries["agents"], "\(path).agents"), skills: self.skills(entries["skills"], "\(path).skills"))
        }
        let hires = listOfMappings(top["hires"], "hires", keys: (["id", "contract", "skills"], ["name", "count"])) { entries, path in
            self.hires(entries, path)
        }.flatMap { $0 }
        var seen = agentIDs
        for (index, hire) in hires.enumerated() where !seen.insert(hire.id).inserted {
            walker.error(top["hires"], "hires", "agent id '\(hire.id)' is taken (hire \(index + 1))", expected: "ids not in agents.csv, each once")
        }
        let contracts = top["contracts"].map(self.contracts) ?? []
        let overtime = listOfMappings(top["overtime"], "overtime", keys: (["max_hours_per_week"], ["max_hours_per_shift", "pay_factor", "agents"])) {
            self.overtime($0, $1)
        }.compactMap { $0 }
        guard let name else { return nil }
        var scenario = Scenario(name: name, description: description, volume: volume, aht: aht, targets: targets, shrinkage: shrinkage,
                                absences: absences, addedSkills: additions, hires: hires)
        scenario.contracts = contracts
        scenario.overtime = overtime
        return scenario
    }

    /// One entry of `overtime` (``YAMLWalker/overtimeAllowance(_:_:)``) and the agents it is
    /// for (default all).
    private func overtime(_ entries: [String: Node], _ path: String) -> OvertimeAllowance? {
        let agents = entries["agents"] == nil ? [] : self.agents(entries["agents"], "\(path).agents")
        guard var allowance = walker.overtimeAllowance(entries, path) else { return nil }
        allowance.agents = agents
        return allowance
    }

    /// A list of mappings with `keys` (required, optional), each read by `read`.
    private func listOfMappings<T>(_ node: Node?, _ path: String, keys: ([String], [String]), _ read: ([String: Node], String) -> T)
        -> [T]
    {
        guard let node, let items = walker.sequence(node, path, expected: "a list") else { return [] }
        return items.enumerated().compactMap { index, item in
            let itemPath = "\(path)[\(index)]"
            return walker.mapping(item, itemPath, required: keys.0, optional: keys.1).map { read($0, itemPath) }
        }
    }

    private func adjustments(_ node: Node?, _ path: String, allowsAdding: Bool) -> [ForecastAdjustment] {
        let optional = (allowsAdding ? ["factor", "add"] : ["factor"]) + ["queues", "days", "window"]
        return listOfMappings(node, path, keys: ([], optional)) { entries, itemPath in
            let factor = walker.number(entries["factor"], "\(itemPath).factor", in: 0...100, expected: "a multiplier from 0 to 100, e.g. 1.25")
            let added = walker.number(entries["add"], "\(itemPath).add", in: 0...InputLimits.maximumCallsPerInterval,
                                      expected: "calls to add per interval, ≥ 0")
            if entries["factor"] == nil, entries["add"] == nil {
                walker.error(entries.values.first, itemPath, "changes nothing", expected: allowsAdding ? "factor or add" : "factor")
            }
            let days = self.days(entries["days"], "\(itemPath).days")
            let scope = ScenarioScope(queues: queues(entries["queues"], "\(itemPath).queues"), weekdays: days.weekdays, dates: days.dates,
                                      window: window(entries["window"], "\(itemPath).window", days: days))
            return ForecastAdjustment(factor: factor ?? 1, addedCalls: added ?? 0, scope: scope)
        }
    }

    private func targets(_ node: Node) -> [TargetOverride] {
        guard let mapping = node.mapping else {
            walker.error(node, "targets", "is not a mapping", expected: "queue ids with their targets")
            return []
        }
        return mapping.compactMap { key, value in
            let queue = key.string ?? "?"
            let path = "targets.\(queue)"
            guard queueIDs.contains(queue) else {
                walker.error(key, path, "unknown queue '\(queue)'", expected: "one of \(queueIDs.sorted().joined(separator: ", "))")
                return nil
            }
            guard let entries = walker.mapping(value, path, required: [], optional: ["service_level", "asa_seconds", "max_occupancy", "patience_seconds"])
            else { return nil }
            var override = TargetOverride(queue: queue)
            if let level = entries["service_level"], let parts = walker.mapping(level, "\(path).service_level", required: ["target", "within_seconds"], optional: []),
                let target = walker.fraction(parts["target"], "\(path).service_level.target", openAbove: true, expected: "a share above 0 and below 1, e.g. 0.8"),
                let within = walker.number(parts["within_seconds"], "\(path).service_level.within_seconds", in: 0...InputLimits.maximumSeconds,
                                           expected: "seconds from 0 to 86400")
            {
                override.serviceLevel = ServiceLevelTarget(fraction: target, withinSeconds: within)
            }
            override.asaSeconds = walker.number(entries["asa_seconds"], "\(path).asa_seconds", in: 0.001...InputLimits.maximumSeconds, expected: "seconds > 0")
            override.maxOccupancy = walker.fraction(entries["max_occupancy"], "\(path).max_occupancy", openAbove: false, expected: "a share above 0, at most 1")
            override.patienceSeconds = walker.number(entries["patience_seconds"], "\(path).patience_seconds", in: 0.001...InputLimits.maximumSeconds,
                                                     expected: "seconds > 0")
            return override
        }
    }

    /// `contracts: {parttime: {weekly_paid_hours: {min, max}, days_per_week: {min, max}, …}}`.
    private func contracts(_ node: Node) -> [ContractOverride] {
        guard let mapping = node.mapping else {
            walker.error(node, "contracts", "is not a mapping", expected: "contract ids with their new rules")
            return []
        }
        let ids = center.contracts.map(\.id)
        let shifts = ShiftParser(walker: walker, intervalMinutes: center.intervalMinutes)
        return mapping.compactMap { key, value in
            let id = key.string ?? "?"
            let path = "contracts.\(id)"
            guard ids.contains(id) else {
                walker.error(key, path, "unknown contract '\(id)'", expected: "one of \(ids.joined(separator: ", "))")
                return nil
            }
            let keys = ["weekly_paid_hours", "days_per_week", "max_consecutive_days", "min_rest_hours"]
            guard let entries = walker.mapping(value, path, required: [], optional: keys) else { return nil }
            var override = ContractOverride(contract: id)
            override.weeklyPaidHours = shifts.range(entries["weekly_paid_hours"], "\(path).weekly_paid_hours", in: 0...168)
                .map { Bounds(min: $0.min, max: $0.max) }
            if let days = shifts.range(entries["days_per_week"], "\(path).days_per_week", in: 0...7) {
                if days.min == days.min.rounded(), days.max == days.max.rounded() {
                    override.daysPerWeek = Bounds(min: Int(days.min), max: Int(days.max))
                } else {
                    walker.error(entries["days_per_week"], "\(path).days_per_week", "is not a whole number of days", expected: "whole days from 0 to 7")
                }
            }
            override.maxConsecutiveDays = walker.integer(entries["max_consecutive_days"], "\(path).max_consecutive_days", in: 1...7,
                                                         expected: "1 to 7 days")
            override.minRestHours = walker.number(entries["min_rest_hours"], "\(path).min_rest_hours", in: 0...48, expected: "0 to 48 hours")
            return override
        }
    }

    private func queues(_ node: Node?, _ path: String) -> [String] {
        (walker.list(node, path, expected: "a list of queue ids") { item, itemPath in
            guard let id = walker.string(item, itemPath) else { return nil }
            guard queueIDs.contains(id) else {
                walker.error(item, itemPath, "unknown queue '\(id)'", expected: "one of \(queueIDs.sorted().joined(separator: ", "))")
                return nil
            }
            return id
        }) ?? []
    }

    private func agents(_ node: Node?, _ path: String) -> [String] {
        (walker.list(node, path, expected: "a list of agent ids") { item, itemPath in
            guard let id = walker.string(item, itemPath) else { return nil }
            guard agentIDs.contains(id) else {
                walker.error(item, itemPath, "unknown agent '\(id)'", expected: "an id from agents.csv")
                return nil
            }
            return id
        }) ?? []
    }

    /// Weekdays (`mon`) and dates in the planning week.
    private func days(_ node: Node?, _ path: String) -> (weekdays: [Weekday], dates: [LocalDate]) {
        var weekdays: [Weekday] = [], dates: [LocalDate] = []
        let week = (0..<7).map { center.weekStart.adding(days: $0) }
        _ = walker.list(node, path, expected: "a list of weekdays (mon) or dates (YYYY-MM-DD)") { item, itemPath -> Bool? in
            guard let text = walker.string(item, itemPath) else { return nil }
            if let weekday = Weekday(rawValue: text.lowercased()) {
                weekdays.append(weekday)
            } else if let date = LocalDate(text), week.contains(date) {
                dates.append(date)
            } else {
                walker.error(item, itemPath, "'\(text)' is not a weekday or a date of the week", expected: "mon…sun, or a date from \(week[0]) to \(week[6])")
                return nil
            }
            return true
        }
        return (weekdays, dates)
    }

    /// `HH:MM-HH:MM`, on the interval grid and overlapping the center's opening hours on a day
    /// of the scope.
    private func window(_ node: Node?, _ path: String, days: (weekdays: [Weekday], dates: [LocalDate])) -> Range<Int>? {
        guard let text = walker.string(node, path, expected: "a window HH:MM-HH:MM") else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let from = TimeOfDay(parts[0].trimmingCharacters(in: .whitespaces)),
            let to = TimeOfDay(parts[1].trimmingCharacters(in: .whitespaces)), from < to
        else {
            walker.error(node, path, "'\(text)' is not a window", expected: "HH:MM-HH:MM with the start before the end")
            return nil
        }
        guard from.minutes % center.intervalMinutes == 0, to.minutes % center.intervalMinutes == 0 else {
            walker.error(node, path, "\(text) does not fall on the \(center.intervalMinutes)-minute interval grid", expected: "times on the grid")
            return nil
        }
        let scoped = days.weekdays.isEmpty && days.dates.isEmpty ? Weekday.allCases : days.weekdays + days.dates.map(\.weekday)
        let open = scoped.contains { day in
            (center.openingHours.ranges[day] ?? []).contains { $0.opens.minutes < to.minutes && from.minutes < $0.closes.minutes }
        }
        guard open else {
            walker.error(node, path, "\(text) lies outside the opening hours on every day it names", expected: "a window within the opening hours")
            return nil
        }
        return from.minutes..<to.minutes
    }

    /// One entry of `hires`: `count` agents (default 1) of a contract and skills, with ids
    /// `ID` (one) or `ID-1`, `ID-2`, … (several).
    private func hires(_ entries: [String: Node], _ path: String) -> [Agent] {
        guard let id = walker.string(entries["id"], "\(path).id") else { return [] }
        let contracts = center.contracts.map(\.id)
        guard let contract = walker.string(entries["contract"], "\(path).contract") else { return [] }
        guard contracts.contains(contract) else {
            walker.error(entries["contract"], "\(path).contract", "unknown contract '\(contract)'", expected: "one of \(contracts.joined(separator: ", "))")
            return []
        }
        let skills = self.skills(entries["skills"], "\(path).skills")
        let count = entries["count"].flatMap { walker.integer($0, "\(path).count", in: 1...1000, expected: "a whole number from 1 to 1000") } ?? 1
        let name = entries["name"].flatMap { walker.string($0, "\(path).name") } ?? "new hire"
        guard !skills.isEmpty else { return [] }
        return (1...count).map { index in
            Agent(id: count == 1 ? id : "\(id)-\(index)", name: count == 1 ? name : "\(name) \(index)", contract: contract, skills: skills)
        }
    }

    /// `queue[:priority]` items.
    private func skills(_ node: Node?, _ path: String) -> [Skill] {
        (walker.list(node, path, expected: "a list like [tech:2]") { item, itemPath in
            guard let text = walker.string(item, itemPath) else { return nil }
            let parts = text.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count <= 2, queueIDs.contains(parts[0]), parts.count == 1 || Int(parts[1]).map({ $0 >= 1 && $0 <= 99 }) == true else {
                walker.error(item, itemPath, "'\(text)' is not a skill", expected: "queue or queue:priority with a queue of the center and a priority 1–99")
                return nil
            }
            return Skill(queue: parts[0], priority: parts.count == 2 ? Int(parts[1]) : nil)
        }) ?? []
    }
}
