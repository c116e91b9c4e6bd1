/// The calls offered to one queue in one interval, and how long they take.
public struct QueueLoad: Sendable, Equatable {
    /// Calls arriving in the interval (may be fractional: a forecast is an expectation).
    public var calls: Double
    /// Average handle time per call, in seconds.
    public var averageHandleTimeSeconds: Double
    /// Length of the interval, in seconds.
    public var intervalSeconds: Double
    /// Mean caller patience in seconds (Erlang A), or nil for callers who never hang up (Erlang C).
    public var patienceSeconds: Double?

    /// Creates a load.
    public init(calls: Double, averageHandleTimeSeconds: Double, intervalSeconds: Double, patienceSeconds: Double? = nil) {
        self.calls = calls
        self.averageHandleTimeSeconds = averageHandleTimeSeconds
        self.intervalSeconds = intervalSeconds
        self.patienceSeconds = patienceSeconds
    }

    /// The offered load in erlangs: calls × AHT / interval length.
    public var offeredLoad: Double { calls * averageHandleTimeSeconds / intervalSeconds }

    /// The largest offered load the models answer, in erlangs: 100,000 agents busy at once,
    /// far beyond any single queue, and small enough that every staffing search stays exact
    /// and takes milliseconds.
    public static let maximumOfferedLoad = 100_000.0

    /// Checks every field.
    /// - Throws: ``QueueingError`` `.invalidInput` naming the field.
    public func validate() throws {
        guard calls.isFinite, calls >= 0 else {
            throw QueueingError(.invalidInput, "calls must be a finite number ≥ 0, got \(calls)")
        }
        guard averageHandleTimeSeconds.isFinite, averageHandleTimeSeconds > 0 else {
            throw QueueingError(.invalidInput, "average handle time must be > 0 seconds, got \(averageHandleTimeSeconds)")
        }
        guard intervalSeconds.isFinite, intervalSeconds > 0 else {
            throw QueueingError(.invalidInput, "interval length must be > 0 seconds, got \(intervalSeconds)")
        }
        if let patienceSeconds, !(patienceSeconds.isFinite && patienceSeconds > 0) {
            throw QueueingError(.invalidInput, "patience must be > 0 seconds, got \(patienceSeconds)")
        }
        guard offeredLoad <= Self.maximumOfferedLoad else {
            throw QueueingError(
                .invalidInput,
                "the offered load of \(calls) calls × \(averageHandleTimeSeconds) s / \(intervalSeconds) s is \(offeredLoad) erlangs, above the \(Int(Self.maximumOfferedLoad)) erlangs the models answer")
        }
    }
}
