/// Fix-and-optimize over the diagonal blocks of a model (a roster's days): with every other
/// block held at a point's values, one block's variables are searched again by branch and
/// bound, from the point as the first incumbent, within a node budget; a better block is
/// kept, and the next block is searched around the improved point. The search only looks for
/// a better incumbent, never for a proof: it branches on the most fractional variable (cheap
/// subproblems) and backtracks by best projection (towards better incumbents).
///
/// A dive rounds each block once, in order, and cannot go back on a rounding once later
/// blocks have been fixed around it; this search can, one block at a time. Every step keeps a
/// point that meets every row, so the result is never worse than the start. Node budgets,
/// not the clock, end each search: the outcome depends only on the model and the point (the
/// backstop only stops the work, and then says so by firing).
public struct BlockImprovement {
    /// The solver of the blocks' branch and bound.
    public let solver: any MIPSolver
    /// A block's search may take as many subproblems as this divided by the block's variables
    /// (subproblems × variables at most this), so that the work per block (each subproblem an
    /// LP of the block's size) is about the same.
    public var nodeVariableBudget: Int
    /// The most subproblems of any block's search.
    public var nodeLimit: Int

    /// The largest row violation accepted in the improved point.
    static let tolerance = 1e-6

    /// Creates the search.
    public init(solver: any MIPSolver, nodeVariableBudget: Int, nodeLimit: Int) {
        self.solver = solver
        self.nodeVariableBudget = nodeVariableBudget
        self.nodeLimit = nodeLimit
    }

    /// The subproblems a block of `variables` variables may take: at least one.
    func nodes(variables: Int) -> Int { max(1, min(nodeLimit, nodeVariableBudget / max(1, variables))) }

    /// What the search did.
    public struct Outcome: Sendable {
        /// The improved point (the start when nothing was better).
        public let values: [Double]
        /// Its objective.
        public let objective: Double
        /// The blocks searched, in order (all of them unless the backstop stopped the work).
        public let searchedBlocks: [Int]
        /// The blocks whose search found a better point.
        public let improvedBlocks: [Int]
        /// Whether the backstop stopped the work (a block's search, or the blocks after it).
        public let stopped: Bool
    }

    /// Searches each block of `blockOfVariable` (in ascending order) around `values`, a point
    /// meeting every row of `model` with whole values where the model asks for them.
    /// Variables of no block stay as they are.
    public func run(_ model: MIPModel, values start: [Double], blockOfVariable: [Int?], backstop: TimeBackstop) throws -> Outcome {
        var values = start
        for (index, variable) in model.variables.enumerated() where variable.kind != .continuous {
            values[index] = values[index].rounded()
        }
        var objective = model.objective.evaluate(values)
        var searched: [Int] = []
        var improved: [Int] = []
        var stopped = false
        for block in Set(blockOfVariable.compactMap { $0 }).sorted() {
            guard let remaining = backstop.remaining() else {
                stopped = true
                break
            }
            let part = Self.blockModel(model, block: block, blockOfVariable: blockOfVariable, values: values)
            let current = part.members.map { values[$0] }
            var options = SolverOptions(timeLimit: remaining, relativeGap: 0)
            options.presolve = false
            options.nodeLimit = nodes(variables: part.model.variables.count)
            options.startingPoint = current
            options.branching = .mostFractional
            options.backtracking = .bestProjection
            let result = try solver.solve(part.model, options: options)
            if result.termination == .timeLimit {
                backstop.fire()
                stopped = true
            }
            if result.hasFeasibleSolution, result.values.count == part.members.count,
               (result.objective ?? .infinity) < part.model.objective.evaluate(current) - 1e-7 {
                var trial = values
                for (position, index) in part.members.enumerated() {
                    let variable = model.variables[index]
                    trial[index] = variable.kind == .continuous ? result.values[position] : result.values[position].rounded()
                }
                let trialObjective = model.objective.evaluate(trial)
                if trialObjective < objective - 1e-7, BlockwiseDive.largestViolation(of: model, at: trial) <= Self.tolerance {
                    values = trial
                    objective = trialObjective
                    improved.append(block)
                }
            }
            searched.append(block)
        }
        return Outcome(values: values, objective: objective, searchedBlocks: searched, improvedBlocks: improved, stopped: stopped)
    }

    /// The model of one block with every other variable held at `values`: the block's
    /// variables (`members`, by index in the whole model), the rows on them with the held
    /// variables as constants, and the block's part of the objective.
    static func blockModel(_ model: MIPModel, block: Int, blockOfVariable: [Int?], values: [Double]) -> BlockwiseDive.BlockModel {
        heldModel(model, members: blockOfVariable.indices.filter { blockOfVariable[$0] == block }, values: values, name: "block\(block)")
    }

    /// The model of `members` (indices in `model`) with every other variable held at `values`:
    /// the rows on them with the held variables as constants, and their part of the objective.
    static func heldModel(_ model: MIPModel, members: [Int], values: [Double], name: String) -> BlockwiseDive.BlockModel {
        var position: [Int: VariableID] = [:]
        var part = MIPModel(name: "\(model.name)_\(name)")
        for index in members {
            let variable = model.variables[index]
            position[index] = part.addVariable(name: variable.name, kind: variable.kind, lowerBound: variable.lowerBound,
                                               upperBound: variable.upperBound)
        }
        var objective: [(VariableID, Double)] = []
        var constant = model.objective.constant
        for term in model.objective.terms {
            if let member = position[term.variable.index] {
                objective.append((member, term.coefficient))
            } else {
                constant += term.coefficient * values[term.variable.index]
            }
        }
        for constraint in model.constraints {
            var terms: [(VariableID, Double)] = []
            var held = 0.0
            for term in constraint.expression.terms {
                if let member = position[term.variable.index] {
                    terms.append((member, term.coefficient))
                } else {
                    held += term.coefficient * values[term.variable.index]
                }
            }
            guard !terms.isEmpty else { continue }
            part.addConstraint(name: constraint.name, LinearExpression(terms, constant: held), constraint.bounds)
        }
        part.setObjective(model.sense, LinearExpression(objective, constant: constant))
        return BlockwiseDive.BlockModel(model: part, members: members)
    }
}
