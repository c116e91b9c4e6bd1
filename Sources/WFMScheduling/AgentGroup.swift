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
    /// Per member (in member order) and day of the week (0–6), whether the member may work
    /// that day in the group plan: free of any absence, and on the first day not at the end of
    /// a run of days worked up to the week's start.
    let memberAvailable: [[Bool]]
    /// Members available (``memberAvailable``) per day of the week.
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
            let available = agents.map { agent in
                days.map { date in
                    !Availability.hasAnyAbsence(agent, on: date)
                        && (date != problem.grid.weekStart || problem.previous.daysLeftInRun(of: agent.id, contract: contract) > 0)
                }
            }
            return AgentGroup(
                index: index, contract: contract, skills: agents[0].skills, members: agents,
                memberAvailable: available, availableByDay: (0..<7).map { day in available.filter { $0[day] }.count },
                weeks: agents.map { agent in
                    let week = ContractWeek(contract: contract, absentDays: days.filter { agent.isOnLeave(on: $0) }.count)
                    return problem.paidMinuteWindows[agent.id].map { week.narrowed(toPaidMinutes: $0) } ?? week
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
