/// Calls of one queue and interval to simulate without measuring them: what happened before
/// the measured intervals (``RosterEvaluator/simulationLeadIn``).
public struct SimulatedCalls: Sendable, Equatable {
    /// The queue's id.
    public let queue: String
    /// The interval's index on the week's grid.
    public let interval: Int
    /// Expected calls in the interval.
    public let calls: Double
    /// Mean handle time, in seconds.
    public let ahtSeconds: Double

    /// Creates the calls of `queue` in `interval`.
    public init(queue: String, interval: Int, calls: Double, ahtSeconds: Double) {
        self.queue = queue
        self.interval = interval
        self.calls = calls
        self.ahtSeconds = ahtSeconds
    }
}
