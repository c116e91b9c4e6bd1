import WFMCore

/// Agents the first scheduling stage treats as interchangeable: same contract and skills.
struct AgentGroup {
    /// Position in the group list.
    let index: Int
    /// The shared contract.
    let contract: Contract
    /// The shared skills.
    let skills: [Skill]
    /// The members, in input order.
    let members: [Agent]
    /// Members free of any absence, per day of the week (0–6); on the first day, less those
    /// whose run of days worked up to the week's start must end with it.
    let availableByDay: [Int]
    /// The members' weeks after absence credits.
    let weeks: [ContractWeek]

    /// Groups `problem.agents` by contract and skills (with priorities), in first-seen order.
    static func groups(of problem: ScheduleProblem) -> [AgentGroup] {
        var order: [String] = []
        var members: [String: [Agent]] = [:]
        for agent in problem.agents {
            let key = agent.groupKey
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(agent)
        }
        return order.enumerated().map { index, key in
            let agents = members[key]!
            let contract = problem.contract(of: agents[0])
            let days = (0..<7).map { problem.grid.weekStart.adding(days: $0) }
            return AgentGroup(
                index: index, contract: contract, skills: agents[0].skills, members: agents,
                availableByDay: days.map { date in
                    agents.filter { agent in
                        !Availability.hasAnyAbsence(agent, on: date)
                            && (date != problem.grid.weekStart || problem.previous.daysLeftInRun(of: agent.id, contract: contract) > 0)
                    }.count
                },
                weeks: agents.map { agent in
                    ContractWeek(contract: contract, absentDays: days.filter { agent.isAbsentAllDay(on: $0) }.count)
                })
        }
    }
}

extension AgentGroup {
    /// The group as the user knows it: "the 12 agents of contract fulltime skilled for
    /// billing, tech".
    var label: String {
        "the \(members.count) agent\(members.count == 1 ? "" : "s") of contract \(contract.id) skilled for \(skills.map(\.queue).joined(separator: ", "))"
    }
}
