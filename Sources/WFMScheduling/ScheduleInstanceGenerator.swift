import Foundation
import WFMCore

/// Standard scheduling instances for tests and benchmarks, generated deterministically: a
/// 7-day week of 15-minute intervals open 07:00–22:00, double-humped demand with lower weekend
/// levels, full- and part-time contracts, single- and multi-skilled agents, about 6% of
/// agent-days unavailable, and required hours about 80% of contracted hours.
public enum ScheduleInstanceGenerator {
    /// The standard sizes.
    public enum Size: String, Sendable, CaseIterable {
        /// 30 agents, 1 queue.
        case small
        /// 150 agents, 3 queues.
        case medium
        /// 600 agents, 4 queues.
        case large
        /// 2,000 agents, 6 queues: for checking time limits and scale (not in the default runs).
        case xlarge

        var agents: Int { [Size.small: 30, .medium: 150, .large: 600, .xlarge: 2000][self]! }
        var queues: Int { [Size.small: 1, .medium: 3, .large: 4, .xlarge: 6][self]! }
    }

    /// The instance of `size` for `seed`.
    public static func make(_ size: Size, seed: UInt64 = 1) throws -> ScheduleProblem {
        var random = SeededGenerator(seed: seed)
        let queues = (0..<size.queues).map { index in
            Queue(id: "q\(index + 1)", ahtSeconds: 300, serviceLevel: ServiceLevelTarget(fraction: 0.8, withinSeconds: 20),
                  weight: index == 0 ? 1.2 : 1)
        }
        let open = OpeningHours.Range(opens: TimeOfDay("07:00")!, closes: TimeOfDay("22:00")!)
        let lunch = BreakRule(minutes: 30, earliestOffsetMinutes: 180, latestOffsetMinutes: 300, paid: false)
        let templates = [
            ShiftTemplate(id: "day8", paidMinutes: 480, earliestStart: TimeOfDay("07:00")!, latestStart: TimeOfDay("13:30")!,
                          startStepMinutes: 30, breaks: [lunch]),
            ShiftTemplate(id: "part6", paidMinutes: 360, earliestStart: TimeOfDay("07:00")!, latestStart: TimeOfDay("16:00")!,
                          startStepMinutes: 60, breaks: []),
            ShiftTemplate(id: "part4", paidMinutes: 240, earliestStart: TimeOfDay("07:00")!, latestStart: TimeOfDay("18:00")!,
                          startStepMinutes: 60, breaks: []),
        ]
        let contracts = [
            Contract(id: "fulltime", weeklyPaidHours: Bounds(min: 32, max: 40), daysPerWeek: Bounds(min: 4, max: 5),
                     maxConsecutiveDays: 5, minRestHours: 11, templates: ["day8"]),
            Contract(id: "parttime", weeklyPaidHours: Bounds(min: 12, max: 24), daysPerWeek: Bounds(min: 2, max: 5),
                     maxConsecutiveDays: 4, minRestHours: 11, templates: ["part4", "part6"]),
        ]
        let center = Center(
            name: "\(size.rawValue) instance", timeZone: TimeZone(identifier: "Europe/Amsterdam")!, intervalMinutes: 15,
            weekStart: LocalDate("2026-11-30")!,
            openingHours: OpeningHours(ranges: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [open]) })),
            queues: queues, shiftTemplates: templates, contracts: contracts)
        let agents = (0..<size.agents).map { index -> Agent in
            let fullTime = random.nextUnitInterval() < 0.7
            var skills = [Skill(queue: queues[index % queues.count].id, priority: 1)]
            if queues.count > 1, random.nextUnitInterval() < 0.3 {
                skills.append(Skill(queue: queues[(index + 1) % queues.count].id, priority: 2))
            }
            let absences = (0..<7).filter { _ in random.nextUnitInterval() < 0.06 }
                .map { Unavailability.date(center.weekStart.adding(days: $0)) }
            return Agent(id: String(format: "A%04d", index + 1), name: "Agent \(index + 1)", contract: fullTime ? "fulltime" : "parttime",
                         skills: skills, unavailable: absences)
        }
        let contractedHours = agents.reduce(0.0) { $0 + ($1.contract == "fulltime" ? 36 : 18) }
        return try ScheduleProblem(center: center, agents: agents,
                               requirements: demand(center: center, queues: queues.count, requiredHours: 0.8 * contractedHours))
    }

    /// Requirements summing to about `requiredHours`: a double-humped day, weekends at 60%.
    private static func demand(center: Center, queues: Int, requiredHours: Double) -> RequirementMatrix {
        let grid = center.timeGrid
        var matrix = RequirementMatrix(queues: center.queues.map(\.id), intervals: grid.intervals.count)
        var shape = [Double](repeating: 0, count: grid.intervals.count)
        for interval in grid.intervals where center.openingHours.isOpen(at: interval.local) {
            let hour = Double(interval.local.minuteOfDay) / 60 + 0.125
            let level = interval.weekday.isWeekend ? 0.6 : 1.0
            shape[interval.index] = level * (0.35 + exp(-pow((hour - 10.5) / 1.8, 2)) + 0.8 * exp(-pow((hour - 15) / 2, 2)))
        }
        let scale = requiredHours * 4 / shape.reduce(0, +)
        for q in 0..<queues {
            let share = q == 0 ? 1.5 / (Double(queues) + 0.5) : 1 / (Double(queues) + 0.5)
            for t in shape.indices where shape[t] > 0 {
                matrix.agents[q][t] = max(1, (shape[t] * scale * share).rounded())
            }
        }
        return matrix
    }
}
