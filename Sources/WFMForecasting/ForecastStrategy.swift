import WFMCore

/// Chooses the method that forecasts from a given origin: a fixed method, or `auto`.
public protocol ForecastStrategy: Sendable {
    /// The name used on the command line and in reports.
    var name: String { get }

    /// The method to use for the week starting at `origin`, trained on `training`
    /// (normal days before `origin`, oldest first).
    func method(training: [DemandDay], origin: LocalDate) -> any ForecastMethod

    /// The same strategy with every method aware of `days` (``SpecialDays``).
    func handlingSpecialDays(_ days: SpecialDays) -> any ForecastStrategy
}

/// A strategy that always uses one method.
public struct FixedStrategy: ForecastStrategy {
    /// The method.
    public let fixed: any ForecastMethod

    /// Creates the strategy.
    public init(_ method: any ForecastMethod) { fixed = method }

    public var name: String { fixed.name }

    public func method(training: [DemandDay], origin: LocalDate) -> any ForecastMethod { fixed }

    public func handlingSpecialDays(_ days: SpecialDays) -> any ForecastStrategy {
        FixedStrategy(SpecialDayAwareMethod(base: fixed, days: days))
    }
}

/// The method names `wfm forecast --method` accepts, and the methods behind them.
public enum ForecastMethodCatalog {
    /// Every single method, with its default parameters.
    public static let methods: [any ForecastMethod] = [
        SeasonalNaive(),
        WeekdayAverage(.mean, weeks: 8),
        WeekdayAverage(.median, weeks: 8),
        WeekdayAverage(.exponential(smoothing: 0.3), weeks: 8),
        DailyProfile(),
    ]

    /// Every name: the methods' and `auto`.
    public static var names: [String] { ["auto"] + methods.map(\.name) }

    /// The strategy for `name`, or nil if unknown.
    public static func strategy(named name: String) -> (any ForecastStrategy)? {
        if name == "auto" { return AutoSelection(candidates: methods) }
        return methods.first { $0.name == name }.map { FixedStrategy($0) }
    }
}
