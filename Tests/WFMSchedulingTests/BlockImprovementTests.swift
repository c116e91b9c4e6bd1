import Testing
import WFMGLPK
@testable import WFMOptimization

/// The search block by block (real GLPK) on models small enough to check by hand.
@Suite struct BlockImprovementTests {
    /// Block 0 holds a + b = 2 (a costs 3, b 1); block 1 holds c (cost 1), linked by b + c ≥ 2.
    /// From a = 2, b = 0, c = 2 (cost 8), block 0 moves to b = 2, after which block 1 can drop
    /// c: cost 2, the optimum.
    @Test func eachBlockIsSearchedAroundTheOthersAsTheyNowAre() throws {
        var model = MIPModel(name: "two days")
        let a = model.addVariable(name: "a", kind: .integer, lowerBound: 0, upperBound: 2)
        let b = model.addVariable(name: "b", kind: .integer, lowerBound: 0, upperBound: 2)
        let c = model.addVariable(name: "c", kind: .integer, lowerBound: 0, upperBound: 2)
        model.addConstraint(name: "day0", LinearExpression([(a, 1), (b, 1)]), .equal(2))
        model.addConstraint(name: "link", LinearExpression([(b, 1), (c, 1)]), .greaterOrEqual(2))
        model.setObjective(.minimize, LinearExpression([(a, 3), (b, 1), (c, 1)]))
        let search = BlockImprovement(solver: GLPKSolver(), nodeVariableBudget: 1_000, nodeLimit: 100)
        let outcome = try search.run(model, values: [2, 0, 2], blockOfVariable: [0, 0, 1], backstop: TimeBackstop(after: .seconds(10)))
        #expect(outcome.values == [0, 2, 0] && outcome.objective == 2, "\(outcome.values)")
        #expect(outcome.improvedBlocks == [0, 1] && outcome.searchedBlocks == [0, 1] && !outcome.stopped)
    }

    /// A point no block can better on its own is kept as it is: the search is local, and never
    /// worse than its start.
    @Test func aPointNoBlockCanBetterIsKept() throws {
        // a + c = 2 links the blocks; a costs 1, c 2. From a = 0, c = 2 (cost 4), block 0 alone
        // cannot raise a (c is held at 2, a + c ≤ 2), and block 1 cannot lower c.
        var model = MIPModel(name: "stuck")
        let a = model.addVariable(name: "a", kind: .integer, lowerBound: 0, upperBound: 2)
        let c = model.addVariable(name: "c", kind: .integer, lowerBound: 0, upperBound: 2)
        model.addConstraint(name: "link", LinearExpression([(a, 1), (c, 1)]), .equal(2))
        model.setObjective(.minimize, LinearExpression([(a, 1), (c, 2)]))
        let search = BlockImprovement(solver: GLPKSolver(), nodeVariableBudget: 1_000, nodeLimit: 100)
        let outcome = try search.run(model, values: [0, 2], blockOfVariable: [0, 1], backstop: TimeBackstop(after: .seconds(10)))
        #expect(outcome.values == [0, 2] && outcome.objective == 4 && outcome.improvedBlocks.isEmpty)
    }

    @Test func aBlocksNodesFollowItsSize() {
        let search = BlockImprovement(solver: GLPKSolver(), nodeVariableBudget: 800_000, nodeLimit: 400)
        #expect(search.nodes(variables: 1_000) == 400)
        #expect(search.nodes(variables: 8_000) == 100)
        #expect(search.nodes(variables: 10_000_000) == 1)
    }
}
