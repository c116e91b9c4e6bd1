import Testing
import WFMGLPK
import WFMOptimization

/// The LP sessions the scheduler's dive relies on: warm re-solves after bound changes, and the
/// interior-point method with the bound its duals prove.
@Suite(.serialized) struct GLPKLPSessionTests {
    let solver = GLPKSolver()

    /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 6, x ≤ 3, 0 ≤ x, y ≤ 100: optimum 11 at (3, 1).
    func textbookLP() -> (MIPModel, VariableID) {
        var model = MIPModel(name: "textbook")
        let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 100)
        let y = model.addVariable(name: "y", lowerBound: 0, upperBound: 100)
        model.addConstraint(name: "a", LinearExpression([(x, 1), (y, 1)]), .lessOrEqual(4))
        model.addConstraint(name: "b", LinearExpression([(x, 1), (y, 3)]), .lessOrEqual(6))
        model.addConstraint(name: "c", LinearExpression([(x, 1)]), .lessOrEqual(3))
        model.setObjective(.maximize, LinearExpression([(x, 3), (y, 2)]))
        return (model, x)
    }

    @Test func boundChangesAreReSolvedFromTheLastBasis() throws {
        let (model, x) = textbookLP()
        let objectives = try solver.withLPSession(model) { session -> [Double?] in
            var seen = [try session.solve(timeLimit: nil).objective]
            session.setBounds(of: x, lower: 2, upper: 2)
            seen.append(try session.solve(timeLimit: nil).objective)  // 6 + 2·(4/3)
            session.setBounds(of: x, lower: 5, upper: 5)
            let infeasible = try session.solve(timeLimit: nil)
            #expect(infeasible.termination == .infeasible)
            session.setBounds(of: x, lower: 0, upper: 100)
            seen.append(try session.solve(timeLimit: nil).objective)
            return seen
        }
        #expect(objectives.count == 3)
        #expect(abs(objectives[0]! - 11) < 1e-9)
        #expect(abs(objectives[1]! - (6 + 8.0 / 3)) < 1e-9)
        #expect(abs(objectives[2]! - 11) < 1e-9)
    }

    @Test func theInteriorPointsDualsProveABound() throws {
        let (model, _) = textbookLP()
        let interior = try solver.withLPSession(model) { try $0.solveByInteriorPoint() }
        #expect(interior.converged)
        #expect(abs(interior.objective - 11) < 1e-6)
        #expect(interior.values.count == 2 && interior.rowDuals.count == 3)
        let bound = try #require(model.lagrangianBound(rowDuals: interior.rowDuals))
        #expect(bound >= 11 - 1e-9, "an upper bound when maximizing")
        #expect(bound - 11 < 1e-4, "and a tight one: \(bound)")
    }
}

/// The node limit: a budget that ends branch and bound at the same point on every run.
@Suite(.serialized) struct GLPKNodeLimitTests {
    @Test func theSearchStopsAfterTheNodeLimitWithItsBestSolution() throws {
        // 30 binaries with a capacity row: branch and bound needs many nodes to prove optimality.
        var model = MIPModel(name: "knapsack30")
        let items = (0..<30).map { model.addVariable(name: "i\($0)", kind: .binary) }
        let weights = (0..<30).map { Double(37 + ($0 * 17) % 23) }
        let values = (0..<30).map { Double(41 + ($0 * 13) % 29) }
        model.addConstraint(name: "cap", LinearExpression(zip(items, weights).map { ($0, $1) }), .lessOrEqual(400))
        model.setObjective(.maximize, LinearExpression(zip(items, values).map { ($0, $1) }))
        var options = SolverOptions(timeLimit: .seconds(30))
        options.presolve = false
        options.nodeLimit = 3
        let first = try GLPKSolver().solve(model, options: options)
        let second = try GLPKSolver().solve(model, options: options)
        #expect(first.termination == .nodeLimit, "\(first.rawStatus)")
        #expect(first.rawStatus.contains("after 3 nodes"))
        #expect(first.objective == second.objective && first.values == second.values)
        options.nodeLimit = 0
        let refused = #expect(throws: OptimizationError.self) { try GLPKSolver().solve(model, options: options) }
        #expect(refused?.code == .invalidOptions)
    }
}

