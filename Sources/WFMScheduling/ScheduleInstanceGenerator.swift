import Foundation
import WFMCore

/// A standard scheduling instance: a size and a variant, named `large` or `medium-night`.
public struct StandardInstance: Sendable, Hashable, CustomStringConvertible {
    /// The standard sizes.
    public enum Size: String, Sendable, CaseIterable {
        /// 8 agents, 1 queue: for tests of the tooling.
        case tiny
        /// 30 agents, 1 queue.
        case small
        /// 150 agents, 3 queues.
        case medium
        /// 600 agents, 4 queues.
        case large
        /// 2,000 agents, 6 queues: for checking time limits and scale (not in the default runs).
        case xlarge
        /// 5,000 agents, 8 queues: the next size (not in the default runs).
        case xxlarge

        var agents: Int { [Size.tiny: 8, .small: 30, .medium: 150, .large: 600, .xlarge: 2000, .xxlarge: 5000][self]! }
        var queues: Int { [Size.tiny: 1, .small: 1, .medium: 3, .large: 4, .xlarge: 6, .xxlarge: 8][self]! }
    }

    /// What the instance stresses beyond the standard week.
    public enum Variant: String, Sendable, CaseIterable {
        /// 15-minute plan open 07:00–22:00, one lunch per full-time shift.
        case standard
        /// Three breaks per full-time shift (15 paid, 30 unpaid, 15 paid), as real centers have.
        case breaks3
        /// Open around the clock, with night shifts that cross midnight.
        case night
        /// A 30-minute plan.
        case halfHour = "30min"
    }

    public var size: Size
    public var variant: Variant

    /// Creates an instance description.
    public init(_ size: Size, _ variant: Variant = .standard) {
        self.size = size
        self.variant = variant
    }

    /// Reads `large` or `medium-night`.
    public init?(_ name: String) {
        let parts = name.split(separator: "-", maxSplits: 1).map(String.init)
        guard let size = parts.first.flatMap(Size.init(rawValue:)) else { return nil }
        guard parts.count == 2 else {
            self.init(size)
            return
        }
        guard let variant = Variant(rawValue: parts[1]), variant != .standard else { return nil }
        self.init(size, variant)
    }

    /// `large`, or `medium-night` for a variant.
    public var description: String { variant == .standard ? size.rawValue : "\(size.rawValue)-\(variant.rawValue)" }

    /// Every name ``init(_:)`` reads, for help texts.
    public static var names: [String] {
        Size.allCases.flatMap { size in Variant.allCases.map { StandardInstance(size, $0).description } }
    }
}

/// Standard scheduling instances for tests, benchmarks and `wfm bench`, generated
/// deterministically from a seed: a 7-day week, double-humped demand with lower weekend levels,
/// full- and part-time contracts, single- and multi-skilled agents, about 6% of agent-days
/// unavailable, and required hours about 80% of contracted hours.
public enum ScheduleInstanceGenerator {
    /// The standard sizes (``StandardInstance/Size``).
    public typealias Size = StandardInstance.Size

    /// The standard instance of `size` for `seed`.
    public static func make(_ size: Size, seed: UInt64 = 1) throws -> ScheduleProblem {
        try make(StandardInstance(size), seed: seed)
    }

    /// The instance for `seed`.
    public static func make(_ instance: StandardInstance, seed: UInt64 = 1) throws -> ScheduleProblem {
        var random = SeededGenerator(seed: seed)
        let size = instance.size
        let queues = (0..<size.queues).map { index in
            Queue(id: "q\(index + 1)", ahtSeconds: 300, serviceLevel: ServiceLevelTarget(fraction: 0.8, withinSeconds: 20),
                  weight: index == 0 ? 1.2 : 1)
        }
        let night = instance.variant == .night
        let open = OpeningHours.Range(opens: TimeOfDay("\(night ? "00:00" : "07:00")")!, closes: TimeOfDay("\(night ? "24:00" : "22:00")")!)
        let (templates, fullTimeTemplates) = Self.templates(instance.variant)
        let contracts = [
            Contract(id: "fulltime", weeklyPaidHours: Bounds(min: 32, max: 40), daysPerWeek: Bounds(min: 4, max: 5),
                     maxConsecutiveDays: 5, minRestHours: 11, templates: fullTimeTemplates),
            Contract(id: "parttime", weeklyPaidHours: Bounds(min: 12, max: 24), daysPerWeek: Bounds(min: 2, max: 5),
                     maxConsecutiveDays: 4, minRestHours: 11, templates: ["part4", "part6"]),
        ]
        let center = Center(
            name: "\(instance) instance", timeZone: TimeZone(identifier: "Europe/Amsterdam")!,
            intervalMinutes: instance.variant == .halfHour ? 30 : 15, weekStart: LocalDate("2026-11-30")!,
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
                                   requirements: demand(center: center, queues: queues.count, requiredHours: 0.8 * contractedHours,
                                                        night: night))
    }

