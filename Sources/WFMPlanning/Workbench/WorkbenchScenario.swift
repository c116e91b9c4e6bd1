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

    /// The scenario, each value checked against the center and its agents.
    /// - Throws: ``PlanningError`` naming the field and what was expected.
    func scenario(center: Center, agents: [Agent]) throws -> Scenario {
        for (field, value) in [("volume_factor", volumeFactor), ("aht_factor", ahtFactor)] where !(value.isFinite && value >= 0 && value <= 100) {
            throw PlanningError("\(field) \(value): expected a factor from 0 to 100 (1 for no change)")
        }
        if let shrinkage, !(shrinkage.isFinite && shrinkage >= 0 && shrinkage < 1) {
            throw PlanningError("shrinkage \(shrinkage): expected a share from 0 to below 1")
        }
        let known = Set(agents.map(\.id))
        if let unknown = absent.first(where: { !known.contains($0) }) {
            throw PlanningError("absent: unknown agent '\(unknown)' (expected an id from the center's agents)")
        }
        var scenario = Scenario(name: "what-if")
        if volumeFactor != 1 { scenario.volume = [ForecastAdjustment(factor: volumeFactor)] }
        if ahtFactor != 1 { scenario.aht = [ForecastAdjustment(factor: ahtFactor)] }
        if !absent.isEmpty { scenario.absences = [ScenarioAbsence(agents: absent)] }
        scenario.shrinkage = shrinkage.map { Shrinkage(defaultValue: $0) }
        for (queue, target) in serviceLevelTargets.sorted(by: { $0.key < $1.key }) {
            guard let existing = center.queues.first(where: { $0.id == queue }) else {
                throw PlanningError("service_level_targets: unknown queue '\(queue)' (expected one of \(center.queues.map(\.id).joined(separator: ", ")))")
            }
            guard target.isFinite, target > 0, target < 1 else {
                throw PlanningError("service_level_targets.\(queue) \(target): expected a share above 0 and below 1, e.g. 0.8")
            }
            var override = TargetOverride(queue: queue)
            override.serviceLevel = ServiceLevelTarget(fraction: target, withinSeconds: existing.serviceLevel.withinSeconds)
            scenario.targets.append(override)
        }
        return scenario
    }
}
