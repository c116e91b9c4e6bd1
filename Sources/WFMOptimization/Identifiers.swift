/// Identifies a variable of a ``MIPModel``: its position in the model, starting at 0.
public struct VariableID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 0-based position of the variable in ``MIPModel/variables``.
    public let index: Int

    /// Creates an identifier for the variable at `index`.
    public init(_ index: Int) { self.index = index }

    public static func < (lhs: VariableID, rhs: VariableID) -> Bool { lhs.index < rhs.index }
    public var description: String { "variable #\(index)" }
}

/// Identifies a constraint of a ``MIPModel``: its position in the model, starting at 0.
public struct ConstraintID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 0-based position of the constraint in ``MIPModel/constraints``.
    public let index: Int

    /// Creates an identifier for the constraint at `index`.
    public init(_ index: Int) { self.index = index }

    public static func < (lhs: ConstraintID, rhs: ConstraintID) -> Bool { lhs.index < rhs.index }
    public var description: String { "constraint #\(index)" }
}
