internal import CGLPK
import WFMOptimization

/// Runs GLPK on a loaded problem and turns its return codes and statuses into a ``SolveResult``.
struct GLPKOutcome {
    var result: SolveResult

    /// Solves a linear program with `glp_simplex` (no presolve, so the status is definite).
    ///
    /// The dual simplex reports an unbounded program as having no (dual) feasible solution, so
    /// any non-optimal verdict of another method is confirmed by the primal simplex — unless
    /// `knownBounded` (a re-solve of a bounded LP after bound changes), where that
    /// would only leave a basis the next dual re-solve cannot start from.
    static func linear(_ problem: GLPKProblem, options: SolverOptions, knownBounded: Bool = false) -> GLPKOutcome {
        var parameters = GLPKParameters.simplex(options)
        var code = problem.simplex(&parameters)
        var status = problem.lpStatus
        if code == 0, status != GLP_OPT, options.simplexMethod != .primal, !knownBounded {
            var primal = options
            primal.simplexMethod = .primal
            parameters = GLPKParameters.simplex(primal)
            code = problem.simplex(&parameters)
            status = problem.lpStatus
        }
        let raw = "glp_simplex=\(returnCodeName(code)) status=\(statusName(status))"
        let values = { (0..<Int(problem.columnCount)).map { problem.lpColumnValue(GLPKModelLoader.glpkIndex($0)) } }
        switch (code, status) {
        case (0, GLP_OPT):
            let objective = problem.lpObjective
            return make(.optimal, objective: objective, bound: objective, values: values(), raw: raw)
        case (0, GLP_NOFEAS), (0, GLP_INFEAS):
            return make(.infeasible, raw: raw)
        case (0, GLP_UNBND):
            return make(.unbounded, raw: raw)
        case (GLP_ETMLIM, GLP_FEAS), (GLP_EITLIM, GLP_FEAS):
            return make(.timeLimit, objective: problem.lpObjective, values: values(), raw: raw)
        case (GLP_ETMLIM, _), (GLP_EITLIM, _):
            return make(.timeLimit, raw: raw)
        default:
            return make(.solverError, raw: raw)
        }
    }

    /// Solves a mixed-integer program with `glp_intopt`, tracking the best bound through the
    /// branch-and-bound callback. Without presolve, `glp_intopt` needs an optimal basis of the
    /// relaxation, so the simplex runs first and decides infeasible or unbounded relaxations.
    static func integer(_ problem: GLPKProblem, options: SolverOptions) -> GLPKOutcome {
        if !options.presolve {
            let relaxation = linear(problem, options: options)
            if relaxation.result.termination != .optimal {
                var outcome = relaxation
                if outcome.result.termination == .timeLimit { outcome.result = emptied(outcome.result) }
                outcome.result.rawStatus = "relaxation " + outcome.result.rawStatus
                return outcome
            }
        }
        var parameters = GLPKParameters.integer(options)
        let monitor = GLPKSearchMonitor(nodeLimit: options.nodeLimit, iterationLimit: options.iterationLimit, startingPoint: options.startingPoint)
        parameters.cb_func = GLPKSearchMonitor.callback
        parameters.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
        let code = withExtendedLifetime(monitor) { problem.integerOptimize(&parameters) }
        let status = problem.mipStatus
        let raw = "glp_intopt=\(returnCodeName(code)) mip_status=\(statusName(status))"
        let hasPoint = status == GLP_OPT || status == GLP_FEAS
        let objective = hasPoint ? problem.mipObjective : nil
        let values = hasPoint ? (0..<Int(problem.columnCount)).map { problem.mipColumnValue(GLPKModelLoader.glpkIndex($0)) } : []
        switch code {
        case 0 where status == GLP_OPT:
            return make(.optimal, objective: objective, bound: objective, values: values, raw: raw)
        case 0 where status == GLP_NOFEAS, GLP_ENOPFS:
            return make(.infeasible, raw: raw)
        case GLP_ENODFS:
            return relaxationVerdict(problem, options: options, raw: raw)
        case GLP_EMIPGAP:
            return make(.gapLimitReached, objective: objective, bound: monitor.bestBound, values: values, raw: raw)
        case GLP_ETMLIM:
            return make(.timeLimit, objective: objective, bound: monitor.bestBound, values: values, raw: raw)
        case GLP_ESTOP where monitor.budgetEnded:
            return make(.nodeLimit, objective: objective, bound: monitor.bestBound, values: values, raw: raw + " after \(monitor.nodes) nodes, \(monitor.iterations) simplex iterations")
        default:
            return make(.solverError, objective: objective, values: values, raw: raw)
        }
    }

    /// After presolve finds no dual-feasible relaxation, solves the relaxation without presolve
    /// to tell an infeasible model from an unbounded one.
    private static func relaxationVerdict(_ problem: GLPKProblem, options: SolverOptions, raw: String) -> GLPKOutcome {
        var primal = options
        primal.simplexMethod = .primal
        var parameters = GLPKParameters.simplex(primal)
        let code = problem.simplex(&parameters)
        let status = problem.lpStatus
        let detail = raw + "; relaxation glp_simplex=\(returnCodeName(code)) status=\(statusName(status))"
        if code == 0, status == GLP_UNBND { return make(.unbounded, raw: detail) }
        if code == 0, status == GLP_NOFEAS || status == GLP_INFEAS { return make(.infeasible, raw: detail) }
        return make(.solverError, raw: detail)
    }

    /// The result without its (fractional) point: a relaxation's point is no MIP solution.
    private static func emptied(_ result: SolveResult) -> SolveResult {
        var result = result
        result.values = []
        result.objective = nil
        result.hasFeasibleSolution = false
        return result
    }

    private static func make(
        _ termination: Termination, objective: Double? = nil, bound: Double? = nil, values: [Double] = [], raw: String
    ) -> GLPKOutcome {
        GLPKOutcome(
            result: SolveResult(
                termination: termination, hasFeasibleSolution: objective != nil, objective: objective,
                bestBound: bound, values: values, solveTime: .zero, rawStatus: raw))
    }

    private static func returnCodeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            0: "0", GLP_EBADB: "GLP_EBADB", GLP_ESING: "GLP_ESING", GLP_ECOND: "GLP_ECOND",
            GLP_EBOUND: "GLP_EBOUND", GLP_EFAIL: "GLP_EFAIL", GLP_EITLIM: "GLP_EITLIM", GLP_ETMLIM: "GLP_ETMLIM",
            GLP_ENOPFS: "GLP_ENOPFS", GLP_ENODFS: "GLP_ENODFS", GLP_EROOT: "GLP_EROOT", GLP_ESTOP: "GLP_ESTOP",
            GLP_EMIPGAP: "GLP_EMIPGAP",
        ]
        return names[code] ?? "\(code)"
    }

    private static func statusName(_ status: Int32) -> String {
        let names: [Int32: String] = [
            GLP_UNDEF: "GLP_UNDEF", GLP_FEAS: "GLP_FEAS", GLP_INFEAS: "GLP_INFEAS", GLP_NOFEAS: "GLP_NOFEAS",
            GLP_OPT: "GLP_OPT", GLP_UNBND: "GLP_UNBND",
        ]
        return names[status] ?? "\(status)"
    }
}
