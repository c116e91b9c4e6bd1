import Foundation
import WFMCore
import Yams

/// Reads typed values out of a composed YAML tree, recording every problem with the line it
/// is on and the key path (`queues[1].service_level.target`) instead of stopping at the first.
final class YAMLWalker {
    private(set) var log: DiagnosticLog

    init(file: String) { log = DiagnosticLog(file: file) }

    func error(_ node: Node?, _ path: String, _ problem: String, expected: String? = nil) {
        log.error(line: node?.mark?.line, field: path.isEmpty ? "document" : path, problem, expected: expected)
    }

    /// The mapping's entries by key; unknown keys and missing required keys are errors.
    func mapping(_ node: Node, _ path: String, required: [String], optional: [String]) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(node, path, "is not a mapping", expected: "keys \((required + optional).joined(separator: ", "))")
            return nil
        }
        var entries: [String: Node] = [:]
        let known = Set(required + optional)
        for (key, value) in mapping {
            let name = key.string ?? "?"
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            if !known.contains(name) {
                error(key, keyPath, "unknown key", expected: "one of \((required + optional).joined(separator: ", "))")
            } else if entries[name] != nil {
                error(key, keyPath, "appears twice")
            } else {
                entries[name] = value
            }
        }
        for name in required where entries[name] == nil {
            error(node, path.isEmpty ? name : "\(path).\(name)", "is missing")
        }
        return entries
    }

    /// The sequence's items, or an error.
    func sequence(_ node: Node, _ path: String, expected: String) -> [Node]? {
        guard let sequence = node.sequence else {
            error(node, path, "is not a list", expected: expected)
            return nil
        }
        return Array(sequence)
    }

    /// A non-empty scalar string.
    func string(_ node: Node?, _ path: String, expected: String = "a text value") -> String? {
        guard let node else { return nil }
        guard let value = node.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(node, path, "is empty or not a single value", expected: expected)
            return nil
        }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// A finite number within `range`.
    func number(_ node: Node?, _ path: String, in range: ClosedRange<Double>, expected: String) -> Double? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            error(node, path, "'\(node.scalar?.string ?? "…")' is not a number", expected: expected)
            return nil
        }
        guard range.contains(value) else {
            error(node, path, "\(text) is out of range", expected: expected)
            return nil
        }
        return value
    }

    /// A share, written as a fraction (`0.3`) or a percentage (`30%`), as everywhere in wfm.
    func share(_ node: Node?, _ path: String, in range: ClosedRange<Double>, expected: String) -> Double? {
        guard let node else { return nil }
        let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        guard text.hasSuffix("%") else { return number(node, path, in: range, expected: expected) }
        guard let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)), percent.isFinite else {
            error(node, path, "'\(text)' is not a percentage", expected: expected)
            return nil
        }
        guard range.contains(percent / 100) else {
            error(node, path, "\(text) is out of range", expected: expected)
            return nil
        }
        return percent / 100
    }

    /// A share (``share(_:_:in:expected:)``) above 0, and below 1 when `openAbove`.
    func fraction(_ node: Node?, _ path: String, openAbove: Bool, expected: String) -> Double? {
        guard let value = share(node, path, in: 0...1, expected: expected) else { return nil }
        if value == 0 || (openAbove && value == 1) {
            error(node, path, "\(value) is out of range", expected: expected)
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    func integer(_ node: Node?, _ path: String, in range: ClosedRange<Int>, expected: String) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            error(node, path, "'\(node.scalar?.string ?? "…")' is not a whole number", expected: expected)
            return nil
        }
        guard range.contains(value) else {
            error(node, path, "\(value) is out of range", expected: expected)
            return nil
        }
        return value
    }

    /// `true`/`false`.
    func bool(_ node: Node?, _ path: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, path, "'\(node.scalar?.string ?? "…")' is not true or false", expected: "true or false")
            return nil
        }
    }

    /// A `YYYY-MM-DD` date.
    func date(_ node: Node?, _ path: String) -> LocalDate? {
        guard let text = string(node, path, expected: "a date YYYY-MM-DD") else { return nil }
        guard let date = LocalDate(text) else {
            error(node, path, "'\(text)' is not a date", expected: "a date YYYY-MM-DD")
            return nil
        }
        return date
    }

    /// An `HH:MM` wall-clock time.
    func timeOfDay(_ node: Node?, _ path: String) -> TimeOfDay? {
        guard let text = string(node, path, expected: "a time HH:MM") else { return nil }
        guard let time = TimeOfDay(text) else {
            error(node, path, "'\(text)' is not a time of day", expected: "a time HH:MM from 00:00 to 24:00")
            return nil
        }
        return time
    }

    /// An `H:MM` duration (e.g. a break's offset "3:00"), in minutes.
    func hoursMinutes(_ node: Node?, _ path: String) -> Int? {
        guard let text = string(node, path, expected: "a duration H:MM") else { return nil }
        guard let minutes = parseHoursMinutes(text) else {
            error(node, path, "'\(text)' is not a duration", expected: "a duration H:MM, e.g. 3:00")
            return nil
        }
        return minutes
    }

    /// A weekday key (`mon` … `sun`).
    func weekday(_ node: Node?, _ path: String) -> Weekday? {
        guard let text = string(node, path, expected: "a weekday mon…sun") else { return nil }
        guard let weekday = Weekday(rawValue: text.lowercased()) else {
            error(node, path, "'\(text)' is not a weekday", expected: "one of mon, tue, wed, thu, fri, sat, sun")
            return nil
        }
        return weekday
    }

    /// A list of scalars read with `read`.
    func list<T>(_ node: Node?, _ path: String, expected: String, _ read: (Node, String) -> T?) -> [T]? {
        guard let node else { return nil }
        guard let items = sequence(node, path, expected: expected) else { return nil }
        let values = items.enumerated().map { read($1, "\(path)[\($0)]") }
        return values.contains { $0 == nil } ? nil : values.compactMap { $0 }
    }
}

extension YAMLWalker {
    /// An overtime allowance's `max_hours_per_week` (required), `max_hours_per_shift` (default:
    /// the weekly hours, at most 12) and `pay_factor` (default 1.5), for every agent.
    func overtimeAllowance(_ entries: [String: Node], _ path: String) -> OvertimeAllowance? {
        let most = Double(InputLimits.maximumOvertimeMinutes) / 60
        let week = number(entries["max_hours_per_week"], "\(path).max_hours_per_week", in: 0...60, expected: "hours from 0 to 60")
        let shift = number(entries["max_hours_per_shift"], "\(path).max_hours_per_shift", in: 0...most, expected: "hours from 0 to \(Int(most))")
        let factor = number(entries["pay_factor"], "\(path).pay_factor", in: 1...10, expected: "a factor from 1 to 10, e.g. 1.5")
        guard let week else { return nil }
        return OvertimeAllowance(maxMinutesPerShift: Int(((shift ?? min(week, most)) * 60).rounded(.down)), maxHoursPerWeek: week,
                                 payFactor: factor ?? 1.5)
    }
}
