/// The agents one queue needs in one interval, and how it performs with them.
public struct StaffingRequirement: Sendable, Equatable {
    /// The offered load in erlangs.
    public var offeredLoad: Double
    /// The fewest productive agents meeting every target.
    public var productiveAgents: Int
    /// Agents to schedule so that, after shrinkage, ``productiveAgents`` are on the phones.
    public var scheduledAgents: Int
    /// The performance with ``productiveAgents``.
    public var performance: QueuePerformance
    /// The target that set the number.
    public var binding: StaffingBinding

    /// Creates a requirement.
    public init(offeredLoad: Double, productiveAgents: Int, scheduledAgents: Int, performance: QueuePerformance,
                binding: StaffingBinding) {
        self.offeredLoad = offeredLoad
        self.productiveAgents = productiveAgents
        self.scheduledAgents = scheduledAgents
        self.performance = performance
        self.binding = binding
    }

    /// Agents to schedule for `productive` agents with `shrinkage` (a fraction in `[0, 1)`):
    /// ⌈productive / (1 − shrinkage)⌉, with a tolerance of 1e-9 against rounding noise.
    public static func scheduledAgents(productive: Int, shrinkage: Double) -> Int {
        guard productive > 0 else { return 0 }
        let exact = Double(productive) / (1 - shrinkage)
        return Int((exact - 1e-9).rounded(.up))
    }
}