    /// The templates of a variant, and the full-time contract's.
    private static func templates(_ variant: StandardInstance.Variant) -> ([ShiftTemplate], [String]) {
        let lunch = BreakRule(minutes: 30, earliestOffsetMinutes: 180, latestOffsetMinutes: 300, paid: false)
        let fullTimeBreaks = variant == .breaks3
            ? [BreakRule(minutes: 15, earliestOffsetMinutes: 90, latestOffsetMinutes: 150, paid: true), lunch,
               BreakRule(minutes: 15, earliestOffsetMinutes: 360, latestOffsetMinutes: 420, paid: true)]
            : [lunch]
        let step = variant == .halfHour ? 60 : 30
        var templates = [
            ShiftTemplate(id: "day8", paidMinutes: 480, earliestStart: TimeOfDay("07:00")!, latestStart: TimeOfDay("13:30")!,
                          startStepMinutes: step, breaks: fullTimeBreaks),
            ShiftTemplate(id: "part6", paidMinutes: 360, earliestStart: TimeOfDay("07:00")!, latestStart: TimeOfDay("16:00")!,
                          startStepMinutes: 60, breaks: []),
            ShiftTemplate(id: "part4", paidMinutes: 240, earliestStart: TimeOfDay("07:00")!, latestStart: TimeOfDay("18:00")!,
                          startStepMinutes: 60, breaks: []),
        ]
        guard variant == .night else { return (templates, ["day8"]) }
        templates.append(ShiftTemplate(id: "night8", paidMinutes: 480, earliestStart: TimeOfDay("21:00")!, latestStart: TimeOfDay("23:00")!,
                                       startStepMinutes: 60, breaks: [lunch]))
        return (templates, ["day8", "night8"])
    }

    /// Requirements summing to about `requiredHours`: a double-humped day, weekends at 60%,
    /// and (open around the clock) nights at a fifth of the morning peak.
    private static func demand(center: Center, queues: Int, requiredHours: Double, night: Bool) -> RequirementMatrix {
        let grid = center.timeGrid
        var matrix = RequirementMatrix(queues: center.queues.map(\.id), intervals: grid.intervals.count)
        var shape = [Double](repeating: 0, count: grid.intervals.count)
        for interval in grid.intervals where center.openingHours.isOpen(at: interval.local) {
            let hour = Double(interval.local.minuteOfDay) / 60 + Double(grid.intervalMinutes) / 120
            let level = interval.weekday.isWeekend ? 0.6 : 1.0
            let day = 0.35 + exp(-pow((hour - 10.5) / 1.8, 2)) + 0.8 * exp(-pow((hour - 15) / 2, 2))
            shape[interval.index] = level * (night && (hour < 7 || hour >= 22) ? 0.25 : day)
        }
        let scale = requiredHours * 60 / Double(grid.intervalMinutes) / shape.reduce(0, +)
        for q in 0..<queues {
            let share = q == 0 ? 1.5 / (Double(queues) + 0.5) : 1 / (Double(queues) + 0.5)
            for t in shape.indices where shape[t] > 0 {
                matrix.agents[q][t] = max(1, (shape[t] * scale * share).rounded())
                matrix.loads[q][t] = generatedLoad(agents: matrix.agents[q][t], ahtSeconds: center.queues[q].ahtSeconds,
                                                   intervalSeconds: grid.intervalSeconds)
            }
        }
        return matrix
    }

    /// The calls a generated requirement stands for: its agents busy at 80% occupancy, at the
    /// queue's AHT, without shrinkage.
    public static func generatedLoad(agents: Double, ahtSeconds: Double, intervalSeconds: Double) -> RequirementLoad {
        RequirementLoad(calls: 0.8 * agents * intervalSeconds / ahtSeconds, ahtSeconds: ahtSeconds, productiveAgents: agents)
    }
}
