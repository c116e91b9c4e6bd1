import WFMCore
import Yams

/// Reads the `queues` section of center.yaml.
struct QueueParser {
    let walker: YAMLWalker
    /// The plan's interval, or nil when it is invalid (opening hours are then not checked against it).
    let intervalMinutes: Int?

    private static let required = ["id", "aht_seconds", "service_level"]
    private static let optional = [
        "asa_seconds", "max_occupancy", "patience_seconds", "max_abandon_rate", "min_agents", "weight", "opening_hours",
    ]

    func queues(_ node: Node) -> [Queue]? {
        guard let items = walker.sequence(node, "queues", expected: "a list of queues") else { return nil }
        if items.isEmpty { walker.error(node, "queues", "is empty", expected: "at least one queue") }
        var seen = Set<String>()
        var queues: [Queue] = []
        var valid = true
        for (index, item) in items.enumerated() {
            let path = "queues[\(index)]"
            guard let queue = self.queue(item, path) else {
                valid = false
                continue
            }
            if !seen.insert(queue.id).inserted {
                walker.error(item, "\(path).id", "'\(queue.id)' is used twice", expected: "unique queue ids")
                valid = false
            }
            queues.append(queue)
        }
        return valid && !queues.isEmpty ? queues : nil
    }

    private func queue(_ node: Node, _ path: String) -> Queue? {
        guard let entries = walker.mapping(node, path, required: Self.required, optional: Self.optional) else { return nil }
        let id = walker.string(entries["id"], "\(path).id", expected: "a queue id")
        if let id, !isIdentifier(id) {
            walker.error(entries["id"], "\(path).id", "'\(id)' has characters other than letters, digits, '_' and '-'",
                         expected: "an id such as billing or tech_support")
        }
        let aht = walker.number(entries["aht_seconds"], "\(path).aht_seconds", in: 0.001...86_400, expected: "seconds > 0")
        let level = entries["service_level"].flatMap { serviceLevel($0, "\(path).service_level") }
        let asa = walker.number(entries["asa_seconds"], "\(path).asa_seconds", in: 0.001...86_400, expected: "seconds > 0")
        let occupancy = walker.fraction(entries["max_occupancy"], "\(path).max_occupancy", openAbove: false, expected: "a share above 0, at most 1, e.g. 0.85 or 85%")
        let patience = walker.number(entries["patience_seconds"], "\(path).patience_seconds", in: 0.001...86_400, expected: "seconds > 0")
        let abandon = walker.fraction(entries["max_abandon_rate"], "\(path).max_abandon_rate", openAbove: true, expected: "a share above 0, below 1, e.g. 0.05 or 5%")
        if entries["max_abandon_rate"] != nil, entries["patience_seconds"] == nil {
            walker.error(entries["max_abandon_rate"], "\(path).max_abandon_rate", "needs patience_seconds", expected: "patience_seconds for Erlang A")
        }
        let minimum = walker.integer(entries["min_agents"], "\(path).min_agents", in: 0...100_000, expected: "a whole number ≥ 0")
        let weight = walker.number(entries["weight"], "\(path).weight", in: 0...1e6, expected: "a weight ≥ 0")
        let hours = entries["opening_hours"].flatMap { OpeningHoursParser(walker: walker, intervalMinutes: intervalMinutes).openingHours($0, "\(path).opening_hours") }
        guard let id, isIdentifier(id), let aht, let level, entries["opening_hours"] == nil || hours != nil else { return nil }
        return Queue(
            id: id, ahtSeconds: aht, serviceLevel: level, asaSeconds: asa, maxOccupancy: occupancy,
            patienceSeconds: patience, maxAbandonRate: abandon, minAgents: minimum ?? 0, weight: weight ?? 1,
            openingHours: hours)
    }

    private func serviceLevel(_ node: Node, _ path: String) -> ServiceLevelTarget? {
        guard let entries = walker.mapping(node, path, required: ["target", "within_seconds"], optional: []) else { return nil }
        let target = walker.fraction(entries["target"], "\(path).target", openAbove: true, expected: "a share above 0, below 1, e.g. 0.80 or 80%")
        let within = walker.number(entries["within_seconds"], "\(path).within_seconds", in: 0...86_400, expected: "seconds ≥ 0")
        guard let target, let within else { return nil }
        return ServiceLevelTarget(fraction: target, withinSeconds: within)
    }
}

/// Whether `text` is a usable id: letters, digits, `_` and `-` only.
func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
}
