import Foundation

/// Penalties and costs the scheduler weighs.
public struct Costs: Sendable, Equatable {
    /// Cost of one agent-hour of requirement left uncovered.
    public var shortfallPerAgentHour: Double
    /// Cost of one agent-hour above the requirement.
    public var overstaffingPerAgentHour: Double
    /// Cost of one paid hour.
    public var paidHour: Double

    /// Creates costs.
    public init(shortfallPerAgentHour: Double = 100, overstaffingPerAgentHour: Double = 1, paidHour: Double = 1) {
        self.shortfallPerAgentHour = shortfallPerAgentHour
        self.overstaffingPerAgentHour = overstaffingPerAgentHour
        self.paidHour = paidHour
    }
}

/// Everything center.yaml describes.
public struct Center: Sendable {
    /// The center's display name.
    public var name: String
    /// The IANA time zone all wall-clock times are in.
    public var timeZone: TimeZone
    /// Planning interval length in minutes.
    public var intervalMinutes: Int
    /// The first day of the planning week.
    public var weekStart: LocalDate
    /// The history file, resolved against the YAML file's folder, if given.
    public var historyPath: String?
    /// The agents file, resolved against the YAML file's folder, if given.
    public var agentsPath: String?
    /// When the center takes calls.
    public var openingHours: OpeningHours
    /// Closed dates.
    public var holidays: Set<LocalDate>
    /// The queues, in file order.
    public var queues: [Queue]
    /// Shrinkage settings.
    public var shrinkage: Shrinkage
    /// Shift templates.
    public var shiftTemplates: [ShiftTemplate]
    /// Contracts.
    public var contracts: [Contract]
    /// Scheduling costs.
    public var costs: Costs
    /// What evening out weekends, late and unpopular shifts across agents is worth
    /// (`fairness:`; nothing by default).
    public var fairness = Fairness()
    /// How reports measure a roster.
    public var report: ReportSettings
    /// Days named special in center.yaml, in date order.
    public var specialDays: [SpecialDayRule] = []
    /// `staffing: {percentile: p}`: staff each interval for the p-quantile of its forecast
    /// calls, so that its target is met with probability p; nil for the point forecast.
    public var staffingPercentile: Double?
    /// What approved requests may cost in coverage (`requests:`).
    public var requestAllowance = RequestAllowance()
    /// Cycles of weekly day-off patterns contracts may name (`rotations:`).
    public var rotations: [Rotation] = []

    /// Creates a center.
    public init(
        name: String, timeZone: TimeZone, intervalMinutes: Int, weekStart: LocalDate, historyPath: String? = nil,
        agentsPath: String? = nil, openingHours: OpeningHours, holidays: Set<LocalDate> = [], queues: [Queue],
        shrinkage: Shrinkage = Shrinkage(defaultValue: 0), shiftTemplates: [ShiftTemplate] = [],
        contracts: [Contract] = [], costs: Costs = Costs(), report: ReportSettings = ReportSettings()
    ) {
        self.name = name
        self.timeZone = timeZone
        self.intervalMinutes = intervalMinutes
        self.weekStart = weekStart
        self.historyPath = historyPath
        self.agentsPath = agentsPath
        self.openingHours = openingHours
        self.holidays = holidays
        self.queues = queues
        self.shrinkage = shrinkage
        self.shiftTemplates = shiftTemplates
        self.contracts = contracts
        self.costs = costs
        self.report = report
    }

    /// The planning week's time grid.
    public var timeGrid: TimeGrid {
        TimeGrid(timeZone: timeZone, weekStart: weekStart, intervalMinutes: intervalMinutes)
    }

    /// The queue with `id`, if any.
    public func queue(_ id: String) -> Queue? { queues.first { $0.id == id } }

    /// Whether `queue` takes calls in the interval starting at wall-clock time `local`:
    /// not on a holiday, and inside the queue's (or else the center's) opening hours.
    public func isOpen(_ queue: Queue, at local: LocalDateTime) -> Bool {
        !holidays.contains(local.date) && (queue.openingHours ?? openingHours).isOpen(at: local)
    }
}
