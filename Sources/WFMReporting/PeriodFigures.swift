import WFMCore

/// A queue's (or the whole center's) figures over a day or the week.
///
/// Service level is weighted by the calls in its denominator, ASA by answered calls (over
/// the intervals that can keep up with their calls; those that cannot are counted apart),
/// abandonment by offered calls; occupancy is handled hours over productive hours (on the
/// phones, breaks and shrinkage excluded), utilization handled hours over paid hours.
public struct PeriodFigures: Sendable, Equatable, Codable {
    /// The queue id, or `all` for the whole center.
    public var queue: String
    /// The local date, or `week`.
    public var period: String
    /// Forecast calls.
    public var calls: Double
    /// Expected answered calls.
    public var answeredCalls: Double
    /// Service level under the report's definition.
    public var serviceLevel: Double
    /// Average speed of answer of answered calls, in seconds, over the intervals that can keep
    /// up with their calls: one interval whose queue grows without end would make the mean
    /// infinite and every period incomparable.
    public var asaSeconds: Double
    /// Intervals with calls whose queue cannot keep up (infinite ASA by formula), left out of
    /// ``asaSeconds``.
    public var intervalsUnableToKeepUp: Int
    /// Share of offered calls abandoned.
    public var abandonmentRate: Double
    /// Handled hours over productive hours.
    public var occupancy: Double
    /// Handled hours over paid hours.
    public var utilization: Double
    /// Paid hours (for a queue: agents' paid hours by the share of their phone time it got).
    public var paidHours: Double
    /// Agent-hours on the phones allocated to the queue, before shrinkage.
    public var presentHours: Double
    /// ``presentHours`` net of shrinkage.
    public var productiveHours: Double
    /// Handled call time, in hours.
    public var handledHours: Double
    /// Agent-hours required to schedule.
    public var requiredHours: Double
    /// Agent-hours of requirement not covered.
    public var shortfallHours: Double
    /// Agent-hours present above the requirement.
    public var surplusHours: Double
    /// Open intervals (per queue).
    public var intervals: Int
    /// Of those, intervals missing a target.
    public var intervalsMissed: Int
    /// Of those, intervals flagged overstaffed.
    public var intervalsOverstaffed: Int
}

/// Sums interval figures into ``PeriodFigures``.
struct PeriodAccumulator {
    private var calls = 0.0, slBase = 0.0, slOnTime = 0.0, answered = 0.0, waitSum = 0.0, abandoned = 0.0
    private var present = 0.0, productive = 0.0, handled = 0.0, required = 0.0, shortfall = 0.0, surplus = 0.0
    private var intervals = 0, missed = 0, overstaffed = 0
    private var answeredKeepingUp = 0.0, unableToKeepUp = 0

    mutating func add(_ figures: IntervalFigures, hours: Double) {
        let predicted = figures.predicted
        calls += figures.calls
        let base = figures.calls * predicted.serviceLevelBase
        slBase += base
        slOnTime += base * predicted.serviceLevel
        let answeredHere = figures.calls * (1 - predicted.abandonmentRate)
        answered += answeredHere
        if answeredHere > 0 {
            if predicted.asaSeconds.isFinite {
                waitSum += answeredHere * predicted.asaSeconds
                answeredKeepingUp += answeredHere
            } else {
                unableToKeepUp += 1
            }
        }
        abandoned += figures.calls * predicted.abandonmentRate
        present += figures.present * hours
        productive += figures.productive * hours
        handled += predicted.handledErlangs * hours
        required += Double(figures.requiredScheduled) * hours
        shortfall += figures.shortfall * hours
        surplus += figures.surplus * hours
        intervals += 1
        if figures.missesTarget { missed += 1 }
        if figures.flags.contains(where: { $0.kind == .overstaffed }) { overstaffed += 1 }
    }

    func figures(queue: String, period: String, paidHours: Double) -> PeriodFigures {
        PeriodFigures(
            queue: queue, period: period, calls: calls, answeredCalls: answered,
            serviceLevel: slBase > 0 ? slOnTime / slBase : 1,
            asaSeconds: answeredKeepingUp > 0 ? waitSum / answeredKeepingUp : 0, intervalsUnableToKeepUp: unableToKeepUp,
            abandonmentRate: calls > 0 ? abandoned / calls : 0,
            occupancy: productive > 0 ? min(1, handled / productive) : 0,
            utilization: paidHours > 0 ? handled / paidHours : 0,
            paidHours: paidHours, presentHours: present, productiveHours: productive, handledHours: handled,
            requiredHours: required, shortfallHours: shortfall, surplusHours: surplus, intervals: intervals,
            intervalsMissed: missed, intervalsOverstaffed: overstaffed)
    }
}

extension PeriodFigures {
    /// The ASA for a table: seconds, and the intervals that cannot keep up beside them
    /// (`12.3 (+2 ∞)`).
    public var asaText: String {
        NumberFormatting.fixed(asaSeconds, 1) + (intervalsUnableToKeepUp > 0 ? " (+\(intervalsUnableToKeepUp) ∞)" : "")
    }
}
