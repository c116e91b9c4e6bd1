/// Which calls a service level counts, as centers define it differently; figures are only
/// comparable under one definition.
public enum ServiceLevelDefinition: String, Sendable, Equatable, CaseIterable, Codable {
    /// Answered within the threshold over all offered calls: an abandoned call is a miss
    /// (the default, and the strictest).
    case offered
    /// Answered within the threshold over offered calls less those abandoned within the
    /// short-abandon threshold (callers who hung up almost at once are not counted).
    case offeredMinusShortAbandons = "offered_minus_short_abandons"
    /// Answered within the threshold over answered calls: abandoned calls are left out.
    case answered

    /// One line a report prints beside the figure.
    public func explanation(shortAbandonSeconds: Double) -> String {
        switch self {
        case .offered: "calls answered within the threshold / calls offered (an abandoned call counts as a miss)"
        case .offeredMinusShortAbandons:
            "calls answered within the threshold / (calls offered − calls abandoned within \(Int(shortAbandonSeconds)) s)"
        case .answered: "calls answered within the threshold / calls answered (abandoned calls are left out)"
        }
    }
}

/// Which of occupancy and utilization a report shows first.
public enum HeadlineRatio: String, Sendable, Equatable, CaseIterable, Codable {
    /// Handled time over time available to take calls.
    case occupancy
    /// Handled time over paid time.
    case utilization
}

/// How `wfm report` measures a roster: center.yaml's `service_level_definition` and `report`.
/// Which prediction decides whether a roster meets its targets.
public enum VerdictSource: String, Sendable, Equatable, CaseIterable, Codable {
    /// Erlang C/A per interval, cross-trained agents' time split in fixed shares.
    case formula
    /// The simulated calls' mean per interval (cross-trained agents take whichever call waits).
    case simulation
}

public struct ReportSettings: Sendable, Equatable {
    /// Which calls the service level counts.
    public var serviceLevelDefinition: ServiceLevelDefinition
    /// Abandons within this many seconds are "short" (only used by
    /// ``ServiceLevelDefinition/offeredMinusShortAbandons``).
    public var shortAbandonSeconds: Double
    /// An interval is flagged overstaffed when its productive agents exceed the required by
    /// more than this share of the required (and by more than one agent).
    public var overstaffingMargin: Double
    /// The ratio the summary shows first.
    public var headline: HeadlineRatio
    /// Coefficient of variation of handle times in the simulation: 1 draws them exponential,
    /// any other value lognormal with that CV.
    public var handleTimeCV: Double
    /// Which prediction the verdict, the exit code and "intervals below target" follow
    /// (`report.verdict`; formula by default).
    public var verdict = VerdictSource.formula

    /// Creates settings; the defaults are the strictest common definitions.
    public init(serviceLevelDefinition: ServiceLevelDefinition = .offered, shortAbandonSeconds: Double = 5,
                overstaffingMargin: Double = 0.2, headline: HeadlineRatio = .occupancy, handleTimeCV: Double = 1) {
        self.serviceLevelDefinition = serviceLevelDefinition
        self.shortAbandonSeconds = shortAbandonSeconds
        self.overstaffingMargin = overstaffingMargin
        self.headline = headline
        self.handleTimeCV = handleTimeCV
    }
}
