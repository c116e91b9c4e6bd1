internal import CGLPK
import WFMOptimization

/// A GLPK problem kept loaded for a sequence of simplex solves with warm starts: the first
/// solve uses the primal simplex from an advanced (crash) basis (far faster than the dual on
/// these roster LPs from a cold start), the later ones the dual simplex from the previous basis, which bound changes leave
/// dual feasible.
final class GLPKLPSession: LPSession {
    private let problem: GLPKProblem
    private let options: SolverOptions
    private var solved = false

    init(problem: GLPKProblem, options: SolverOptions) {
        self.problem = problem
        self.options = options
    }

    func setBounds(of variable: VariableID, lower: Double, upper: Double) {
        guard variable.index >= 0, variable.index < Int(problem.columnCount), !lower.isNaN, !upper.isNaN, lower <= upper else { return }
        problem.setColumnBounds(GLPKModelLoader.glpkIndex(variable.index), GLPKBounds(lower: lower, upper: upper))
    }

    func solve(timeLimit: Duration?) throws -> SolveResult {
        var options = self.options
        options.timeLimit = timeLimit
        options.simplexMethod = solved ? .dualThenPrimal : .primal
        if !solved { problem.buildAdvancedBasis() }
        try options.validate()
        let clock = ContinuousClock()
        let start = clock.now
        // Once solved to optimality the LP is bounded, and bound changes keep it so.
        var outcome = GLPKOutcome.linear(problem, options: options, knownBounded: solved)
        solved = solved || outcome.result.termination == .optimal
        outcome.result.solveTime = clock.now - start
        return outcome.result
    }
}

extension GLPKLPSession {
    /// `values` and `rowDuals` hold the last point even when the method did not converge
    /// (GLPK 5.0 often stops with GLP_EINSTAB very close to the optimum).
    func solveByInteriorPoint() throws -> InteriorPointResult {
        let clock = ContinuousClock()
        let start = clock.now
        let code = problem.interiorPoint()
        let status = problem.interiorStatus
        let values = (0..<Int(problem.columnCount)).map { problem.interiorColumnValue(GLPKModelLoader.glpkIndex($0)) }
        let duals = (0..<Int(problem.rowCount)).map { problem.interiorRowDual(GLPKModelLoader.glpkIndex($0)) }
        return InteriorPointResult(
            converged: code == 0 && status == GLP_OPT, objective: problem.interiorObjective, values: values, rowDuals: duals,
            solveTime: clock.now - start, rawStatus: "glp_interior=\(code) ipt_status=\(status)")
    }
}

extension GLPKSolver: LPSessionSolver {
    /// Loads the LP relaxation of `model` into one GLPK problem for the duration of `body`;
    /// re-solves after bound changes start from the last basis (dual simplex).
    public func withLPSession<T>(_ model: MIPModel, _ body: (any LPSession) throws -> T) throws -> T {
        let relaxation = model.relaxed()
        try relaxation.validate()
        try GLPKModelLoader.checkSize(relaxation)
        glp_term_out(GLP_OFF)
        let problem = GLPKModelLoader.load(relaxation)
        return try body(GLPKLPSession(problem: problem, options: SolverOptions()))
    }
}
