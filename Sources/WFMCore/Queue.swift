/// A service-level target: `fraction` of calls answered within `withinSeconds`.
public struct ServiceLevelTarget: Sendable, Equatable, Codable {
    /// Fraction of calls, in `(0, 1)`, e.g. 0.8.
    public var fraction: Double
    /// Threshold in seconds, e.g. 20.
    public var withinSeconds: Double

    /// Creates a target.
    public init(fraction: Double, withinSeconds: Double) {
        self.fraction = fraction
        self.withinSeconds = withinSeconds
    }
}

/// A queue (skill) of the center and its targets.
public struct Queue: Sendable, Equatable, Identifiable {
    /// The queue's id, as used in every file.
    public var id: String
    /// Average handle time in seconds where the forecast gives none.
    public var ahtSeconds: Double
    /// The service-level target.
    public var serviceLevel: ServiceLevelTarget
    /// The highest acceptable average speed of answer, in seconds, if any.
    public var asaSeconds: Double?
    /// The highest acceptable occupancy, in `(0, 1]`, if any.
    public var maxOccupancy: Double?
    /// Mean caller patience in seconds: Erlang A instead of Erlang C when set.
    public var patienceSeconds: Double?
    /// The highest acceptable abandonment rate, in `(0, 1)`, if any (needs a patience).
    public var maxAbandonRate: Double?
    /// Productive agents to keep whenever the queue is open, even with no calls.
    public var minAgents: Int
    /// Weight of this queue's shortfall in scheduling (default 1).
    public var weight: Double
    /// Opening hours of this queue, where they differ from the center's.
    public var openingHours: OpeningHours?

    /// Creates a queue.
    public init(
        id: String, ahtSeconds: Double, serviceLevel: ServiceLevelTarget, asaSeconds: Double? = nil,
        maxOccupancy: Double? = nil, patienceSeconds: Double? = nil, maxAbandonRate: Double? = nil,
        minAgents: Int = 0, weight: Double = 1, openingHours: OpeningHours? = nil
    ) {
        self.id = id
        self.ahtSeconds = ahtSeconds
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.maxOccupancy = maxOccupancy
        self.patienceSeconds = patienceSeconds
        self.maxAbandonRate = maxAbandonRate
        self.minAgents = minAgents
        self.weight = weight
        self.openingHours = openingHours
    }
}
