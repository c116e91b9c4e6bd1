import Testing
import WFMOptimization

@Suite struct MIPModelTests {
    @Test func constantsMoveToTheBounds() {
        var model = MIPModel()
        let x = model.addVariable(name: "x")
        model.addConstraint(LinearExpression([(x, 2)], constant: 3), .lessOrEqual(10))
        #expect(model.constraints[0].bounds == .lessOrEqual(7))
        #expect(model.constraints[0].expression.constant == 0)
    }

    @Test func duplicateTermsAreMerged() {
        let x = VariableID(0)
        let expression = LinearExpression([(x, 2), (x, 3)])
        #expect(expression.terms.count == 1)
        #expect(expression.terms[0].coefficient == 5)
    }

    @Test func validationReportsEveryProblem() {
        var model = MIPModel()
        let x = model.addVariable(name: "x", lowerBound: 5, upperBound: 1)
        model.addVariable(name: "x")
        model.addVariable(name: "bad name")
        model.addVariable(name: "n", kind: .integer, lowerBound: 0.2, upperBound: 0.8)
        model.addConstraint(name: "nan", LinearExpression([(x, .nan)]), .lessOrEqual(1))
        model.addConstraint(name: "unknown", LinearExpression([(VariableID(99), 1)]), .greaterOrEqual(0))
        model.addConstraint(name: "range", LinearExpression([(x, 1)]), .ranged(lower: 3, upper: 2))
        #expect {
            try model.validate()
        } throws: { error in
            guard let error = error as? OptimizationError, error.code == .invalidModel else { return false }
            let text = error.problems.joined(separator: "\n")
            return error.problems.count == 7
                && text.contains("lower bound 5.0 exceeds upper bound 1.0")
                && text.contains("name is used twice")
                && text.contains("must start with a letter")
                && text.contains("no whole number")
                && text.contains("coefficient nan")
                && text.contains("unknown variable #99")
                && text.contains("lower limit 3.0 exceeds upper limit 2.0")
        }
    }

    @Test func exportsCarryNamesBoundsAndIntegrality() throws {
        var model = MIPModel(name: "tiny")
        let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 4)
        let y = model.addVariable(name: "y", kind: .binary)
        let z = model.addVariable(name: "z", lowerBound: -.infinity, upperBound: .infinity)
        model.addConstraint(name: "cap", LinearExpression([(x, 1), (y, 2), (z, 1)]), .ranged(lower: 1, upper: 5))
        model.setObjective(.maximize, LinearExpression([(x, 3), (y, -1)]))
        let lp = try model.exported(as: .cplexLP)
        #expect(lp.contains("Maximize\n obj: + 3 x - 1 y\n"))
        #expect(lp.contains(" cap: 1 <= + 1 x + 2 y + 1 z <= 5\n"))
        #expect(lp.contains(" z free\n"))
        #expect(lp.contains("General\n x\n"))
        #expect(lp.contains("Binary\n y\n"))
        let mps = try model.exported(as: .freeMPS)
        #expect(mps.contains(" G cap\n"))
        #expect(mps.contains(" RNG cap 4\n"))
        #expect(mps.contains(" x obj -3\n"))
        #expect(mps.contains("'INTORG'"))
        #expect(mps.contains(" BV BND y\n"))
        #expect(mps.contains(" FR BND z\n"))
    }
}
