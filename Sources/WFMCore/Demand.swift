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

    /// Creates an entry.
    public init(interval: Int, queue: String, calls: Double, ahtSeconds: Double) {
        self.interval = interval
        self.queue = queue
        self.calls = calls
        self.ahtSeconds = ahtSeconds
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
