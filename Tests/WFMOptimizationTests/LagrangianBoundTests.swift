import Testing
import WFMOptimization

/// Weak duality by hand: min x + 2y s.t. x + y ≥ 2, x ≤ 1.5, 0 ≤ x, y ≤ 10 has optimum 2.5
/// (x = 1.5, y = 0.5), with multipliers 2 on the first row and −1 on the second.
@Suite struct LagrangianBoundTests {
    func model(_ sense: OptimizationSense = .minimize) -> MIPModel {
        var model = MIPModel()
        let x = model.addVariable(name: "x", lowerBound: 0, upperBound: 10)
        let y = model.addVariable(name: "y", lowerBound: 0, upperBound: 10)
        model.addConstraint(name: "cover", LinearExpression([(x, 1), (y, 1)]), .greaterOrEqual(2))
        model.addConstraint(name: "cap", LinearExpression([(x, 1)]), .lessOrEqual(1.5))
        let sign = sense == .minimize ? 1.0 : -1.0
        model.setObjective(sense, LinearExpression([(x, sign), (y, 2 * sign)], constant: 0.5 * sign))
        return model
    }

    @Test func optimalMultipliersGiveTheOptimum() {
        #expect(abs(model().lagrangianBound(rowDuals: [2, -1])! - 3) < 1e-12, "2.5 plus the constant 0.5")
    }

    @Test func anyMultipliersGiveALowerBound() {
        for duals in [[0.0, 0.0], [1, 0], [2.2, -0.7], [3, -2], [-5, 4]] {
            let bound = model().lagrangianBound(rowDuals: duals)!
            #expect(bound <= 3 + 1e-12, "\(duals) → \(bound)")
        }
        // Multipliers of the wrong sign count as zero: [−5, 4] is as good as [0, 0].
        #expect(model().lagrangianBound(rowDuals: [-5, 4]) == model().lagrangianBound(rowDuals: [0, 0]))
    }

    @Test func maximizingGivesAnUpperBound() {
        let bound = model(.maximize).lagrangianBound(rowDuals: [-2, 1])!
        #expect(abs(bound + 3) < 1e-12)
        #expect(model(.maximize).lagrangianBound(rowDuals: [-1, 0])! >= -3 - 1e-12)
    }

    @Test func anUnboundedDirectionGivesNoBound() {
        var model = MIPModel()
        let x = model.addVariable(name: "x")
        model.addConstraint(name: "cover", LinearExpression([(x, 1)]), .greaterOrEqual(1))
        model.setObjective(.minimize, LinearExpression([(x, 1)]))
        #expect(model.lagrangianBound(rowDuals: [2]) == nil, "reduced cost −1 on a column without upper bound")
        #expect(model.lagrangianBound(rowDuals: [1]) == 1)
        #expect(model.lagrangianBound(rowDuals: []) == nil)
    }
}
