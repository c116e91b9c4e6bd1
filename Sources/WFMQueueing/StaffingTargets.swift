/// The targets a queue must meet in every interval.
public struct StaffingTargets: Sendable, Equatable {
    /// Fraction of calls to answer within ``serviceLevelThresholdSeconds``, in `(0, 1)`.
    public var serviceLevel: Double
    /// The service-level threshold, in seconds (≥ 0).
    public var serviceLevelThresholdSeconds: Double
    /// The highest acceptable average speed of answer, in seconds, if any.
    public var maximumAverageSpeedOfAnswerSeconds: Double?
    /// The highest acceptable occupancy, in `(0, 1]`, if any.
    public var maximumOccupancy: Double?
    /// The highest acceptable abandonment rate, in `(0, 1)`, if any (Erlang A only).
    public var maximumAbandonmentRate: Double?
    /// Agents to keep on an open queue even with no calls.
    public var minimumAgents: Int

    /// Creates targets.
    public init(
        serviceLevel: Double, serviceLevelThresholdSeconds: Double, maximumAverageSpeedOfAnswerSeconds: Double? = nil,
        maximumOccupancy: Double? = nil, maximumAbandonmentRate: Double? = nil, minimumAgents: Int = 0
    ) {
        self.serviceLevel = serviceLevel
        self.serviceLevelThresholdSeconds = serviceLevelThresholdSeconds
        self.maximumAverageSpeedOfAnswerSeconds = maximumAverageSpeedOfAnswerSeconds
        self.maximumOccupancy = maximumOccupancy
        self.maximumAbandonmentRate = maximumAbandonmentRate
        self.minimumAgents = minimumAgents
    }

    /// Checks every target's range.
    /// - Throws: ``QueueingError`` `.invalidInput` naming the target and the expected range.
    public func validate() throws {
        guard serviceLevel > 0, serviceLevel < 1 else {
            throw QueueingError(.invalidInput, "service-level target must be a fraction in (0, 1), e.g. 0.8 for 80%; got \(serviceLevel)")
        }
        guard serviceLevelThresholdSeconds.isFinite, serviceLevelThresholdSeconds >= 0 else {
            throw QueueingError(.invalidInput, "service-level threshold must be ≥ 0 seconds, got \(serviceLevelThresholdSeconds)")
        }
        if let asa = maximumAverageSpeedOfAnswerSeconds, !(asa.isFinite && asa > 0) {
            throw QueueingError(.invalidInput, "ASA target must be > 0 seconds, got \(asa)")
        }
        if let occupancy = maximumOccupancy, !(occupancy > 0 && occupancy <= 1) {
            throw QueueingError(.invalidInput, "maximum occupancy must be a fraction in (0, 1], got \(occupancy)")
        }
        if let abandonment = maximumAbandonmentRate, !(abandonment > 0 && abandonment < 1) {
            throw QueueingError(.invalidInput, "maximum abandonment must be a fraction in (0, 1), got \(abandonment)")
        }
        guard minimumAgents >= 0 else {
            throw QueueingError(.invalidInput, "minimum agents must be ≥ 0, got \(minimumAgents)")
        }
    }
}

/// The target that set the number of agents: with one agent fewer, this one would fail.
public enum StaffingBinding: String, Sendable, CaseIterable, Codable {
    case serviceLevel = "service_level"
    case averageSpeedOfAnswer = "asa"
    case occupancy
    case abandonment
    case minimum
    /// No calls and no minimum: zero agents.
    case none
}
