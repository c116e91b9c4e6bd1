/// A steady-state model of one queue served by a pool of identical agents.
public protocol QueueModel: Sendable {
    /// The load the model describes.
    var load: QueueLoad { get }

    /// The queue's performance with `agents` productive agents, for a service-level threshold
    /// of `thresholdSeconds`.
    func performance(agents: Int, thresholdSeconds: Double) -> QueuePerformance
}

/// The model for a load: Erlang A when callers have a patience, Erlang C otherwise.
/// - Throws: ``QueueingError`` `.invalidInput` if the load is invalid.
public func queueModel(for load: QueueLoad) throws -> any QueueModel {
    try load.validate()
    if let patience = load.patienceSeconds { return ErlangA(load: load, patienceSeconds: patience) }
    return ErlangC(load: load)
}
