/// The error thrown by the queueing models and the staffing search.
public struct QueueingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// An input is out of its range (negative calls, zero handle time, a target above 100%…).
        public static let invalidInput = Code("invalid input")
        /// No number of agents meets every target (e.g. 0% abandonment with impatient callers).
        public static let unattainableTarget = Code("unattainable target")
    }

    /// What kind of failure this is.
    public let code: Code
    /// What is wrong, in words a user can act on.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