/// The block start: a basis assembled from the blocks' optima, repaired by the primal simplex,
/// reaches the same optimum as a cold start.
@Suite(.serialized) struct GLPKBlockStartTests {
    let solver = GLPKSolver()

    /// Three "days", each needing `need[d]` units from x (cost 1) or y (cost 3, at most 4);
    /// x is limited to 5 a week in total (the linking row). Optimum: x takes 5 of the cheapest
    /// need, y the rest: needs 3 + 2 + 4 = 9 → 5·1 + 4·3 = 17.
    func week() -> (MIPModel, [Int?]) {
        var model = MIPModel(name: "week")
        var blocks: [Int?] = []
        var xs: [(VariableID, Double)] = []
        var objective: [(VariableID, Double)] = []
        for (day, need) in [3.0, 2, 4].enumerated() {
            let x = model.addVariable(name: "x\(day)", kind: .integer, lowerBound: 0, upperBound: 10)
            let y = model.addVariable(name: "y\(day)", lowerBound: 0, upperBound: 4)
            blocks += [day, day]
            model.addConstraint(name: "need\(day)", LinearExpression([(x, 1), (y, 1)]), .greaterOrEqual(need))
            xs.append((x, 1))
            objective += [(x, 1), (y, 3)]
        }
        model.addConstraint(name: "week", LinearExpression(xs), .lessOrEqual(5))
        model.setObjective(.minimize, LinearExpression(objective))
        return (model, blocks)
    }

    @Test func theBlockStartReachesTheColdOptimum() throws {
        let (model, blocks) = week()
        for prices in [nil, [0, 0, 0, -2.0]] as [[Double]?] {
            let result = try solver.withLPSession(model) { try $0.solve(fromBlocks: blocks, linkingPrices: prices, timeLimit: nil) }
            #expect(result.termination == .optimal)
            #expect(abs(result.objective! - 17) < 1e-9, "prices \(String(describing: prices)): \(result.objective!)")
        }
    }

    @Test func boundsSetBeforeTheBlockStartHold() throws {
        let (model, blocks) = week()
        let result = try solver.withLPSession(model) { session in
            session.setBounds(of: VariableID(0), lower: 0, upper: 0)  // no x on day 0: 3 units of y there
            return try session.solve(fromBlocks: blocks, linkingPrices: nil, timeLimit: nil)
        }
        #expect(abs(result.objective! - (5 + 3 * 3 + 1 * 3)) < 1e-9, "x: 2 + 3 on days 1 and 2; y: 3 on day 0, 1 on day 2")
    }

    @Test func theRowDualsAreTheMarginalCosts() throws {
        let (model, blocks) = week()
        let duals = try solver.withLPSession(model) { session -> [Double] in
            _ = try session.solve(fromBlocks: blocks, linkingPrices: nil, timeLimit: nil)
            return session.rowDuals()
        }
        // One more unit of need costs 3 (y); one more x allowed in the week saves 2.
        #expect(duals.map { ($0 * 1e6).rounded() / 1e6 } == [3, 3, 3, -2])
    }

    @Test func aBlockWithoutRowsOfItsOwnIsFine() throws {
        // max x + y, x + y ≤ 3 (linking), x ≤ 2 (block 0's row); y's block has no row of its own.
        var model = MIPModel(name: "bare")
        let x = model.addVariable(name: "x", lowerBound: 0, upperBound: 5)
        let y = model.addVariable(name: "y", lowerBound: 0, upperBound: 5)
        model.addConstraint(name: "both", LinearExpression([(x, 1), (y, 1)]), .lessOrEqual(3))
        model.addConstraint(name: "own", LinearExpression([(x, 1)]), .lessOrEqual(2))
        model.setObjective(.maximize, LinearExpression([(x, 1), (y, 1)]))
        let result = try solver.withLPSession(model) { try $0.solve(fromBlocks: [0, 1], linkingPrices: nil, timeLimit: nil) }
        #expect(result.termination == .optimal && abs(result.objective! - 3) < 1e-9)
    }

    @Test func mismatchedBlocksAreRefused() throws {
        let (model, _) = week()
        let refused = #expect(throws: OptimizationError.self) {
            try solver.withLPSession(model) { try $0.solve(fromBlocks: [0], linkingPrices: nil, timeLimit: nil) }
        }
        #expect(refused?.code == .invalidModel)
    }
}
