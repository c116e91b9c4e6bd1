/// How a queue performs with a given number of productive agents, in steady state.
public struct QueuePerformance: Sendable, Equatable {
    /// Productive agents on the queue.
    public var agents: Int
    /// Fraction of all offered calls answered within the threshold (abandoned calls count as
    /// not answered in time), in `0...1`.
    public var serviceLevel: Double
    /// Average wait of answered calls, in seconds (`infinity` when the queue is unstable).
    public var averageSpeedOfAnswerSeconds: Double
    /// Probability that a call has to wait, in `0...1`.
    public var waitProbability: Double
    /// Fraction of agent time spent handling calls, in `0...1`.
    public var occupancy: Double
    /// Fraction of offered calls that hang up before being answered, in `0...1` (0 for Erlang C).
    public var abandonmentRate: Double

    /// Creates a performance record.
    public init(
        agents: Int, serviceLevel: Double, averageSpeedOfAnswerSeconds: Double, waitProbability: Double,
        occupancy: Double, abandonmentRate: Double
    ) {
        self.agents = agents
        self.serviceLevel = serviceLevel
        self.averageSpeedOfAnswerSeconds = averageSpeedOfAnswerSeconds
        self.waitProbability = waitProbability
        self.occupancy = occupancy
        self.abandonmentRate = abandonmentRate
    }

    /// A queue with no calls: every target is met.
    static func idle(agents: Int) -> QueuePerformance {
        QueuePerformance(
            agents: agents, serviceLevel: 1, averageSpeedOfAnswerSeconds: 0, waitProbability: 0, occupancy: 0,
            abandonmentRate: 0)
    }
}
