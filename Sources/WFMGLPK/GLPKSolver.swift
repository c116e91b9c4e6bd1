internal import CGLPK
import WFMOptimization

/// The GLPK implementation of ``MIPSolver``: the simplex method for linear programs,
/// `glp_intopt` (branch and cut, with presolve) for mixed-integer programs.
///
/// Every model is validated in Swift before the first `glp_*` call, so no input makes GLPK
/// abort the process. A solve creates, solves, reads and deletes its GLPK problem inside one
/// synchronous call; separate threads may solve separate models at the same time.
public struct GLPKSolver: MIPSolver {
    /// Creates the solver.
    public init() {}

    /// "GLPK" and the linked library's version, e.g. "GLPK 5.0".
    public var name: String { "GLPK " + GLPKSolver.libraryVersion }

    /// The linked GLPK library's version (`glp_version`).
    public static var libraryVersion: String { GLPKLibrary.version }

    /// Solves `model` with GLPK.
    /// - Parameters:
    ///   - model: any model; it is validated first.
    ///   - options: limits, presolve, cuts, heuristics and message level.
    /// - Returns: the termination, the best solution found (if any), its objective, the best
    ///   bound and the time taken. Infeasible and unbounded models are results, not errors.
    /// - Throws: ``OptimizationError`` for an invalid model or options, or a too-large model.
    public func solve(_ model: MIPModel, options: SolverOptions = SolverOptions()) throws -> SolveResult {
        try model.validate()
        try options.validate()
        if let point = options.startingPoint, point.count != model.variables.count || point.contains(where: { !$0.isFinite }) {
            throw OptimizationError(.invalidOptions, problems: ["a starting point needs one finite value per variable (\(model.variables.count)), got \(point.count)"])
        }
        try GLPKModelLoader.checkSize(model)
        let clock = ContinuousClock()
        let start = clock.now
        setTerminalOutput(options.messageLevel != .off)
        let problem = GLPKModelLoader.load(model)
        var outcome =
            model.hasIntegerVariables
            ? GLPKOutcome.integer(problem, options: options)
            : GLPKOutcome.linear(problem, options: options)
        outcome.result.solveTime = clock.now - start
        return outcome.result
    }

    /// Reads a model file (free MPS or CPLEX LP) with GLPK's own reader and solves it, so an
    /// exported model can be checked end to end.
    /// - Throws: ``OptimizationError`` `.fileError` if GLPK cannot read the file.
    public func solve(modelFile path: String, format: ModelFileFormat, options: SolverOptions = SolverOptions())
        throws -> SolveResult
    {
        try options.validate()
        let clock = ContinuousClock()
        let start = clock.now
        setTerminalOutput(options.messageLevel != .off)
        let problem = GLPKProblem()
        let code = format == .freeMPS ? problem.readFreeMPS(path: path) : problem.readCPLEXLP(path: path)
        guard code == 0 else {
            throw OptimizationError(.fileError, "GLPK could not read \(path) as \(format.rawValue.uppercased())")
        }
        var outcome =
            problem.integerColumnCount > 0
            ? GLPKOutcome.integer(problem, options: options)
            : GLPKOutcome.linear(problem, options: options)
        outcome.result.solveTime = clock.now - start
        return outcome.result
    }

    /// GLPK's terminal output, set on every solve, since GLPK keeps it per thread.
    private func setTerminalOutput(_ on: Bool) {
        GLPKLibrary.setTerminalOutput(on)
    }
}
