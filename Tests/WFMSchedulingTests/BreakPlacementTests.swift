import Foundation
import Testing
import WFMCore
import WFMGLPK
import WFMOptimization
@testable import WFMScheduling

/// The three ways of writing breaks in the group model: the two exact ones must agree, the
/// loose one must be a relaxation, and a per-shift-option solution must decode to the breaks
/// it placed.
@Suite struct BreakPlacementTests {
    @Test func bothExactFormulationsHaveTheProvenOptimumOfTheSmallInstance() throws {
        let problem = try ScheduleInstanceGenerator.make(.small)
        let groups = AgentGroup.groups(of: problem)
        let options = SolverOptions(timeLimit: .seconds(60), relativeGap: 0)
        for placement in [GroupRosterModel.BreakPlacement.cumulativeCounts, .perShiftOption] {
            let result = try GLPKSolver().solve(GroupRosterModel(problem: problem, groups: groups, breakPlacement: placement).model, options: options)
            #expect(result.termination == .optimal, "\(placement): \(result.rawStatus)")
            #expect(try abs(#require(result.objective) - 840.5) < 1e-6, "\(placement): \(String(describing: result.objective))")
        }
    }

    @Test func theLooseRelaxationBoundsTheExactLPFromBelow() throws {
        let problem = try twoBreakProblem()
        let groups = AgentGroup.groups(of: problem)
        func relaxation(_ placement: GroupRosterModel.BreakPlacement) throws -> Double {
            let model = GroupRosterModel(problem: problem, groups: groups, breakPlacement: placement).model
            return try #require(try GLPKSolver().withLPSession(model) { try $0.solve(timeLimit: nil) }.objective)
        }
        let cumulative = try relaxation(.cumulativeCounts)
        #expect(abs(try relaxation(.perShiftOption) - cumulative) < 1e-6, "both exact formulations have the same LP bound")
        let loose = try relaxation(.anywhereInDayWindows)
        #expect(loose < cumulative - 1e-6, "breaks outside their own windows cover the 11:00 peak: \(loose) against \(cumulative)")
    }

    @Test func aPerShiftOptionSolutionDecodesToTheBreaksItPlaced() throws {
        let problem = try twoBreakProblem()
        let groups = AgentGroup.groups(of: problem)
        let roster = GroupRosterModel(problem: problem, groups: groups, breakPlacement: .perShiftOption)
        let result = try GLPKSolver().solve(roster.model, options: SolverOptions(timeLimit: .seconds(30), relativeGap: 0))
        #expect(result.termination == .optimal)
        var placed: [String: Int] = [:]
        for variable in roster.breaks {
            placed["\(variable.day),\(variable.breakIndex),\(variable.position)", default: 0] += Int(result.values[variable.variable.index].rounded())
        }
        var decoded: [String: Int] = [:]
        for shift in GroupShifts.decode(roster, values: result.values, groups: groups, intervalMinutes: 60).flatMap({ $0 }) {
            for (k, start) in shift.breakStarts.enumerated() { decoded["\(shift.shift.day),\(k),\(start)", default: 0] += 1 }
        }
        #expect(placed.filter { $0.value > 0 } == decoded, "matched in start order, every break stays where the model put it")
        #expect(decoded.values.reduce(0, +) > 0)
    }

    /// Four agents on 6-hour shifts starting 07:00–10:00, each with two one-hour breaks
    /// (1–2 h and 3–4 h in); demand peaks at 11:00.
    private func twoBreakProblem() throws -> ScheduleProblem {
        let breaks = [BreakRule(minutes: 60, earliestOffsetMinutes: 60, latestOffsetMinutes: 120, paid: true),
                      BreakRule(minutes: 60, earliestOffsetMinutes: 180, latestOffsetMinutes: 240, paid: false)]
        let center = tinyCenter(templates: [template("t6", paidHours: 6, from: "07:00", to: "10:00", breaks: breaks)],
                                contract: looseContract(templates: ["t6"], maxDays: 1))
        let needs = (7..<16).map { ("q", 0, $0, $0 == 11 ? 4.0 : 2.0) }
        return try ScheduleProblem(center: center, agents: (0..<4).map { agent("a\($0)") }, requirements: requirements(center, needs))
    }
}
