import Foundation
import Testing
import WFMCore
import WFMGLPK
@testable import WFMScheduling

/// What is found before solving: demand no agent can serve, a week the contracts cannot cover,
/// wishes no template meets, contracts the rest rule makes impossible, and problems that do not
/// fit together.
@Suite(.serialized) struct ScheduleInputChecksTests {
    let center = tinyCenter(queues: ["q", "r"], templates: [template("t4", paidHours: 4, from: "08:00", to: "10:00")],
                            contract: looseContract(templates: ["t4"], maxHours: 8))

    @Test func aQueueNobodyServesAndAShortWeekAreFlaggedWithNumbers() throws {
        let needs = (8..<12).map { ("r", 0, $0, 1.0) } + (8..<20).map { ("q", 1, $0, 1.0) }
        let problem = try ScheduleProblem(center: center, agents: [agent("a")], requirements: requirements(center, needs))
        let warnings = ScheduleInputChecks.warnings(problem)
        let unservable = try #require(warnings.first { $0.code == .unservableQueue })
        #expect(unservable.message.contains("queue r requires 4.0 agent-hours"))
        let short = try #require(warnings.first { $0.code == .capacityShort })
        #expect(short.message.contains("requires 16.0 agent-hours but the agents' contracts give at most 8.0 paid hours"))
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions())
        #expect(abs((outcome.cost.shortfallAgentHours["r"] ?? 0) - 4) < 1e-9, "all of r's demand is uncovered, and reported")
        #expect(outcome.warnings.contains { $0.code == .demandUncovered && $0.message.hasPrefix("queue r: 4.00 of 4.0") })
    }

    @Test func aLateWishNoTemplateMeetsIsReported() throws {
        var late = agent("a")
        late.preferences = [.late]
        let problem = try ScheduleProblem(center: center, agents: [late], requirements: requirements(center, []))
        #expect(ScheduleInputChecks.warnings(problem).map(\.code) == [.wishNeverMet])
    }

    @Test func aRestRuleThatLeavesTooFewDaysIsDiagnosed() throws {
        let strict = tinyCenter(templates: [template("t8", paidHours: 8, from: "08:00", to: "08:00")],
                                contract: looseContract(templates: ["t8"], minDays: 5, maxDays: 5, rest: 30))
        let problem = try ScheduleProblem(center: strict, agents: [agent("a")], requirements: requirements(strict, []))
        let problems = FeasibilityDiagnosis.problems(problem)
        #expect(problems.contains { $0.contains("min_rest_hours 30.0 leaves 2 days between the starts of two shifts") && $0.contains("at most 4 working days") })
        #expect(throws: SchedulingError(problems)) { try Scheduler(solver: GLPKSolver()).schedule(problem, options: ScheduleOptions()) }
    }

    @Test func problemsThatDoNotFitTogetherAreRefused() {
        let unknown = Agent(id: "x", name: "x", contract: "nope", skills: [Skill(queue: "q")], unavailable: [])
        let unknownContract = #expect(throws: SchedulingError.self) { try ScheduleProblem(center: center, agents: [unknown], requirements: requirements(center, [])) }
        #expect(unknownContract?.reasons == ["agent x has the unknown contract 'nope'"])
        var absurd = requirements(center, [])
        absurd.agents[0][3] = 1e308
        let huge = #expect(throws: SchedulingError.self) { try ScheduleProblem(center: center, agents: [agent("a")], requirements: absurd) }
        #expect(huge?.reasons.count == 1 && huge?.reasons.first?.contains("1e+308") == true, "\(huge?.reasons ?? [])")
        let wrongShape = RequirementMatrix(queues: ["q"], intervals: 5)
        let shape = #expect(throws: SchedulingError.self) { try ScheduleProblem(center: center, agents: [agent("a")], requirements: wrongShape) }
        #expect(shape?.reasons.first?.contains("not the center's queues") == true, "\(shape?.reasons ?? [])")
    }
}
