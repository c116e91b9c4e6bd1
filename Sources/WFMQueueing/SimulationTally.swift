/// What one replication of a week counted, per queue and interval of arrival.
///
/// Every call is counted in the interval it arrived in, once it has ended (answered or
/// abandoned); calls still waiting when the week ends count as offered and not answered.
public struct SimulationTally: Sendable, Equatable {
    /// Intervals per queue.
    public let intervalCount: Int
    /// Calls offered, `[queue * intervalCount + interval]`.
    public var offered: [Double]
    /// Calls answered.
    public var answered: [Double]
    /// Calls answered within the queue's threshold.
    public var answeredOnTime: [Double]
    /// Calls abandoned.
    public var abandoned: [Double]
    /// Calls abandoned within the short-abandon threshold.
    public var abandonedShort: [Double]
    /// Total wait of answered calls, in seconds.
    public var answeredWaitSeconds: [Double]

    /// An empty tally.
    public init(queues: Int, intervals: Int) {
        intervalCount = intervals
        let zeros = [Double](repeating: 0, count: queues * intervals)
        offered = zeros
        answered = zeros
        answeredOnTime = zeros
        abandoned = zeros
        abandonedShort = zeros
        answeredWaitSeconds = zeros
    }

    /// The flat index of `queue` and `interval`.
    @inline(__always) public func slot(queue: Int, interval: Int) -> Int { queue * intervalCount + interval }
}
