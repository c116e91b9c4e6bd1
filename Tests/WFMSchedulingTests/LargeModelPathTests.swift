import Foundation
import Testing
import WFMCore
import WFMGLPK
import WFMOptimization
@testable import WFMScheduling

/// The path large rosters take (interior point, proven bound, screening, dive), checked on the
/// small standard instance against GLPK's proven optimum, and the group rows and repairs that
/// keep the second stage from meeting plans it cannot split.
@Suite(.serialized) struct LargeModelPathTests {
    let options = ScheduleOptions(timeLimit: .seconds(60), relativeGap: 0)

    @Test func theDiveLandsBetweenTheBoundAndTheProvenOptimum() throws {
        let problem = ScheduleInstanceGenerator.make(.small)
        let exact = try Scheduler(solver: GLPKSolver()).schedule(problem, options: options)
        #expect(exact.groupStage.termination == .optimal)
        let optimum = try #require(exact.groupStage.objective)

        var diving = Scheduler(solver: GLPKSolver())
        diving.branchAndBoundLimit = 0
        let outcome = try diving.schedule(problem, options: options)
        let stage = outcome.groupStage
        let objective = try #require(stage.objective)
        let bound = try #require(stage.bestBound, "the interior point's duals prove a bound")
        #expect(stage.rawStatus.contains("dive"))
        #expect(bound <= optimum + 1e-6 && optimum <= objective + 1e-6, "\(bound) ≤ \(optimum) ≤ \(objective)")
        #expect((objective - bound) / objective < 0.01, "within 1% of the bound")
        #expect(stage.values.allSatisfy { $0.isFinite })
        let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func theGroupPlanRespectsConsecutiveDays() throws {
        let center = tinyCenter(templates: [template("t2", paidHours: 2, from: "09:00", to: "09:00")],
                                contract: looseContract(templates: ["t2"], maxConsecutive: 2))
        let needs = (0..<3).map { ("q", $0, 9, 1.0) }
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(
            ScheduleProblem(center: center, agents: [agent("a")], requirements: requirements(center, needs)), options: options)
        #expect(outcome.shifts.count == 2)
        #expect(outcome.warnings.isEmpty, "no planned shift left for stage 2 to drop: \(outcome.warnings)")
    }

    @Test func anAgentShortOfTheMinimumGetsAnExtraShift() throws {
        let long = template("t8", paidHours: 8, from: "08:00", to: "08:00")
        let short = template("t4", paidHours: 4, from: "08:00", to: "08:00")
        let center = tinyCenter(templates: [long, short], contract: looseContract(templates: ["t8", "t4"], minHours: 10))
        let problem = ScheduleProblem(center: center, agents: [agent("a"), agent("b")], requirements: requirements(center, []))
        let group = try #require(AgentGroup.groups(of: problem).first)
        func planned(_ template: ShiftTemplate, day: Int) -> PlannedShift {
            PlannedShift(shift: GridShift.all(template, grid: problem.grid).first { $0.day == day }!, breakStarts: [])
        }
        // 20 planned hours for two agents who need 10 each, but 8 + 8 + 4 splits as 16 + 4 or 12 + 8.
        let plan = [planned(long, day: 0), planned(long, day: 1), planned(short, day: 2)]
        let assigner = AgentAssigner(problem: problem, solver: GLPKSolver(), options: SolverOptions(timeLimit: .seconds(10)))
        let outcome = try assigner.assign(plan, group: group)
        #expect(outcome.dropped.isEmpty)
        #expect(outcome.shortOfMinimum.isEmpty)
        #expect(outcome.extras.count == 1)
        #expect(outcome.shifts.count == 4)
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }
}

@Suite struct StartWindowCheckTests {
    @Test func startsWhenTheCenterIsClosedAreNamed() {
        let hours = OpeningHours.Range(opens: TimeOfDay("07:00")!, closes: TimeOfDay("22:00")!)
        var center = tinyCenter(templates: [template("early", paidHours: 4, from: "05:00", to: "08:00"),
                                            template("day", paidHours: 4, from: "07:00", to: "12:00")],
                                contract: looseContract(templates: ["early", "day"]))
        center.openingHours = OpeningHours(ranges: [.mon: [hours], .sat: [OpeningHours.Range(opens: TimeOfDay("06:00")!, closes: TimeOfDay("12:00")!)]])
        #expect(StartWindowCheck.warnings(center) == [
            "shift template early: start time(s) 05:00 fall outside the opening hours on every day the template may be used",
        ], "06:00 is open on Saturdays; the day template starts within the hours")
    }
}

@Suite struct FairnessTests {
    @Test func lateShiftsAreSpreadAcrossAgents() throws {
        let center = tinyCenter(templates: [template("early", paidHours: 4, from: "08:00", to: "08:00"),
                                            template("late", paidHours: 4, from: "14:00", to: "14:00")],
                                contract: looseContract(templates: ["early", "late"]))
        let problem = ScheduleProblem(center: center, agents: [agent("a"), agent("b")], requirements: requirements(center, []))
        let group = try #require(AgentGroup.groups(of: problem).first)
        let shifts = center.shiftTemplates.flatMap { template in GridShift.all(template, grid: problem.grid).filter { $0.day < 2 } }
        // Two early and two late shifts on two days: each agent gets one late shift, not one both.
        let plan = shifts.map { PlannedShift(shift: $0, breakStarts: []) }
        let outcome = try AgentAssigner(problem: problem, solver: GLPKSolver(), options: SolverOptions(timeLimit: .seconds(10)))
            .assign(plan, group: group)
        let lates = Dictionary(grouping: outcome.shifts.filter { hour($0.start) == 14 }, by: \.agentID).mapValues(\.count)
        #expect(lates == ["a": 1, "b": 1])
        #expect(outcome.dropped.isEmpty)
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }
}
