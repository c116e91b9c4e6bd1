import Foundation
import WFMOptimization

/// An LP-guided dive: solve the LP relaxation, fix the integer variables it already makes
/// whole, round a batch of the least fractional ones, re-solve, and repeat until every
/// integer variable is whole. A batch that makes the LP infeasible is undone and its first
/// variable rounded the other way.
///
/// GLPK's branch and bound finds no integer roster in minutes on models of this kind; the
/// dive finds one in a few LP solves, and the root LP's objective bounds how far from optimal
/// it can be.
struct LPGuidedDive<Solver: MIPSolver> {
    let solver: Solver
    /// Share of the fractional variables rounded per step.
    let batchShare = 0.25

    /// The outcome: an integer-feasible point, the LP bound, and the number of LP solves.
    struct Outcome {
        let values: [Double]
        let objective: Double
        let bound: Double
        let lpSolves: Int
    }

    /// Dives from the relaxation of `model`, stopping at `deadline`.
    /// - Returns: nil if the relaxation is not solved to optimality, the dive hits a dead
    ///   end, or time runs out.
    func run(_ model: MIPModel, until deadline: ContinuousClock.Instant) throws -> Outcome? {
        let clock = ContinuousClock()
        var lp = model.relaxed()
        let integer = model.variables.indices.filter { model.variables[$0].kind != .continuous }
        var fixed = Set<Int>()
        var solves = 1
        guard let root = try solve(lp, until: deadline), let bound = root.objective else { return nil }
        var values = root.values
        while clock.now < deadline {
            for index in integer where !fixed.contains(index) && isWhole(values[index]) {
                let value = values[index].rounded()
                lp.setBounds(of: VariableID(index), lower: value, upper: value)
                fixed.insert(index)
            }
            let fractional = integer.filter { !fixed.contains($0) }
                .sorted { (distance(values[$0]), $0) < (distance(values[$1]), $1) }
            if fractional.isEmpty {
                let objective = model.objective.evaluate(values)
                return Outcome(values: values.enumerated().map { fixed.contains($0.offset) ? $0.element.rounded() : $0.element },
                               objective: objective, bound: bound, lpSolves: solves)
            }
            let batch = Array(fractional.prefix(max(1, Int(Double(fractional.count) * batchShare))))
            var trial = lp
            for index in batch {
                let value = values[index].rounded()
                trial.setBounds(of: VariableID(index), lower: value, upper: value)
            }
            solves += 1
            if let result = try solve(trial, until: deadline) {
                lp = trial
                fixed.formUnion(batch)
                values = result.values
                continue
            }
            let first = batch[0]
            let other = values[first].rounded() > values[first] ? values[first].rounded(.down) : values[first].rounded(.up)
            lp.setBounds(of: VariableID(first), lower: other, upper: other)
            solves += 1
            guard let result = try solve(lp, until: deadline) else { return nil }
            fixed.insert(first)
            values = result.values
        }
        return nil
    }

    private func solve(_ model: MIPModel, until deadline: ContinuousClock.Instant) throws -> SolveResult? {
        let remaining = deadline - ContinuousClock().now
        guard remaining > .milliseconds(10) else { return nil }
        var options = SolverOptions(timeLimit: remaining)
        options.simplexMethod = .dualThenPrimal
        let result = try solver.solve(model, options: options)
        return result.termination == .optimal ? result : nil
    }

    private func isWhole(_ value: Double) -> Bool { distance(value) < 1e-6 }
    private func distance(_ value: Double) -> Double { abs(value - value.rounded()) }
}
