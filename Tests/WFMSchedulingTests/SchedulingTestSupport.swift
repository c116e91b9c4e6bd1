import Foundation
import WFMCore
@testable import WFMScheduling

/// A UTC center with hourly intervals, week of 2026-11-30, open around the clock.
func tinyCenter(queues: [String] = ["q"], templates: [ShiftTemplate], contract: Contract) -> Center {
    let allDay = OpeningHours.Range(opens: TimeOfDay("00:00")!, closes: TimeOfDay("24:00")!)
    return Center(
        name: "tiny", timeZone: TimeZone(identifier: "UTC")!, intervalMinutes: 60, weekStart: LocalDate("2026-11-30")!,
        openingHours: OpeningHours(ranges: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [allDay]) })),
        queues: queues.map { Queue(id: $0, ahtSeconds: 300, serviceLevel: ServiceLevelTarget(fraction: 0.8, withinSeconds: 20)) },
        shiftTemplates: templates, contracts: [contract])
}

func template(_ id: String, paidHours: Int, from: String, to: String, breaks: [BreakRule] = [], days: [Weekday] = []) -> ShiftTemplate {
    ShiftTemplate(id: id, paidMinutes: paidHours * 60, earliestStart: TimeOfDay(from)!, latestStart: TimeOfDay(to)!, startStepMinutes: 60,
                  breaks: breaks, days: days)
}

func looseContract(templates: [String], minHours: Double = 0, maxHours: Double = 60, minDays: Int = 0, maxDays: Int = 7,
                   maxConsecutive: Int = 7, rest: Double = 0) -> Contract {
    Contract(id: "c", weeklyPaidHours: Bounds(min: minHours, max: maxHours), daysPerWeek: Bounds(min: minDays, max: maxDays),
             maxConsecutiveDays: maxConsecutive, minRestHours: rest, templates: templates)
}

func agent(_ id: String, skills: [String] = ["q"], unavailable: [Unavailability] = []) -> Agent {
    Agent(id: id, name: id, contract: "c", skills: skills.map { Skill(queue: $0) }, unavailable: unavailable)
}

/// Requirements: `needs[(queue, day, hour)] = agents`.
func requirements(_ center: Center, _ needs: [(String, Int, Int, Double)]) -> RequirementMatrix {
    var matrix = RequirementMatrix(queues: center.queues.map(\.id), intervals: center.timeGrid.intervals.count)
    for (queue, day, hour, agents) in needs {
        matrix.agents[matrix.queues.firstIndex(of: queue)!][day * 24 + hour] = agents
    }
    return matrix
}

func hour(_ date: Date) -> Int { LocalDateTime(date, in: TimeZone(identifier: "UTC")!).minuteOfDay / 60 }
