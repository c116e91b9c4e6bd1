/// Relaxation-induced neighbourhood search (RINS, Danna, Rothberg and Le Pape 2005): the
/// whole-number variables on which a roster and an LP relaxation's solution agree are held at
/// the roster's values, and branch and bound searches the rest (with every continuous
/// variable) from the roster as the first incumbent, within a node budget. Unlike a search by
/// blocks, the free variables span every day at once, so a shift can move from one day to
/// another. Like it, the search only looks for a better incumbent (most fractional branching,
/// best-projection backtracking), keeps a point that meets every row, and ends on its node
/// budget, not the clock.
public struct RelaxationInducedSearch {
    /// The solver of the branch and bound.
    public let solver: any MIPSolver
    /// The search may take as many subproblems as this divided by the free variables.
    public var nodeVariableBudget: Int
    /// The most subproblems.
    public var nodeLimit: Int
    /// A whole-number variable is held when its relaxation value lies within this of the roster's.
    public var agreement = 0.5
    /// The most simplex iterations of the search, nil for none.
    public var iterationLimit: Int?

    /// Creates the search.
    public init(solver: any MIPSolver, nodeVariableBudget: Int, nodeLimit: Int) {
        self.solver = solver
        self.nodeVariableBudget = nodeVariableBudget
        self.nodeLimit = nodeLimit
    }

    /// What the search did.
    public struct Outcome: Sendable {
        /// The improved point (the start when nothing was better).
        public let values: [Double]
        /// Its objective.
        public let objective: Double
        /// The variables left free.
        public let freeVariables: Int
        /// Whether the backstop stopped the search.
        public let stopped: Bool
        /// How the branch and bound ended, as the solver says.
        public var solverStatus = ""
    }

    /// Searches around `values`, a point meeting every row of `model` with whole values where
    /// the model asks for them, guided by `relaxation` (a relaxation's value per variable; nil
    /// where the relaxation has none: such variables stay free).
    public func run(_ model: MIPModel, values start: [Double], relaxation: [Double?], backstop: TimeBackstop) throws -> Outcome {
        var values = start
        for (index, variable) in model.variables.enumerated() where variable.kind != .continuous {
            values[index] = values[index].rounded()
        }
        let objective = model.objective.evaluate(values)
        let members = model.variables.indices.filter { index in
            guard model.variables[index].kind != .continuous, let guide = relaxation[index] else { return true }
            return abs(guide - values[index]) > agreement
        }
        guard members.contains(where: { model.variables[$0].kind != .continuous }) else {
            // Roster and relaxation agree everywhere: there is nothing to search.
            return Outcome(values: values, objective: objective, freeVariables: 0, stopped: false)
        }
        guard let remaining = backstop.remaining() else {
            return Outcome(values: values, objective: objective, freeVariables: members.count, stopped: true)
        }
        let part = BlockImprovement.heldModel(model, members: members, values: values, name: "rins")
        let current = part.members.map { values[$0] }
        var options = SolverOptions(timeLimit: remaining, relativeGap: 0)
        options.presolve = false
        options.nodeLimit = max(1, min(nodeLimit, nodeVariableBudget / max(1, part.model.variables.count)))
        options.iterationLimit = iterationLimit
        options.startingPoint = current
        options.branching = .mostFractional
        options.backtracking = .bestProjection
        let result = try solver.solve(part.model, options: options)
        let stopped = result.termination == .timeLimit
        let status = result.rawStatus
        if stopped { backstop.fire() }
        guard result.hasFeasibleSolution, result.values.count == part.members.count,
              (result.objective ?? .infinity) < part.model.objective.evaluate(current) - 1e-7
        else { return Outcome(values: values, objective: objective, freeVariables: members.count, stopped: stopped, solverStatus: status) }
        var trial = values
        for (position, index) in part.members.enumerated() {
            trial[index] = model.variables[index].kind == .continuous ? result.values[position] : result.values[position].rounded()
        }
        let trialObjective = model.objective.evaluate(trial)
        guard trialObjective < objective - 1e-7, BlockwiseDive.largestViolation(of: model, at: trial) <= BlockImprovement.tolerance else {
            return Outcome(values: values, objective: objective, freeVariables: members.count, stopped: stopped, solverStatus: status)
        }
        return Outcome(values: trial, objective: trialObjective, freeVariables: members.count, stopped: stopped, solverStatus: status)
    }
}
