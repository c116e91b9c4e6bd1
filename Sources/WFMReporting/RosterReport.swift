import WFMCore
import WFMMeasure

/// The definitions every figure of a report uses, stated beside them.
public struct ReportDefinitions: Sendable, Equatable, Encodable {
    /// The service-level definition's key (center.yaml `service_level_definition`).
    public var serviceLevelDefinition: ServiceLevelDefinition
    /// The service-level definition in words.
    public var serviceLevel: String
    /// Occupancy in words.
    public var occupancy: String
    /// Utilization in words.
    public var utilization: String
    /// What the agents present are.
    public var agentsPresent: String
    /// How shared agents' time is split across queues.
    public var allocation: String
    /// How the formula treats fractional agents and its model.
    public var formula: String
    /// The ratio the summary shows first.
    public var headline: HeadlineRatio
    /// The overstaffing margin, a share of the required agents.
    public var overstaffingMargin: Double

    /// The definitions of `settings`.
    public init(settings: ReportSettings) {
        serviceLevelDefinition = settings.serviceLevelDefinition
        serviceLevel = settings.serviceLevelDefinition.explanation(shortAbandonSeconds: settings.shortAbandonSeconds)
        occupancy = "handled call time / productive time: time on the phones, excluding breaks, lunches and shrinkage (training, meetings, absence)"
        utilization = "handled call time / paid time: paid breaks, shrinkage and idle time are in the denominator, unpaid lunches are not"
        agentsPresent = "on shift and not on a break or lunch; productive = present × (1 − shrinkage of the queue and weekday)"
        allocation = "per interval, shared agents cover the queues by weight (the scheduler's own objective), the queues of one weight filled to the same share of their requirement; the rest goes in proportion to each queue's requirement; first skills are preferred; no figure depends on the order of agents.csv"
        formula = "Erlang C, or Erlang A for queues with a patience; a fractional number of agents is interpolated linearly between the whole numbers around it"
        headline = settings.headline
        overstaffingMargin = settings.overstaffingMargin
    }
}

/// A queue's targets as the report applies them.
public struct QueueTargets: Sendable, Equatable, Encodable {
    public var queue: String
    /// Service-level target, a fraction.
    public var serviceLevel: Double
    /// Service-level threshold, in seconds.
    public var withinSeconds: Double
    public var asaSeconds: Double?
    public var maxOccupancy: Double?
    public var maxAbandonRate: Double?

    init(_ queue: Queue) {
        self.queue = queue.id
        serviceLevel = queue.serviceLevel.fraction
        withinSeconds = queue.serviceLevel.withinSeconds
        asaSeconds = queue.asaSeconds
        maxOccupancy = queue.maxOccupancy
        maxAbandonRate = queue.maxAbandonRate
    }
}

/// A roster measured against the service level and utilization targets: by formula for
/// every queue and interval, day and week, per agent, and optionally by simulation.
public struct RosterReport: Sendable, Encodable {
    /// The JSON schema's name and version.
    public var schema = "wfm.report/1"
    /// The center's name.
    public var center: String
    /// The week's first day.
    public var weekStart: String
    /// Interval length in minutes.
    public var intervalMinutes: Int
    /// The definitions used.
    public var definitions: ReportDefinitions
    /// The targets per queue.
    public var targets: [QueueTargets]
    /// Per queue and open interval, in time order, queues in center.yaml order.
    public var intervals: [IntervalFigures]
    /// Per queue (then `all`) and day.
    public var days: [PeriodFigures]
    /// Per queue (then `all`) for the week.
    public var weeks: [PeriodFigures]
    /// Per agent, in agents.csv order.
    public var agents: [AgentFigures]
    /// Every broken rule of the roster (also listed per agent).
    public var ruleViolations: [String]
    /// Agent-hours on the phones that no open queue of the agent's skills could use.
    public var unallocatedPresentHours: Double
    /// The simulation check, when asked for.
    public var simulation: SimulationReport?
    /// How evenly weekends, late and unpopular shifts fall on each contract's agents.
    public var fairness: FairnessFigures

    /// Which prediction the verdict follows: `report.verdict` (or `--verdict`), the formula
    /// when there is no simulation.
    public var verdict: VerdictSource
    /// Whether every open interval meets every target, by ``verdict``.
    public var targetsMet: Bool
    /// Intervals (queue × interval) missing a target, by ``verdict``.
    public var intervalsMissed: Int
    /// Per queue whose week the formula and the simulation judge differently beyond the
    /// simulation's 95% confidence interval: the two figures and why they differ.
    public var verdictNotes: [String]

    /// Creates a report; the verdict is derived from `intervals`.
    init(center: String, weekStart: String, intervalMinutes: Int, definitions: ReportDefinitions, targets: [QueueTargets],
         intervals: [IntervalFigures], days: [PeriodFigures], weeks: [PeriodFigures], agents: [AgentFigures],
         ruleViolations: [String], unallocatedPresentHours: Double, simulation: SimulationReport?, fairness: FairnessFigures,
         verdict: VerdictSource) {
        self.center = center
        self.weekStart = weekStart
        self.intervalMinutes = intervalMinutes
        self.definitions = definitions
        self.targets = targets
        self.intervals = intervals
        self.days = days
        self.weeks = weeks
        self.agents = agents
        self.ruleViolations = ruleViolations
        self.unallocatedPresentHours = unallocatedPresentHours
        self.simulation = simulation
        self.fairness = fairness
        let source = simulation == nil ? VerdictSource.formula : verdict
        self.verdict = source
        intervalsMissed = Self.missed(intervals: intervals, simulation: simulation, targets: targets, verdict: source).filter { $0 }.count
        targetsMet = intervalsMissed == 0
        verdictNotes = simulation.map { Self.disagreements(weeks: weeks, simulation: $0, verdict: source) } ?? []
    }
}

