/// Which intervals an adjustment of a what-if scenario applies to: queues, days and a
/// wall-clock window; an empty list or a nil window means all.
public struct ScenarioScope: Sendable, Equatable {
    /// Queue ids; empty for every queue.
    public var queues: [String]
    /// Weekdays; empty (with no dates) for every day.
    public var weekdays: [Weekday]
    /// Dates; empty (with no weekdays) for every day.
    public var dates: [LocalDate]
    /// `[from, to)` in wall-clock minutes, if limited.
    public var window: Range<Int>?

    /// Creates a scope.
    public init(queues: [String] = [], weekdays: [Weekday] = [], dates: [LocalDate] = [], window: Range<Int>? = nil) {
        self.queues = queues
        self.weekdays = weekdays
        self.dates = dates
        self.window = window
    }

    /// Whether the interval of `queue` starting at `local` is in scope.
    public func contains(queue: String, at local: LocalDateTime) -> Bool {
        (queues.isEmpty || queues.contains(queue))
            && ((weekdays.isEmpty && dates.isEmpty) || weekdays.contains(local.date.weekday) || dates.contains(local.date))
            && (window?.contains(local.minuteOfDay) ?? true)
    }
}

/// A change to the forecast's calls or handle time in a scope.
public struct ForecastAdjustment: Sendable, Equatable {
    /// Multiply by this (≥ 0).
    public var factor: Double
    /// Then add this many calls per interval (volume only; ≥ 0).
    public var addedCalls: Double
    public var scope: ScenarioScope

    /// Creates an adjustment.
    public init(factor: Double = 1, addedCalls: Double = 0, scope: ScenarioScope = ScenarioScope()) {
        self.factor = factor
        self.addedCalls = addedCalls
        self.scope = scope
    }
}

/// New targets for a queue; nil fields keep the queue's own.
public struct TargetOverride: Sendable, Equatable {
    public var queue: String
    public var serviceLevel: ServiceLevelTarget?
    public var asaSeconds: Double?
    public var maxOccupancy: Double?
    public var patienceSeconds: Double?

    /// Creates an override.
    public init(queue: String, serviceLevel: ServiceLevelTarget? = nil, asaSeconds: Double? = nil, maxOccupancy: Double? = nil,
                patienceSeconds: Double? = nil) {
        self.queue = queue
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.maxOccupancy = maxOccupancy
        self.patienceSeconds = patienceSeconds
    }
}

/// Agents away on some days (the whole week when no day is given), all day or for a
/// wall-clock window of those days.
public struct ScenarioAbsence: Sendable, Equatable {
    public var agents: [String]
    public var weekdays: [Weekday]
    public var dates: [LocalDate]
    /// `[from, to)` in wall-clock minutes when away for part of the day; nil for all day.
    public var window: Range<Int>?

    /// Creates an absence.
    public init(agents: [String], weekdays: [Weekday] = [], dates: [LocalDate] = [], window: Range<Int>? = nil) {
        self.agents = agents
        self.weekdays = weekdays
        self.dates = dates
        self.window = window
    }

    /// Whether the absence covers `date`.
    public func covers(_ date: LocalDate) -> Bool {
        (weekdays.isEmpty && dates.isEmpty) || weekdays.contains(date.weekday) || dates.contains(date)
    }
}

/// Skills added to agents (cross-training).
public struct SkillAddition: Sendable, Equatable {
    public var agents: [String]
    public var skills: [Skill]

    /// Creates an addition.
    public init(agents: [String], skills: [Skill]) {
        self.agents = agents
        self.skills = skills
    }
}

/// New rules for a contract; nil fields keep the contract's own.
public struct ContractOverride: Sendable, Equatable {
    public var contract: String
    public var weeklyPaidHours: Bounds<Double>?
    public var daysPerWeek: Bounds<Int>?
    public var maxConsecutiveDays: Int?
    public var minRestHours: Double?

    /// Creates an override.
    public init(contract: String, weeklyPaidHours: Bounds<Double>? = nil, daysPerWeek: Bounds<Int>? = nil, maxConsecutiveDays: Int? = nil,
                minRestHours: Double? = nil) {
        self.contract = contract
        self.weeklyPaidHours = weeklyPaidHours
        self.daysPerWeek = daysPerWeek
        self.maxConsecutiveDays = maxConsecutiveDays
        self.minRestHours = minRestHours
    }
}

/// A what-if scenario: a name, a description, and overrides of the plan (scenario.yaml).
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    /// Volume changes, applied in order.
    public var volume: [ForecastAdjustment]
    /// Handle-time changes, applied in order.
    public var aht: [ForecastAdjustment]
    public var targets: [TargetOverride]
    /// Shrinkage replacing the center's, if given.
    public var shrinkage: Shrinkage?
    public var absences: [ScenarioAbsence]
    public var addedSkills: [SkillAddition]
    /// Agents added to the team (with no shifts: repair can call them in).
    public var hires: [Agent]
    /// Contract rules changed (more hours or days allowed: room for repair and replan).
    public var contracts: [ContractOverride] = []
    /// Overtime allowed (shifts extended at a premium: a repair lever).
    public var overtime: [OvertimeAllowance] = []

    /// Creates a scenario.
    public init(name: String, description: String = "", volume: [ForecastAdjustment] = [], aht: [ForecastAdjustment] = [],
                targets: [TargetOverride] = [], shrinkage: Shrinkage? = nil, absences: [ScenarioAbsence] = [],
                addedSkills: [SkillAddition] = [], hires: [Agent] = [], contracts: [ContractOverride] = []) {
        self.hires = hires
        self.contracts = contracts
        self.name = name
        self.description = description
        self.volume = volume
        self.aht = aht
        self.targets = targets
        self.shrinkage = shrinkage
        self.absences = absences
        self.addedSkills = addedSkills
    }
}
