internal import CGLPK
import WFMOptimization

/// Translates ``SolverOptions`` into GLPK's parameter blocks.
enum GLPKParameters {
    /// `glp_init_smcp`, then the options: method, time limit, message level; presolve off so
    /// that the status tells infeasible from unbounded.
    static func simplex(_ options: SolverOptions) -> glp_smcp {
        var parameters = GLPKLibrary.defaultSimplexParameters()
        parameters.msg_lev = messageLevel(options.messageLevel)
        parameters.meth =
            switch options.simplexMethod {
            case .primal: GLP_PRIMAL
            case .dual: GLP_DUAL
            case .dualThenPrimal: GLP_DUALP
            }
        // The dual simplex's long-step ratio test flips boxed variables between their bounds
        // instead of pivoting on each.
        if options.simplexMethod != .primal { parameters.r_test = GLP_RT_FLIP }
        parameters.presolve = GLP_OFF
        if let timeLimit = options.timeLimit { parameters.tm_lim = milliseconds(timeLimit) }
        return parameters
    }

    /// `glp_init_iocp`, then the options: presolve, gap, time limit, cuts, heuristics,
    /// branching and backtracking.
    static func integer(_ options: SolverOptions) -> glp_iocp {
        var parameters = GLPKLibrary.defaultIntegerParameters()
        parameters.msg_lev = messageLevel(options.messageLevel)
        parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
        if let timeLimit = options.timeLimit { parameters.tm_lim = milliseconds(timeLimit) }
        if let gap = options.relativeGap { parameters.mip_gap = gap }
        parameters.mir_cuts = flag(options.cuts.mixedIntegerRounding)
        parameters.gmi_cuts = flag(options.cuts.gomory)
        parameters.cov_cuts = flag(options.cuts.cover)
        parameters.clq_cuts = flag(options.cuts.clique)
        parameters.sr_heur = flag(options.heuristics.rounding)
        parameters.fp_heur = flag(options.heuristics.feasibilityPump)
        parameters.ps_heur = flag(options.heuristics.proximitySearch)
        parameters.ps_tm_lim = milliseconds(options.heuristics.proximitySearchTimeLimit)
        parameters.br_tech =
            switch options.branching {
            case .driebeckTomlin: GLP_BR_DTH
            case .mostFractional: GLP_BR_MFV
            }
        parameters.bt_tech =
            switch options.backtracking {
            case .bestLocalBound: GLP_BT_BLB
            case .bestProjection: GLP_BT_BPH
            }
        return parameters
    }

    /// A duration in whole milliseconds (at least 1), capped at `Int32.max` (about 24 days).
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return Int32(exactly: max(1, min(total.rounded(.up), Double(Int32.max)))) ?? Int32.max
    }

    private static func flag(_ on: Bool) -> Int32 { on ? GLP_ON : GLP_OFF }

    private static func messageLevel(_ level: SolverMessageLevel) -> Int32 {
        switch level {
        case .off: GLP_MSG_OFF
        case .errors: GLP_MSG_ERR
        case .normal: GLP_MSG_ON
        case .all: GLP_MSG_ALL
        }
    }
}
