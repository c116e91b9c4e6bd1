import Foundation
import WFMOptimization

/// How large group models are solved: the interior-point method solves the full LP
/// relaxation (far faster than GLPK's simplex on these models) and its row duals give a
/// proven bound; the shift options it leaves unused are dropped, and an LP-guided dive on the
/// much smaller model that remains finds the roster — day by day (``BlockwiseDive``, its
/// start priced by the same duals), or on the whole model if that hits a dead end.
struct ScreenedDive {
    let solver: any LPSessionSolver
    /// Shift options the interior point uses less than this are dropped.
    static let screeningThreshold = 0.01
    /// A rounding step costing more than this (a hundredth of a unit of elastic slack) is
    /// undone: the dive should not buy a broken contract with a rounding.
    static let largestStepIncrease = RosterModel.elasticCost / 100

    /// The roster found, on the restricted model.
    struct Outcome {
        /// The model the values belong to (restricted to the screened options).
        let roster: RosterModel
        let result: SolveResult
    }

    /// Solves the group model of `problem` until `deadline`; `relativeGap` only decides how the
    /// stop is reported. The interior point solves the model without its group rest rows (a
    /// relaxation, so its bound holds); the dive's restricted model has them.
    /// - Returns: nil if no roster was found in time.
    func run(
        problem: ScheduleProblem, groups: [AgentGroup], relativeGap: Double,
        until deadline: ContinuousClock.Instant, progress: (String) -> Void
    ) throws -> Outcome? {
        let clock = ContinuousClock()
        let begin = clock.now
        let relaxation = RosterModel(problem: problem, groups: groups, countsRest: false)
        let interior = try solver.withLPSession(relaxation.model) { try $0.solveByInteriorPoint() }
        guard interior.values.count == relaxation.model.variables.count else { return nil }
        let bound = relaxation.model.lagrangianBound(rowDuals: interior.rowDuals)
        let kept = Set(relaxation.shifts.filter { interior.values[$0.variable.index] >= Self.screeningThreshold }
            .map { GroupShiftKey(group: $0.group, shift: $0.shift) })
        progress("stage 1: interior point in \(Self.seconds(interior.solveTime)) s (\(interior.rawStatus)), relaxation \(interior.objective), proven bound \(bound.map { "\($0)" } ?? "none"); \(kept.count) of \(relaxation.shifts.count) shift options in use")
        let restricted = RosterModel(problem: problem, groups: groups, admits: { kept.contains(GroupShiftKey(group: $0, shift: $1)) })
        // The interior point's duals price the restricted model's linking rows (by name; the
        // rest rows, absent from the relaxation, get none) for the blockwise start.
        let dualByName = Dictionary(uniqueKeysWithValues: zip(relaxation.model.constraints.map(\.name), interior.rowDuals))
        let prices = restricted.model.constraints.map { dualByName[$0.name] ?? 0 }
        let roundFirst = Set(restricted.shifts.map(\.variable))
        var blockwise = BlockwiseDive(solver: solver)
        blockwise.largestStepIncrease = Self.largestStepIncrease
        var whole = LPGuidedDive(solver: solver)
        whole.largestStepIncrease = Self.largestStepIncrease
        let start = (blockOfVariable: restricted.dayOfVariable, prices: Optional(prices))
        var method = "a dive by day"
        var found = try blockwise.run(
            restricted.model, blockOfVariable: restricted.dayOfVariable, linkingCounts: restricted.dayCounts, roundFirst: roundFirst,
            prices: prices, until: deadline)
        if found == nil {
            progress("stage 1: the dive by day hit a dead end; diving the whole model")
            method = "a whole-model dive"
            found = try whole.run(restricted.model, roundFirst: roundFirst, blocks: start, until: deadline)
        } else if let byDay = found, let bound, Self.gap(byDay.objective, bound) > relativeGap {
            // Slower, but each rounding is seen by every day at once, and the root from a crash
            // basis is another vertex of the LP's optimal face: another path to round along.
            progress("stage 1: the dive by day ended \(Self.percent(Self.gap(byDay.objective, bound))) from the bound, above the gap asked for; diving the whole model too")
            if let other = try whole.run(restricted.model, roundFirst: roundFirst, until: deadline),
                other.objective < byDay.objective
            {
                method = "a whole-model dive (\(Self.percent(Self.gap(byDay.objective, bound))) for the dive by day)"
                found = other
            } else {
                method = "a dive by day (a whole-model dive did no better)"
            }
        }
        guard let dive = found else { return nil }
        var result = SolveResult(
            termination: .heuristicStop, hasFeasibleSolution: true, objective: dive.objective, bestBound: bound, values: dive.values,
            solveTime: clock.now - begin,
            rawStatus: "interior point, then \(method) over \(kept.count) of \(relaxation.shifts.count) shift options (\(restricted.model.variables.count) variables, \(restricted.model.constraints.count) rows; root LP \(Self.seconds(dive.rootSolveTime)) s, \(dive.lpSolves) LP solves)")
        if let gap = result.relativeGap, gap <= relativeGap { result.termination = .gapLimitReached }
        return Outcome(roster: restricted, result: result)
    }

    /// The relative gap as ``SolveResult/relativeGap`` defines it.
    private static func gap(_ objective: Double, _ bound: Double) -> Double {
        abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }

    private static func percent(_ fraction: Double) -> String {
        String(format: "%.2f%%", fraction * 100)
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", duration.seconds)
    }
}

/// A shift option of one group.
private struct GroupShiftKey: Hashable {
    let group: Int
    let shift: GridShift
}
