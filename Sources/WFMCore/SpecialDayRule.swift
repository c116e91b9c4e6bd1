/// A day center.yaml names as special (`special_days`): forecast it like another weekday, or
/// scale its forecast, or both (`2026-12-24: {like: sat}`, `2026-12-31: {factor: 0.6}`).
public struct SpecialDayRule: Sendable, Equatable {
    /// The date.
    public var date: LocalDate
    /// Forecast the day as this weekday of its week, if given.
    public var like: Weekday?
    /// Then multiply the forecast by this, if given.
    public var factor: Double?

    /// Creates a rule.
    public init(date: LocalDate, like: Weekday? = nil, factor: Double? = nil) {
        self.date = date
        self.like = like
        self.factor = factor
    }
}
