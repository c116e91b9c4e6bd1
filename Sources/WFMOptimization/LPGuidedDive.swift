import Foundation

/// An LP-guided dive: solve the LP relaxation, fix a batch of the least fractional integer
/// variables at their nearest whole value, re-solve, and repeat until every integer variable
/// is whole. Variables the LP happens to make whole are not fixed, so they stay free to move
/// later. A batch that makes the LP infeasible is undone and its first variable rounded the
/// other way. Re-solves start from the previous basis.
///
/// GLPK's branch and bound finds no integer roster in minutes on models of this kind; the
/// dive finds one in some tens of warm re-solves. Every decision follows LP solves counted,
/// never the clock: the clock (a ``TimeBackstop``) can only stop a dive.
public struct LPGuidedDive {
    /// The solver of the LP relaxations.
    public let solver: any LPSessionSolver
    /// Share of the fractional variables rounded in one step (the least fractional first); when
    /// that is a single variable, both ways are tried.
    public var batchShare = 0.1
    /// After this many LP solves in one rounding pass, all fractional variables of the pass
    /// are rounded at once: a deterministic budget, so that the point found never depends on
    /// how fast the machine was (the passes on the standard instances take far fewer).
    public var hurryAfterSolves = 1000
    /// A batch that raises the LP objective by more than this is undone like an infeasible
    /// one (for rosters: a step that only an elastic slack can absorb).
    public var largestStepIncrease = Double.infinity

    /// Creates a dive with the default budgets.
    public init(solver: any LPSessionSolver) { self.solver = solver }

    /// The outcome: an integer-feasible point, its objective, the root LP's solve time and the
    /// number of LP solves.
    public struct Outcome: Sendable {
        /// The integer-feasible point, indexed like the model's variables.
        public let values: [Double]
        /// Its objective, with the model's constant.
        public let objective: Double
        /// Time of the root LP solve.
        public let rootSolveTime: Duration
        /// LP solves in all.
        public let lpSolves: Int

        /// Creates an outcome.
        public init(values: [Double], objective: Double, rootSolveTime: Duration, lpSolves: Int) {
            self.values = values
            self.objective = objective
            self.rootSolveTime = rootSolveTime
            self.lpSolves = lpSolves
        }
    }

    /// Dives from the relaxation of `model`; `backstop` only stops a dive that would run too
    /// long (and then records that it fired). The integer variables in
    /// `roundFirst` (for rosters: the shift counts) are all made whole before any other is
    /// rounded, so the others (break positions) adapt to them.
    /// With `blocks` (a block per variable and prices for the linking rows), the relaxation
    /// starts from the blocks' optima (``LPSession/solve(fromBlocks:linkingPrices:timeLimit:)``).
    /// - Returns: nil if the relaxation is not solved to optimality, the dive hits a dead
    ///   end, or the backstop stops it.
    public func run(
        _ model: MIPModel, roundFirst: Set<VariableID> = [], blocks: (blockOfVariable: [Int?], prices: [Double]?)? = nil,
        backstop: TimeBackstop
    ) throws -> Outcome? {
        try solver.withLPSession(model) { session in
            let first = try blocks.map { try solve(session, fromBlocks: $0.blockOfVariable, prices: $0.prices, backstop: backstop) }
            guard let root = try first ?? solve(session, backstop: backstop) else { return nil }
            let integer = model.variables.indices.filter { model.variables[$0].kind != .continuous }
            var state = State(values: root.values, objective: root.objective ?? 0)
            for round in [integer.filter { roundFirst.contains(VariableID($0)) }, integer] {
                guard try makeWhole(round, of: model, in: session, state: &state, backstop: backstop) else { return nil }
            }
            let point = Self.rounded(state.values, of: model)
            return Outcome(values: point, objective: model.objective.evaluate(point), rootSolveTime: root.solveTime, lpSolves: state.solves + 1)
        }
    }

    /// Where a dive stands: the last LP point, its objective, and the number of LP solves so far.
    struct State {
        var values: [Double]
        var objective: Double
        var solves = 0
    }

