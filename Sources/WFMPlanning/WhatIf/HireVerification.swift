import Foundation
import WFMCore
import WFMReporting

/// The hires a ``CapacityCheck`` suggests, checked by replanning the week with them.
///
/// The capacity check counts agent-hours over the whole week: the least the week needs, blind
/// to when the hours fall. Here the scenario is replanned (near the published roster, at no
/// change cost: new agents have no published week) with the suggested hires as new agents of
/// their contract and skills; when a queue still misses its weekly service-level target (by the
/// report's verdict source, the formula), its agent-hours short in that replan are hired in
/// more, ⌈short ÷ a hire's phone hours⌉ of the team that hires for the queue most cheaply, and
/// the week is replanned again, at most ``maximumReplans`` times.
public struct HireVerification: Sendable {
    /// The hires of the last replan, by contract and skills.
    public let hires: [CapacityCheck.Hire]
    /// Whether every queue met its weekly target in the last replan.
    public let targetsMet: Bool
    /// Replans run.
    public let replans: Int
    /// Per queue (center.yaml order), the weekly service level in the last replan.
    public let serviceLevels: [(queue: String, serviceLevel: Double, target: Double)]

    /// Replans at most: a deterministic budget (each replan is a schedule); on the small and
    /// demo centers' +15% to +50% scenarios the targets were met by the second.
    public static let maximumReplans = 4

    /// `12 fulltime billing, 2 parttime sales` (or `none`).
    public var hiresText: String {
        hires.isEmpty ? "none" : hires.map { "\($0.count) \($0.contract) \($0.skills.joined(separator: "+"))" }.joined(separator: ", ")
    }

    /// Replans the scenario with `check`'s hires, adding more where a queue misses its weekly
    /// target; nil when the check found no mix (a queue no team takes). With no hires
    /// suggested and every weekly target met by `current` (the roster as it stands), nothing
    /// is replanned.
    /// - Parameters:
    ///   - center: the scenario's center (its targets and contracts).
    ///   - replan: replans a scenario (with its hires) and returns the report of the new roster.
    static func verify(_ check: CapacityCheck, scenario: Scenario, center: Center, agents: [Agent], current: RosterReport,
                       replan: (Scenario) throws -> RosterReport) throws -> HireVerification? {
        guard var hires = check.hires else { return nil }
        let levels = { (report: RosterReport) in
            center.queues.map { queue in
                (queue: queue.id, serviceLevel: report.weeks.first { $0.queue == queue.id }?.serviceLevel ?? 0, target: queue.serviceLevel.fraction)
            }
        }
        if hires.isEmpty, levels(current).allSatisfy({ $0.serviceLevel >= $0.target - 1e-9 }) {
            return HireVerification(hires: [], targetsMet: true, replans: 0, serviceLevels: levels(current))
        }
        var replans = 0
        while true {
            var hired = scenario
            hired.hires = scenario.hires + newAgents(hires, existing: agents + scenario.hires)
            let report = try replan(hired)
            replans += 1
            let reached = levels(report)
            let missing = reached.filter { $0.serviceLevel < $0.target - 1e-9 }
            guard !missing.isEmpty, replans < maximumReplans else {
                return HireVerification(hires: hires, targetsMet: missing.isEmpty, replans: replans, serviceLevels: reached)
            }
            for queue in missing {
                let short = report.weeks.first { $0.queue == queue.queue }?.shortfallHours ?? 0
                guard let team = cheapestTeam(for: queue.queue, check: check, center: center) else { continue }
                let perHire = team.contract.weeklyPaidHours.max * CapacityCheck.phoneShare(team.contract, center: center)
                let count = max(1, Int((short / max(perHire, 1e-9)).rounded(.up).clamped(to: 1...1000)))
                hires = adding(count, contract: team.contract, skills: team.skills, to: hires)
            }
        }
    }

    /// The team (contract and skill set of the check) that covers `queue` at the least paid
    /// cost per phone hour; single-skill teams first on a tie, then in the check's order.
    private static func cheapestTeam(for queue: String, check: CapacityCheck, center: Center) -> (contract: Contract, skills: [String])? {
        check.teams.filter { $0.skills.contains(queue) }.compactMap { team -> (contract: Contract, skills: [String], cost: Double)? in
            guard let contract = center.contracts.first(where: { $0.id == team.contract }) else { return nil }
            let phone = CapacityCheck.phoneShare(contract, center: center)
            return (contract, team.skills, phone > 0 ? 1 / phone : .infinity)
        }.min { ($0.cost, $0.skills.count) < ($1.cost, $1.skills.count) }.map { ($0.contract, $0.skills) }
    }

    private static func adding(_ count: Int, contract: Contract, skills: [String], to hires: [CapacityCheck.Hire]) -> [CapacityCheck.Hire] {
        var hires = hires
        if let index = hires.firstIndex(where: { $0.contract == contract.id && $0.skills == skills }) {
            let hire = hires[index]
            hires[index] = CapacityCheck.Hire(contract: hire.contract, skills: hire.skills, count: hire.count + count,
                                              paidHours: hire.paidHours + Double(count) * contract.weeklyPaidHours.max)
        } else {
            hires.append(CapacityCheck.Hire(contract: contract.id, skills: skills, count: count, paidHours: Double(count) * contract.weeklyPaidHours.max))
        }
        return hires
    }

    /// One agent per hire, `NEW001`, `NEW002` … (skipping ids already taken), free all week.
    private static func newAgents(_ hires: [CapacityCheck.Hire], existing: [Agent]) -> [Agent] {
        let taken = Set(existing.map(\.id))
        var number = 0
        var agents: [Agent] = []
        for hire in hires {
            for _ in 0..<hire.count {
                var id: String
                repeat {
                    number += 1
                    id = "NEW" + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number)
                } while taken.contains(id)
                agents.append(Agent(id: id, name: "new \(hire.contract) \(number)", contract: hire.contract, skills: hire.skills.map { Skill(queue: $0) }))
            }
        }
        return agents
    }
}

extension Comparable {
    /// The value limited to `range`.
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
