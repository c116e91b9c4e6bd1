/// The error thrown by the planning jobs when a stage fails for a reason the input files
/// cannot point to (e.g. a target no staffing can meet in one interval).
public struct PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed, with the queue and interval it concerns.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
