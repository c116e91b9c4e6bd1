import Foundation
import WFMCore
import WFMQueueing

/// The `wfm erlang` answer as a table for terminals or as JSON for machines.
public struct ErlangReport: Sendable, Codable, Equatable {
    /// Performance with one agent count.
    public struct Row: Sendable, Codable, Equatable {
        public var agents: Int
        public var serviceLevel: Double
        /// nil when unbounded (the queue is unstable).
        public var asaSeconds: Double?
        public var waitProbability: Double
        public var occupancy: Double
        public var abandonRate: Double
    }

    /// The targets as understood, echoed so that a misread flag shows at once.
    public struct Targets: Sendable, Codable, Equatable {
        public var serviceLevel: Double
        public var serviceLevelWithinSeconds: Double
        public var maxAsaSeconds: Double?
        public var maxOccupancy: Double?
        public var maxAbandonRate: Double?

        /// The targets of `targets`.
        public init(_ targets: StaffingTargets) {
            serviceLevel = targets.serviceLevel
            serviceLevelWithinSeconds = targets.serviceLevelThresholdSeconds
            maxAsaSeconds = targets.maximumAverageSpeedOfAnswerSeconds
            maxOccupancy = targets.maximumOccupancy
            maxAbandonRate = targets.maximumAbandonmentRate
        }

        /// `80% answered within 20 s, ASA ≤ 30 s, occupancy ≤ 85%`.
        public var text: String {
            var parts = ["\(NumberFormatting.percent(serviceLevel, serviceLevel * 100 == (serviceLevel * 100).rounded() ? 0 : 2)) answered within \(NumberFormatting.fixed(serviceLevelWithinSeconds, 0)) s"]
            if let maxAsaSeconds { parts.append("ASA ≤ \(NumberFormatting.fixed(maxAsaSeconds, 0)) s") }
            if let maxOccupancy { parts.append("occupancy ≤ \(NumberFormatting.percent(maxOccupancy, 1))") }
            if let maxAbandonRate { parts.append("abandonment ≤ \(NumberFormatting.percent(maxAbandonRate, 1))") }
            return parts.joined(separator: ", ")
        }
    }

    public var model: String
    public var targets: Targets
    public var calls: Double
    public var ahtSeconds: Double
    public var intervalSeconds: Double
    public var patienceSeconds: Double?
    public var offeredLoadErlangs: Double
    public var agentsProductive: Int
    public var agentsScheduled: Int
    public var shrinkage: Double
    public var binding: String
    public var performance: Row
    public var neighbourhood: [Row]
    /// The agents asked about (`wfm erlang --agents N`), if any.
    public var given: GivenAgents?

    /// What a given number of productive agents achieves.
    public struct GivenAgents: Sendable, Codable, Equatable {
        /// Their figures.
        public var performance: Row
        /// The targets they miss (empty when they meet every one).
        public var missed: [String]

        /// Creates the answer.
        public init(performance: QueuePerformance, missed: [String]) {
            self.performance = Row(performance)
            self.missed = missed
        }
    }

    /// Builds the report.
    public init(load: QueueLoad, targets: StaffingTargets, model: String, requirement: StaffingRequirement, shrinkage: Double,
                neighbourhood: [QueuePerformance]) {
        self.model = model
        self.targets = Targets(targets)
        calls = load.calls
        ahtSeconds = load.averageHandleTimeSeconds
        intervalSeconds = load.intervalSeconds
        patienceSeconds = load.patienceSeconds
        offeredLoadErlangs = requirement.offeredLoad
        agentsProductive = requirement.productiveAgents
        agentsScheduled = requirement.scheduledAgents
        self.shrinkage = shrinkage
        binding = requirement.binding.rawValue
        performance = Row(requirement.performance)
        self.neighbourhood = neighbourhood.map(Row.init)
    }

    /// Sorted, indented JSON.
    public func json() throws -> String {
        return try JSONOutput.text(self)
    }

    /// A summary line block and a table of the neighbouring agent counts.
    public func text() -> String {
        var lines = [
            "\(model): \(NumberFormatting.fixed(calls, 2)) calls per \(NumberFormatting.fixed(intervalSeconds / 60, 0)) min, "
                + "AHT \(NumberFormatting.fixed(ahtSeconds, 0)) s" + (patienceSeconds.map { ", patience \(NumberFormatting.fixed($0, 0)) s" } ?? "")
                + ": \(NumberFormatting.fixed(offeredLoadErlangs, 3)) erlangs",
            "Targets: \(targets.text)",
            "Productive agents: \(agentsProductive) (binding target: \(binding))",
            "Scheduled agents:  \(agentsScheduled) at \(NumberFormatting.percent(shrinkage, 1)) shrinkage",
        ]
        if let given {
            let row = given.performance
            let verdict = given.missed.isEmpty ? "meets every target"
                : "misses \(given.missed.joined(separator: ", ")); \(agentsProductive - row.agents) more needed"
            lines.append("With \(row.agents) productive agents: SL \(NumberFormatting.percent(row.serviceLevel)), ASA "
                         + (row.asaSeconds.map { NumberFormatting.fixed($0, 1) } ?? "∞") + " s, occupancy \(NumberFormatting.percent(row.occupancy)), "
                         + "abandoned \(NumberFormatting.percent(row.abandonRate)): \(verdict)")
        }
        lines.append("")
        var table = TextTable(columns: [
            .init("agents"), .init("service level"), .init("ASA s"), .init("P(wait)"), .init("occupancy"), .init("abandoned"),
            .init("", .left),
        ])
        for row in neighbourhood {
            table.append([
                String(row.agents), NumberFormatting.percent(row.serviceLevel), row.asaSeconds.map { NumberFormatting.fixed($0, 1) } ?? "∞",
                NumberFormatting.percent(row.waitProbability), NumberFormatting.percent(row.occupancy),
                NumberFormatting.percent(row.abandonRate), row.agents == agentsProductive ? "<- required" : "",
            ])
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}

extension ErlangReport.Row {
    init(_ performance: QueuePerformance) {
        self.init(
            agents: performance.agents, serviceLevel: performance.serviceLevel,
            asaSeconds: performance.averageSpeedOfAnswerSeconds.isFinite ? performance.averageSpeedOfAnswerSeconds : nil,
            waitProbability: performance.waitProbability, occupancy: performance.occupancy,
            abandonRate: performance.abandonmentRate)
    }
}
