import Foundation

/// Why a solver stopped. Whether a feasible point exists is reported separately, in
/// ``SolveResult/hasFeasibleSolution``.
public enum Termination: String, Sendable, Equatable {
    /// Proven optimal (within the solver's tolerances).
    case optimal
    /// Stopped because the requested relative gap was reached.
    case gapLimitReached
    /// Stopped at the time limit; see ``SolveResult/hasFeasibleSolution``.
    case timeLimit
    /// Stopped at the node limit; see ``SolveResult/hasFeasibleSolution``.
    case nodeLimit
    /// A heuristic found a feasible point and stopped; optimality is not proven (see the gap).
    case heuristicStop
    /// No point satisfies every constraint (and integrality).
    case infeasible
    /// The objective can improve without bound.
    case unbounded
    /// The solver failed numerically or internally; see ``SolveResult/rawStatus``.
    case solverError
}

/// The outcome of one solve: a value, never an exception for infeasible or unbounded models.
public struct SolveResult: Sendable, Equatable {
    /// Why the solver stopped.
    public var termination: Termination
    /// Whether ``values`` hold a point satisfying every constraint and integrality.
    public var hasFeasibleSolution: Bool
    /// The objective value of ``values`` (including the objective's constant), if feasible.
    public var objective: Double?
    /// The best proven bound on the optimum (lower for minimize, upper for maximize), if known.
    public var bestBound: Double?
    /// The variable values (indexed like ``MIPModel/variables``); empty when not feasible.
    public var values: [Double]
    /// Wall-clock time of the solve.
    public var solveTime: Duration
    /// The solver's own status words, for diagnosis (e.g. "glp_intopt=0 mip_status=GLP_OPT").
    public var rawStatus: String

    /// Creates a result.
    public init(
        termination: Termination, hasFeasibleSolution: Bool, objective: Double?, bestBound: Double?,
        values: [Double], solveTime: Duration, rawStatus: String
    ) {
        self.termination = termination
        self.hasFeasibleSolution = hasFeasibleSolution
        self.objective = objective
        self.bestBound = bestBound
        self.values = values
        self.solveTime = solveTime
        self.rawStatus = rawStatus
    }

    /// `|objective − bestBound| / (|objective| + ε)` — GLPK's definition — or nil if either is
    /// unknown. 0 for a proven optimum.
    public var relativeGap: Double? {
        guard let objective, let bestBound else { return nil }
        return Self.relativeGap(of: objective, to: bestBound)
    }

    /// `|objective − bound| / (|objective| + ε)`, GLPK's definition: the one relative gap of
    /// every solve, plan and roster.
    public static func relativeGap(of objective: Double, to bound: Double) -> Double {
        abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }

    /// The value of `variable` in the solution, or nil if there is no feasible solution.
    public func value(of variable: VariableID) -> Double? {
        values.indices.contains(variable.index) ? values[variable.index] : nil
    }

    /// A one-line summary, e.g. "optimal, objective 12, bound 12, gap 0.00%, 0.01 s".
    public var summary: String {
        var parts = [termination == .timeLimit && !hasFeasibleSolution
            ? "time limit, no feasible point found" : termination.rawValue]
        if let objective { parts.append("objective \(objective)") }
        if let bestBound { parts.append("bound \(bestBound)") }
        if let relativeGap { parts.append("gap " + String(format: "%.2f%%", relativeGap * 100)) }
        parts.append(String(format: "%.3f s", solveTime.seconds))
        return parts.joined(separator: ", ")
    }
}

/// A mixed-integer programming solver.
///
/// Implementations must validate the model before touching native code, keep all native
/// state inside one call, and report infeasible or unbounded models as results.
public protocol MIPSolver: Sendable {
    /// A short name for messages, e.g. "GLPK 5.0".
    var name: String { get }

    /// Solves `model`.
    /// - Throws: ``OptimizationError`` for an invalid model or options, or a solver failure.
    func solve(_ model: MIPModel, options: SolverOptions) throws -> SolveResult

    /// The solver's LP sessions (interior point, warm re-solves, bounds changed between
    /// solves), which the large-model path and the dives need; nil for a solver without them.
    var lpSessions: (any LPSessionSolver)? { get }
}

extension MIPSolver {
    /// No LP sessions: the default for solvers that only solve whole models.
    public var lpSessions: (any LPSessionSolver)? { nil }
}
