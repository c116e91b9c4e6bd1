/// How much a solver prints while it works.
public enum SolverMessageLevel: String, Sendable, CaseIterable {
    /// Nothing (the default).
    case off
    /// Errors only.
    case errors
    /// Normal progress messages.
    case normal
    /// Everything, for debugging.
    case all
}

/// Which simplex variant solves linear programs and relaxations.
public enum SimplexMethod: String, Sendable, CaseIterable {
    case primal
    case dual
    /// Dual simplex, falling back to the primal if the dual fails.
    case dualThenPrimal
}

/// Cutting planes a branch-and-cut solver may add.
public struct CutOptions: Sendable, Equatable {
    /// Mixed-integer rounding cuts.
    public var mixedIntegerRounding = false
    /// Gomory's mixed-integer cuts.
    public var gomory = false
    /// Mixed cover cuts.
    public var cover = false
    /// Clique cuts.
    public var clique = false

    /// No cuts (the default).
    public init() {}

}

/// Primal heuristics a branch-and-bound solver may run.
public struct HeuristicOptions: Sendable, Equatable {
    /// The built-in rounding heuristic (on by default).
    public var rounding = true
    /// The feasibility pump (binary problems).
    public var feasibilityPump = false
    /// Proximity search around the incumbent.
    public var proximitySearch = false
    /// Time limit for one proximity-search run.
    public var proximitySearchTimeLimit: Duration = .seconds(60)

    /// The defaults: rounding only.
    public init() {}
}

/// Which fractional variable branch and bound branches on.
public enum BranchingRule: Sendable {
    /// Driebeck and Tomlin's heuristic, which estimates each candidate's degradation (GLPK's
    /// default): better choices, dearer nodes.
    case driebeckTomlin
    /// The most fractional variable: cheap nodes, for searches that only look around a
    /// known incumbent.
    case mostFractional
}

/// Which open subproblem branch and bound takes next.
public enum BacktrackingRule: Sendable {
    /// The one with the best bound (GLPK's default): proves optimality soonest.
    case bestLocalBound
    /// The best projection heuristic: the one most likely to lead to a better incumbent.
    case bestProjection
}

/// Options for one solve. The defaults are: no time limit, proven optimality, presolve on,
/// silent.
public struct SolverOptions: Sendable, Equatable {
    /// Stop after this long and return the best solution found; `nil` for no limit.
    public var timeLimit: Duration?
    /// Stop once `|incumbent − bound| / |incumbent|` is at most this (a fraction, e.g. 0.005).
    public var relativeGap: Double?
    /// Stop branch and bound after this many subproblems and return the best solution found:
    /// unlike the time limit, a budget that gives the same answer on every run and machine.
    public var nodeLimit: Int?
    /// Stop branch and bound once its simplex iterations (the first relaxation's included)
    /// pass this, and return the best solution found: a budget of work like ``nodeLimit``,
    /// but one that also weighs how hard each subproblem's LP is.
    public var iterationLimit: Int?
    /// Simplify the model before branch and bound.
    public var presolve = true
    /// The simplex variant.
    public var simplexMethod = SimplexMethod.dualThenPrimal
    /// Cutting planes.
    public var cuts = CutOptions()
    /// Primal heuristics.
    public var heuristics = HeuristicOptions()
    /// The branching rule.
    public var branching = BranchingRule.driebeckTomlin
    /// The backtracking rule.
    public var backtracking = BacktrackingRule.bestLocalBound
    /// A known integer-feasible point (one value per variable) that branch and bound starts
    /// from as its incumbent, so that it prunes against it from the first node. Taken only
    /// without presolve (the presolved problem has other columns); ignored by LP solves.
    public var startingPoint: [Double]?
    /// How much the solver prints to standard output.
    public var messageLevel = SolverMessageLevel.off

    /// Creates the default options.
    public init() {}

    /// Creates options with a time limit and a relative gap.
    public init(timeLimit: Duration?, relativeGap: Double? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }

    /// Checks the option values.
    /// - Throws: ``OptimizationError`` with code `.invalidOptions`.
    public func validate() throws {
        var problems: [String] = []
        if let timeLimit, timeLimit <= .zero {
            problems.append("time limit must be positive, got \(timeLimit)")
        }
        if let iterationLimit, iterationLimit < 1 {
            problems.append("iteration limit must be at least 1, got \(iterationLimit)")
        }
        if let nodeLimit, nodeLimit < 1 {
            problems.append("node limit must be at least 1, got \(nodeLimit)")
        }
        if let relativeGap, !(relativeGap >= 0 && relativeGap < 1) {
            problems.append("relative gap must be a fraction in [0, 1), got \(relativeGap)")
        }
        if startingPoint != nil && presolve {
            problems.append("a starting point needs presolve off")
        }
        if heuristics.proximitySearchTimeLimit <= .zero {
            problems.append("proximity search time limit must be positive")
        }
        if !problems.isEmpty { throw OptimizationError(.invalidOptions, problems: problems) }
    }
}
