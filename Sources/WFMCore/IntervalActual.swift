/// What happened in one ended interval of one queue today (a row of actuals.csv).
public struct IntervalActual: Sendable, Equatable {
    /// The interval's position in the ``TimeGrid``.
    public var interval: Int
    /// The queue id.
    public var queue: String
    /// Calls offered.
    public var offered: Double
    /// Calls answered and handled.
    public var handled: Double
    /// Calls abandoned in the queue.
    public var abandoned: Double
    /// Average handle time of the handled calls, in seconds (0 when none was handled).
    public var ahtSeconds: Double
    /// Calls answered within the queue's service-level threshold, when the ACD reports it.
    public var answeredInTarget: Double?

    /// Creates an actual.
    public init(interval: Int, queue: String, offered: Double, handled: Double, abandoned: Double, ahtSeconds: Double,
                answeredInTarget: Double? = nil) {
        self.interval = interval
        self.queue = queue
        self.offered = offered
        self.handled = handled
        self.abandoned = abandoned
        self.ahtSeconds = ahtSeconds
        self.answeredInTarget = answeredInTarget
    }
}