    /// Rounds the `candidates` (variable indices, continuous ones too) in `session` until the
    /// LP makes every one of them whole, starting from the session's last optimal point
    /// `state.values`; rounded variables stay fixed in the session. `batchShare` overrides
    /// the dive's own; without `probes`, a last single variable is rounded like a batch
    /// instead of being tried both ways. After ``hurryAfterSolves`` solves in the pass, the
    /// rest is rounded at once.
    /// - Returns: false at a dead end or when the backstop stops the pass.
    func makeWhole(
        _ candidates: [Int], of model: MIPModel, in session: any LPSession, state: inout State,
        backstop: TimeBackstop, batchShare: Double? = nil, probes: Bool = true
    ) throws -> Bool {
        let batchShare = batchShare ?? self.batchShare
        let hurryAt = state.solves + hurryAfterSolves
        var fixed = Set<Int>()
        func fix(_ index: Int, _ value: Double) { session.setBounds(of: VariableID(index), lower: value, upper: value) }
        while !backstop.isExpired {
            let fractional = candidates.filter { !fixed.contains($0) && !isWhole(state.values[$0]) }
                .sorted { (distance(state.values[$0]), $0) < (distance(state.values[$1]), $1) }
            if fractional.isEmpty { return true }
            let share = state.solves < hurryAt ? batchShare : 1
            let batch = Array(fractional.prefix(max(1, Int(Double(fractional.count) * share))))
            if probes, batch.count == 1, let probed = try probe(batch[0], values: state.values, model: model, session: session, backstop: backstop) {
                // Near the end one variable is rounded at a time: both ways are tried.
                state.solves += probed.solves
                fixed.insert(batch[0])
                state.values = probed.values
                state.objective = probed.objective
                continue
            }
            for index in batch { fix(index, state.values[index].rounded()) }
            state.solves += 1
            if let result = try solve(session, backstop: backstop), let objective = result.objective,
                objective - state.objective <= largestStepIncrease
            {
                fixed.formUnion(batch)
                state.values = result.values
                state.objective = objective
                continue
            }
            for index in batch {
                let variable = model.variables[index]
                session.setBounds(of: VariableID(index), lower: variable.lowerBound, upper: variable.upperBound)
            }
            let first = batch[0]
            let value = state.values[first]
            fix(first, value.rounded() > value ? value.rounded(.down) : value.rounded(.up))
            state.solves += 1
            guard let result = try solve(session, backstop: backstop) else { return false }
            fixed.insert(first)
            state.values = result.values
            state.objective = result.objective ?? state.objective
        }
        return false
    }

    /// `values` with every integer variable of `model` rounded to its whole value.
    static func rounded(_ values: [Double], of model: MIPModel) -> [Double] {
        values.enumerated().map { model.variables[$0.offset].kind == .continuous ? $0.element : $0.element.rounded() }
    }

    /// Rounds variable `index` down and up, and keeps the better LP (re-solving if it was
    /// the first); nil if neither is feasible in time.
    private func probe(_ index: Int, values: [Double], model: MIPModel, session: any LPSession, backstop: TimeBackstop)
        throws -> (values: [Double], objective: Double, solves: Int)?
    {
        let down = values[index].rounded(.down)
        let up = values[index].rounded(.up)
        session.setBounds(of: VariableID(index), lower: down, upper: down)
        let first = try solve(session, backstop: backstop)
        session.setBounds(of: VariableID(index), lower: up, upper: up)
        let second = try solve(session, backstop: backstop)
        if let high = second, let objective = high.objective, (first?.objective ?? .infinity) >= objective {
            return (high.values, objective, 2)
        }
        guard first != nil else {
            let variable = model.variables[index]
            session.setBounds(of: VariableID(index), lower: variable.lowerBound, upper: variable.upperBound)
            return nil
        }
        // Down was better; the session last solved up, so down is fixed and solved again.
        session.setBounds(of: VariableID(index), lower: down, upper: down)
        guard let again = try solve(session, backstop: backstop), let objective = again.objective else { return nil }
        return (again.values, objective, 3)
    }

    /// Re-solves the session; nil unless optimal within the time left (a solve the backstop
    /// stops is recorded as its firing).
    func solve(_ session: any LPSession, backstop: TimeBackstop) throws -> SolveResult? {
        guard let remaining = backstop.remaining() else { return nil }
        return Self.optimal(try session.solve(timeLimit: remaining), backstop: backstop)
    }

    /// Solves the session from its diagonal blocks (see
    /// ``LPSession/solve(fromBlocks:linkingPrices:timeLimit:)``); nil unless optimal within the
    /// time left.
    func solve(_ session: any LPSession, fromBlocks blockOfVariable: [Int?], prices: [Double]?, backstop: TimeBackstop)
        throws -> SolveResult?
    {
        guard let remaining = backstop.remaining() else { return nil }
        return Self.optimal(try session.solve(fromBlocks: blockOfVariable, linkingPrices: prices, timeLimit: remaining), backstop: backstop)
    }

    private static func optimal(_ result: SolveResult, backstop: TimeBackstop) -> SolveResult? {
        if result.termination == .timeLimit { backstop.fire() }
        return result.termination == .optimal ? result : nil
    }

    private func isWhole(_ value: Double) -> Bool { distance(value) < 1e-6 }
    private func distance(_ value: Double) -> Double { abs(value - value.rounded()) }
}
