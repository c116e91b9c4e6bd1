/// An LP-guided dive for a model of diagonal blocks linked by a few rows (a roster's days,
/// linked by the weekly rules), done mostly inside the blocks, where LP iterations are many
/// times cheaper than in the whole model:
///
/// 1. The whole relaxation is solved from the blocks' optima, priced by `prices` on the
///    linking rows (a Lagrangian start: with good prices the simplex only repairs a little).
/// 2. The `linkingCounts` (for rosters: shifts per group and day, which the weekly day rows
///    add up) are dived to whole values in the whole model, half of the fractional ones a
///    step (the last ones not tried both ways: each whole-model re-solve is dear, and trying
///    did not pay on the standard instances), so that no block has to round a
///    share of a weekly total.
/// 3. Block by block, the block's part of the model is dived to whole values. In a linking
///    row, earlier blocks (and variables of no block) count with their values; later blocks
///    count as one variable for their total, priced at the row's dual in the whole LP and
///    kept within ``reach`` of its LP value — what a block leaves to later days costs what
///    the LP says it does, and cannot pile up. When a block cannot meet what the earlier ones
///    left it (its relaxation is infeasible, or its dive hits a dead end), the block before it
///    is dived again together with it, and so on back: the span's own rows then link its
///    blocks exactly.
///
/// The last block to touch a linking row meets it exactly, so the blocks' points together
/// satisfy every row; that is checked before the point is returned.
public struct BlockwiseDive {
    /// The solver of the LP relaxations.
    public let solver: any LPSessionSolver
    /// See ``LPGuidedDive/largestStepIncrease``.
    public var largestStepIncrease = Double.infinity

    /// Creates a dive.
    public init(solver: any LPSessionSolver) { self.solver = solver }
    /// Share of the fractional linking counts rounded per step of the whole-model dive.
    static let countBatchShare = 0.5
    /// Share of a block's fractional variables rounded per step (block re-solves are cheap).
    static let blockBatchShare = 0.2
    /// How far the later blocks' part of a linking row may move from its LP value, in units
    /// of the row's largest coefficient among them.
    static let reach = 1.0
    /// The largest row violation accepted in the assembled point.
    static let tolerance = 1e-6

    /// Dives `model`; `blockOfVariable` gives each variable's block (nil for none), `prices`
    /// one price per constraint (only linking rows' are used).
    /// - Returns: nil at a dead end or when the backstop stops it.
    public func run(
        _ model: MIPModel, blockOfVariable: [Int?], linkingCounts: [VariableID], roundFirst: Set<VariableID>, prices: [Double]?,
        backstop: TimeBackstop
    ) throws -> LPGuidedDive.Outcome? {
        var dive = LPGuidedDive(solver: solver)
        dive.largestStepIncrease = largestStepIncrease
        var blockDive = dive
        blockDive.batchShare = Self.blockBatchShare
        return try solver.withLPSession(model) { whole -> LPGuidedDive.Outcome? in
            guard let root = try dive.solve(whole, fromBlocks: blockOfVariable, prices: prices, backstop: backstop) else { return nil }
            let duals = whole.rowDuals()
            var state = LPGuidedDive.State(values: root.values, objective: root.objective ?? 0)
            let counts = linkingCounts.map(\.index)
            let counted = Set(counts)
            guard try dive.makeWhole(counts, of: model, in: whole, state: &state, backstop: backstop,
                                     batchShare: Self.countBatchShare, probes: false)
            else { return nil }
            var values = state.values
            var solves = 1 + state.solves
            let blocks = Set(blockOfVariable.compactMap { $0 }).sorted()
            var first = 0
            var last = 0
            while last < blocks.count {
                let span = blocks[first]...blocks[last]
                var part = Self.blockModel(model, blocks: span, blockOfVariable: blockOfVariable, values: values, duals: duals)
                for (position, index) in part.members.enumerated() where counted.contains(index) {
                    part.model.setBounds(of: VariableID(position), lower: values[index], upper: values[index])
                }
                let spanFirst = Set(part.members.indices.filter { roundFirst.contains(VariableID(part.members[$0])) }.map { VariableID($0) })
                guard let result = try blockDive.run(part.model, roundFirst: spanFirst, backstop: backstop) else {
                    // What the earlier blocks left cannot be met here: dive the previous block
                    // again, together with this one.
                    guard first > 0, !backstop.isExpired else { return nil }
                    first -= 1
                    continue
                }
                for (position, index) in part.members.enumerated() { values[index] = result.values[position] }
                solves += result.lpSolves
                last += 1
                first = last
            }
            guard Self.largestViolation(of: model, at: values) <= Self.tolerance else { return nil }
            return LPGuidedDive.Outcome(values: values, objective: model.objective.evaluate(values), rootSolveTime: root.solveTime, lpSolves: solves)
        }
    }

