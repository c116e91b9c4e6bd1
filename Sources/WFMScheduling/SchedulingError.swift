/// The error thrown when no roster can be made, with every reason found.
public struct SchedulingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reasons, one sentence each.
    public let reasons: [String]

    /// Creates an error.
    public init(_ reasons: [String]) { self.reasons = reasons }

    public var description: String {
        "no roster was made:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
    }
}
