/// The error thrown by this module and by solvers: an invalid model or a solver failure.
///
/// An infeasible or unbounded model is not an error; it is a ``SolveResult``.
public struct OptimizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The model breaks a rule every solver needs (NaN, lower > upper, unknown variable…).
        public static let invalidModel = Code("invalid model")
        /// The model is larger than the solver can address.
        public static let modelTooLarge = Code("model too large")
        /// The solver options are out of range.
        public static let invalidOptions = Code("invalid options")
        /// The solver reported a failure it could not recover from.
        public static let solverFailure = Code("solver failure")
        /// A model file could not be read or written.
        public static let fileError = Code("file error")
    }

    /// What kind of failure this is.
    public let code: Code
    /// Each problem found, in the order found (at most ``MIPModel/maximumReportedProblems``).
    public let problems: [String]

    /// Creates an error with one or more problems.
    public init(_ code: Code, problems: [String]) {
        self.code = code
        self.problems = problems
    }

    /// Creates an error with one problem.
    public init(_ code: Code, _ problem: String) {
        self.init(code, problems: [problem])
    }

    public var description: String {
        "\(code): " + problems.joined(separator: "; ")
    }
}
