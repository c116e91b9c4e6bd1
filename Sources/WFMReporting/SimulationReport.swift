import WFMCore
import WFMQueueing

/// Simulated service level, ASA and abandonment of one queue (or `all`) over one interval,
/// day or the week, as means over replications with 95% confidence intervals.
public struct SimulatedFigures: Sendable, Equatable, Encodable {
    /// The queue id, or `all`.
    public var queue: String
    /// The interval's local start, the local date, or `week`.
    public var period: String
    /// Mean calls offered per replication.
    public var offeredCalls: Double
    /// Service level under the report's definition; nil when no call was offered.
    public var serviceLevel: Estimate?
    /// Average speed of answer of answered calls, in seconds; nil when none was answered.
    public var asaSeconds: Estimate?
    /// Share of offered calls abandoned; nil when no call was offered.
    public var abandonmentRate: Estimate?
}

/// The simulation check of a roster.
public struct SimulationReport: Sendable, Equatable, Encodable {
    /// Replications of the week.
    public var replications: Int
    /// The seed of the run.
    public var seed: UInt64
    /// Calls simulated in the measured intervals, over all replications.
    public var simulatedCalls: Double
    /// Handle-time distribution used.
    public var handleTimes: String
    /// Per queue and open interval, in the report's interval order.
    public var intervals: [SimulatedFigures]
    /// Per queue (then `all`) and day.
    public var days: [SimulatedFigures]
    /// Per queue (then `all`) for the week.
    public var weeks: [SimulatedFigures]

    /// Summarizes replications.
    /// - Parameters:
    ///   - tallies: one per replication.
    ///   - queues: queue ids in the tallies' order.
    ///   - intervals: the report's interval rows (queue and interval index) to estimate.
    ///   - dates: the local date of each interval of the week.
    ///   - definition: which calls the service level counts.
    public init(tallies: [SimulationTally], seed: UInt64, handleTimes: String, queues: [String],
                intervals: [IntervalFigures], dates: [LocalDate], definition: ServiceLevelDefinition) {
        replications = tallies.count
        self.seed = seed
        self.handleTimes = handleTimes
        let queueIndex = Dictionary(uniqueKeysWithValues: queues.enumerated().map { ($1, $0) })
        let intervalCount = tallies.first?.intervalCount ?? dates.count
        // Only the measured slots count: calls simulated before them (a lead-in) do not.
        let measured = Set(intervals.map { queueIndex[$0.queue]! * intervalCount + $0.interval })
        let measuredInOrder = measured.sorted()  // a set's order differs per process; sums must not
        simulatedCalls = tallies.reduce(0) { total, tally in measuredInOrder.reduce(total) { $0 + tally.offered[$1] } }
        let estimate = { (queue: String, period: String, slots: [Int]) in
            Self.figures(queue: queue, period: period, slots: slots.filter(measured.contains), tallies: tallies, definition: definition)
        }
        self.intervals = intervals.map { row in
            estimate(row.queue, row.start, [queueIndex[row.queue]! * intervalCount + row.interval])
        }
        let days = Array(Set(dates)).sorted()
        var dayFigures: [SimulatedFigures] = []
        var weekFigures: [SimulatedFigures] = []
        let groups = queues.map { ($0, [$0]) } + [("all", queues)]
        for (name, group) in groups {
            let columns = group.map { queueIndex[$0]! * intervalCount }
            for day in days {
                let slots = columns.flatMap { base in dates.indices.filter { dates[$0] == day }.map { base + $0 } }
                dayFigures.append(estimate(name, day.description, slots))
            }
            weekFigures.append(estimate(name, "week", columns.flatMap { base in (0..<intervalCount).map { base + $0 } }))
        }
        self.days = dayFigures
        weeks = weekFigures
    }

    /// The figures of `queue` (or `all`) for `period`: a local date or `week`.
    public func figures(queue: String, period: String) -> SimulatedFigures? {
        (days + weeks).first { $0.queue == queue && $0.period == period }
    }

    private static func figures(queue: String, period: String, slots: [Int], tallies: [SimulationTally],
                                definition: ServiceLevelDefinition) -> SimulatedFigures {
        var serviceLevels: [Double] = [], waits: [Double] = [], abandonments: [Double] = []
        var offeredTotal = 0.0
        for tally in tallies {
            var offered = 0.0, answered = 0.0, onTime = 0.0, abandoned = 0.0, short = 0.0, wait = 0.0
            for slot in slots {
                offered += tally.offered[slot]
                answered += tally.answered[slot]
                onTime += tally.answeredOnTime[slot]
                abandoned += tally.abandoned[slot]
                short += tally.abandonedShort[slot]
                wait += tally.answeredWaitSeconds[slot]
            }
            offeredTotal += offered
            let base: Double = switch definition {
            case .offered: offered
            case .answered: answered
            case .offeredMinusShortAbandons: offered - short
            }
            if base > 0 { serviceLevels.append(onTime / base) }
            if answered > 0 { waits.append(wait / answered) }
            if offered > 0 { abandonments.append(abandoned / offered) }
        }
        return SimulatedFigures(
            queue: queue, period: period, offeredCalls: tallies.isEmpty ? 0 : offeredTotal / Double(tallies.count),
            serviceLevel: Estimate(serviceLevels), asaSeconds: Estimate(waits), abandonmentRate: Estimate(abandonments))
    }
}
