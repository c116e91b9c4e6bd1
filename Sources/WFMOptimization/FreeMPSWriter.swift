/// Writes a validated ``MIPModel`` whose objective has no constant in free-format MPS.
struct FreeMPSWriter {
    let model: MIPModel

    func text() -> String {
        let negate = model.sense == .maximize
        var out = "* Model \(model.name), written by wfm\n"
        if negate { out += "* The model maximizes: the objective row below is negated (minimize it).\n" }
        out += "NAME \(model.name.isEmpty ? "model" : model.name.replacingSpaces())\nROWS\n N obj\n"
        for constraint in model.constraints {
            out += " \(rowType(constraint.bounds)) \(constraint.name)\n"
        }
        out += "COLUMNS\n"
        out += columns(negate: negate)
        out += "RHS\n"
        for constraint in model.constraints {
            let rhs = rightHandSide(constraint.bounds)
            if rhs != 0 { out += " RHS \(constraint.name) \(exportNumber(rhs))\n" }
        }
        let ranged = model.constraints.compactMap { constraint -> String? in
            guard case .ranged(let lower, let upper) = constraint.bounds else { return nil }
            return " RNG \(constraint.name) \(exportNumber(upper - lower))\n"
        }
        if !ranged.isEmpty { out += "RANGES\n" + ranged.joined() }
        out += "BOUNDS\n"
        for variable in model.variables { out += bounds(variable) }
        return out + "ENDATA\n"
    }

    private func columns(negate: Bool) -> String {
        var entries = Array(repeating: [(row: String, value: Double)](), count: model.variables.count)
        for term in model.objective.terms {
            entries[term.variable.index].append(("obj", negate ? -term.coefficient : term.coefficient))
        }
        for constraint in model.constraints {
            for term in constraint.expression.terms {
                entries[term.variable.index].append((constraint.name, term.coefficient))
            }
        }
        var out = ""
        var inIntegerBlock = false
        var markerCount = 0
        for (index, variable) in model.variables.enumerated() {
            let isInteger = variable.kind != .continuous
            if isInteger != inIntegerBlock {
                markerCount += 1
                out += " M\(markerCount) 'MARKER' '\(isInteger ? "INTORG" : "INTEND")'\n"
                inIntegerBlock = isInteger
            }
            if entries[index].isEmpty {
                out += " \(variable.name) obj 0\n"
            }
            for entry in entries[index] {
                out += " \(variable.name) \(entry.row) \(exportNumber(entry.value))\n"
            }
        }
        if inIntegerBlock { out += " M\(markerCount + 1) 'MARKER' 'INTEND'\n" }
        return out
    }

    private func rowType(_ bounds: ConstraintBounds) -> String {
        switch bounds {
        case .lessOrEqual: "L"
        case .greaterOrEqual, .ranged: "G"
        case .equal: "E"
        }
    }

    private func rightHandSide(_ bounds: ConstraintBounds) -> Double {
        switch bounds {
        case .lessOrEqual(let value), .greaterOrEqual(let value), .equal(let value): value
        case .ranged(let lower, _): lower
        }
    }

    /// Explicit bounds for every column, so no reader's defaults matter.
    private func bounds(_ variable: Variable) -> String {
        let (lower, upper, name) = (variable.lowerBound, variable.upperBound, variable.name)
        if variable.kind == .binary { return " BV BND \(name)\n" }
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return " FR BND \(name)\n"
        case (true, true) where lower == upper: return " FX BND \(name) \(exportNumber(lower))\n"
        case (true, true): return " LO BND \(name) \(exportNumber(lower))\n UP BND \(name) \(exportNumber(upper))\n"
        case (true, false): return " LO BND \(name) \(exportNumber(lower))\n PL BND \(name)\n"
        case (false, true): return " MI BND \(name)\n UP BND \(name) \(exportNumber(upper))\n"
        }
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}
