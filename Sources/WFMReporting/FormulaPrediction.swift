import Foundation
import WFMCore
import WFMQueueing

/// What the queueing formula (Erlang C, or Erlang A with patience) predicts for one queue in
/// one interval with a given number of productive agents.
public struct FormulaPrediction: Sendable, Equatable, Encodable {
    /// Service level under the report's definition, in `0...1`.
    public var serviceLevel: Double
    /// Average speed of answer of answered calls, in seconds (infinite when the queue grows
    /// without bound).
    public var asaSeconds: Double
    /// Share of offered calls that abandon.
    public var abandonmentRate: Double
    /// Handled time over productive agent time, in `0...1`.
    public var occupancy: Double
    /// Erlangs handled (offered load less what abandons).
    public var handledErlangs: Double
    /// Share of offered calls in the service level's denominator under the definition used
    /// (1 for `offered`): the weight of this interval's service level per offered call.
    public var serviceLevelBase: Double

    /// Predicts the performance of `productiveAgents` agents, a number that may be fractional
    /// (a shared agent counts by the share of their time allocated to the queue): every
    /// figure is interpolated linearly between the whole numbers of agents around it.
    /// - Parameters:
    ///   - load: calls, AHT, interval length and patience.
    ///   - productiveAgents: agents on the queue, net of shrinkage (≥ 0).
    ///   - thresholdSeconds: the service-level threshold.
    ///   - definition: which calls the service level counts.
    ///   - shortAbandonSeconds: the short-abandon threshold, for that definition.
    /// - Throws: ``QueueingError`` for an invalid load.
    /// - Complexity: two evaluations of the model, O(n) each.
    public init(load: QueueLoad, productiveAgents: Double, thresholdSeconds: Double, definition: ServiceLevelDefinition,
                shortAbandonSeconds: Double) throws {
        let model = try queueModel(for: load)
        let agents = max(0, productiveAgents)
        guard load.offeredLoad > 0 else {
            self.init(serviceLevel: 1, asaSeconds: 0, abandonmentRate: 0, occupancy: 0, handledErlangs: 0, serviceLevelBase: 1)
            return
        }
        let lower = Int(agents.rounded(.down))
        let weight = agents - Double(lower)
        let below = Self.performance(model, agents: lower, thresholdSeconds: thresholdSeconds)
        let above = weight > 0 ? Self.performance(model, agents: lower + 1, thresholdSeconds: thresholdSeconds) : below
        func blend(_ value: (QueuePerformance) -> Double) -> Double {
            let low = value(below), high = value(above)
            if weight == 0 { return low }
            if !low.isFinite || !high.isFinite { return max(low, high) }
            return low + weight * (high - low)
        }
        let offeredServiceLevel = blend(\.serviceLevel)
        let abandonment = blend(\.abandonmentRate)
        let waitProbability = blend(\.waitProbability)
        let handled = load.offeredLoad * (1 - abandonment)
        let base: Double
        switch definition {
        case .offered:
            base = 1
        case .answered:
            base = 1 - abandonment
        case .offeredMinusShortAbandons:
            // Callers who wait abandon within τ with probability 1 − e^(−τ/patience) if they
            // wait at least τ: an upper bound on short abandons, close when waits exceed τ.
            base = 1 - (load.patienceSeconds.map { min(abandonment, waitProbability * (1 - exp(-shortAbandonSeconds / $0))) } ?? 0)
        }
        self.init(serviceLevel: base > 0 ? min(1, offeredServiceLevel / base) : 0, asaSeconds: blend(\.averageSpeedOfAnswerSeconds),
                  abandonmentRate: abandonment, occupancy: agents > 0 ? min(1, handled / agents) : 0, handledErlangs: handled,
                  serviceLevelBase: base)
    }

    /// Creates a prediction from its figures.
    public init(serviceLevel: Double, asaSeconds: Double, abandonmentRate: Double, occupancy: Double, handledErlangs: Double,
                serviceLevelBase: Double) {
        self.serviceLevelBase = serviceLevelBase
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.abandonmentRate = abandonmentRate
        self.occupancy = occupancy
        self.handledErlangs = handledErlangs
    }

    /// The model's figures, with no agents meaning no call is answered.
    private static func performance(_ model: any QueueModel, agents: Int, thresholdSeconds: Double) -> QueuePerformance {
        guard agents > 0 else {
            let abandons = model.load.patienceSeconds != nil
            return QueuePerformance(agents: 0, serviceLevel: 0, averageSpeedOfAnswerSeconds: .infinity, waitProbability: 1,
                                    occupancy: 0, abandonmentRate: abandons ? 1 : 0)
        }
        return model.performance(agents: agents, thresholdSeconds: thresholdSeconds)
    }
}
