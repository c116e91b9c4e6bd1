import Foundation
import WFMCore
import WFMGLPK
import WFMOptimization

/// The week's capacity, counted in agent-hours on the phones: what the requirement needs
/// against what the team's contracts can give, and the cheapest mix of hires and the overtime
/// the scenario allows that closes the gap.
///
/// A week-level count: it ignores when in the week the hours fall, so it is the least the week
/// needs (the roster, repair and replan check the intervals). An agent gives the contract's
/// maximum weekly paid hours (less a share for whole days away), on the phones for the share of
/// paid time the contract's templates spend off breaks. A full-time equivalent (FTE) is the
/// phone hours of the contract with the most weekly hours.
public struct CapacityCheck: Sendable {
    /// Agents of one contract and skill set.
    public struct Team: Sendable, Equatable {
        public let contract: String
        /// Queue ids, sorted.
        public let skills: [String]
        public let agents: Int
        public let phoneHours: Double
        /// Overtime the scenario allows the team's agents, paid hours in the week.
        public let overtimeHours: Double
    }

    /// Hires of one contract and skill set.
    public struct Hire: Sendable, Equatable {
        public let contract: String
        public let skills: [String]
        public let count: Int
        /// Their paid hours in the week, in all.
        public let paidHours: Double
    }

    /// Overtime worked by one team (contract and skill set).
    public struct TeamOvertime: Sendable, Equatable {
        /// The team's contract id.
        public let contract: String
        /// The team's queue ids, sorted.
        public let skills: [String]
        /// Paid hours in the week, in all.
        public let paidHours: Double
    }

    /// Agent-hours to schedule per queue.
    public let requiredHours: [String: Double]
    public let teams: [Team]
    /// Phone hours of one full-time equivalent.
    public let fteHours: Double
    /// The cheapest hires (the team's own contract and skill-set mixes) that cover every
    /// queue's hours beside ``overtime``: empty when the team suffices, nil when no such mix can
    /// (a queue no team takes).
    public let hires: [Hire]?
    /// Overtime in that cheapest mix, paid hours per team (contract and skills) that works it.
    public let overtime: [TeamOvertime]

    public var requiredFTE: Double { requiredHours.values.reduce(0, +) / fteHours }
    public var availableFTE: Double { teams.reduce(0) { $0 + $1.phoneHours } / fteHours }

    /// Checks `agents` against the requirement `rows`.
    /// - Throws: ``OptimizationError`` if the solver fails.
    /// - Parameter overtime: what the scenario allows; an overtime hour costs `paid_hour` times
    ///   its pay factor.
    public static func check(center: Center, agents: [Agent], rows: [IntervalRequirement], overtime: [OvertimeAllowance] = []) throws
        -> CapacityCheck
    {
        let hours = center.timeGrid.intervalSeconds / 3600
        var required: [String: Double] = [:]
        for row in rows { required[row.queue, default: 0] += Double(row.agentsScheduled) * hours }
        let week = (0..<7).map { center.weekStart.adding(days: $0) }
        var teams: [String: Team] = [:]
        for agent in agents {
            guard let contract = center.contracts.first(where: { $0.id == agent.contract }) else { continue }
            let skills = Array(Set(agent.skills.map(\.queue))).sorted()
            let away = week.filter { agent.isOnLeave(on: $0) }.count
            let days = max(0, min(contract.daysPerWeek.max, 7 - away))
            let share = contract.daysPerWeek.max > 0 ? Double(days) / Double(contract.daysPerWeek.max) : 0
            let phone = contract.weeklyPaidHours.max * share * phoneShare(contract, center: center)
            let key = contract.id + "|" + skills.joined(separator: ";")
            let team = teams[key]
            let extra = days > 0 ? overtime.allowance(for: agent.id).map { min($0.maxHoursPerWeek, Double(days * $0.maxMinutesPerShift) / 60) } ?? 0 : 0
            teams[key] = Team(contract: contract.id, skills: skills, agents: (team?.agents ?? 0) + 1, phoneHours: (team?.phoneHours ?? 0) + phone,
                              overtimeHours: (team?.overtimeHours ?? 0) + extra)
        }
        let sortedTeams = teams.values.sorted { ($0.contract, $0.skills.joined(separator: ";")) < ($1.contract, $1.skills.joined(separator: ";")) }
        let fullTime = center.contracts.max { $0.weeklyPaidHours.max < $1.weeklyPaidHours.max }
        let fteHours = fullTime.map { $0.weeklyPaidHours.max * phoneShare($0, center: center) } ?? 40
        let factor = overtime.map(\.payFactor).max() ?? 1.5
        let mix = try cheapestMix(required: required, teams: sortedTeams, center: center, overtimePayFactor: factor)
        return CapacityCheck(requiredHours: required, teams: sortedTeams, fteHours: max(fteHours, 1e-9), hires: mix?.hires,
                             overtime: mix?.overtime ?? [])
    }

