extension MIPModel {
    /// A proven bound on the optimum of the LP relaxation — and so of the MIP — from any row
    /// multipliers, by weak (Lagrangian) duality: a lower bound when minimizing, an upper bound
    /// when maximizing.
    ///
    /// With `d = c − Aᵀ·y` (multipliers of the wrong sign for a one-sided row taken as 0), every
    /// feasible point has `c·x ≥ Σ y·(row limit) + Σ min(d·lower, d·upper)`. Multipliers from an
    /// interior-point method that stopped short of convergence still give a valid bound, only a
    /// slightly weaker one.
    /// - Returns: nil if `rowDuals` does not match the constraints, or a variable with an
    ///   infinite bound has a reduced cost that makes the bound infinite.
    /// - Complexity: O(nonzeros).
    public func lagrangianBound(rowDuals: [Double]) -> Double? {
        guard rowDuals.count == constraints.count else { return nil }
        let sign = sense == .minimize ? 1.0 : -1.0
        var reduced = [Double](repeating: 0, count: variables.count)
        for term in objective.terms { reduced[term.variable.index] += sign * term.coefficient }
        var bound = sign * objective.constant
        for (row, dual) in zip(constraints, rowDuals) {
            var multiplier = sign * dual
            if row.bounds.lower == -.infinity { multiplier = min(multiplier, 0) }
            if row.bounds.upper == .infinity { multiplier = max(multiplier, 0) }
            guard multiplier != 0, multiplier.isFinite else { continue }
            bound += multiplier * (multiplier > 0 ? row.bounds.lower : row.bounds.upper)
            for term in row.expression.terms { reduced[term.variable.index] -= multiplier * term.coefficient }
        }
        for (variable, cost) in zip(variables, reduced) where cost != 0 {
            let limit = cost > 0 ? variable.lowerBound : variable.upperBound
            guard limit.isFinite else { return nil }
            bound += cost * limit
        }
        return sign * bound
    }
}
