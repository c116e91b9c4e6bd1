// Regenerates the demo center's history.csv, agents.csv and forecast.csv from its
// center.yaml, deterministically: `swift run wfm-demo-generator Inputs/demo`.
import Foundation
import WFMCore
import WFMForecasting
import WFMIO

let folder = CommandLine.arguments.dropFirst().first ?? "Inputs/demo"
let weeksOfHistory = 10
let patterns = [
    SyntheticHistory.QueuePattern(queue: "billing", dailyCalls: [1780, 1600, 1550, 1500, 1460, 490, 250], ahtSeconds: 300, weeklyTrend: 0.004),
    SyntheticHistory.QueuePattern(queue: "tech", dailyCalls: [620, 560, 540, 530, 500, 210, 120], ahtSeconds: 540, weeklyTrend: 0.002),
    SyntheticHistory.QueuePattern(queue: "sales", dailyCalls: [430, 400, 390, 380, 420, 260, 0], ahtSeconds: 420, weeklyTrend: 0.006),
]

/// About 120 agents: a realistic mix of single- and multi-skilled, full- and part-time staff.
func demoAgents(weekStart: LocalDate, seed: UInt64) -> [Agent] {
    let skillMix: [(count: Int, skills: [Skill])] = [
        (44, [Skill(queue: "billing")]),
        (20, [Skill(queue: "tech")]),
        (12, [Skill(queue: "sales")]),
        (22, [Skill(queue: "billing", priority: 1), Skill(queue: "sales", priority: 2)]),
        (16, [Skill(queue: "billing", priority: 1), Skill(queue: "tech", priority: 2)]),
        (6, [Skill(queue: "tech", priority: 1), Skill(queue: "billing", priority: 2), Skill(queue: "sales", priority: 3)]),
    ]
    let firstNames = ["Anna", "Bram", "Chloé", "Daan", "Emma", "Finn", "Gijs", "Hanna", "Ilse", "Jesse", "Kim", "Lars",
                      "Mila", "Noah", "Olga", "Pieter", "Quinten", "Roos", "Sem", "Tess", "Umar", "Vera", "Wout", "Yara", "Zoë"]
    let lastNames = ["de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos",
                     "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Kok", "Willems", "Koster", "Prins"]
    var random = SeededGenerator(seed: seed)
    var agents: [Agent] = []
    for (count, skills) in skillMix {
        for _ in 0..<count {
            let number = agents.count + 1
            let partTime = number % 3 == 0
            var unavailable: [Unavailability] = []
            if random.nextUnitInterval() < 0.30 {
                unavailable.append(.date(weekStart.adding(days: Int(random.next() % 7))))
            }
            if partTime, random.nextUnitInterval() < 0.35 { unavailable.append(.weekday(.sun)) }
            if random.nextUnitInterval() < 0.05 {
                unavailable.append(.timeRange(weekStart.adding(days: Int(random.next() % 5)), from: TimeOfDay("08:00")!, to: TimeOfDay("12:00")!))
            }
            var preferences: [AgentPreference] = []
            let wish = random.nextUnitInterval()
            if wish < 0.20 { preferences.append(.dayOff(.sat)) } else if wish < 0.30 { preferences.append(.early) } else if wish < 0.38 { preferences.append(.late) }
            let name = "\(firstNames[Int(random.next() % UInt64(firstNames.count))]) \(lastNames[Int(random.next() % UInt64(lastNames.count))])"
            agents.append(Agent(id: String(format: "A%03d", number), name: name, contract: partTime ? "parttime" : "fulltime",
                                skills: skills, unavailable: unavailable, preferences: preferences))
        }
    }
    return agents
}

do {
    let center = try CenterReader.read(path: "\(folder)/center.yaml")
    let generator = SyntheticHistory(center: center, patterns: patterns, seed: 20261130)
    let history = generator.records(weeks: weeksOfHistory, endingBefore: center.weekStart, intervalMinutes: center.intervalMinutes)
    try AtomicFileWriter.write(TableWriters.historyCSV(history, timeZone: center.timeZone), to: center.historyPath!, overwrite: true)
    try AtomicFileWriter.write(TableWriters.agentsCSV(demoAgents(weekStart: center.weekStart, seed: 7)), to: center.agentsPath!, overwrite: true)
    let grid = center.timeGrid
    var forecast: [ForecastEntry] = []
    for interval in grid.intervals {
        for pattern in patterns {
            let expected = generator.expectedCalls(for: pattern, date: interval.local.date, intervalMinutes: center.intervalMinutes,
                                                   weeksFromStart: Double(weeksOfHistory) + Double(interval.dayOffset) / 7)
            if let match = expected.first(where: { $0.minuteOfDay == interval.local.minuteOfDay }) {
                forecast.append(ForecastEntry(interval: interval.index, queue: pattern.queue, calls: match.calls, ahtSeconds: pattern.ahtSeconds))
            }
        }
    }
    forecast.sort { ($0.queue, $0.interval) < ($1.queue, $1.interval) }
    try AtomicFileWriter.write(TableWriters.forecastCSV(forecast, grid: grid), to: "\(folder)/forecast.csv", overwrite: true)
    print("Wrote \(history.count) history rows, agents and \(forecast.count) forecast rows to \(folder)")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
