/// Text formats a ``MIPModel`` can be exported to, for cross-checking with other solvers.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP format (`.lp`).
    case cplexLP = "lp"
    /// Free-format MPS (`.mps`).
    case freeMPS = "mps"

    /// The format for a file name's extension (`lp` or `mps`), if known.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}

extension MIPModel {
    /// The model as text in `format`.
    ///
    /// Both formats keep names, bounds, integrality, ranged rows and the objective sense.
    /// The objective's constant is written as the objective coefficient of an extra column
    /// fixed at 1 (``objectiveConstantName``): readers disagree on the sign of a constant
    /// given as the objective row's RHS (GLPK's reader takes it negated, HiGHS as written),
    /// while a fixed column means the same to all. Free MPS has no standard sense marker, so
    /// a maximized objective is written negated, with a comment saying so.
    /// - Throws: ``OptimizationError`` `.invalidModel` if ``validate()`` fails.
    /// - Complexity: O(variables + nonzeros).
    public func exported(as format: ModelFileFormat) throws -> String {
        try validate()
        let model = withConstantAsColumn()
        switch format {
        case .cplexLP: return CPLEXLPWriter(model: model).text()
        case .freeMPS: return FreeMPSWriter(model: model).text()
        }
    }

    /// The name of the column that carries the objective's constant in exported files (with
    /// `_` appended while a variable of the model already has it).
    public static let objectiveConstantName = "objective_constant"

    /// The model with its objective constant moved into a new column fixed at 1.
    private func withConstantAsColumn() -> MIPModel {
        guard objective.constant != 0 else { return self }
        var copy = self
        let names = Set(variables.map(\.name))
        var name = Self.objectiveConstantName
        while names.contains(name) { name += "_" }
        let column = copy.addVariable(name: name, kind: .continuous, lowerBound: 1, upperBound: 1)
        copy.setObjective(sense, LinearExpression(objective.terms.map { ($0.variable, $0.coefficient) } + [(column, objective.constant)]))
        return copy
    }
}

/// Formats a number so that reading it back gives the same `Double`.
func exportNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
