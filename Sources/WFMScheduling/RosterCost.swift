import Foundation
import WFMCore
import WFMOptimization

/// What a written roster costs under the scheduling objective, and where it leaves demand
/// uncovered: computed from the roster's shifts and breaks alone, so that it describes the
/// roster in the file, whatever plan came before it.
public struct RosterCost: Sendable, Equatable {
    /// Shortfall of one queue in one interval.
    public struct Shortfall: Sendable, Equatable {
        /// The queue's id.
        public let queue: String
        /// The interval's index in the week.
        public let interval: Int
        /// Agents missing.
        public let agents: Double
    }

    /// The objective (the same as the group model's): paid hours, weighted shortfall and
    /// overstaffing at their costs in center.yaml, and the small preference for first skills.
    public let objective: Double
    /// Paid hours of all shifts.
    public let paidHours: Double
    /// Cost of the paid hours.
    public let paidCost: Double
    /// Required agent-hours per queue (center.yaml order).
    public let requiredAgentHours: [String: Double]
    /// Agent-hours of requirement left uncovered, per queue.
    public let shortfallAgentHours: [String: Double]
    /// Uncovered agent-hours per queue and day of the week (0–6).
    public let shortfallAgentHoursByDay: [String: [Double]]
    /// Weighted cost of the shortfall.
    public let shortfallCost: Double
    /// Agent-hours present (on shift, not on break) beyond the requirement they cover.
    public let overstaffingAgentHours: Double
    /// Cost of the overstaffing.
    public let overstaffingCost: Double
    /// Cost of time given to second-priority skills.
    public let preferenceCost: Double
    /// The intervals with the largest shortfall, largest first (at most ten).
    public let worstShortfalls: [Shortfall]
    /// Every queue and interval left short, in queue then time order.
    public let shortfalls: [Shortfall]

    /// Total uncovered agent-hours.
    public var totalShortfallAgentHours: Double { shortfallAgentHours.values.reduce(0, +) }
}

/// Computes a ``RosterCost``: the agents present in each interval come from the shifts and
/// their breaks; the time of agents skilled for several queues is split across them as the
/// scheduler would split it (one LP over the week minimizing weighted shortfall, then the
/// preference for first skills), never counted twice.
public struct RosterCostEvaluator<Solver: MIPSolver> {
    /// The solver of the split LP.
    public let solver: Solver

    /// Creates an evaluator.
    public init(solver: Solver) { self.solver = solver }

    /// The cost of `shifts` for `problem`. Shifts of agents the problem does not know are
    /// ignored (the rule checker reports them).
    /// - Throws: ``OptimizationError`` if the split LP fails.
    /// - Complexity: one LP with O(skill sets × queues × intervals) variables.
    public func cost(of shifts: [RosterShift], in problem: ScheduleProblem) throws -> RosterCost {
        let grid = problem.grid
        let hours = Double(grid.intervalMinutes) / 60
        let costs = problem.center.costs
        let requirements = problem.requirements
        let presence = Self.presenceBySkills(shifts, problem: problem)
        var model = MIPModel(name: "roster split")
        var preferenceTerms: [(VariableID, Double)] = []
        var shortfallTerms: [(VariableID, Double)] = []
        var covering = Array(repeating: Array(repeating: [(VariableID, Double)](), count: grid.intervals.count), count: requirements.queues.count)
        var shortfalls: [(q: Int, t: Int, variable: VariableID)] = []
        var fixedCover = Array(repeating: Array(repeating: 0.0, count: grid.intervals.count), count: requirements.queues.count)
        for (pool, (skills, present)) in presence.enumerated() {
            for t in present.indices where present[t] > 0 {
                let queues = skills.compactMap { skill in requirements.queues.firstIndex(of: skill.queue).map { (q: $0, skill: skill) } }
                    .filter { requirements.agents[$0.q][t] > 0 }
                if skills.count == 1 {
                    queues.forEach { fixedCover[$0.q][t] += present[t] }
                    continue
                }
                var split: [(VariableID, Double)] = []
                for (q, skill) in queues {
                    let y = model.addVariable(name: "y(\(pool),\(q),\(t))", kind: .continuous, lowerBound: 0, upperBound: present[t])
                    split.append((y, 1))
                    covering[q][t].append((y, 1))
                    if let priority = skill.priority, priority > 1 { preferenceTerms.append((y, 0.01 * hours * Double(priority - 1))) }
                }
                if !split.isEmpty { model.addConstraint(name: "split(\(pool),\(t))", LinearExpression(split), .lessOrEqual(present[t])) }
            }
        }
        for (q, queueID) in requirements.queues.enumerated() {
            let weight = problem.center.queue(queueID)?.weight ?? 1
            for t in grid.intervals.indices where requirements.agents[q][t] > 0 {
                let missing = max(0, requirements.agents[q][t] - fixedCover[q][t])
                let short = model.addVariable(name: "short(\(q),\(t))", kind: .continuous, lowerBound: 0, upperBound: missing)
                shortfalls.append((q, t, short))
                shortfallTerms.append((short, (costs.shortfallPerAgentHour * weight + costs.overstaffingPerAgentHour) * hours))
                if missing > 0 {
                    model.addConstraint(name: "cover(\(q),\(t))", LinearExpression(covering[q][t] + [(short, 1)]), .greaterOrEqual(missing))
                }
            }
        }
        model.setObjective(.minimize, LinearExpression(shortfallTerms + preferenceTerms))
        let values = try split(model)
        let preference = preferenceTerms.reduce(0.0) { $0 + $1.1 * values[$1.0.index] }
        return summarize(shifts, problem: problem, presence: presence, shortfalls: shortfalls, values: values, preference: preference)
    }

