import Foundation
import Testing
import WFMCore
import WFMQueueing
@testable import WFMReporting

/// The simulation summary, the agents' schedule, the iCalendar files and the HTML page.
@Suite("Report outputs")
struct ReportOutputTests {
    typealias T = ReportTestCenter

    /// Two replications of one interval: 10 offered, 9 answered (8 on time), 1 abandoned
    /// (short); then 20 offered, 20 answered, 15 on time.
    static func tallies() -> [SimulationTally] {
        var first = SimulationTally(queues: 1, intervals: 1)
        first.offered = [10]; first.answered = [9]; first.answeredOnTime = [8]; first.abandoned = [1]; first.abandonedShort = [1]
        first.answeredWaitSeconds = [90]
        var second = SimulationTally(queues: 1, intervals: 1)
        second.offered = [20]; second.answered = [20]; second.answeredOnTime = [15]; second.answeredWaitSeconds = [400]
        return [first, second]
    }

    static func row() -> IntervalFigures {
        IntervalFigures(interval: 0, start: "2026-11-30T00:00", day: 0, queue: "q", calls: 15, ahtSeconds: 300, requiredProductive: 1,
                        requiredScheduled: 1, present: 1, productive: 1, shrinkage: 0,
                        predicted: FormulaPrediction(serviceLevel: 0.8, asaSeconds: 10, abandonmentRate: 0, occupancy: 0.5, handledErlangs: 1,
                                                     serviceLevelBase: 1), flags: [])
    }

    @Test(arguments: [(ServiceLevelDefinition.offered, [0.8, 0.75]), (.answered, [8.0 / 9, 0.75]), (.offeredMinusShortAbandons, [8.0 / 9, 0.75])])
    func simulatedServiceLevelFollowsTheDefinition(definition: ServiceLevelDefinition, values: [Double]) throws {
        let report = SimulationReport(tallies: Self.tallies(), seed: 1, handleTimes: "exponential", queues: ["q"], intervals: [Self.row()],
                                      dates: [ReportTestCenter.monday], definition: definition)
        let estimate = try #require(report.intervals[0].serviceLevel)
        #expect(abs(estimate.mean - (values[0] + values[1]) / 2) < 1e-12)
        #expect(report.intervals[0].offeredCalls == 15)
        #expect(abs(try #require(report.intervals[0].asaSeconds).mean - (10 + 20) / 2) < 1e-12)
        #expect(abs(try #require(report.weeks.first { $0.queue == "all" }?.abandonmentRate).mean - 0.05) < 1e-12)
        #expect(report.simulatedCalls == 30)
    }

    /// Values 1, 2, 3: mean 2, standard deviation 1, half-width t(0.975, 2) / √3 = 4.303 / √3.
    @Test func confidenceIntervalUsesStudentsT() throws {
        let estimate = try #require(Estimate([1, 2, 3]))
        #expect(estimate.mean == 2 && estimate.replications == 3)
        #expect(abs(try #require(estimate.halfWidth) - 4.303 / 3.0.squareRoot()) < 1e-9)
        #expect(Estimate([5])?.halfWidth == nil)
        #expect(Estimate([]) == nil)
        let large = try #require(Estimate((0..<200).map { Double($0 % 2) }))
        let standardError: Double = (0.25 * 200.0 / 199.0 / 200.0).squareRoot()
        let halfWidth = try #require(large.halfWidth)
        #expect(abs(halfWidth - 1.972 * standardError) < 1e-3)
    }

    static func scheduleCenter() -> Center {
        var center = T.center(queues: [T.queue("billing"), T.queue("tech")])
        center.shiftTemplates = [ShiftTemplate(id: "h1", paidMinutes: 60, earliestStart: TimeOfDay("09:00")!, latestStart: TimeOfDay("10:00")!,
                                               startStepMinutes: 60, breaks: [BreakRule(minutes: 15, earliestOffsetMinutes: 15, latestOffsetMinutes: 15, paid: true),
                                                                              BreakRule(minutes: 10, earliestOffsetMinutes: 40, latestOffsetMinutes: 40, paid: false)])]
        return center
    }

    static func shiftWithBreaks(_ agent: String) -> RosterShift {
        var shift = T.shift(agent)
        shift.end = shift.start.addingTimeInterval(70 * 60)
        shift.breaks = [RosterBreak(start: shift.start.addingTimeInterval(15 * 60), end: shift.start.addingTimeInterval(30 * 60)),
                        RosterBreak(start: shift.start.addingTimeInterval(40 * 60), end: shift.start.addingTimeInterval(50 * 60))]
        return shift
    }

