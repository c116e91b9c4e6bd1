/// The allowed range of a constraint's left-hand side.
public enum ConstraintBounds: Sendable, Equatable {
    /// expression ≤ value
    case lessOrEqual(Double)
    /// expression ≥ value
    case greaterOrEqual(Double)
    /// expression = value
    case equal(Double)
    /// lower ≤ expression ≤ upper
    case ranged(lower: Double, upper: Double)

    /// The lower limit, or `-infinity` when there is none.
    public var lower: Double {
        switch self {
        case .lessOrEqual: -.infinity
        case .greaterOrEqual(let value), .equal(let value): value
        case .ranged(let lower, _): lower
        }
    }

    /// The upper limit, or `+infinity` when there is none.
    public var upper: Double {
        switch self {
        case .greaterOrEqual: .infinity
        case .lessOrEqual(let value), .equal(let value): value
        case .ranged(_, let upper): upper
        }
    }
}

/// A linear constraint: `bounds.lower ≤ Σ coefficient·variable ≤ bounds.upper`.
///
/// A constant in the expression is moved to the bounds when the constraint is added to a model.
public struct Constraint: Sendable, Equatable {
    /// The name used in exported model files and messages.
    public var name: String
    /// The left-hand side (its constant is always 0 once inside a model).
    public var expression: LinearExpression
    /// The allowed range of the left-hand side.
    public var bounds: ConstraintBounds

    /// Creates a constraint.
    public init(name: String, expression: LinearExpression, bounds: ConstraintBounds) {
        self.name = name
        self.expression = expression
        self.bounds = bounds
    }
}
