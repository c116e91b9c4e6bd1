/// One queue of a week-long simulation: calls and handle time per interval, and patience.
public struct SimulatedQueue: Sendable, Equatable {
    /// Expected calls per interval (the Poisson arrival rate is calls / interval length).
    public var calls: [Double]
    /// Mean handle time per interval, in seconds (> 0 wherever there are calls).
    public var ahtSeconds: [Double]
    /// Mean caller patience in seconds (exponential), or nil for callers who never hang up.
    public var patienceSeconds: Double?
    /// The service-level threshold, in seconds.
    public var thresholdSeconds: Double

    /// Creates a queue.
    public init(calls: [Double], ahtSeconds: [Double], patienceSeconds: Double?, thresholdSeconds: Double) {
        self.calls = calls
        self.ahtSeconds = ahtSeconds
        self.patienceSeconds = patienceSeconds
        self.thresholdSeconds = thresholdSeconds
    }
}

/// An agent of the simulation: the queues they take, by priority, and when they are on the
/// phones.
public struct SimulatedAgent: Sendable, Equatable {
    /// Queue indices with their priority (lower is served first; equal priorities are served
    /// longest-waiting call first).
    public var skills: [(queue: Int, priority: Int)]
    /// Periods on the phones, in seconds from the start of the week, sorted and disjoint.
    /// An agent whose period ends during a call finishes the call first.
    public var onPhone: [Range<Double>]

    /// Creates an agent.
    public init(skills: [(queue: Int, priority: Int)], onPhone: [Range<Double>]) {
        self.skills = skills
        self.onPhone = onPhone
    }

    public static func == (lhs: SimulatedAgent, rhs: SimulatedAgent) -> Bool {
        lhs.onPhone == rhs.onPhone && lhs.skills.elementsEqual(rhs.skills) { $0.queue == $1.queue && $0.priority == $1.priority }
    }
}

/// A contact center for one week: queues, agents and the interval grid.
///
/// An agent finishes the call they are on when a period ends (see
/// ``activityGapLimitSeconds`` for what follows).
///
/// Routing: a new call goes to the longest-idle agent who takes its queue; an agent who
/// becomes free takes the waiting call of their highest-priority queue, the longest-waiting
/// one among queues of equal priority.
public struct ContactCenterModel: Sendable, Equatable {
    /// Interval length in seconds.
    public var intervalSeconds: Double
    /// The queues; each has one entry per interval.
    public var queues: [SimulatedQueue]
    /// The agents.
    public var agents: [SimulatedAgent]
    /// Coefficient of variation of handle times: 1 is exponential, anything else lognormal.
    public var handleTimeCV: Double
    /// Abandons within this many seconds are counted apart as short abandons.
    public var shortAbandonSeconds: Double
    /// A gap between an agent's periods shorter than this is an activity (break, lunch,
    /// shrinkage) taken in full after a call that runs into it; a longer one is time off, and
    /// the agent comes back on time. Four hours: longer than any break, shorter than any rest.
    public var activityGapLimitSeconds = 4 * 3600.0

    /// Creates a model.
    public init(intervalSeconds: Double, queues: [SimulatedQueue], agents: [SimulatedAgent], handleTimeCV: Double = 1,
                shortAbandonSeconds: Double = 5) {
        self.intervalSeconds = intervalSeconds
        self.queues = queues
        self.agents = agents
        self.handleTimeCV = handleTimeCV
        self.shortAbandonSeconds = shortAbandonSeconds
    }

    /// Intervals in the week (the length of every queue's arrays).
    public var intervalCount: Int { queues.first?.calls.count ?? 0 }

    /// Checks the shapes and ranges a simulation relies on.
    /// - Throws: ``QueueingError`` `.invalidInput` naming what is wrong.
    public func validate() throws {
        guard intervalSeconds.isFinite, intervalSeconds > 0 else {
            throw QueueingError(.invalidInput, "the interval length must be > 0 seconds, got \(intervalSeconds)")
        }
        guard handleTimeCV.isFinite, handleTimeCV > 0 else {
            throw QueueingError(.invalidInput, "the handle-time CV must be > 0, got \(handleTimeCV)")
        }
        for (index, queue) in queues.enumerated() {
            guard queue.calls.count == intervalCount, queue.ahtSeconds.count == intervalCount else {
                throw QueueingError(.invalidInput, "queue \(index) has \(queue.calls.count) intervals, expected \(intervalCount)")
            }
            for (calls, aht) in zip(queue.calls, queue.ahtSeconds) where calls != 0 {
                guard calls.isFinite, calls > 0, aht.isFinite, aht > 0 else {
                    throw QueueingError(.invalidInput, "queue \(index): calls and handle time must be finite and positive")
                }
            }
            if let patience = queue.patienceSeconds, !(patience.isFinite && patience > 0) {
                throw QueueingError(.invalidInput, "queue \(index): patience must be > 0 seconds")
            }
        }
        for (index, agent) in agents.enumerated() {
            guard agent.skills.allSatisfy({ queues.indices.contains($0.queue) }) else {
                throw QueueingError(.invalidInput, "agent \(index) takes a queue that does not exist")
            }
            guard zip(agent.onPhone, agent.onPhone.dropFirst()).allSatisfy({ $0.upperBound <= $1.lowerBound }) else {
                throw QueueingError(.invalidInput, "agent \(index): periods on the phones must be sorted and disjoint")
            }
        }
    }
}
