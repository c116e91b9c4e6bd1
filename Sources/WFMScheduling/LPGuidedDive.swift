import Foundation
import WFMOptimization

/// An LP-guided dive: solve the LP relaxation, fix the integer variables it already makes
/// whole, round a batch of the least fractional ones, re-solve, and repeat until every
/// integer variable is whole. A batch that makes the LP infeasible is undone and its first
/// variable rounded the other way. Re-solves start from the previous basis.
///
/// GLPK's branch and bound finds no integer roster in minutes on models of this kind; the
/// dive finds one in a few LP solves, and the root LP's objective bounds how far from optimal
/// it can be.
struct LPGuidedDive {
    let solver: any LPSessionSolver
    /// Share of the fractional variables rounded per step.
    let batchShare = 0.05

    /// The outcome: an integer-feasible point, the LP bound, and the number of LP solves.
    struct Outcome {
        let values: [Double]
        let objective: Double
        /// The relaxation's optimum, or nil when the interior-point method stopped short of
        /// convergence (its point still screened the variables, but proves nothing).
        let bound: Double?
        let lpSolves: Int
    }

    /// Dives from the relaxation of `model`, stopping at `deadline`.
    ///
    /// When `screened` is not empty, the full relaxation is first solved by the interior-point
    /// method — its objective is the bound — and the screened variables it leaves (nearly) at
    /// zero are fixed there, so the simplex works on a much smaller LP. Screen only variables
    /// that zero cannot make infeasible (for rosters: the shift counts).
    /// - Returns: nil if the relaxation is not solved to optimality, the dive hits a dead
    ///   end, or time runs out.
    func run(_ model: MIPModel, screened: [VariableID] = [], until deadline: ContinuousClock.Instant) throws -> Outcome? {
        try solver.withLPSession(model) { session in try dive(model, screened: screened, session: session, until: deadline) }
    }

    private func dive(_ model: MIPModel, screened: [VariableID], session: any LPSession, until deadline: ContinuousClock.Instant) throws
        -> Outcome?
    {
        let clock = ContinuousClock()
        let integer = model.variables.indices.filter { model.variables[$0].kind != .continuous }
        var fixed = Set<Int>()
        var solves = 1
        func fix(_ index: Int, _ value: Double) { session.setBounds(of: VariableID(index), lower: value, upper: value) }
        var interiorBound: Double?
        var boundIsProven = true
        if !screened.isEmpty {
            let interior = try session.solveByInteriorPoint()
            if interior.values.count == model.variables.count {
                interiorBound = interior.objective
                boundIsProven = interior.termination == .optimal
                for variable in screened where interior.values[variable.index] < 0.01 {
                    fix(variable.index, 0)
                    fixed.insert(variable.index)
                }
            }
        }
        guard let root = try solve(session, until: deadline), let rootObjective = root.objective else { return nil }
        let bound = boundIsProven ? (interiorBound ?? rootObjective) : nil
        var values = root.values
        while clock.now < deadline {
            for index in integer where !fixed.contains(index) && isWhole(values[index]) {
                fix(index, values[index].rounded())
                fixed.insert(index)
            }
            let fractional = integer.filter { !fixed.contains($0) }
                .sorted { (distance(values[$0]), $0) < (distance(values[$1]), $1) }
            if fractional.isEmpty {
                let point = values.enumerated().map { fixed.contains($0.offset) ? $0.element.rounded() : $0.element }
                return Outcome(values: point, objective: model.objective.evaluate(point), bound: bound, lpSolves: solves)
            }
            let batch = Array(fractional.prefix(max(1, Int(Double(fractional.count) * batchShare))))
            for index in batch { fix(index, values[index].rounded()) }
            solves += 1
            if let result = try solve(session, until: deadline) {
                fixed.formUnion(batch)
                values = result.values
                continue
            }
            for index in batch {
                let variable = model.variables[index]
                session.setBounds(of: VariableID(index), lower: variable.lowerBound, upper: variable.upperBound)
            }
            let first = batch[0]
            fix(first, values[first].rounded() > values[first] ? values[first].rounded(.down) : values[first].rounded(.up))
            solves += 1
            guard let result = try solve(session, until: deadline) else { return nil }
            fixed.insert(first)
            values = result.values
        }
        return nil
    }

    private func solve(_ session: any LPSession, until deadline: ContinuousClock.Instant) throws -> SolveResult? {
        let remaining = deadline - ContinuousClock().now
        guard remaining > .milliseconds(10) else { return nil }
        let result = try session.solve(timeLimit: remaining)
        return result.termination == .optimal ? result : nil
    }

    private func isWhole(_ value: Double) -> Bool { distance(value) < 1e-6 }
    private func distance(_ value: Double) -> Double { abs(value - value.rounded()) }
}
