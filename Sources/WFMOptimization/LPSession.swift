/// A linear program kept loaded between solves, so that a change of bounds is re-solved from
/// the previous optimal basis (warm start) instead of from scratch.
public protocol LPSession: AnyObject {
    /// Changes a variable's bounds; the next ``solve(timeLimit:)`` starts from the last basis.
    func setBounds(of variable: VariableID, lower: Double, upper: Double)

    /// Solves the relaxation as it now stands.
    func solve(timeLimit: Duration?) throws -> SolveResult

    /// The row duals (∂objective/∂row bound) of the last optimal simplex solve.
    func rowDuals() -> [Double]

    /// Solves the relaxation as it now stands, starting from a basis assembled from the optima
    /// of its diagonal blocks (see ``MIPModel/diagonalBlocks(blockOfVariable:linkingPrices:)``),
    /// each solved on its own: the simplex then only repairs the rows that link blocks, in few
    /// iterations when `linkingPrices` are close to those rows' optimal duals (from an
    /// interior-point solve, say). Far faster than a cold start on a model of loosely linked
    /// blocks (a roster's days), as each block's iterations are cheap. Falls back to a cold
    /// start when a block cannot be solved.
    /// - Throws: ``OptimizationError`` when the arrays do not match the model.
    func solve(fromBlocks blockOfVariable: [Int?], linkingPrices: [Double]?, timeLimit: Duration?) throws -> SolveResult

    /// Solves the relaxation as it now stands with an interior-point method: often far faster
    /// than the simplex from a cold start on large sparse LPs, but it leaves no basis to warm
    /// start from.
    func solveByInteriorPoint() throws -> InteriorPointResult
}

/// A solver that can keep a model's LP relaxation loaded for a sequence of solves.
public protocol LPSessionSolver: MIPSolver {
    /// Loads the LP relaxation of `model` and runs `body` with it; the session is only valid
    /// inside `body`, on the calling thread.
    /// - Throws: ``OptimizationError`` for an invalid model, or whatever `body` throws.
    func withLPSession<T>(_ model: MIPModel, _ body: (any LPSession) throws -> T) throws -> T

    /// Frees what the solver keeps for the calling thread between solves (GLPK: its
    /// environment). Call it last on a thread of your own that solved, once every session and
    /// solve on it has ended.
    func releaseThreadResources()
}

extension LPSessionSolver {
    /// Nothing to free: the default for solvers that keep no state per thread.
    public func releaseThreadResources() {}

    /// The solver itself.
    public var lpSessions: (any LPSessionSolver)? { self }
}
