/// Writes a validated ``MIPModel`` whose objective has no constant in CPLEX LP format.
struct CPLEXLPWriter {
    let model: MIPModel

    func text() -> String {
        var out = "\\ Model \(model.name), written by wfm\n"
        out += model.sense == .minimize ? "Minimize\n" : "Maximize\n"
        out += " obj:" + terms(model.objective) + "\n"
        out += "Subject To\n"
        for constraint in model.constraints {
            let lhs = terms(constraint.expression)
            switch constraint.bounds {
            case .lessOrEqual(let value): out += " \(constraint.name):\(lhs) <= \(exportNumber(value))\n"
            case .greaterOrEqual(let value): out += " \(constraint.name):\(lhs) >= \(exportNumber(value))\n"
            case .equal(let value): out += " \(constraint.name):\(lhs) = \(exportNumber(value))\n"
            case .ranged(let lower, let upper):
                out += " \(constraint.name): \(exportNumber(lower)) <=\(lhs) <= \(exportNumber(upper))\n"
            }
        }
        out += "Bounds\n"
        for variable in model.variables where variable.kind != .binary {
            out += " " + bound(variable) + "\n"
        }
        let generals = model.variables.filter { $0.kind == .integer }.map(\.name)
        if !generals.isEmpty { out += "General\n" + lines(generals) }
        let binaries = model.variables.filter { $0.kind == .binary }.map(\.name)
        if !binaries.isEmpty { out += "Binary\n" + lines(binaries) }
        return out + "End\n"
    }

    /// ` + 2 x - 3 y`, or ` 0 x1` for an empty expression (LP needs one term per row).
    private func terms(_ expression: LinearExpression) -> String {
        guard !expression.terms.isEmpty else {
            return model.variables.isEmpty ? "" : " 0 \(model.variables[0].name)"
        }
        return expression.terms.map { term in
            let sign = term.coefficient < 0 ? "-" : "+"
            return " \(sign) \(exportNumber(abs(term.coefficient))) \(model.variables[term.variable.index].name)"
        }.joined()
    }

    private func bound(_ variable: Variable) -> String {
        let (lower, upper, name) = (variable.lowerBound, variable.upperBound, variable.name)
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return "\(name) free"
        case (true, true) where lower == upper: return "\(name) = \(exportNumber(lower))"
        case (true, true): return "\(exportNumber(lower)) <= \(name) <= \(exportNumber(upper))"
        case (true, false): return "\(exportNumber(lower)) <= \(name) <= +inf"
        case (false, true): return "-inf <= \(name) <= \(exportNumber(upper))"
        }
    }

    private func lines(_ names: [String]) -> String {
        names.map { " \($0)\n" }.joined()
    }
}
