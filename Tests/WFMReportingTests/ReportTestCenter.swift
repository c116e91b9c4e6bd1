import Foundation
import WFMCore

/// A tiny center for hand-computed report figures: UTC, hourly intervals, open Monday
/// 09:00–11:00 only, a one-hour template and a contract of 0–40 hours.
enum ReportTestCenter {
    static let monday = LocalDate("2026-11-30")!

    static func center(queues: [Queue], shrinkage: Double = 0, report: ReportSettings = ReportSettings()) -> Center {
        let hours = OpeningHours(ranges: [.mon: [OpeningHours.Range(opens: TimeOfDay("09:00")!, closes: TimeOfDay("11:00")!)]])
        return Center(
            name: "Tiny", timeZone: TimeZone(identifier: "UTC")!, intervalMinutes: 60, weekStart: monday, openingHours: hours,
            queues: queues, shrinkage: Shrinkage(defaultValue: shrinkage),
            shiftTemplates: [ShiftTemplate(id: "h1", paidMinutes: 60, earliestStart: TimeOfDay("09:00")!, latestStart: TimeOfDay("10:00")!,
                                           startStepMinutes: 60, breaks: [])],
            contracts: [Contract(id: "flex", weeklyPaidHours: Bounds(min: 0, max: 40), daysPerWeek: Bounds(min: 0, max: 5),
                                 maxConsecutiveDays: 5, minRestHours: 11, templates: ["h1"])],
            report: report)
    }

    static func queue(_ id: String, aht: Double = 300, target: Double = 0.8, within: Double = 20, patience: Double? = nil,
                      maxOccupancy: Double? = nil, weight: Double = 1) -> Queue {
        Queue(id: id, ahtSeconds: aht, serviceLevel: ServiceLevelTarget(fraction: target, withinSeconds: within),
              maxOccupancy: maxOccupancy, patienceSeconds: patience, weight: weight)
    }

    static func agent(_ id: String, _ queues: [String]) -> Agent {
        Agent(id: id, name: "Agent \(id)", contract: "flex", skills: queues.map { Skill(queue: $0) })
    }

    /// A one-hour shift on Monday starting at `hour` UTC.
    static func shift(_ agent: String, hour: Int = 9, paidMinutes: Int = 60) -> RosterShift {
        let start = TimeGrid.startOfDay(monday, in: TimeZone(identifier: "UTC")!).addingTimeInterval(Double(hour) * 3600)
        return RosterShift(agentID: agent, date: monday, templateID: "h1", start: start, end: start.addingTimeInterval(3600),
                           paidMinutes: paidMinutes, breaks: [])
    }

    /// A requirement row for Monday at `hour` (interval index = hour for this UTC grid).
    static func requirement(_ queue: String, hour: Int = 9, calls: Double, aht: Double = 300, productive: Int, scheduled: Int? = nil)
        -> IntervalRequirement
    {
        IntervalRequirement(interval: hour, queue: queue, calls: calls, ahtSeconds: aht, erlangs: calls * aht / 3600,
                            agentsProductive: productive, agentsScheduled: scheduled ?? productive, serviceLevel: 0, asaSeconds: 0,
                            occupancy: 0, abandonRate: 0, binding: "service_level")
    }
}
