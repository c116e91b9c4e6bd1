import Foundation
import WFMCore

/// Reads agents.csv: `id,name,contract,skills[,unavailable][,preferences][,rotation_week]`.
///
/// `skills` is `queue[:priority];…`; `unavailable` is `;`-separated dates (`2026-12-01`),
/// weekdays (`sat`) or parts of dates (`2026-12-02T08:00-12:00`); `preferences` is
/// `;`-separated `off:<weekday>`, `early` or `late`; `rotation_week` (may be empty) is the
/// cycle week, from 1, the agent is at in the first week of the contract's rotation.
public enum AgentsReader {
    /// Reads and validates `path` against the center's queues and contracts.
    /// - Throws: ``InputError`` listing every problem found (up to 50).
    public static func read(path: String, center: Center) throws -> [Agent] {
        let table = try CSVTable(path: path)
        let columns = try table.columns(required: ["id", "name", "contract", "skills"], optional: ["unavailable", "preferences", "rotation_week"])
        var log = DiagnosticLog(file: path)
        let queueIDs = Set(center.queues.map(\.id))
        let contractIDs = Set(center.contracts.map(\.id))
        var seen = Set<String>()
        var agents: [Agent] = []
        for record in table.records where !log.hasOverflowed {
            let value = { (name: String) in columns[name].map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            let line = record.line
            let id = value("id")
            if !isIdentifier(id) {
                log.error(line: line, field: "id", id.isEmpty ? "is empty" : "'\(id)' is not a valid id", expected: "letters, digits, '_' or '-'")
            } else if !seen.insert(id).inserted {
                log.error(line: line, field: "id", "'\(id)' is used twice", expected: "unique agent ids")
            }
            let contract = value("contract")
            if !contractIDs.contains(contract) {
                log.error(line: line, field: "contract", "unknown contract '\(contract)'",
                          expected: contractIDs.isEmpty ? "contracts defined in center.yaml" : "one of \(contractIDs.sorted().joined(separator: ", "))")
            }
            let skills = parseSkills(value("skills"), line: line, queueIDs: queueIDs, log: &log)
            let unavailable = parseList(value("unavailable")).compactMap { parseUnavailability($0, line: line, log: &log) }
            let preferences = parseList(value("preferences")).compactMap { parsePreference($0, line: line, log: &log) }
            let name = value("name")
            var agent = Agent(id: id, name: name.isEmpty ? id : name, contract: contract, skills: skills,
                              unavailable: unavailable, preferences: preferences)
            agent.rotationWeek = parseRotationWeek(value("rotation_week"), contract: contract, center: center, line: line, log: &log)
            agents.append(agent)
        }
        if table.records.isEmpty { log.error(line: nil, field: "file", "has no agents", expected: "one row per agent") }
        if table.records.count > InputLimits.maximumAgents {
            log.error(line: nil, field: "file", "has \(table.records.count) agents", expected: "at most \(InputLimits.maximumAgents)")
        }
        try log.throwIfErrors()
        return agents
    }

    private static func parseList(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `rotation_week`: empty, or a whole cycle week 1 … the length of the agent's contract's rotation.
    private static func parseRotationWeek(_ text: String, contract: String, center: Center, line: Int, log: inout DiagnosticLog) -> Int? {
        guard !text.isEmpty else { return nil }
        let rotation = center.contracts.first { $0.id == contract }?.rotation.flatMap { id in center.rotations.first { $0.id == id } }
        guard let rotation else {
            log.error(line: line, field: "rotation_week", "'\(text)' is given but contract '\(contract)' follows no rotation",
                      expected: "empty, or a contract with rotation: in center.yaml")
            return nil
        }
        guard let week = Int(text), (1...rotation.daysOff.count).contains(week) else {
            log.error(line: line, field: "rotation_week", "'\(text)' is not a week of rotation \(rotation.id)",
                      expected: "a whole number from 1 to \(rotation.daysOff.count)")
            return nil
        }
        return week
    }

    private static func parseSkills(_ text: String, line: Int, queueIDs: Set<String>, log: inout DiagnosticLog) -> [Skill] {
        let items = parseList(text)
        if items.isEmpty {
            log.error(line: line, field: "skills", "is empty", expected: "queue ids separated by ';', e.g. billing:1;tech:2")
        }
        var skills: [Skill] = []
        for item in items {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let queue = parts[0]
            if !queueIDs.contains(queue) {
                log.error(line: line, field: "skills", "unknown queue '\(queue)'", expected: "one of \(queueIDs.sorted().joined(separator: ", "))")
                continue
            }
            var priority: Int?
            if parts.count > 1 {
                guard parts.count == 2, let value = Int(parts[1]), value >= 1 else {
                    log.error(line: line, field: "skills", "'\(item)' has no valid priority", expected: "queue:priority with a whole number ≥ 1")
                    continue
                }
                priority = value
            }
            if skills.contains(where: { $0.queue == queue }) {
                log.error(line: line, field: "skills", "queue '\(queue)' is listed twice")
                continue
            }
            skills.append(Skill(queue: queue, priority: priority))
        }
        return skills
    }

    private static func parseUnavailability(_ item: String, line: Int, log: inout DiagnosticLog) -> Unavailability? {
        if let weekday = Weekday(rawValue: item.lowercased()) { return .weekday(weekday) }
        if let date = LocalDate(item) { return .date(date) }
        let expected = "a date (2026-12-01), a weekday (sat) or part of a date (2026-12-02T08:00-12:00)"
        guard item.count == 22, let date = LocalDate(item.prefix(10)), item.dropFirst(10).first == "T" else {
            log.error(line: line, field: "unavailable", "'\(item)' is not understood", expected: expected)
            return nil
        }
        let times = item.dropFirst(11).split(separator: "-")
        guard times.count == 2, let from = TimeOfDay(times[0]), let to = TimeOfDay(times[1]), from < to else {
            log.error(line: line, field: "unavailable", "'\(item)' has no valid time range", expected: expected)
            return nil
        }
        return .timeRange(date, from: from, to: to)
    }

    private static func parsePreference(_ item: String, line: Int, log: inout DiagnosticLog) -> AgentPreference? {
        switch item.lowercased() {
        case "early": return .early
        case "late": return .late
        case let text where text.hasPrefix("off:"):
            if let weekday = Weekday(rawValue: String(text.dropFirst(4))) { return .dayOff(weekday) }
        default: break
        }
        log.error(line: line, field: "preferences", "'\(item)' is not understood", expected: "off:<weekday>, early or late")
        return nil
    }
}