    /// Minutes on the phones per paid minute, averaged over the contract's templates.
    static func phoneShare(_ contract: Contract, center: Center) -> Double {
        let templates = center.shiftTemplates.filter { contract.templates.contains($0.id) }
        guard !templates.isEmpty else { return 1 }
        return templates.reduce(0) { share, template in
            let off = template.breaks.reduce(0) { $0 + $1.minutes }
            return share + Double(template.lengthMinutes - off) / Double(max(1, template.paidMinutes))
        } / Double(templates.count)
    }

    /// The MIP: the team's phone hours flow to the queues its skills allow; its allowed
    /// overtime adds more at the pay factor (the highest of the scenario's, a bound on the
    /// cost); hires of the team's own (contract, skill set) mixes add more, at their contract's
    /// maximum paid hours; every queue's hours are covered at the least paid cost.
    private static func cheapestMix(required: [String: Double], teams: [Team], center: Center, overtimePayFactor: Double) throws
        -> (hires: [Hire], overtime: [TeamOvertime])?
    {
        var model = MIPModel(name: "capacity")
        var inflow: [String: [(VariableID, Double)]] = [:]
        var objective: [(VariableID, Double)] = []
        var hireVariables: [(Team, VariableID, Contract)] = []
        var overtimeVariables: [(Team, VariableID)] = []
        for (index, team) in teams.enumerated() {
            let queues = team.skills.filter { required[$0] != nil }
            guard !queues.isEmpty else { continue }
            let flows = queues.map { queue -> VariableID in
                let flow = model.addVariable(name: "x\(index)_\(queue)")
                inflow[queue, default: []].append((flow, 1))
                return flow
            }
            guard let contract = center.contracts.first(where: { $0.id == team.contract }) else { continue }
            var supply = LinearExpression(flows.map { ($0, 1) })
            if team.overtimeHours > 0 {
                let extra = model.addVariable(name: "o\(index)", lowerBound: 0, upperBound: team.overtimeHours)
                overtimeVariables.append((team, extra))
                objective.append((extra, overtimePayFactor * center.costs.paidHour + 1e-4))
                supply = LinearExpression(flows.map { ($0, 1) } + [(extra, -phoneShare(contract, center: center))])
            }
            model.addConstraint(name: "team\(index)", supply, .lessOrEqual(team.phoneHours))
            let hire = model.addVariable(name: "h\(index)", kind: .integer, lowerBound: 0, upperBound: 10_000)
            hireVariables.append((team, hire, contract))
            objective.append((hire, contract.weeklyPaidHours.max * center.costs.paidHour + 1e-3))
            let perHire = contract.weeklyPaidHours.max * phoneShare(contract, center: center)
            let hired = queues.map { queue -> VariableID in
                let flow = model.addVariable(name: "y\(index)_\(queue)")
                inflow[queue, default: []].append((flow, 1))
                return flow
            }
            model.addConstraint(name: "hires\(index)", LinearExpression(hired.map { ($0, 1) } + [(hire, -perHire)]), .lessOrEqual(0))
        }
        for (queue, hours) in required.sorted(by: { $0.key < $1.key }) where hours > 0 {
            model.addConstraint(name: "cover_\(queue)", LinearExpression(inflow[queue] ?? []), .greaterOrEqual(hours))
        }
        model.setObjective(.minimize, LinearExpression(objective))
        var options = SolverOptions(timeLimit: .seconds(10), relativeGap: 0)
        options.nodeLimit = 5_000
        let result = try GLPKSolver().solve(model, options: options)
        guard result.hasFeasibleSolution else { return nil }
        let hires = hireVariables.compactMap { team, variable, contract -> Hire? in
            let count = Int(result.values[variable.index].rounded())
            return count > 0 ? Hire(contract: team.contract, skills: team.skills, count: count,
                                    paidHours: Double(count) * contract.weeklyPaidHours.max) : nil
        }
        let overtime = overtimeVariables.compactMap { team, variable -> TeamOvertime? in
            let hours = result.values[variable.index]
            return hours > 1e-6 ? TeamOvertime(contract: team.contract, skills: team.skills, paidHours: hours) : nil
        }
        return (hires, overtime)
    }
}
