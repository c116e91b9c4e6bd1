/// One diagonal block of a model: the variables of one block, the constraints over them alone,
/// and the objective's terms on them (without its constant).
public struct DiagonalBlock: Sendable {
    /// The block as a model of its own.
    public let model: MIPModel
    /// For each of the block model's variables, its index in the whole model.
    public let variables: [Int]
    /// For each of the block model's constraints, its index in the whole model.
    public let constraints: [Int]
}

/// A model cut into diagonal blocks and the constraints that link them.
public struct BlockStructure: Sendable {
    /// The blocks, in the order of their block numbers (empty blocks left out).
    public let blocks: [DiagonalBlock]
    /// Constraints with variables of more than one block, or of none.
    public let linkingConstraints: [Int]
    /// Variables of no block.
    public let freeVariables: [Int]
}

extension MIPModel {
    /// Cuts the model into diagonal blocks: `blockOfVariable[j]` names the block of variable
    /// j (nil for none); a constraint belongs to a block when all its variables do, and links
    /// blocks otherwise.
    ///
    /// With `linkingPrices` (one per constraint; only the linking ones are used), each block's
    /// objective is that of the Lagrangian relaxation of the linking constraints: cost minus
    /// the prices times the linking coefficients. With the optimal duals of the whole LP as
    /// prices, the blocks' optima together are close to the whole optimum.
    /// - Precondition: `blockOfVariable.count == variables.count`, and `linkingPrices` has
    ///   one entry per constraint.
    /// - Complexity: O(variables + nonzeros).
    public func diagonalBlocks(blockOfVariable: [Int?], linkingPrices: [Double]? = nil) -> BlockStructure {
        precondition(blockOfVariable.count == variables.count, "one block entry per variable")
        precondition(linkingPrices.map { $0.count == constraints.count } ?? true, "one price per constraint")
        var blockOfConstraint: [Int?] = []
        for constraint in constraints {
            let blocks = Set(constraint.expression.terms.map { blockOfVariable[$0.variable.index] })
            blockOfConstraint.append(blocks.count == 1 ? blocks.first! : nil)
        }
        let numbers = Set(blockOfVariable.compactMap { $0 }).sorted()
        var objectiveCoefficients = Array(repeating: 0.0, count: variables.count)
        for term in objective.terms { objectiveCoefficients[term.variable.index] += term.coefficient }
        if let linkingPrices {
            for (row, constraint) in constraints.enumerated() where blockOfConstraint[row] == nil && linkingPrices[row] != 0 {
                for term in constraint.expression.terms { objectiveCoefficients[term.variable.index] -= linkingPrices[row] * term.coefficient }
            }
        }
        var blocks: [DiagonalBlock] = []
        for number in numbers {
            let members = variables.indices.filter { blockOfVariable[$0] == number }
            let rows = constraints.indices.filter { blockOfConstraint[$0] == number }
            var position: [Int: VariableID] = [:]
            var block = MIPModel(name: "\(name)_block\(number)")
            for index in members {
                let variable = variables[index]
                position[index] = block.addVariable(
                    name: variable.name, kind: variable.kind, lowerBound: variable.lowerBound, upperBound: variable.upperBound)
            }
            for row in rows {
                let constraint = constraints[row]
                let terms = constraint.expression.terms.map { (position[$0.variable.index]!, $0.coefficient) }
                block.addConstraint(name: constraint.name, LinearExpression(terms), constraint.bounds)
            }
            block.setObjective(sense, LinearExpression(members.map { (position[$0]!, objectiveCoefficients[$0]) }.filter { $0.1 != 0 }))
            blocks.append(DiagonalBlock(model: block, variables: members, constraints: rows))
        }
        return BlockStructure(
            blocks: blocks,
            linkingConstraints: constraints.indices.filter { blockOfConstraint[$0] == nil },
            freeVariables: variables.indices.filter { blockOfVariable[$0] == nil })
    }
}

