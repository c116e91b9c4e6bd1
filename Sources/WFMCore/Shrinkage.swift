/// The fraction of paid time agents are not available for calls (breaks, training,
/// absence), in `[0, 1)`.
///
/// The most specific value wins: a queue's value, else the weekday's, else the default.
public struct Shrinkage: Sendable, Equatable {
    /// The value where nothing more specific is set.
    public var defaultValue: Double
    /// Values per queue id.
    public var byQueue: [String: Double]
    /// Values per weekday.
    public var byWeekday: [Weekday: Double]

    /// Creates shrinkage settings.
    public init(defaultValue: Double, byQueue: [String: Double] = [:], byWeekday: [Weekday: Double] = [:]) {
        self.defaultValue = defaultValue
        self.byQueue = byQueue
        self.byWeekday = byWeekday
    }

    /// The shrinkage for `queue` on `weekday`.
    public func value(queue: String, weekday: Weekday) -> Double {
        byQueue[queue] ?? byWeekday[weekday] ?? defaultValue
    }
}
