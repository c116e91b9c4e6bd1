import Foundation

/// Calls offered to one queue in one historical interval.
public struct HistoryRecord: Sendable, Equatable {
    /// The instant the interval starts.
    public var start: Date
    /// The local wall-clock start.
    public var local: LocalDateTime
    /// The queue id.
    public var queue: String
    /// Calls offered.
    public var calls: Double
    /// Average handle time in seconds, if the history has it.
    public var ahtSeconds: Double?

    /// Creates a record.
    public init(start: Date, local: LocalDateTime, queue: String, calls: Double, ahtSeconds: Double?) {
        self.start = start
        self.local = local
        self.queue = queue
        self.calls = calls
        self.ahtSeconds = ahtSeconds
    }
}

/// Expected calls and handle time for one queue in one interval of the planning week.
public struct ForecastEntry: Sendable, Equatable {
    /// The interval's position in the ``TimeGrid``.
    public var interval: Int
    /// The queue id.
    public var queue: String
    /// Expected calls.
    public var calls: Double
    /// Expected average handle time, in seconds.
    public var ahtSeconds: Double
    /// Quantiles of the calls (the prediction interval), by increasing probability; empty
    /// when the forecast has none.
    public var quantiles: [CallQuantile] = []

    /// Creates an entry.
    public init(interval: Int, queue: String, calls: Double, ahtSeconds: Double) {
        self.interval = interval
        self.queue = queue
        self.calls = calls
        self.ahtSeconds = ahtSeconds
    }
}

/// One quantile of an interval's calls: with this probability, the calls are at most `calls`.
public struct CallQuantile: Sendable, Equatable {
    /// The probability, strictly between 0 and 1.
    public var probability: Double
    /// The calls at that probability.
    public var calls: Double

    /// Creates a quantile.
    public init(probability: Double, calls: Double) {
        self.probability = probability
        self.calls = calls
    }
}

extension ForecastEntry {
    /// The calls at probability `p`: the point forecast at 0.5 (the prediction intervals are
    /// centred on it), a quantile of the entry at its own probability, linear between two
    /// quantiles; nil outside the quantiles' range.
    public func calls(atProbability p: Double) -> Double? {
        if p == 0.5 { return calls }
        let points = (quantiles + (quantiles.contains { $0.probability == 0.5 } ? [] : [CallQuantile(probability: 0.5, calls: calls)]))
            .sorted { $0.probability < $1.probability }
        if let exact = points.first(where: { $0.probability == p }) { return exact.calls }
        guard let upper = points.firstIndex(where: { $0.probability > p }), upper > 0 else { return nil }
        let low = points[upper - 1], high = points[upper]
        return low.calls + (high.calls - low.calls) * (p - low.probability) / (high.probability - low.probability)
    }
}

/// The staffing one queue needs in one interval: a row of requirements.csv.
public struct IntervalRequirement: Sendable, Equatable {
    /// The interval's position in the ``TimeGrid``.
    public var interval: Int
    /// The queue id.
    public var queue: String
    /// Expected calls.
    public var calls: Double
    /// Expected average handle time, in seconds.
    public var ahtSeconds: Double
    /// Offered load in erlangs.
    public var erlangs: Double
    /// Productive agents needed.
    public var agentsProductive: Int
    /// Agents to schedule (after shrinkage).
    public var agentsScheduled: Int
    /// Service level with ``agentsProductive`` agents.
    public var serviceLevel: Double
    /// Average speed of answer in seconds (infinite if the queue is unstable).
    public var asaSeconds: Double
    /// Occupancy.
    public var occupancy: Double
    /// Abandonment rate (0 for Erlang C).
    public var abandonRate: Double
    /// The target that set the number: service_level, asa, occupancy, abandonment, minimum, none.
    public var binding: String
    /// When staffing for a percentile of the forecast (`wfm staff --risk`): the calls the
    /// agents are for (the forecast's quantile), while ``calls``, ``erlangs`` and the predicted
    /// figures stay those of the point forecast; nil when staffing for the point forecast.
    public var staffedCalls: Double?
    /// When staffing for a percentile: the agents the point forecast alone would need.
    public var pointAgentsScheduled: Int?

    /// Creates a requirement row.
    public init(
        interval: Int, queue: String, calls: Double, ahtSeconds: Double, erlangs: Double, agentsProductive: Int,
        agentsScheduled: Int, serviceLevel: Double, asaSeconds: Double, occupancy: Double, abandonRate: Double,
        binding: String
    ) {
        self.interval = interval
        self.queue = queue
        self.calls = calls
        self.ahtSeconds = ahtSeconds
        self.erlangs = erlangs
        self.agentsProductive = agentsProductive
        self.agentsScheduled = agentsScheduled
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.occupancy = occupancy
        self.abandonRate = abandonRate
        self.binding = binding
    }
}
