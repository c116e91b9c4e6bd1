import Testing
import WFMOptimization

/// Cutting a model into diagonal blocks and the rows that link them.
@Suite struct DiagonalBlocksTests {
    /// Two blocks ({a, b} and {c}), a free variable s, and the rows:
    /// r0: a + b ≤ 4 (block 0), r1: 2c ≥ 1 (block 1), r2: a + c + s = 3 (linking), r3: s ≤ 2 (no block).
    func model() -> (MIPModel, [Int?]) {
        var model = MIPModel(name: "m")
        let a = model.addVariable(name: "a", kind: .integer, lowerBound: 0, upperBound: 5)
        let b = model.addVariable(name: "b", lowerBound: 0, upperBound: 5)
        let c = model.addVariable(name: "c", lowerBound: 0, upperBound: 5)
        let s = model.addVariable(name: "s", lowerBound: 0, upperBound: 5)
        model.addConstraint(name: "r0", LinearExpression([(a, 1), (b, 1)]), .lessOrEqual(4))
        model.addConstraint(name: "r1", LinearExpression([(c, 2)]), .greaterOrEqual(1))
        model.addConstraint(name: "r2", LinearExpression([(a, 1), (c, 1), (s, 1)]), .equal(3))
        model.addConstraint(name: "r3", LinearExpression([(s, 1)]), .lessOrEqual(2))
        model.setObjective(.minimize, LinearExpression([(a, 1), (b, 2), (c, 3), (s, 4)], constant: 7))
        return (model, [0, 0, 1, nil])
    }

    @Test func rowsBelongToTheBlockOfAllTheirVariables() {
        let (model, blocks) = model()
        let structure = model.diagonalBlocks(blockOfVariable: blocks)
        #expect(structure.blocks.map(\.variables) == [[0, 1], [2]])
        #expect(structure.blocks.map(\.constraints) == [[0], [1]])
        #expect(structure.linkingConstraints == [2, 3], "r2 spans blocks, r3 has only a variable of no block")
        #expect(structure.freeVariables == [3])
        let first = structure.blocks[0].model
        #expect(first.variables.map(\.name) == ["a", "b"] && first.variables[0].kind == .integer)
        #expect(first.constraints.map(\.name) == ["r0"] && first.constraints[0].bounds == .lessOrEqual(4))
        #expect(first.objective.evaluate([1, 1]) == 3, "the block's own costs, without the constant")
    }

    @Test func pricesMoveTheLinkingRowsIntoTheObjectives() {
        let (model, blocks) = model()
        let structure = model.diagonalBlocks(blockOfVariable: blocks, linkingPrices: [100, 100, 0.5, 100])
        // a: 1 − 0.5, b: 2 (r0 is a block row, its price unused), c: 3 − 0.5.
        #expect(structure.blocks[0].model.objective.evaluate([1, 0]) == 0.5)
        #expect(structure.blocks[0].model.objective.evaluate([0, 1]) == 2)
        #expect(structure.blocks[1].model.objective.evaluate([1]) == 2.5)
    }
}
