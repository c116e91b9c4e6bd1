import Testing
import WFMGLPK
@testable import WFMOptimization

/// The search around a relaxation's solution (real GLPK) on models small enough to check by
/// hand.
@Suite struct RelaxationInducedSearchTests {
    /// a + c = 2 links two "days" (a costs 1, c 2): from a = 0, c = 2 (cost 4) no day can move
    /// on its own (the search by day keeps it), but both disagree with the relaxation's a = 2,
    /// c = 0, so both are free here, and the search finds the optimum, cost 2. d (cost −1)
    /// agrees with the relaxation at its start, 0, and is held there although 1 would be better.
    @Test func theVariablesTheRelaxationAgreesWithAreHeldAndTheRestSearched() throws {
        var model = MIPModel(name: "two days")
        let a = model.addVariable(name: "a", kind: .integer, lowerBound: 0, upperBound: 2)
        let c = model.addVariable(name: "c", kind: .integer, lowerBound: 0, upperBound: 2)
        let d = model.addVariable(name: "d", kind: .integer, lowerBound: 0, upperBound: 1)
        let slack = model.addVariable(name: "slack", kind: .continuous, lowerBound: 0, upperBound: 5)
        model.addConstraint(name: "link", LinearExpression([(a, 1), (c, 1)]), .equal(2))
        model.addConstraint(name: "slack", LinearExpression([(slack, 1), (a, -1)]), .greaterOrEqual(0))
        model.setObjective(.minimize, LinearExpression([(a, 1), (c, 2), (d, -1), (slack, 0.1)]))
        let search = RelaxationInducedSearch(solver: GLPKSolver(), nodeVariableBudget: 1_000, nodeLimit: 100)
        let outcome = try search.run(model, values: [0, 2, 0, 0], relaxation: [2, 0, 0.2, nil], backstop: TimeBackstop(after: .seconds(10)))
        #expect(outcome.freeVariables == 3, "a, c and the continuous slack")
        #expect(outcome.values == [2, 0, 0, 2] && abs(outcome.objective - 2.2) < 1e-9, "\(outcome.values)")
        #expect(!outcome.stopped)

        let blocks = BlockImprovement(solver: GLPKSolver(), nodeVariableBudget: 1_000, nodeLimit: 100)
        let byDay = try blocks.run(model, values: [0, 2, 0, 0], blockOfVariable: [0, 1, nil, 0], backstop: TimeBackstop(after: .seconds(10)))
        #expect(byDay.objective == 4, "the search by day cannot move a shift from one day to another")
    }

    /// When every whole-number variable agrees with the relaxation, there is nothing to search:
    /// the point is kept as it was.
    @Test func aPointInAgreementIsKept() throws {
        var model = MIPModel(name: "agreed")
        let a = model.addVariable(name: "a", kind: .integer, lowerBound: 0, upperBound: 2)
        let c = model.addVariable(name: "c", kind: .integer, lowerBound: 0, upperBound: 2)
        model.addConstraint(name: "link", LinearExpression([(a, 1), (c, 1)]), .equal(2))
        model.setObjective(.minimize, LinearExpression([(a, 1), (c, 2)]))
        let search = RelaxationInducedSearch(solver: GLPKSolver(), nodeVariableBudget: 1_000, nodeLimit: 100)
        let outcome = try search.run(model, values: [0, 2], relaxation: [0.3, 1.6], backstop: TimeBackstop(after: .seconds(10)))
        #expect(outcome.freeVariables == 0 && outcome.values == [0, 2] && outcome.objective == 4)
    }
}