    /// The part of a model for a span of blocks: the span's own variables first (`members`, by
    /// index in the whole model), then one variable per linking row for the later blocks' part
    /// of it.
    struct BlockModel {
        var model: MIPModel
        let members: [Int]
    }

    /// The model of the `blocks` span: its variables and every constraint on them. In a linking row,
    /// variables of earlier blocks or of none are constants at `values`; those of later blocks
    /// are replaced by one continuous variable for their total, costing the row's dual per
    /// unit and kept within ``reach`` of its value at `values` (and within what their bounds
    /// allow). The objective leaves out the later blocks' own terms (a constant to them).
    static func blockModel(_ model: MIPModel, blocks: ClosedRange<Int>, blockOfVariable: [Int?], values: [Double], duals: [Double]) -> BlockModel {
        let members = blockOfVariable.indices.filter { blockOfVariable[$0].map(blocks.contains) ?? false }
        let isLater = { (index: Int) in blockOfVariable[index].map { $0 > blocks.upperBound } ?? false }
        var position: [Int: VariableID] = [:]
        var part = MIPModel(name: "\(model.name)_blocks\(blocks.lowerBound)to\(blocks.upperBound)")
        for index in members {
            let variable = model.variables[index]
            position[index] = part.addVariable(
                name: variable.name, kind: variable.kind, lowerBound: variable.lowerBound, upperBound: variable.upperBound)
        }
        var objective: [(VariableID, Double)] = []
        var constant = model.objective.constant
        for term in model.objective.terms where !isLater(term.variable.index) {
            if let member = position[term.variable.index] {
                objective.append((member, term.coefficient))
            } else {
                constant += term.coefficient * values[term.variable.index]
            }
        }
        for (row, constraint) in model.constraints.enumerated() {
            var terms: [(VariableID, Double)] = []
            var fixed = 0.0
            var later = (value: 0.0, lowest: 0.0, highest: 0.0, scale: 0.0)
            for term in constraint.expression.terms {
                let index = term.variable.index
                if let member = position[index] {
                    terms.append((member, term.coefficient))
                } else if isLater(index) {
                    let variable = model.variables[index]
                    let ends = [term.coefficient * variable.lowerBound, term.coefficient * variable.upperBound]
                    later.value += term.coefficient * values[index]
                    later.lowest += ends.min()!
                    later.highest += ends.max()!
                    later.scale = max(later.scale, abs(term.coefficient))
                } else {
                    fixed += term.coefficient * values[index]
                }
            }
            guard !terms.isEmpty else { continue }
            if later.scale > 0 {
                let reach = Self.reach * later.scale
                let rest = part.addVariable(
                    name: "later_\(row)", lowerBound: max(later.lowest, min(later.value, later.highest) - reach),
                    upperBound: min(later.highest, max(later.value, later.lowest) + reach))
                terms.append((rest, 1))
                objective.append((rest, duals[row]))
            }
            part.addConstraint(name: constraint.name, LinearExpression(terms, constant: fixed), constraint.bounds)
        }
        part.setObjective(model.sense, LinearExpression(objective, constant: constant))
        return BlockModel(model: part, members: members)
    }

    /// The largest amount by which a constraint of `model` misses its bounds at `values`.
    static func largestViolation(of model: MIPModel, at values: [Double]) -> Double {
        model.constraints.reduce(0) { worst, constraint in
            let activity = constraint.expression.evaluate(values)
            return max(worst, constraint.bounds.lower - activity, activity - constraint.bounds.upper)
        }
    }
}
