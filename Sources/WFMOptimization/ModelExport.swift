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
    /// Both formats keep names, bounds, integrality, ranged rows and the objective sense; the
    /// objective's constant is written as a comment (LP) or as the objective row's RHS (MPS).
    /// Free MPS has no standard sense marker, so a maximized objective is written negated,
    /// with a comment saying so.
    /// - Throws: ``OptimizationError`` `.invalidModel` if ``validate()`` fails.
    /// - Complexity: O(variables + nonzeros).
    public func exported(as format: ModelFileFormat) throws -> String {
        try validate()
        switch format {
        case .cplexLP: return CPLEXLPWriter(model: self).text()
        case .freeMPS: return FreeMPSWriter(model: self).text()
        }
    }
}

/// Formats a number so that reading it back gives the same `Double`.
func exportNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