    @Test func agentScheduleMarksPaidBreaksAndQueues() {
        let agent = Agent(id: "A1", name: "Zoë, \"Z\"", contract: "flex", skills: [Skill(queue: "billing", priority: 2), Skill(queue: "tech", priority: 1)],
                          unavailable: [.date(ReportTestCenter.monday.adding(days: 1))])
        let schedule = AgentSchedule(center: Self.scheduleCenter(), agents: [agent], shifts: [Self.shiftWithBreaks("A1")])
        #expect(schedule.days.count == 7)
        #expect(schedule.days[0].queues == ["tech", "billing"], "best priority first")
        #expect(AgentSchedule.breaksText(schedule.days[0].breaks) == "09:15-09:30 paid;09:40-09:50 unpaid")
        let lines = schedule.csv().split(separator: "\n").map(String.init)
        #expect(lines[0] == "agent_id,name,contract,date,weekday,status,shift,start,end,paid_hours,breaks,queues")
        #expect(lines[1] == "A1,\"Zoë, \"\"Z\"\"\",flex,2026-11-30,mon,work,h1,09:00,10:10,1,09:15-09:30 paid;09:40-09:50 unpaid,tech;billing")
        #expect(lines[2].contains(",tue,unavailable,"))
        #expect(lines[3].contains(",wed,off,"))
    }

    @Test func iCalendarFilesFollowRFC5545() throws {
        let agent = Agent(id: "A/1", name: "Zoë; the longest name a calendar has ever had to hold, with commas, too", contract: "flex",
                          skills: [Skill(queue: "billing")])
        let schedule = AgentSchedule(center: Self.scheduleCenter(), agents: [agent], shifts: [Self.shiftWithBreaks("A/1")])
        let text = ICalendarWriter.calendar(agent: agent, days: schedule.days, centerName: "Tiny", weekStart: T.shift("x", hour: 0).start)
        #expect(ICalendarWriter.fileName(for: agent) == "A_1.ics")
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DTSTART:20261130T090000Z\r\nDTEND:20261130T101000Z\r\n"))
        #expect(unfolded.contains("X-WR-CALNAME:Tiny: Zoë\\; the longest name a calendar has ever had to hold\\, with commas\\, too\r\n"))
        #expect(unfolded.contains("DESCRIPTION:Queues: billing\\nBreaks: 09:15-09:30 paid\\, 09:40-09:50 unpaid\\nPaid hours: 1\r\n"))
        #expect(unfolded.components(separatedBy: "BEGIN:VEVENT").count == 2)
        for line in lines where line.hasPrefix(" ") { #expect(!line.dropFirst().isEmpty) }
        #expect(!lines.contains { $0.hasSuffix("\\") }, "no fold inside an escape")
    }

    /// An hour of calls nobody answers leaves a backlog the next hour's two agents must work
    /// off first: its callers wait behind it. The lead-in's calls count in no figure.
    @Test func aLeadInsBacklogDelaysTheMeasuredCallsAndIsNotCounted() throws {
        let center = T.center(queues: [T.queue("q")])
        var evaluator = RosterEvaluator(center: center, agents: [T.agent("A", ["q"]), T.agent("B", ["q"])])
        let shifts = [T.shift("A", hour: 10), T.shift("B", hour: 10)]
        let requirements = [T.requirement("q", hour: 10, calls: 10, productive: 2)]
        let options = SimulationOptions(replications: 20, seed: 7, threads: 1)
        let fresh = try #require(try evaluator.evaluate(shifts: shifts, requirements: requirements, simulation: options).simulation)
        evaluator.simulationLeadIn = [SimulatedCalls(queue: "q", interval: 9, calls: 60, ahtSeconds: 300)]
        let loaded = try #require(try evaluator.evaluate(shifts: shifts, requirements: requirements, simulation: options).simulation)
        let day = T.monday.description
        let freshLevel = try #require(fresh.figures(queue: "q", period: day)?.serviceLevel?.mean)
        let loadedLevel = try #require(loaded.figures(queue: "q", period: day)?.serviceLevel?.mean)
        #expect(freshLevel > 0.8)
        #expect(loadedLevel < 0.1, "sixty calls waiting at 10:00 take the two agents' whole hour")
        for report in [fresh, loaded] {
            #expect(abs((report.figures(queue: "q", period: day)?.offeredCalls ?? 0) - 10) < 4)
            #expect(abs((report.figures(queue: "q", period: "week")?.offeredCalls ?? 0) - 10) < 4)
            #expect(report.simulatedCalls / 20 < 14)
        }
    }

    @Test func htmlIsSelfContainedAndEscapesNames() throws {
        let center = T.center(queues: [T.queue("q")])
        let agent = Agent(id: "A", name: "<script>alert(1)</script>", contract: "flex", skills: [Skill(queue: "q")])
        let report = try RosterEvaluator(center: center, agents: [agent]).evaluate(
            shifts: [T.shift("A")], requirements: [T.requirement("q", calls: 6, productive: 2)], simulation: SimulationOptions(replications: 3))
        let html = HTMLReport.render(report, schedule: AgentSchedule(center: center, agents: [agent], shifts: [T.shift("A")]),
                                     timeZone: center.timeZone)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["http://", "https://", "<script", "@import", "url(", "@font-face", "<link", "<img"] {
            #expect(!html.contains(external), "\(external) would need a network or a script")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<svg") && html.contains("<title>q 2026-11-30T09:00: 6.0 calls"))
        #expect(html.contains("SL (simulated)") && html.contains("Definitions"))
    }
}
