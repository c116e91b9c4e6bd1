/// Minimize or maximize the objective.
public enum OptimizationSense: String, Sendable {
    case minimize
    case maximize
}

/// A solver-agnostic mixed-integer linear program.
///
/// Build it with ``addVariable(name:kind:lowerBound:upperBound:)``, ``addConstraint(name:_:_:)``
/// and ``setObjective(_:_:)``; check it with ``validate()``; solve it with any ``MIPSolver``.
/// The model knows nothing of the solver.
public struct MIPModel: Sendable, Equatable {
    /// The most problems ``validate()`` reports at once.
    public static let maximumReportedProblems = 50
    /// The longest variable or constraint name (GLPK's and the LP/MPS formats' limit).
    public static let maximumNameLength = 255

    /// A name for the whole model, used in exported files.
    public var name: String
    /// The variables, in the order they were added.
    public private(set) var variables: [Variable] = []
    /// The constraints, in the order they were added.
    public private(set) var constraints: [Constraint] = []
    /// The objective (its constant is carried into the reported objective value).
    public private(set) var objective = LinearExpression()
    /// Whether the objective is minimized or maximized.
    public private(set) var sense = OptimizationSense.minimize

    /// Creates an empty model.
    public init(name: String = "model") { self.name = name }

    /// True if any variable must take whole-number values.
    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// Adds a variable and returns its identifier.
    ///
    /// An empty name becomes `x<k>` (1-based), which export formats accept.
    @discardableResult
    public mutating func addVariable(
        name: String = "", kind: VariableKind = .continuous,
        lowerBound: Double = 0, upperBound: Double = .infinity
    ) -> VariableID {
        let id = VariableID(variables.count)
        let resolvedName = name.isEmpty ? "x\(id.index + 1)" : name
        variables.append(Variable(name: resolvedName, kind: kind, lowerBound: lowerBound, upperBound: upperBound))
        return id
    }

    /// Adds `expression (bounds)` as a constraint and returns its identifier.
    ///
    /// A constant in `expression` is moved to the bounds. An empty name becomes `c<k>` (1-based).
    @discardableResult
    public mutating func addConstraint(
        name: String = "", _ expression: LinearExpression, _ bounds: ConstraintBounds
    ) -> ConstraintID {
        let id = ConstraintID(constraints.count)
        let shift = expression.constant
        let moved: ConstraintBounds =
            switch bounds {
            case .lessOrEqual(let value): .lessOrEqual(value - shift)
            case .greaterOrEqual(let value): .greaterOrEqual(value - shift)
            case .equal(let value): .equal(value - shift)
            case .ranged(let lower, let upper): .ranged(lower: lower - shift, upper: upper - shift)
            }
        var lhs = expression
        lhs.constant = 0
        constraints.append(Constraint(name: name.isEmpty ? "c\(id.index + 1)" : name, expression: lhs, bounds: moved))
        return id
    }

    /// Sets the objective and its sense.
    public mutating func setObjective(_ sense: OptimizationSense, _ expression: LinearExpression) {
        self.sense = sense
        self.objective = expression
    }

    /// Checks every rule a solver relies on and throws all problems found at once.
    ///
    /// Rules: finite coefficients and constants, no NaN bound, lower ≤ upper, integer bounds
    /// that contain a whole number, known variables in every expression, and names of at most
    /// ``maximumNameLength`` bytes that start with a letter or `_`, use only letters, digits
    /// and `_.()#,@` (so every export format accepts them), and are unique within variables and
    /// within constraints.
    /// - Throws: ``OptimizationError`` with code `.invalidModel`.
    /// - Complexity: O(variables + nonzeros).
    public func validate() throws {
        var problems = ModelProblems()
        var variableNames = Set<String>()
        for (index, variable) in variables.enumerated() {
            let label = "variable '\(variable.name)' (#\(index))"
            problems.check(name: variable.name, label: label, seen: &variableNames)
            let (lower, upper) = (variable.lowerBound, variable.upperBound)
            if lower.isNaN || upper.isNaN {
                problems.add("\(label): bound is NaN")
            } else if lower > upper {
                problems.add("\(label): lower bound \(lower) exceeds upper bound \(upper)")
            } else if lower == .infinity || upper == -.infinity {
                problems.add("\(label): bounds [\(lower), \(upper)] leave no value")
            } else if variable.kind == .integer, lower.rounded(.up) > upper.rounded(.down) {
                problems.add("\(label): integer variable has no whole number in [\(lower), \(upper)]")
            }
        }
        var constraintNames = Set<String>()
        for (index, constraint) in constraints.enumerated() {
            let label = "constraint '\(constraint.name)' (#\(index))"
            problems.check(name: constraint.name, label: label, seen: &constraintNames)
            problems.check(expression: constraint.expression, label: label, variableCount: variables.count)
            let (lower, upper) = (constraint.bounds.lower, constraint.bounds.upper)
            if lower.isNaN || upper.isNaN {
                problems.add("\(label): bound is NaN")
            } else if lower > upper {
                problems.add("\(label): lower limit \(lower) exceeds upper limit \(upper)")
            } else if lower == .infinity || upper == -.infinity {
                problems.add("\(label): limits [\(lower), \(upper)] leave no value")
            }
        }
        problems.check(expression: objective, label: "objective", variableCount: variables.count)
        if !problems.list.isEmpty {
            throw OptimizationError(.invalidModel, problems: problems.list)
        }
    }
}

/// Collects model problems up to ``MIPModel/maximumReportedProblems``.
private struct ModelProblems {
    private(set) var list: [String] = []

    mutating func add(_ problem: String) {
        if list.count < MIPModel.maximumReportedProblems { list.append(problem) }
    }

    mutating func check(name: String, label: String, seen: inout Set<String>) {
        if name.utf8.count > MIPModel.maximumNameLength {
            add("\(label): name is longer than \(MIPModel.maximumNameLength) bytes")
        }
        if !Self.isPortable(name) {
            add("\(label): name must start with a letter or '_' and use only letters, digits and _.()#,@")
        }
        if !seen.insert(name).inserted {
            add("\(label): name is used twice")
        }
    }

    /// Whether `name` is valid in CPLEX-LP and free-MPS files alike.
    static func isPortable(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
            first.properties.isAlphabetic || first == "_"
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.()#,@".unicodeScalars.contains($0))
        }
    }

    mutating func check(expression: LinearExpression, label: String, variableCount: Int) {
        if !expression.constant.isFinite {
            add("\(label): constant \(expression.constant) is not finite")
        }
        for term in expression.terms {
            if term.variable.index < 0 || term.variable.index >= variableCount {
                add("\(label): refers to unknown \(term.variable) (the model has \(variableCount) variables)")
            } else if !term.coefficient.isFinite {
                add("\(label): coefficient \(term.coefficient) of \(term.variable) is not finite")
            }
        }
    }
}

extension MIPModel {
    /// Changes a variable's bounds (binary variables keep `0...1` as their widest range).
    public mutating func setBounds(of variable: VariableID, lower: Double, upper: Double) {
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    /// The same model with every variable continuous: its LP relaxation.
    public func relaxed() -> MIPModel {
        var copy = self
        for index in copy.variables.indices where copy.variables[index].kind != .continuous {
            copy.variables[index].kind = .continuous
        }
        return copy
    }
}
