import Foundation
import Testing
import WFMCore
import WFMIO
import WFMMeasure
import WFMPlanning
import WFMReporting

/// Each override of a scenario changes exactly what it names, and nothing else (on the demo's
/// center, agents and forecast).
@Suite struct ScenarioApplierTests {
    let center: Center
    let agents: [Agent]
    let forecast: [ForecastEntry]
    let shifts: [RosterShift]

    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let center = try CenterReader.read(path: root.appendingPathComponent("Inputs/demo/center.yaml").path)
        let agents = try AgentsReader.read(path: center.agentsPath!, center: center)
        forecast = try ForecastReader.read(path: root.appendingPathComponent("Inputs/demo/forecast.csv").path, center: center, grid: center.timeGrid)
        let monday = center.timeGrid.intervals.first { $0.local.description == "2026-11-30T09:00" }!.start
        shifts = agents.prefix(3).map { agent in
            RosterShift(agentID: agent.id, date: center.weekStart, templateID: "early8", start: monday, end: monday.addingTimeInterval(8.5 * 3600),
                        paidMinutes: 480, breaks: [])
        }
        self.center = center
        self.agents = agents
    }

    func apply(_ scenario: Scenario) -> ScenarioPlan {
        ScenarioApplier.apply(scenario, center: center, agents: agents, forecast: forecast, shifts: shifts)
    }

    @Test func volumeChangesOnlyRowsInItsScope() {
        let scope = ScenarioScope(queues: ["billing"], weekdays: [.mon], window: 540..<720)
        let plan = apply(Scenario(name: "s", volume: [ForecastAdjustment(factor: 1.25, addedCalls: 2, scope: scope)]))
        var changed = 0
        for (before, after) in zip(forecast, plan.forecast) {
            let local = center.timeGrid.intervals[before.interval].local
            let inScope = before.queue == "billing" && local.date.weekday == .mon && (540..<720).contains(local.minuteOfDay)
            #expect(after.ahtSeconds == before.ahtSeconds)
            if inScope {
                changed += 1
                #expect(abs(after.calls - (before.calls * 1.25 + 2)) < 1e-9)
            } else {
                #expect(after.calls == before.calls)
            }
        }
        #expect(changed == 12, "Monday 09:00–12:00 is twelve quarter-hours")
        #expect(plan.center.queues == center.queues && plan.agents == agents && plan.shifts == shifts)
    }

    @Test func ahtAndTargetsChangeOnlyTheirQueues() {
        let plan = apply(Scenario(name: "s", aht: [ForecastAdjustment(factor: 1.1, scope: ScenarioScope(queues: ["tech"]))],
                                  targets: [TargetOverride(queue: "sales", serviceLevel: ServiceLevelTarget(fraction: 0.9, withinSeconds: 10),
                                                           patienceSeconds: 90)]))
        for (before, after) in zip(forecast, plan.forecast) {
            #expect(after.calls == before.calls)
            #expect(abs(after.ahtSeconds - before.ahtSeconds * (before.queue == "tech" ? 1.1 : 1)) < 1e-9)
        }
        #expect(plan.center.queue("sales")?.serviceLevel == ServiceLevelTarget(fraction: 0.9, withinSeconds: 10))
        #expect(plan.center.queue("sales")?.patienceSeconds == 90)
        #expect(plan.center.queue("sales")?.maxOccupancy == center.queue("sales")?.maxOccupancy)
        #expect(plan.center.queue("billing") == center.queue("billing") && plan.center.queue("tech") == center.queue("tech"))
    }

    @Test func absencesRemoveOnlyTheirAgentsShiftsAndAddedSkillsOnlyTheirAgents() {
        let away = agents[0].id, trained = agents[1].id
        let plan = apply(Scenario(name: "s", absences: [ScenarioAbsence(agents: [away], weekdays: [.mon])],
                                  addedSkills: [SkillAddition(agents: [trained], skills: [Skill(queue: "tech", priority: 3)])]))
        #expect(plan.shifts.map(\.agentID) == shifts.map(\.agentID).filter { $0 != away })
        #expect(plan.removedShifts == 1)
        #expect(plan.agents[0].isAbsentAllDay(on: center.weekStart) && !plan.agents[0].isAbsentAllDay(on: center.weekStart.adding(days: 1)))
        #expect(plan.agents[1].skills == agents[1].skills + [Skill(queue: "tech", priority: 3)])
        #expect(Array(plan.agents.dropFirst(2)) == Array(agents.dropFirst(2)))
        #expect(plan.forecast == forecast)
    }

    /// Away 10:00–12:00 on Monday: the shift stays, the agent is off the phones for exactly
    /// those two hours, and the scheduler (a replan) sees them unavailable then.
    @Test func aPartDayAbsenceCutsPresenceOnlyInItsWindow() throws {
        let away = agents[0].id
        let plan = apply(Scenario(name: "s", absences: [ScenarioAbsence(agents: [away], weekdays: [.mon], window: 600..<720)]))
        #expect(plan.shifts == shifts && plan.removedShifts == 1 && plan.agents == agents)
        let presence = RosterPresence(shifts: plan.shifts, agents: plan.agents, grid: center.timeGrid, away: plan.away)
        let untouched = RosterPresence(shifts: shifts, agents: agents, grid: center.timeGrid)
        let hours = { (presence: RosterPresence, agent: Int) in presence.intervalShares[agent].reduce(0) { $0 + $1.share } * 0.25 }
        #expect(abs(hours(untouched, 0) - hours(presence, 0) - 2) < 1e-9)
        #expect(hours(presence, 1) == hours(untouched, 1))
        let cut = Set(presence.intervalShares[0].map(\.interval))
        #expect(!center.timeGrid.intervals.contains { cut.contains($0.index) && (600..<720).contains($0.local.minuteOfDay) && $0.dayOffset == 0 })
        #expect(plan.agentsUnavailableWhenAway[0].unavailable.contains(.timeRange(center.weekStart, from: TimeOfDay("10:00")!, to: TimeOfDay("12:00")!)))
    }

    @Test func aContractOverrideChangesOnlyWhatItNames() {
        let plan = apply(Scenario(name: "s", contracts: [ContractOverride(contract: "parttime", daysPerWeek: Bounds(min: 3, max: 5))]))
        let before = center.contracts.first { $0.id == "parttime" }!, after = plan.center.contracts.first { $0.id == "parttime" }!
        #expect(after.daysPerWeek == Bounds(min: 3, max: 5))
        #expect(after.weeklyPaidHours == before.weeklyPaidHours && after.minRestHours == before.minRestHours && after.templates == before.templates)
        #expect(plan.center.contracts.first { $0.id == "fulltime" } == center.contracts.first { $0.id == "fulltime" })
    }

    @Test func shrinkageReplacesTheCentersAndNothingElse() {
        let plan = apply(Scenario(name: "s", shrinkage: Shrinkage(defaultValue: 0.4)))
        #expect(plan.center.shrinkage == Shrinkage(defaultValue: 0.4))
        #expect(plan.center.queues == center.queues && plan.forecast == forecast)
    }
}
