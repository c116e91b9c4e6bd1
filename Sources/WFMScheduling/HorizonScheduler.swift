import Foundation
import WFMCore
import WFMOptimization

/// Makes the rosters of a horizon of weeks (`--weeks N`) one week after the other: each week
/// is planned with the weeks before it (the previous rosters, then the horizon's weeks already
/// made) carried across its start, and with what the rules over weeks leave it — the days off
/// of rotations and `weekends_off`, the paid hours of `average_weekly_paid_hours`
/// (``HorizonRules``). Planning in turn keeps each week's model the size of one week; the
/// price is that an early week does not see the demand of the later ones, so each week's bound
/// holds given the weeks before it, not for the horizon planned all at once.
public struct HorizonScheduler<Solver: MIPSolver>: Sendable {
    let scheduler: Scheduler<Solver>

    /// Creates a horizon scheduler that plans each week with `scheduler`.
    public init(_ scheduler: Scheduler<Solver>) { self.scheduler = scheduler }

    /// One week of the horizon: the problem it was given and the roster made.
    public struct Week: Sendable {
        public let problem: ScheduleProblem
        public let outcome: ScheduleOutcome
    }

    /// The rosters of `horizon`'s weeks, in order.
    /// - Parameters:
    ///   - requirements: one matrix per week of `horizon`.
    ///   - previousShifts: the `previousWeeks` weeks just before the horizon (`--previous`).
    ///   - options: `timeLimit` is the backstop of the whole horizon: each week may use what is
    ///     left of it shared among the weeks still to plan.
    /// - Throws: ``SchedulingError`` or ``OptimizationError``.
    public func schedule(center: Center, agents: [Agent], horizon: PlanningHorizon, requirements: [RequirementMatrix],
                         previousShifts: [RosterShift] = [], previousWeeks: Int = 0, options: ScheduleOptions,
                         progress: (String) -> Void = { _ in }) throws -> [Week] {
        let rules = HorizonRules(center: center, agents: agents, horizon: horizon)
        let checker = HorizonRuleChecker(center: center, agents: agents, horizon: horizon, previousShifts: previousShifts,
                                         previousWeeks: previousWeeks)
        let started = ContinuousClock.now
        var planned: [RosterShift] = []
        var weeks: [Week] = []
        for index in horizon.weekStarts.indices {
            if horizon.weeks > 1 { progress("week \(index + 1) of \(horizon.weeks) (\(horizon.weekStarts[index]))") }
            do {
                var problem = try ScheduleProblem(center: horizon.center(center, week: index),
                                                  agents: rules.agents(agents, week: index, before: previousShifts + planned),
                                                  requirements: requirements[index])
                problem.previous = checker.carried(into: index, shifts: planned)
                problem.paidMinuteWindows = rules.paidMinuteWindows(agents, week: index, before: planned)
                let left = options.timeLimit - (ContinuousClock.now - started)
                var weekOptions = options
                weekOptions.timeLimit = max(.seconds(1), left / (horizon.weeks - index))
                let outcome = try scheduler.schedule(problem, options: weekOptions, progress: progress)
                planned += outcome.shifts
                weeks.append(Week(problem: problem, outcome: outcome))
            } catch let error as SchedulingError where horizon.weeks > 1 {
                throw SchedulingError(error.reasons.map { "the week of \(horizon.weekStarts[index]): \($0)" })
            }
        }
        return weeks
    }
}
