/// Whether a variable may take any value in its bounds or only whole numbers.
public enum VariableKind: String, Sendable, CaseIterable {
    /// Any real value within the bounds.
    case continuous
    /// A whole number within the bounds.
    case integer
    /// 0 or 1 (bounds are forced to `0...1`).
    case binary
}

/// A decision variable: a name, a kind and bounds (`-infinity`/`+infinity` for none).
public struct Variable: Sendable, Equatable {
    /// The name used in exported model files and messages.
    public var name: String
    /// Continuous, integer or binary.
    public var kind: VariableKind
    /// The lower bound, or `-Double.infinity` for none.
    public var lowerBound: Double
    /// The upper bound, or `Double.infinity` for none.
    public var upperBound: Double

    /// Creates a variable; binary variables always have bounds `0...1`.
    public init(name: String, kind: VariableKind, lowerBound: Double, upperBound: Double) {
        self.name = name
        self.kind = kind
        self.lowerBound = kind == .binary ? 0 : lowerBound
        self.upperBound = kind == .binary ? 1 : upperBound
    }
}
