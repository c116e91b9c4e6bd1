import Foundation
import WFMCore

/// The weeks around an instance that a center really schedules: each member is a later week
/// of the calendar, with the demand scaled, mixed across queues and perturbed per interval,
/// the agents' dated absences moved along (and some moved to another day), and a few agents
/// on another contract. A scheduler's settings are judged on a family's distribution, never on
/// one instance (docs/benchmarking.md).
///
/// Members are deterministic: the same base, seed and index give the same member.
public struct InstanceFamily: Sendable {
    /// How members differ from the base; each member draws its own values within these.
    public struct Spread: Sendable, Equatable {
        /// The whole week's demand is scaled by a factor in `1 ± demand`.
        public var demand = 0.10
        /// Each queue's demand is scaled again by a factor in `1 ± queueMix`.
        public var queueMix = 0.15
        /// Each interval's demand is scaled by a factor in `1 ± noise`.
        public var noise = 0.12
        /// The chance that a dated absence moves to another day of the week.
        public var absenceMove = 0.5
        /// The chance that an agent works under another contract of the center.
        public var contractChange = 0.05

        /// The spread used unless another is given.
        public init() {}
    }

    /// The instance the family is built around.
    public let base: ScheduleProblem
    /// The seed shared by every member.
    public let seed: UInt64
    /// How members differ.
    public var spread = Spread()

    /// The family of `base` for `seed`.
    public init(base: ScheduleProblem, seed: UInt64) {
        self.base = base
        self.seed = seed
    }

    /// Member `index` (1 or more): the base moved `index` weeks later and perturbed.
    /// - Throws: ``SchedulingError`` if the member's parts do not fit together.
    public func member(_ index: Int) throws -> ScheduleProblem {
        precondition(index >= 1, "members are numbered from 1")
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        var center = base.center
        let shift = 7 * index
        center.weekStart = base.center.weekStart.adding(days: shift)
        let agents = base.agents.map { agent in moved(agent, by: shift, center: center, random: &random) }
        return try ScheduleProblem(center: center, agents: agents, requirements: demand(center: center, random: &random))
    }

    /// The base's demand on the member's week: matched by day of the week and wall-clock time
    /// (so a day with a DST change keeps the right hours), scaled, and zero where the center
    /// is closed (a holiday of that week).
    private func demand(center: Center, random: inout SeededGenerator) -> RequirementMatrix {
        let grid = center.timeGrid
        let baseGrid = base.grid
        var position: [Int: Int] = [:]
        for interval in baseGrid.intervals where position[interval.dayOffset * 1440 + interval.local.minuteOfDay] == nil {
            position[interval.dayOffset * 1440 + interval.local.minuteOfDay] = interval.index
        }
        let week = 1 + spread.demand * (2 * random.nextUnitInterval() - 1)
        let mix = center.queues.map { _ in 1 + spread.queueMix * (2 * random.nextUnitInterval() - 1) }
        var matrix = RequirementMatrix(queues: center.queues.map(\.id), intervals: grid.intervals.count)
        for interval in grid.intervals {
            guard let from = position[interval.dayOffset * 1440 + interval.local.minuteOfDay] else { continue }
            for (q, queue) in center.queues.enumerated() {
                let required = base.requirements.agents[q][from]
                let noise = 1 + spread.noise * (2 * random.nextUnitInterval() - 1)
                guard required > 0, center.isOpen(queue, at: interval.local) else { continue }
                let agents = max(1, (required * week * mix[q] * noise).rounded())
                matrix.agents[q][interval.index] = agents
                // The calls scale with the demand; the productive agents with the agents.
                matrix.loads[q][interval.index] = base.requirements.loads[q][from].map {
                    RequirementLoad(calls: $0.calls * week * mix[q] * noise, ahtSeconds: $0.ahtSeconds,
                                    productiveAgents: $0.productiveAgents * agents / required)
                }
            }
        }
        return matrix
    }

    /// `agent` in a week `days` later: dated absences moved along, some of them to another day
    /// of that week, and perhaps another contract.
    private func moved(_ agent: Agent, by days: Int, center: Center, random: inout SeededGenerator) -> Agent {
        var agent = agent
        agent.unavailable = agent.unavailable.map { absence in
            guard let day = date(of: absence) else { return absence }
            var offset = days
            if random.nextUnitInterval() < spread.absenceMove {
                let within = (base.center.weekStart.days(to: day) % 7 + 7) % 7
                offset += Int(random.nextUnitInterval() * 7) % 7 - within
            }
            switch absence {
            case .date(let date): return .date(date.adding(days: offset))
            case .timeRange(let date, let from, let to): return .timeRange(date.adding(days: offset), from: from, to: to)
            case .weekday: return absence
            }
        }
        let contracts = center.contracts.map(\.id).filter { $0 != agent.contract }
        if !contracts.isEmpty, random.nextUnitInterval() < spread.contractChange {
            agent.contract = contracts[Int(random.nextUnitInterval() * Double(contracts.count)) % contracts.count]
        }
        return agent
    }

    private func date(of absence: Unavailability) -> LocalDate? {
        switch absence {
        case .date(let date), .timeRange(let date, _, _): date
        case .weekday: nil
        }
    }
}
