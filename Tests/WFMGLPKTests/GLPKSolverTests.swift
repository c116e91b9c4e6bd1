import Foundation
import Testing
import WFMGLPK
import WFMOptimization

/// Small models whose optima are known by hand, solved by the real GLPK library.
@Suite(.serialized) struct GLPKSolverTests {
    let solver = GLPKSolver()

    /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 6, x ≤ 3: optimum x = 3, y = 1, objective 11.
    func textbookLP() -> (MIPModel, VariableID, VariableID) {
        var model = MIPModel(name: "textbook")
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y")
        model.addConstraint(name: "a", LinearExpression([(x, 1), (y, 1)]), .lessOrEqual(4))
        model.addConstraint(name: "b", LinearExpression([(x, 1), (y, 3)]), .lessOrEqual(6))
        model.addConstraint(name: "c", LinearExpression([(x, 1)]), .lessOrEqual(3))
        model.setObjective(.maximize, LinearExpression([(x, 3), (y, 2)]))
        return (model, x, y)
    }

    /// Knapsack: values 10, 13, 7, 8; weights 4, 6, 3, 5; capacity 10 → items 1 and 2 (23).
    func knapsack() -> (MIPModel, [VariableID]) {
        var model = MIPModel(name: "knapsack")
        let values = [10.0, 13, 7, 8]
        let weights = [4.0, 6, 3, 5]
        let items = (0..<4).map { model.addVariable(name: "item\($0)", kind: .binary) }
        model.addConstraint(name: "capacity", LinearExpression(zip(items, weights).map { ($0, $1) }), .lessOrEqual(10))
        model.setObjective(.maximize, LinearExpression(zip(items, values).map { ($0, $1) }))
        return (model, items)
    }

    @Test func linearProgramOptimum() throws {
        let (model, x, y) = textbookLP()
        let result = try solver.solve(model)
        #expect(result.termination == .optimal)
        #expect(result.hasFeasibleSolution)
        #expect(abs(result.objective! - 11) < 1e-9)
        #expect(abs(result.value(of: x)! - 3) < 1e-9)
        #expect(abs(result.value(of: y)! - 1) < 1e-9)
        #expect(result.relativeGap == 0)
    }

    @Test func knapsackOptimumMatchesBruteForce() throws {
        let (model, items) = knapsack()
        let result = try solver.solve(model)
        #expect(result.termination == .optimal)
        #expect(abs(result.objective! - 23) < 1e-9)
        #expect(items.map { result.value(of: $0)!.rounded() } == [1, 1, 0, 0])
        var best = 0.0
        for mask in 0..<16 {
            let chosen = (0..<4).filter { mask & (1 << $0) != 0 }
            if chosen.map({ [4.0, 6, 3, 5][$0] }).reduce(0, +) <= 10 {
                best = max(best, chosen.map { [10.0, 13, 7, 8][$0] }.reduce(0, +))
            }
        }
        #expect(abs(result.objective! - best) < 1e-9)
    }

    /// A starting point is branch and bound's first incumbent: a search stopped after its
    /// first subproblem still has it, and a full search still proves the optimum.
    @Test func aStartingPointIsTheFirstIncumbent() throws {
        let (model, _) = knapsack()
        var options = SolverOptions()
        options.presolve = false
        options.startingPoint = [0, 0, 1, 1]
        options.nodeLimit = 1
        let stopped = try solver.solve(model, options: options)
        #expect(stopped.hasFeasibleSolution && stopped.objective! >= 15 - 1e-9, "\(stopped)")
        options.nodeLimit = nil
        let full = try solver.solve(model, options: options)
        #expect(full.termination == .optimal && abs(full.objective! - 23) < 1e-9)
    }

    /// An iteration budget ends the search once the simplex iterations pass it (the
    /// relaxation's count before the first subproblem already does here), with at least the
    /// starting point as the incumbent; a validated option.
    @Test func anIterationLimitEndsTheSearchWithTheIncumbent() throws {
        let (model, _) = knapsack()
        var options = SolverOptions()
        options.presolve = false
        options.startingPoint = [0, 0, 1, 1]
        options.iterationLimit = 1
        let stopped = try solver.solve(model, options: options)
        #expect(stopped.termination == .nodeLimit && stopped.rawStatus.contains("simplex iterations"), "\(stopped.rawStatus)")
        #expect(stopped.hasFeasibleSolution && stopped.objective! >= 15 - 1e-9, "at least the starting point: \(stopped)")
        options.iterationLimit = 0
        #expect(throws: OptimizationError.self) { try solver.solve(model, options: options) }
    }

    @Test func aStartingPointNeedsPresolveOffAndAValuePerVariable() throws {
        let (model, _) = knapsack()
        var options = SolverOptions()
        options.startingPoint = [0, 0, 1, 1]
        #expect(throws: OptimizationError.self) { try solver.solve(model, options: options) }
        options.presolve = false
        options.startingPoint = [0, 1]
        #expect(throws: OptimizationError.self) { try solver.solve(model, options: options) }
    }

