import Foundation
import Testing
import WFMCore
import WFMGLPK
import WFMIO
import WFMOptimization
@testable import WFMScheduling

/// Tiny rosters whose optimum is known by hand, solved with the real GLPK library; every
/// roster is also verified by the independent rule checker.
@Suite(.serialized) struct SchedulerTests {
    let scheduler = Scheduler(solver: GLPKSolver())
    let options = ScheduleOptions(timeLimit: .seconds(20), relativeGap: 0)

    func solve(_ problem: ScheduleProblem) throws -> ScheduleOutcome {
        let outcome = try scheduler.schedule(problem, options: options)
        let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
        return outcome
    }

    @Test func twoHalfDayNeedsTakeTwoAgents() throws {
        let center = tinyCenter(templates: [template("t4", paidHours: 4, from: "08:00", to: "12:00")],
                                contract: looseContract(templates: ["t4"]))
        let needs = (8..<16).map { ("q", 0, $0, 1.0) }
        let outcome = try solve(ScheduleProblem(center: center, agents: [agent("a"), agent("b")], requirements: requirements(center, needs)))
        #expect(outcome.groupStage.termination == .optimal)
        #expect(abs(outcome.groupStage.objective! - 8) < 1e-6, "8 paid hours, no shortfall, no idle time")
        #expect(outcome.shifts.map { hour($0.start) }.sorted() == [8, 12])
        #expect(Set(outcome.shifts.map(\.agentID)) == ["a", "b"])
    }

    @Test func theBreakGoesWhereNoOneIsNeeded() throws {
        let lunch = BreakRule(minutes: 60, earliestOffsetMinutes: 60, latestOffsetMinutes: 120, paid: false)
        let center = tinyCenter(templates: [template("t3", paidHours: 3, from: "08:00", to: "08:00", breaks: [lunch])],
                                contract: looseContract(templates: ["t3"]))
        let outcome = try solve(ScheduleProblem(center: center, agents: [agent("a")],
                                                requirements: requirements(center, [("q", 0, 8, 1), ("q", 0, 9, 1), ("q", 0, 11, 1)])))
        #expect(outcome.shifts.count == 1)
        #expect(outcome.shifts[0].breaks.map { hour($0.start) } == [10])
        #expect(abs(outcome.groupStage.objective! - 3) < 1e-6)
    }

    @Test func aCrossSkilledAgentsTimeIsSplitNeverCopied() throws {
        let center = tinyCenter(queues: ["q", "r"], templates: [template("t1", paidHours: 1, from: "09:00", to: "09:00")],
                                contract: looseContract(templates: ["t1"]))
        let both = [agent("a", skills: ["q", "r"])]
        let halves = try solve(ScheduleProblem(center: center, agents: both,
                                               requirements: requirements(center, [("q", 0, 9, 0.5), ("r", 0, 9, 0.5)])))
        #expect(abs(halves.groupStage.objective! - 1) < 1e-6, "one agent covers half of each queue")
        let wholes = try solve(ScheduleProblem(center: center, agents: both,
                                               requirements: requirements(center, [("q", 0, 9, 1), ("r", 0, 9, 1)])))
        // Paid hour 1 + presence 1 + one agent-hour short (100 + 1) − 2 required agent-hours = 101:
        // the one agent covers one queue, not both.
        #expect(abs(wholes.groupStage.objective! - 101) < 1e-6, "\(wholes.groupStage.objective!)")
        #expect(wholes.shifts.count == 1)
    }

    @Test func eachQueuesShortfallWarningNamesItsOwnWorstIntervals() throws {
        // Nobody can work: q is 2 short in 12 hours (the roster's ten worst intervals), r 1 short
        // in one; r's warning still names its interval.
        let center = tinyCenter(queues: ["q", "r"], templates: [template("t4", paidHours: 4, from: "08:00", to: "08:00")],
                                contract: looseContract(templates: ["t4"], maxHours: 0, maxDays: 0))
        let needs = (8..<20).map { ("q", 0, $0, 2.0) } + [("r", 1, 9, 1.0)]
        let outcome = try solve(ScheduleProblem(center: center, agents: [agent("a")], requirements: requirements(center, needs)))
        let r = try #require(outcome.warnings.first { $0.code == .demandUncovered && $0.message.hasPrefix("queue r:") })
        #expect(r.message.hasSuffix("worst: 2026-12-01T09:00 short 1.0)"), "\(r.message)")
    }