    private func split(_ model: MIPModel) throws -> [Double] {
        guard !model.variables.isEmpty else { return [] }
        let result = try solver.solve(model, options: SolverOptions())
        guard result.hasFeasibleSolution else {
            throw OptimizationError(.solverFailure, problems: ["the split of the roster's time across queues was not solved (\(result.rawStatus))"])
        }
        return result.values
    }

    private func summarize(
        _ shifts: [RosterShift], problem: ScheduleProblem, presence: [(skills: [Skill], present: [Double])],
        shortfalls: [(q: Int, t: Int, variable: VariableID)], values: [Double], preference: Double
    ) -> RosterCost {
        let grid = problem.grid
        let hours = Double(grid.intervalMinutes) / 60
        let costs = problem.center.costs
        let queues = problem.requirements.queues
        var shortByQueue = Dictionary(uniqueKeysWithValues: queues.map { ($0, 0.0) })
        var shortByDay = Dictionary(uniqueKeysWithValues: queues.map { ($0, [Double](repeating: 0, count: 7)) })
        var shortfallCost = 0.0
        var intervalsShort: [RosterCost.Shortfall] = []
        var uncovered = 0.0
        for (q, t, variable) in shortfalls {
            let short = values[variable.index] < 1e-7 ? 0 : values[variable.index]
            uncovered += short
            guard short > 0 else { continue }
            let queue = queues[q]
            shortByQueue[queue, default: 0] += short * hours
            shortByDay[queue]?[grid.intervals[t].dayOffset] += short * hours
            shortfallCost += short * hours * costs.shortfallPerAgentHour * (problem.center.queue(queue)?.weight ?? 1)
            intervalsShort.append(RosterCost.Shortfall(queue: queue, interval: t, agents: short))
        }
        let required = problem.requirements.agents.map { $0.reduce(0, +) }
        let present = presence.reduce(0.0) { $0 + $1.present.reduce(0, +) }
        let overstaffing = max(0, present - (required.reduce(0, +) - uncovered)) * hours
        let paidHours = shifts.reduce(0.0) { $0 + Double($1.paidMinutes) / 60 }
        let paidCost = paidHours * costs.paidHour
        let overstaffingCost = overstaffing * costs.overstaffingPerAgentHour
        return RosterCost(
            objective: paidCost + shortfallCost + overstaffingCost + preference, paidHours: paidHours, paidCost: paidCost,
            requiredAgentHours: Dictionary(uniqueKeysWithValues: zip(queues, required.map { $0 * hours })),
            shortfallAgentHours: shortByQueue, shortfallAgentHoursByDay: shortByDay, shortfallCost: shortfallCost,
            overstaffingAgentHours: overstaffing, overstaffingCost: overstaffingCost, preferenceCost: preference,
            worstShortfalls: Array(intervalsShort.sorted { ($1.agents, $0.interval) < ($0.agents, $1.interval) }.prefix(10)),
            shortfalls: intervalsShort)
    }

    /// Agents present (on shift, not on break; a share of an interval counts as that share)
    /// per interval, for each set of skills, in first-seen order.
    static func presenceBySkills(_ shifts: [RosterShift], problem: ScheduleProblem) -> [(skills: [Skill], present: [Double])] {
        let grid = problem.grid
        let agents = Dictionary(problem.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var pools: [(key: String, skills: [Skill], present: [Double])] = []
        for shift in shifts {
            guard let agent = agents[shift.agentID] else { continue }
            let key = agent.skills.poolKey
            let pool = pools.firstIndex { $0.key == key } ?? {
                pools.append((key, agent.skills, Array(repeating: 0, count: grid.intervals.count)))
                return pools.count - 1
            }()
            for interval in grid.intervals {
                let start = interval.start
                let end = start.addingTimeInterval(grid.intervalSeconds)
                guard start < shift.end, end > shift.start else { continue }
                let worked = Self.overlap(start, end, shift.start, shift.end)
                    - shift.breaks.reduce(0) { $0 + Self.overlap(start, end, $1.start, $1.end) }
                pools[pool].present[interval.index] += max(0, worked) / grid.intervalSeconds
            }
        }
        return pools.map { ($0.skills, $0.present) }
    }

    private static func overlap(_ start: Date, _ end: Date, _ otherStart: Date, _ otherEnd: Date) -> Double {
        max(0, min(end, otherEnd).timeIntervalSince(max(start, otherStart)))
    }
}