extension RosterReport {
    /// Whether a simulated interval misses a target: its mean service level below the target,
    /// or its mean ASA or abandonment above the queue's limits (intervals without calls miss
    /// nothing).
    /// Per row of ``intervals``, whether it misses a target by the report's verdict: the
    /// formula's flags, or the simulated figures against the targets.
    public var missesByVerdict: [Bool] { Self.missed(intervals: intervals, simulation: simulation, targets: targets, verdict: verdict) }

    static func missed(intervals: [IntervalFigures], simulation: SimulationReport?, targets: [QueueTargets], verdict: VerdictSource) -> [Bool] {
        guard verdict == .simulation, let simulation else { return intervals.map(\.missesTarget) }
        let targetOf = Dictionary(uniqueKeysWithValues: targets.map { ($0.queue, $0) })
        return zip(intervals, simulation.intervals).map { row, simulated in
            targetOf[row.queue].map { Self.misses(simulated, $0, calls: row.calls) } ?? false
        }
    }

    static func misses(_ simulated: SimulatedFigures, _ target: QueueTargets, calls: Double) -> Bool {
        guard calls > 0 else { return false }
        if let level = simulated.serviceLevel?.mean, level < target.serviceLevel - 1e-9 { return true }
        if let limit = target.asaSeconds, let asa = simulated.asaSeconds?.mean, asa > limit + 1e-9 { return true }
        if let limit = target.maxAbandonRate, let rate = simulated.abandonmentRate?.mean, rate > limit + 1e-9 { return true }
        return false
    }

    /// One note per queue whose weekly service level by formula lies outside the simulation's
    /// 95% confidence interval.
    static func disagreements(weeks: [PeriodFigures], simulation: SimulationReport, verdict: VerdictSource) -> [String] {
        weeks.filter { $0.queue != "all" }.compactMap { week in
            guard let estimate = simulation.figures(queue: week.queue, period: "week")?.serviceLevel, let half = estimate.halfWidth,
                abs(week.serviceLevel - estimate.mean) > half
            else { return nil }
            return "queue \(week.queue): \(NumberFormatting.percent(week.serviceLevel, 1)) by formula, "
                + "\(NumberFormatting.percent(estimate.mean, 1)) ± \(NumberFormatting.percent(half, 1)) simulated: they differ beyond the "
                + "simulation's uncertainty. The formula takes each interval on its own and gives cross-trained agents' time to "
                + "their queues in fixed shares; the simulation carries calls waiting across intervals and lets cross-trained agents "
                + "answer whichever call waits (pooling), which the formula cannot see. "
                + (verdict == .formula ? "The verdict follows the formula; to follow the simulation, set report.verdict: simulation in center.yaml or pass --verdict simulation."
                    : "The verdict follows the simulation.")
        }
    }
}

/// How evenly the burdens of ``Fairness`` fall on each contract's agents who can carry them:
/// over this week and the previous rosters' weeks, and (with previous rosters) over those
/// weeks alone, to compare.
public struct FairnessFigures: Sendable, Encodable {
    /// Weeks counted: this one and the previous rosters'.
    public var weeks: Int
    /// Per contract and burden, over all the weeks counted.
    public var spreads: [FairnessMeasure.Spread]
    /// The same over the previous weeks alone; nil without previous rosters.
    public var before: [FairnessMeasure.Spread]?
    /// The weeks counted, in words, when they are not this week and the previous rosters'
    /// (a horizon of weeks).
    public var span: String?
}

extension FairnessFigures {
    /// The figures as a table for people: per contract and burden carried at all, the
    /// agents, their fair share, the lowest and highest load, the spread and Gini index, and
    /// (with previous rosters) the spread and Gini over the previous weeks alone; nil when no
    /// burden is carried.
    public var table: (title: String, header: [String], rows: [[String]])? {
        let carried = spreads.filter { $0.fairShare > 0 }
        guard !carried.isEmpty else { return nil }
        let span = self.span ?? (weeks == 1 ? "this week" : "this week and the previous \(weeks - 1) week(s)")
        let header = ["contract", "burden", "agents", "fair share", "min–max", "spread", "Gini"]
            + (before == nil ? [] : ["spread before", "Gini before"])
        let rows = carried.map { spread -> [String] in
            let loads = spread.loads.map(\.load)
            var cells = [spread.contract, spread.burden.rawValue.replacingOccurrences(of: "_", with: " "), "\(loads.count)",
                         NumberFormatting.fixed(spread.fairShare, 2), "\(loads.min() ?? 0)–\(loads.max() ?? 0)", "\(spread.range)",
                         NumberFormatting.fixed(spread.gini, 2)]
            if let before {
                let earlier = before.first { $0.contract == spread.contract && $0.burden == spread.burden }
                cells += earlier.map { ["\($0.range)", NumberFormatting.fixed($0.gini, 2)] } ?? ["-", "-"]
            }
            return cells
        }
        return ("Fairness over \(span) (per agent who can carry it)", header, rows)
    }
}
