import Foundation
import WFMCore

/// Reads requests.csv: `id,agent_id,type,date` and optionally `start,end,with_agent,priority,
/// submitted_at,note`, one request per row, for the published week.
public enum RequestsReader {
    /// The most requests one file may hold.
    public static let maximumRequests = 100_000

    /// Reads and validates `path` against the center's week and its agents.
    /// - Throws: ``InputError`` listing every problem (up to 50), each naming the line, the
    ///   field and the request's id.
    public static func read(path: String, center: Center, agents: [Agent]) throws -> [ShiftRequest] {
        try read(CSVTable(path: path), center: center, agents: agents)
    }

    /// Reads requests.csv `text` held in memory, naming `file` in diagnostics.
    public static func read(text: String, file: String, center: Center, agents: [Agent]) throws -> [ShiftRequest] {
        try read(CSVTable(text: text, file: file), center: center, agents: agents)
    }

    private static func read(_ table: CSVTable, center: Center, agents: [Agent]) throws -> [ShiftRequest] {
        let columns = try table.columns(required: ["id", "agent_id", "type", "date"],
                                        optional: ["start", "end", "with_agent", "priority", "submitted_at", "note"])
        var log = DiagnosticLog(file: table.file)
        let known = Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let templates = Set(center.shiftTemplates.map(\.id))
        let weekEnd = center.weekStart.adding(days: 6)
        var lineOfID: [String: Int] = [:]
        var requests: [ShiftRequest] = []
        if table.records.count > maximumRequests {
            log.error(line: nil, field: "file", "has \(table.records.count) requests", expected: "at most \(maximumRequests)")
        }
        for record in table.records where !log.hasOverflowed {
            let line = record.line
            let field = { (name: String) -> String in
                guard let column = columns[name], column < record.fields.count else { return "" }
                return record.fields[column].trimmingCharacters(in: .whitespaces)
            }
            let id = field("id")
            guard !id.isEmpty else {
                log.error(line: line, field: "id", "is empty", expected: "the request's id, unique in the file")
                continue
            }
            let named = "request \(id)"
            if let first = lineOfID[id] {
                log.error(line: line, field: "id", "\(named) is also on line \(first)", expected: "each id once")
                continue
            }
            lineOfID[id] = line
            let agentID = field("agent_id")
            guard known[agentID] != nil else {
                log.error(line: line, field: "agent_id", "\(named): unknown agent '\(agentID)'", expected: "an id from agents.csv")
                continue
            }
            guard let kind = ShiftRequest.Kind(rawValue: field("type")) else {
                log.error(line: line, field: "type", "\(named): '\(field("type"))' is not a request type",
                          expected: ShiftRequest.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            guard let date = LocalDate(field("date")) else {
                log.error(line: line, field: "date", "\(named): '\(field("date"))' is not a date", expected: "YYYY-MM-DD")
                continue
            }
            guard date >= center.weekStart, date <= weekEnd else {
                log.error(line: line, field: "date", "\(named): \(date) is outside the published week",
                          expected: "a date from \(center.weekStart) to \(weekEnd)")
                continue
            }
            var request = ShiftRequest(id: id, agentID: agentID, kind: kind, date: date, note: field("note"), line: line)
            let time = { (name: String) -> TimeOfDay?? in
                let text = field(name)
                guard !text.isEmpty else { return .some(nil) }
                guard let value = TimeOfDay(text) else { return nil }
                return .some(value)
            }
            switch kind {
            case .timeOff, .dayOffWish:
                guard let start = time("start"), let end = time("end") else {
                    log.error(line: line, field: "start", "\(named): '\(field("start"))'–'\(field("end"))' is not a time range", expected: "HH:MM, both or neither")
                    continue
                }
                guard (start == nil) == (end == nil), kind == .timeOff || start == nil else {
                    log.error(line: line, field: start == nil ? "start" : "end", "\(named): a part of the day needs both start and end",
                              expected: kind == .timeOff ? "start and end (HH:MM) for part of the day, neither for the whole day" : "neither: a day off is the whole day")
                    continue
                }
                if let start, let end, end <= start {
                    log.error(line: line, field: "end", "\(named): \(end) is not after \(start)", expected: "an end after the start, on the same day")
                    continue
                }
                request.start = start
                request.end = end
            case .swap:
                let other = field("with_agent")
                guard known[other] != nil, other != agentID else {
                    log.error(line: line, field: "with_agent", "\(named): " + (other.isEmpty ? "is empty" : other == agentID ? "is the requesting agent" : "unknown agent '\(other)'"),
                              expected: "the other agent's id from agents.csv")
                    continue
                }
                request.withAgent = other
            case .shiftWish:
                let text = field("start")
                if let start = TimeOfDay(text) {
                    request.start = start
                } else if templates.contains(text) {
                    request.template = text
                } else {
                    log.error(line: line, field: "start", "\(named): '\(text)' is neither a time nor a shift template",
                              expected: "the start wished (HH:MM) or a template of center.yaml (\(templates.sorted().joined(separator: ", ")))")
                    continue
                }
            }
            if !field("priority").isEmpty {
                guard let priority = Int(field("priority")), (1...1000).contains(priority) else {
                    log.error(line: line, field: "priority", "\(named): '\(field("priority"))' is not a priority", expected: "a whole number from 1 (first) to 1000")
                    continue
                }
                request.priority = priority
            }
            if !field("submitted_at").isEmpty {
                switch Timestamp(field("submitted_at")) {
                case .local(let wall): request.submittedAt = wall
                case .exact(let instant, _): request.submittedAt = LocalDateTime(instant, in: center.timeZone)
                case nil:
                    log.error(line: line, field: "submitted_at", "\(named): '\(field("submitted_at"))' is not a time", expected: "YYYY-MM-DDTHH:MM")
                    continue
                }
            }
            requests.append(request)
        }
        try log.throwIfErrors()
        return requests
    }
}