    @Test func restBetweenShiftsBinds() throws {
        let center = tinyCenter(templates: [template("t4", paidHours: 4, from: "06:00", to: "20:00")],
                                contract: looseContract(templates: ["t4"], rest: 11))
        let needs = (20..<24).map { ("q", 0, $0, 1.0) } + (6..<10).map { ("q", 1, $0, 1.0) }
        let one = try solve(ScheduleProblem(center: center, agents: [agent("a")], requirements: requirements(center, needs)))
        #expect(one.shifts.count <= 1 || one.shifts[1].start.timeIntervalSince(one.shifts[0].end) >= 11 * 3600)
        #expect(one.warnings.map(\.code) == [.demandUncovered], "the group plan already respects the rest: \(one.warnings)")
        #expect(abs(one.cost.totalShortfallAgentHours - 4) < 1e-6, "one agent covers one of the two 4-hour stretches")
        let two = try solve(ScheduleProblem(center: center, agents: [agent("a"), agent("b")], requirements: requirements(center, needs)))
        #expect(two.shifts.count == 2 && Set(two.shifts.map(\.agentID)).count == 2)
    }

    @Test func unavailabilityAndMaximumDaysBind() throws {
        let center = tinyCenter(templates: [template("t2", paidHours: 2, from: "09:00", to: "09:00")],
                                contract: looseContract(templates: ["t2"], maxDays: 2))
        let needs = (0..<4).map { ("q", $0, 9, 1.0) }
        let outcome = try solve(ScheduleProblem(center: center, agents: [agent("a", unavailable: [.date(LocalDate("2026-11-30")!)])],
                                                requirements: requirements(center, needs)))
        #expect(outcome.shifts.count == 2)
        #expect(!outcome.shifts.contains { $0.date == LocalDate("2026-11-30")! })
    }

    @Test func aNightShiftCrossesMidnightAndTheWeekEnd() throws {
        let center = tinyCenter(templates: [template("night", paidHours: 8, from: "22:00", to: "22:00", days: [.sun])],
                                contract: looseContract(templates: ["night"]))
        let outcome = try solve(ScheduleProblem(center: center, agents: [agent("a")],
                                                requirements: requirements(center, [("q", 6, 22, 1), ("q", 6, 23, 1)])))
        #expect(outcome.shifts.count == 1)
        let shift = outcome.shifts[0]
        #expect(shift.date == LocalDate("2026-12-06")!)
        #expect(shift.end.timeIntervalSince(shift.start) == 8 * 3600)
        #expect(LocalDateTime(shift.end, in: center.timeZone).description == "2026-12-07T06:00")
    }

    @Test func anImpossibleContractIsDiagnosedByName() throws {
        let center = tinyCenter(templates: [template("t4", paidHours: 4, from: "08:00", to: "08:00")],
                                contract: looseContract(templates: ["t4"], minHours: 40, maxHours: 40, minDays: 5, maxDays: 5))
        #expect {
            _ = try scheduler.schedule(ScheduleProblem(center: center, agents: [agent("zed")], requirements: requirements(center, [])),
                                       options: options)
        } throws: { error in
            "\(error)".contains("agent zed (contract c): needs at least 40 paid hours but can work at most 5 days of at most 4 hours (20 hours)")
        }
    }

    @Test func sameInputSameRoster() throws {
        let center = tinyCenter(templates: [template("t3", paidHours: 3, from: "07:00", to: "15:00")],
                                contract: looseContract(templates: ["t3"], maxDays: 5))
        var random = SeededGenerator(seed: 3)
        let needs = (0..<7).flatMap { day in (8..<18).map { ("q", day, $0, Double(random.next() % 3)) } }
        let problem = try ScheduleProblem(center: center, agents: (0..<5).map { agent("a\($0)") }, requirements: requirements(center, needs))
        let first = RosterFiles.csv(try solve(problem).shifts, timeZone: center.timeZone)
        let second = RosterFiles.csv(try solve(problem).shifts, timeZone: center.timeZone)
        #expect(first == second)
        #expect(first.split(separator: "\n").count > 5)
    }
}
