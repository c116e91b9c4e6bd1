import Foundation
import WFMCore

/// The what-if a manager sets with the page's sliders: volume and AHT factors, agents away all
/// week, the center's shrinkage and per-queue service-level targets. Turned into the same
/// ``Scenario`` a scenario file or `wfm whatif --volume/--aht/--absent` makes.
public struct WorkbenchScenario: Sendable, Codable, Equatable {
    /// A factor on every forecast row's calls (1 for none).
    public var volumeFactor: Double
    /// A factor on every forecast row's AHT (1 for none).
    public var ahtFactor: Double
    /// Agents away all week, by id.
    public var absent: [String]
    /// The center's shrinkage, a share; nil to keep center.yaml's.
    public var shrinkage: Double?
    /// Service-level targets by queue id, each a share; queues not named keep theirs.
    public var serviceLevelTargets: [String: Double]

    /// The scenario that changes nothing.
    public init(volumeFactor: Double = 1, ahtFactor: Double = 1, absent: [String] = [], shrinkage: Double? = nil,
                serviceLevelTargets: [String: Double] = [:]) {
        self.volumeFactor = volumeFactor
        self.ahtFactor = ahtFactor
        self.absent = absent
        self.shrinkage = shrinkage
        self.serviceLevelTargets = serviceLevelTargets
    }

    private enum CodingKeys: String, CodingKey {
        case volumeFactor = "volume_factor", ahtFactor = "aht_factor", absent, shrinkage, serviceLevelTargets = "service_level_targets"
    }

    /// Reads the JSON the server receives: every field optional, snake_case names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        volumeFactor = try container.decodeIfPresent(Double.self, forKey: .volumeFactor) ?? 1
        ahtFactor = try container.decodeIfPresent(Double.self, forKey: .ahtFactor) ?? 1
        absent = try container.decodeIfPresent([String].self, forKey: .absent) ?? []
        shrinkage = try container.decodeIfPresent(Double.self, forKey: .shrinkage)
        serviceLevelTargets = try container.decodeIfPresent([String: Double].self, forKey: .serviceLevelTargets) ?? [:]
    }

    /// Whether it changes nothing.
    public var isBaseline: Bool { self == WorkbenchScenario() }

    /// Throws unless every value is in range and names one of `queues` or `agents`.
    /// - Throws: ``PlanningError`` naming the field and what was expected.
    public func check(queues: [String], agents: [String]) throws {
        for (field, value) in [("volume_factor", volumeFactor), ("aht_factor", ahtFactor)] where !(value.isFinite && value >= 0 && value <= 100) {
            throw PlanningError("\(field) \(value): expected a factor from 0 to 100 (1 for no change)")
        }
        if let shrinkage, !(shrinkage.isFinite && shrinkage >= 0 && shrinkage < 1) {
            throw PlanningError("shrinkage \(shrinkage): expected a share from 0 to below 1")
        }
        let known = Set(agents)
        if let unknown = absent.first(where: { !known.contains($0) }) {
            throw PlanningError("absent: unknown agent '\(unknown.prefix(40))' (expected an id from the center's agents)")
        }
        for (queue, target) in serviceLevelTargets.sorted(by: { $0.key < $1.key }) {
            guard queues.contains(queue) else {
                throw PlanningError("service_level_targets: unknown queue '\(queue.prefix(40))' (expected one of \(queues.joined(separator: ", ")))")
            }
            guard target.isFinite, target > 0, target < 1 else {
                throw PlanningError("service_level_targets.\(queue) \(target): expected a share above 0 and below 1, e.g. 0.8")
            }
        }
    }

    /// The scenario, each value checked against the center and its agents.
    /// - Throws: ``PlanningError`` naming the field and what was expected.
    func scenario(center: Center, agents: [Agent]) throws -> Scenario {
        try check(queues: center.queues.map(\.id), agents: agents.map(\.id))
        var scenario = Scenario(name: "what-if")
        if volumeFactor != 1 { scenario.volume = [ForecastAdjustment(factor: volumeFactor)] }
        if ahtFactor != 1 { scenario.aht = [ForecastAdjustment(factor: ahtFactor)] }
        if !absent.isEmpty { scenario.absences = [ScenarioAbsence(agents: absent)] }
        scenario.shrinkage = shrinkage.map { Shrinkage(defaultValue: $0) }
        for (queue, target) in serviceLevelTargets.sorted(by: { $0.key < $1.key }) {
            guard let existing = center.queues.first(where: { $0.id == queue }) else { continue }
            var override = TargetOverride(queue: queue)
            override.serviceLevel = ServiceLevelTarget(fraction: target, withinSeconds: existing.serviceLevel.withinSeconds)
            scenario.targets.append(override)
        }
        return scenario
    }
}
