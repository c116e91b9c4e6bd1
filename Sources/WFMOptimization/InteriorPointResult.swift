/// The outcome of solving an LP relaxation with an interior-point method.
///
/// The method leaves no basis, and may stop just short of convergence (GLPK 5.0 often
/// reports numerical instability there); its last point and row duals are still returned, and
/// ``MIPModel/lagrangianBound(rowDuals:)`` turns the duals into a proven bound either way.
public struct InteriorPointResult: Sendable, Equatable {
    /// Whether the method reports an optimal solution.
    public var converged: Bool
    /// The objective value of ``values`` (including the objective's constant).
    public var objective: Double
    /// The last primal point, indexed like ``MIPModel/variables``.
    public var values: [Double]
    /// The last row multipliers, indexed like ``MIPModel/constraints``, with reduced costs
    /// `c − Aᵀ·rowDuals`.
    public var rowDuals: [Double]
    /// Wall-clock time of the solve.
    public var solveTime: Duration
    /// The solver's own status words, for diagnosis.
    public var rawStatus: String

    /// Creates a result.
    public init(converged: Bool, objective: Double, values: [Double], rowDuals: [Double], solveTime: Duration, rawStatus: String) {
        self.converged = converged
        self.objective = objective
        self.values = values
        self.rowDuals = rowDuals
        self.solveTime = solveTime
        self.rawStatus = rawStatus
    }
}
