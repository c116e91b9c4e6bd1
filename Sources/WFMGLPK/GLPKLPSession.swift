internal import CGLPK
import WFMOptimization

/// A GLPK problem kept loaded for a sequence of simplex solves with warm starts: the first
/// solve uses the primal simplex, from an advanced (crash) basis (far faster than the dual on
/// these roster LPs from a cold start) or from a basis assembled from the model's diagonal
/// blocks; later ones the dual simplex from the previous basis, which bound changes leave
/// dual feasible.
final class GLPKLPSession: LPSession {
    private let problem: GLPKProblem
    private let model: MIPModel
    private let options: SolverOptions
    /// Whether the problem holds an optimal basis to re-solve from.
    private var solved = false

    init(problem: GLPKProblem, model: MIPModel, options: SolverOptions) {
        self.problem = problem
        self.model = model
        self.options = options
    }

    func setBounds(of variable: VariableID, lower: Double, upper: Double) {
        guard variable.index >= 0, variable.index < Int(problem.columnCount), !lower.isNaN, !upper.isNaN, lower <= upper else { return }
        problem.setColumnBounds(GLPKModelLoader.glpkIndex(variable.index), GLPKBounds(lower: lower, upper: upper))
    }

    func solve(timeLimit: Duration?) throws -> SolveResult {
        if !solved { problem.buildAdvancedBasis() }
        return try simplex(solved ? .dualThenPrimal : .primal, timeLimit: timeLimit)
    }

    func solve(fromBlocks blockOfVariable: [Int?], linkingPrices: [Double]?, timeLimit: Duration?) throws -> SolveResult {
        guard blockOfVariable.count == model.variables.count, linkingPrices.map({ $0.count == model.constraints.count }) ?? true else {
            throw OptimizationError(.invalidModel, "one block per variable and one price per constraint expected")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = timeLimit.map { start + $0 }
        let structure = model.diagonalBlocks(blockOfVariable: blockOfVariable, linkingPrices: linkingPrices)
        guard try assembleBasis(structure, until: deadline) else { return try solve(timeLimit: deadline.map { $0 - clock.now }) }
        var result = try simplex(.primal, timeLimit: deadline.map { $0 - clock.now })
        result.solveTime = clock.now - start
        return result
    }

    func rowDuals() -> [Double] {
        (0..<Int(problem.rowCount)).map { problem.lpRowDual(GLPKModelLoader.glpkIndex($0)) }
    }

    /// Runs the simplex from the basis in the problem; a time limit already used up (by the
    /// work before it) is a time-limit outcome, never an invalid option.
    private func simplex(_ method: SimplexMethod, timeLimit: Duration?) throws -> SolveResult {
        if let timeLimit, timeLimit <= .zero {
            return SolveResult(termination: .timeLimit, hasFeasibleSolution: false, objective: nil, bestBound: nil, values: [],
                               solveTime: .zero, rawStatus: "time limit reached before the simplex started")
        }
        var options = self.options
        options.timeLimit = timeLimit
        options.simplexMethod = method
        try options.validate()
        let clock = ContinuousClock()
        let start = clock.now
        // Once solved to optimality the LP is bounded, and bound changes keep it so.
        var outcome = GLPKOutcome.linear(problem, options: options, knownBounded: solved)
        solved = solved || outcome.result.termination == .optimal
        outcome.result.solveTime = clock.now - start
        return outcome.result
    }

    /// Solves each block on its own (with the bounds now in force) and copies its optimal
    /// basis into the problem; the linking rows' slacks become basic and variables of no block
    /// non-basic at a bound. The blocks' rows are then satisfied and the primal simplex only
    /// has to repair the linking rows (few iterations when the prices were good).
    /// - Returns: false (problem untouched) if a block is not solved to optimality in time.
    private func assembleBasis(_ structure: BlockStructure, until deadline: ContinuousClock.Instant?) throws -> Bool {
        var rowStatus: [(row: Int32, status: Int32)] = []
        var columnStatus: [(column: Int32, status: Int32)] = []
        for block in structure.blocks {
            let part = GLPKModelLoader.load(block.model)
            for (position, index) in block.variables.enumerated() {
                part.setColumnBounds(GLPKModelLoader.glpkIndex(position), problem.columnBounds(GLPKModelLoader.glpkIndex(index)))
            }
            part.buildAdvancedBasis()
            var options = self.options
            options.simplexMethod = .primal
            options.timeLimit = deadline.map { $0 - ContinuousClock().now }
            if let limit = options.timeLimit, limit <= .zero { return false }
            try options.validate()
            guard GLPKOutcome.linear(part, options: options).result.termination == .optimal else { return false }
            for (position, index) in block.constraints.enumerated() {
                rowStatus.append((GLPKModelLoader.glpkIndex(index), part.rowStatus(GLPKModelLoader.glpkIndex(position))))
            }
            for (position, index) in block.variables.enumerated() {
                columnStatus.append((GLPKModelLoader.glpkIndex(index), part.columnStatus(GLPKModelLoader.glpkIndex(position))))
            }
        }
        for entry in rowStatus { problem.setRowStatus(entry.row, entry.status) }
        for row in structure.linkingConstraints { problem.setRowStatus(GLPKModelLoader.glpkIndex(row), GLP_BS) }
        for entry in columnStatus { problem.setColumnStatus(entry.column, entry.status) }
        for index in structure.freeVariables {
            let column = GLPKModelLoader.glpkIndex(index)
            let status: Int32 =
                switch problem.columnBounds(column).type {
                case GLP_FR: GLP_NF
                case GLP_UP: GLP_NU
                default: GLP_NL
                }
            problem.setColumnStatus(column, status)
        }
        return true
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
        GLPKLibrary.setTerminalOutput(false)
        let problem = GLPKModelLoader.load(relaxation)
        return try body(GLPKLPSession(problem: problem, model: relaxation, options: SolverOptions()))
    }

    /// Frees the calling thread's GLPK environment (`glp_free_env`; GLPK keeps one per thread
    /// and makes a new one on its next call). Every problem made on the thread has been
    /// deleted by then: each lives only inside one solve or session.
    public func releaseThreadResources() {
        GLPKLibrary.freeEnvironment()
    }
}
