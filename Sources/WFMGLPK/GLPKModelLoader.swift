internal import CGLPK
import WFMOptimization

/// Copies a validated ``MIPModel`` into a ``GLPKProblem``.
enum GLPKModelLoader {
    /// Checks that `model` can be addressed with GLPK's `int` indices.
    /// - Throws: ``OptimizationError`` `.modelTooLarge`.
    static func checkSize(_ model: MIPModel) throws {
        let nonzeros = model.constraints.reduce(0) { $0 + $1.expression.terms.count }
        for (what, count) in [("variables", model.variables.count), ("constraints", model.constraints.count),
                              ("nonzeros", nonzeros)] where Int32(exactly: count + 1) == nil {
            throw OptimizationError(.modelTooLarge, "GLPK addresses at most \(Int32.max - 1) \(what); the model has \(count)")
        }
    }

    /// Builds the GLPK problem. `model` must have passed ``MIPModel/validate()`` and
    /// ``checkSize(_:)``, so every index below is in range.
    /// - Complexity: O(variables + constraints + nonzeros).
    static func load(_ model: MIPModel) -> GLPKProblem {
        let problem = GLPKProblem()
        problem.setName(model.name)
        problem.setObjectiveDirection(model.sense)
        let columnCount = Int32(truncatingIfNeeded: model.variables.count)
        let rowCount = Int32(truncatingIfNeeded: model.constraints.count)
        if columnCount > 0 { problem.addColumns(columnCount) }
        if rowCount > 0 { problem.addRows(rowCount) }
        for (index, variable) in model.variables.enumerated() {
            let column = glpkIndex(index)
            problem.setColumnName(column, variable.name)
            problem.setColumnKind(column, variable.kind)
            let integral = variable.kind != .continuous
            let lower = integral ? variable.lowerBound.rounded(.up) : variable.lowerBound
            let upper = integral ? variable.upperBound.rounded(.down) : variable.upperBound
            problem.setColumnBounds(column, GLPKBounds(lower: lower, upper: upper))
        }
        problem.setObjectiveCoefficient(0, model.objective.constant)
        for term in model.objective.terms {
            problem.setObjectiveCoefficient(glpkIndex(term.variable.index), term.coefficient)
        }
        var matrix = GLPKSparseMatrix()
        matrix.reserve(model.constraints.reduce(0) { $0 + $1.expression.terms.count })
        for (index, constraint) in model.constraints.enumerated() {
            let row = glpkIndex(index)
            problem.setRowName(row, constraint.name)
            problem.setRowBounds(row, GLPKBounds(lower: constraint.bounds.lower, upper: constraint.bounds.upper))
            for term in constraint.expression.terms where term.coefficient != 0 {
                matrix.append(row: row, column: glpkIndex(term.variable.index), value: term.coefficient)
            }
        }
        if matrix.count > 0 { problem.loadMatrix(matrix) }
        return problem
    }

    /// The 1-based GLPK index of a 0-based position already checked to fit.
    static func glpkIndex(_ position: Int) -> Int32 {
        Int32(truncatingIfNeeded: position + 1)
    }
}