    /// min x + y with 2x + 2y = 3 over integers has no solution although its relaxation does.
    @Test func integerInfeasibleIsAResult() throws {
        var model = MIPModel()
        let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 10)
        let y = model.addVariable(name: "y", kind: .integer, lowerBound: 0, upperBound: 10)
        model.addConstraint(LinearExpression([(x, 2), (y, 2)]), .equal(3))
        model.setObjective(.minimize, LinearExpression([(x, 1), (y, 1)]))
        let result = try solver.solve(model)
        #expect(result.termination == .infeasible)
        #expect(!result.hasFeasibleSolution)
        #expect(result.values.isEmpty)
    }

    @Test func linearInfeasibleIsAResult() throws {
        var model = MIPModel()
        let x = model.addVariable(name: "x")
        model.addConstraint(LinearExpression([(x, 1)]), .greaterOrEqual(5))
        model.addConstraint(LinearExpression([(x, 1)]), .lessOrEqual(2))
        model.setObjective(.minimize, LinearExpression([(x, 1)]))
        #expect(try solver.solve(model).termination == .infeasible)
    }

    @Test(arguments: [VariableKind.continuous, .integer])
    func unboundedIsAResult(kind: VariableKind) throws {
        var model = MIPModel()
        let x = model.addVariable(name: "x", kind: kind)
        let y = model.addVariable(name: "y", kind: kind)
        model.addConstraint(LinearExpression([(x, 1), (y, -1)]), .lessOrEqual(1))
        model.setObjective(.maximize, LinearExpression([(x, 1)]))
        let result = try solver.solve(model)
        #expect(result.termination == .unbounded)
        #expect(!result.hasFeasibleSolution)
    }

    @Test func objectiveConstantIsReported() throws {
        var model = MIPModel()
        let x = model.addVariable(name: "x", kind: .integer, lowerBound: 2.5, upperBound: 9)
        model.setObjective(.minimize, LinearExpression([(x, 2)], constant: 5))
        let result = try solver.solve(model)
        #expect(result.objective == 11)
        #expect(result.value(of: x) == 3)
    }

    /// A 0-1 model built so branch and bound cannot finish in 0.2 s: the solver must stop,
    /// say so, and still report a bound.
    @Test func timeLimitIsHonoured() throws {
        var model = MIPModel(name: "hard")
        let count = 60
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 1000) / 1000
        }
        let weights = (0..<count).map { _ in 1000 + (next() * 1000).rounded() }
        let items = (0..<count).map { model.addVariable(name: "b\($0)", kind: .binary) }
        model.addConstraint(
            LinearExpression(zip(items, weights).map { ($0, 2 * $1) }),
            .equal(2 * (weights.reduce(0, +) / 2).rounded() + 1))
        model.setObjective(.minimize, LinearExpression(items.map { ($0, 1) }))
        var options = SolverOptions(timeLimit: .milliseconds(200))
        options.presolve = false
        let result = try solver.solve(model, options: options)
        #expect(result.termination == .timeLimit, "\(result.rawStatus)")
        #expect(!result.hasFeasibleSolution)
        #expect(result.bestBound != nil)
    }

    @Test func invalidModelsThrowBeforeGLPK() {
        var model = MIPModel()
        let x = model.addVariable(name: "x", lowerBound: 1, upperBound: 0)
        model.addConstraint(LinearExpression([(x, .nan), (VariableID(7), 1)]), .lessOrEqual(1))
        let invalid = #expect(throws: OptimizationError.self) { try solver.solve(model) }
        #expect(invalid?.code == .invalidModel)
        let options = #expect(throws: OptimizationError.self) {
            try solver.solve(MIPModel(), options: SolverOptions(timeLimit: .seconds(-1)))
        }
        #expect(options?.code == .invalidOptions)
    }

    @Test(arguments: ModelFileFormat.allCases)
    func exportedModelsSolveToTheSameOptimum(format: ModelFileFormat) throws {
        for (model, optimum) in [(textbookLP().0, 11.0), (knapsack().0, 23.0)] {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("wfm-\(model.name)-\(UUID().uuidString).\(format.rawValue)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try model.exported(as: format).write(toFile: path, atomically: true, encoding: .utf8)
            let result = try solver.solve(modelFile: path, format: format)
            #expect(result.termination == .optimal)
            let expected = format == .freeMPS ? -optimum : optimum
            #expect(abs(result.objective! - expected) < 1e-9, "\(model.name) as \(format)")
        }
    }

    /// GLPK's reader takes a constant written as the objective row's RHS with the opposite
    /// sign; written as a fixed column, it reads back as the model states it, in both formats
    /// and both senses.
    @Test(arguments: ModelFileFormat.allCases, [OptimizationSense.minimize, .maximize])
    func anObjectiveConstantSurvivesGLPKsReader(format: ModelFileFormat, sense: OptimizationSense) throws {
        var model = MIPModel(name: "constant")
        let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 10)
        let y = model.addVariable(name: "y", lowerBound: 0, upperBound: 10)
        model.addConstraint(name: "c", LinearExpression([(x, 1), (y, 1)]), .greaterOrEqual(3.5))
        model.setObjective(sense, LinearExpression([(x, sense == .minimize ? 2 : -2), (y, sense == .minimize ? 3 : -3)], constant: 6382.5))
        let direct = try #require(try solver.solve(model).objective)
        #expect(abs(direct - (6382.5 + (sense == .minimize ? 7.5 : -7.5))) < 1e-9)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-constant-\(UUID().uuidString).\(format.rawValue)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.exported(as: format).write(toFile: path, atomically: true, encoding: .utf8)
        let read = try #require(try solver.solve(modelFile: path, format: format).objective)
        let expected = format == .freeMPS && sense == .maximize ? -direct : direct
        #expect(abs(read - expected) < 1e-9, "\(format), \(sense): \(read) read back, \(expected) expected")
    }

    @Test func unreadableModelFileIsAnError() {
        let unreadable = #expect(throws: OptimizationError.self) {
            try solver.solve(modelFile: "/nonexistent/model.mps", format: .freeMPS)
        }
        #expect(unreadable?.code == .fileError)
    }
}
