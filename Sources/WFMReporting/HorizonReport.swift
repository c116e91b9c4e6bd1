import WFMCore

/// A roster over several consecutive weeks measured (`wfm report --weeks N`, schema
/// `wfm.report-horizon/1`): each week's report, the horizon's figures per queue, the rules
/// over weeks it breaks, and the fairness over the horizon and the previous rosters.
public struct HorizonReport: Sendable, Encodable {
    /// The schema name.
    public var schema = "wfm.report-horizon/1"
    /// The center's name.
    public var center: String
    /// The first day of the first week.
    public var firstWeek: String
    /// Weeks in the horizon.
    public var weeksPlanned: Int
    /// Per queue and `all` (center.yaml order), the horizon's figures (period `horizon`),
    /// from every interval of every week, weighted as each week's are.
    public var horizon: [PeriodFigures]
    /// Per queue and `all`, the service level simulated over the horizon: each week's estimate
    /// weighted by its offered calls, the weeks' confidence intervals combined as independent;
    /// nil without simulation.
    public var simulatedServiceLevel: [String: Estimate]?
    /// Rules over weeks broken (`average_weekly_paid_hours`, `weekends_off`, rotations); each
    /// week's own broken rules are in its report.
    public var ruleViolationsOverWeeks: [String]
    /// Weekends, late and unpopular shifts per contract over the horizon and the previous
    /// rosters (the last week's look-back window, at most six weeks), and over the previous
    /// rosters alone.
    public var fairness: FairnessFigures
    /// Whether every target is met in every interval of every week.
    public var targetsMet: Bool
    /// Queue-intervals missing a target, over the horizon.
    public var intervalsMissed: Int
    /// Each week's report, in order.
    public var weeks: [RosterReport]

    /// The horizon of `weeks` (each week's report, in order, at least one) with
    /// `violationsOverWeeks`.
    public init(weeks: [RosterReport], violationsOverWeeks: [RuleViolation]) {
        precondition(!weeks.isEmpty, "a horizon has at least one week")
        center = weeks[0].center
        firstWeek = weeks[0].weekStart
        weeksPlanned = weeks.count
        self.weeks = weeks
        ruleViolationsOverWeeks = violationsOverWeeks.map(\.description)
        let counted = weeks[weeks.count - 1].fairness
        let earlier = counted.weeks - weeks.count
        fairness = FairnessFigures(weeks: counted.weeks, spreads: counted.spreads, before: weeks[0].fairness.before,
                                   span: "the \(weeks.count) weeks planned" + (earlier > 0 ? " and the previous \(earlier) week(s)" : ""))
        targetsMet = weeks.allSatisfy(\.targetsMet)
        intervalsMissed = weeks.reduce(0) { $0 + $1.intervalsMissed }
        let hours = Double(weeks[0].intervalMinutes) / 60
        horizon = weeks[0].weeks.map(\.queue).map { queue in
            var sum = PeriodAccumulator()
            for week in weeks {
                for row in week.intervals where queue == "all" || row.queue == queue { sum.add(row, hours: hours) }
            }
            let paid = weeks.reduce(0) { total, week in total + (week.weeks.first { $0.queue == queue }?.paidHours ?? 0) }
            return sum.figures(queue: queue, period: "horizon", paidHours: paid)
        }
        if weeks.allSatisfy({ $0.simulation != nil }) {
            simulatedServiceLevel = Dictionary(uniqueKeysWithValues: horizon.map(\.queue).compactMap { queue in
                Self.combined(weeks.compactMap { $0.simulation?.figures(queue: queue, period: "week") }).map { (queue, $0) }
            })
        }
    }

    /// The service level of `parts` (one per week), weighted by offered calls.
    private static func combined(_ parts: [SimulatedFigures]) -> Estimate? {
        let weighted = parts.compactMap { part in part.serviceLevel.map { (part.offeredCalls, $0) } }
        let calls = weighted.reduce(0) { $0 + $1.0 }
        guard calls > 0, weighted.count == parts.count else { return nil }
        var estimate = weighted[0].1
        estimate.mean = weighted.reduce(0) { $0 + $1.0 * $1.1.mean } / calls
        let halves = weighted.map { weight, part in part.halfWidth.map { weight / calls * $0 } }
        estimate.halfWidth = halves.contains(nil) ? nil : halves.reduce(0) { $0 + ($1 ?? 0) * ($1 ?? 0) }.squareRoot()
        estimate.replications = weighted.map(\.1.replications).min() ?? 0
        return estimate
    }
}
