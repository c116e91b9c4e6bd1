import Foundation
import Testing
import WFMCore
import WFMReporting

/// Every figure of the report on cases small enough to compute by hand.
@Suite("RosterEvaluator")
struct RosterEvaluatorTests {
    typealias T = ReportTestCenter

    /// One agent, one queue, one hour: 6 calls of 300 s in an hour is 0.5 erlang. With one
    /// agent (M/M/1) P(wait) = A = 0.5, SL(20 s) = 1 − 0.5·e^(−0.5·20/300), ASA = 0.5·300/0.5
    /// = 300 s, occupancy 0.5. Two agents are required: Erlang B(2, 0.5) = 0.125/1.625, so
    /// P(wait) = 2B/(2 − 0.5(1 − B)) = 0.1 and SL = 1 − 0.1·e^(−0.1) = 0.9095 ≥ 80%.
    @Test func oneAgentOneQueueOneHour() throws {
        let center = T.center(queues: [T.queue("q")])
        let report = try RosterEvaluator(center: center, agents: [T.agent("A", ["q"])]).evaluate(
            shifts: [T.shift("A")], requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        let row = try #require(report.intervals.first)
        #expect(report.intervals.count == 1)
        let serviceLevel = 1 - 0.5 * exp(-0.5 * 20 / 300)
        #expect(abs(row.present - 1) < 1e-12 && abs(row.productive - 1) < 1e-12)
        #expect(abs(row.predicted.serviceLevel - serviceLevel) < 1e-9)
        #expect(abs(row.predicted.asaSeconds - 300) < 1e-9)
        #expect(abs(row.predicted.occupancy - 0.5) < 1e-12)
        #expect(row.predicted.abandonmentRate == 0)
        #expect(row.flags == [IntervalFlag(kind: .serviceLevel, agents: 1)])
        let week = try #require(report.weeks.first { $0.queue == "q" })
        #expect(abs(week.calls - 6) < 1e-12)
        #expect(abs(week.serviceLevel - serviceLevel) < 1e-9)
        #expect(abs(week.asaSeconds - 300) < 1e-9)
        #expect(abs(week.occupancy - 0.5) < 1e-12, "0.5 handled hours over 1 productive hour")
        #expect(abs(week.utilization - 0.5) < 1e-12, "0.5 handled hours over 1 paid hour")
        #expect(abs(week.paidHours - 1) < 1e-12)
        #expect(abs(week.shortfallHours - 1) < 1e-12, "2 required, 1 present, for 1 hour")
        #expect(week.surplusHours == 0)
        #expect(week.intervals == 1 && week.intervalsMissed == 1)
        let monday = try #require(report.days.first { $0.queue == "all" && $0.period == "2026-11-30" })
        #expect(abs(monday.serviceLevel - serviceLevel) < 1e-9 && monday.paidHours == 1)
        let agent = try #require(report.agents.first)
        #expect(agent.paidHours == 1 && agent.daysWorked == 1 && agent.onPhoneHours == 1 && agent.brokenRules.isEmpty)
        #expect(!report.targetsMet && report.intervalsMissed == 1)
    }

    /// Half an hour on the phones in an hourly interval is half an agent: every figure lies
    /// halfway between no agent (SL 0) and one agent.
    @Test func aFractionalAgentIsInterpolated() throws {
        let center = T.center(queues: [T.queue("q")])
        var shift = T.shift("A")
        shift.breaks = [RosterBreak(start: shift.start.addingTimeInterval(1800), end: shift.end)]
        let report = try RosterEvaluator(center: center, agents: [T.agent("A", ["q"])]).evaluate(
            shifts: [shift], requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        let row = try #require(report.intervals.first)
        #expect(abs(row.present - 0.5) < 1e-12)
        #expect(abs(row.predicted.serviceLevel - 0.5 * (1 - 0.5 * exp(-1.0 / 30))) < 1e-9)
        #expect(row.predicted.asaSeconds == .infinity, "half an agent cannot keep up with half an erlang")
    }

    /// Shrinkage takes its share of the present agents before the formula sees them.
    @Test func shrinkageReducesProductiveAgents() throws {
        let center = T.center(queues: [T.queue("q")], shrinkage: 0.25)
        let agents = (1...4).map { T.agent("A\($0)", ["q"]) }
        let report = try RosterEvaluator(center: center, agents: agents).evaluate(
            shifts: agents.map { T.shift($0.id) }, requirements: [T.requirement("q", calls: 6, productive: 2, scheduled: 3)], simulation: nil)
        let row = try #require(report.intervals.first)
        #expect(row.present == 4 && abs(row.productive - 3) < 1e-12 && row.shrinkage == 0.25)
        let week = try #require(report.weeks.first { $0.queue == "q" })
        #expect(abs(week.surplusHours - 1) < 1e-12, "4 present against 3 to schedule")
    }

    /// A billing-only agent and a billing+tech agent, one agent required on each: the shared
    /// agent must work tech (anything else leaves tech uncovered).
    @Test func twoSkillAllocationIsTheKnownOne() throws {
        let center = T.center(queues: [T.queue("billing"), T.queue("tech")])
        let agents = [T.agent("X", ["billing"]), T.agent("Y", ["billing", "tech"])]
        let report = try RosterEvaluator(center: center, agents: agents).evaluate(
            shifts: [T.shift("X"), T.shift("Y")],
            requirements: [T.requirement("billing", calls: 1, productive: 1), T.requirement("tech", calls: 1, productive: 1)],
            simulation: nil)
        let present = Dictionary(uniqueKeysWithValues: report.intervals.map { ($0.queue, $0.present) })
        #expect(present == ["billing": 1, "tech": 1])
        let paid = Dictionary(uniqueKeysWithValues: report.weeks.map { ($0.queue, $0.paidHours) })
        #expect(paid["billing"] == 1 && paid["tech"] == 1 && paid["all"] == 2)
    }

    @Test func flagsOccupancyAndOverstaffing() throws {
        let busy = T.center(queues: [T.queue("q", maxOccupancy: 0.4)])
        let one = try RosterEvaluator(center: busy, agents: [T.agent("A", ["q"])]).evaluate(
            shifts: [T.shift("A")], requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        #expect(one.intervals[0].flags.map(\.kind) == [.serviceLevel, .occupancy], "occupancy 0.5 above 0.4")
        let agents = (1...5).map { T.agent("A\($0)", ["q"]) }
        let many = try RosterEvaluator(center: T.center(queues: [T.queue("q")]), agents: agents).evaluate(
            shifts: agents.map { T.shift($0.id) }, requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        #expect(many.intervals[0].flags == [IntervalFlag(kind: .overstaffed, agents: 3)])
        #expect(many.targetsMet, "overstaffing is a cost, not a missed target")
        let margin = T.center(queues: [T.queue("q")], report: ReportSettings(overstaffingMargin: 2))
        let tolerated = try RosterEvaluator(center: margin, agents: agents).evaluate(
            shifts: agents.map { T.shift($0.id) }, requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        #expect(tolerated.intervals[0].flags.isEmpty, "3 above 2 is within a 200% margin")
    }

    @Test func aRosterThatBreaksARuleIsReportedNotRefused() throws {
        let center = T.center(queues: [T.queue("q")])
        let report = try RosterEvaluator(center: center, agents: [T.agent("A", ["q"]), T.agent("B", ["q"])]).evaluate(
            shifts: [T.shift("A", paidMinutes: 90), T.shift("B"), T.shift("Z")],
            requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        let agent = try #require(report.agents.first { $0.id == "A" })
        #expect(agent.brokenRules.contains { $0.hasPrefix("paid_minutes:") }, "\(agent.brokenRules)")
        #expect(report.ruleViolations.contains { $0.contains("agent Z") && $0.contains("not in agents.csv") })
        #expect(report.intervals[0].present == 2, "the unknown agent's shift counts for nobody")
        #expect(report.targetsMet)
    }

    /// Under Erlang C nobody abandons: the three definitions agree. Under Erlang A, leaving
    /// abandoned calls out raises the service level to SL / (1 − abandonment).
    @Test(arguments: ServiceLevelDefinition.allCases)
    func serviceLevelDefinitions(_ definition: ServiceLevelDefinition) throws {
        let settings = ReportSettings(serviceLevelDefinition: definition, shortAbandonSeconds: 10)
        let patient = try RosterEvaluator(center: T.center(queues: [T.queue("q")], report: settings), agents: [T.agent("A", ["q"])])
            .evaluate(shifts: [T.shift("A")], requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        #expect(abs(patient.intervals[0].predicted.serviceLevel - (1 - 0.5 * exp(-1.0 / 30))) < 1e-9)
        let impatient = T.center(queues: [T.queue("q", patience: 120)], report: settings)
        let report = try RosterEvaluator(center: impatient, agents: [T.agent("A", ["q"])])
            .evaluate(shifts: [T.shift("A")], requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        let strict = try RosterEvaluator(center: T.center(queues: [T.queue("q", patience: 120)]), agents: [T.agent("A", ["q"])])
            .evaluate(shifts: [T.shift("A")], requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: nil)
        let offered = strict.intervals[0].predicted.serviceLevel
        let abandonment = strict.intervals[0].predicted.abandonmentRate
        #expect(abandonment > 0.01)
        let value = report.intervals[0].predicted.serviceLevel
        switch definition {
        case .offered: #expect(abs(value - offered) < 1e-12)
        case .answered: #expect(abs(value - offered / (1 - abandonment)) < 1e-12)
        case .offeredMinusShortAbandons:
            #expect(value > offered && value < offered / (1 - abandonment), "some, not all, abandons are short")
        }
        #expect(report.definitions.serviceLevelDefinition == definition)
        #expect(report.definitions.serviceLevel.contains(definition == .answered ? "calls answered (abandoned calls are left out)" : "offered"))
    }
}
