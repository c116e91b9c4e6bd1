import Foundation
import WFMCore

/// A discrete-event simulation of a whole week of a multi-skill contact center: Poisson
/// arrivals at each interval's rate, exponential or lognormal handle times, exponential
/// patience where the queue has one, skill-based routing (see ``ContactCenterModel``), and
/// agents present only in their periods on the phones.
///
/// Replications are independent and seeded by their index, so the results are the same
/// whatever the number of threads.
public struct ContactCenterSimulator: Sendable {
    /// The center simulated.
    public let model: ContactCenterModel

    /// Creates a simulator.
    /// - Throws: ``QueueingError`` if the model is malformed (see ``ContactCenterModel/validate()``).
    public init(model: ContactCenterModel) throws {
        try model.validate()
        self.model = model
    }

    /// The seed of replication `index` of a run seeded `seed`.
    public static func replicationSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }

    /// Runs `replications` weeks on up to `threads` threads.
    /// - Returns: one tally per replication, in replication order.
    /// - Complexity: O(replications × (calls + agent periods) × log(events pending)).
    public func run(replications: Int, seed: UInt64, threads: Int = 2) -> [SimulationTally] {
        let simulator = self
        // Nothing in a replication throws.
        return (try? ParallelMap.map(count: replications, threads: max(1, threads)) { index in
            simulator.replicate(seed: Self.replicationSeed(seed, index))
        }) ?? []
    }

    /// Simulates one week.
    public func replicate(seed: UInt64) -> SimulationTally {
        var week = SimulatedWeek(model: model, seed: seed)
        week.run()
        return week.tally
    }
}
