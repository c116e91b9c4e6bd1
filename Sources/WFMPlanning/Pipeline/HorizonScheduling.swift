import Foundation
import WFMCore
import WFMGLPK
import WFMScheduling

/// The rosters given with `--previous`: their shifts, and the weeks they cover (the last
/// ending just before the horizon).
struct HorizonPrevious: Sendable {
    let shifts: [RosterShift]
    let weeks: Int

    /// None.
    static let none = HorizonPrevious(shifts: [], weeks: 0)

    /// The rule checker of `horizon`, these weeks before it.
    func checker(center: Center, agents: [Agent], horizon: PlanningHorizon) -> HorizonRuleChecker {
        HorizonRuleChecker(center: center, agents: agents, horizon: horizon, previousShifts: shifts, previousWeeks: weeks)
    }

    /// What these weeks carry into `center`'s planning week.
    func carried(intoWeekOf center: Center) -> PreviousRosters {
        checker(center: center, agents: [], horizon: PlanningHorizon(firstWeekStart: center.weekStart, weeks: 1)).carried(into: 0, shifts: [])
    }
}

extension ScheduleJob {
    /// The rosters of a horizon of weeks, each week's checks, and the file they go to.
    public struct HorizonOutcome: Sendable {
        /// The horizon planned.
        public let horizon: PlanningHorizon
        /// Per week, in order: its roster and its own checks (the rules over weeks are in
        /// ``violations``).
        public let weeks: [Outcome]
        /// Every broken rule: each week's, across the week boundaries, and over the weeks.
        public let violations: [RuleViolation]
        /// Where the roster was written: the requested file, or `NAME.rejected.csv` beside it
        /// when a rule is broken.
        public let writtenPath: String

        /// Every week's shifts, week by week.
        public var shifts: [RosterShift] { weeks.flatMap(\.schedule.shifts) }
    }

    /// Makes the roster of each week of `horizon` with GLPK, in turn (``HorizonScheduler``),
    /// then checks the whole horizon against every rule; in memory.
    /// - Parameter requirements: one matrix per week of `horizon`.
    /// - Throws: ``SchedulingError`` or ``OptimizationError``.
    func schedule(center: Center, agents: [Agent], horizon: PlanningHorizon, requirements: [RequirementMatrix], previous: HorizonPrevious,
                  progress: (String) -> Void) throws -> HorizonOutcome {
        let scheduled = try HorizonScheduler(Scheduler(solver: GLPKSolver())).schedule(
            center: center, agents: agents, horizon: horizon, requirements: requirements, previousShifts: previous.shifts,
            previousWeeks: previous.weeks, options: ScheduleOptions(timeLimit: .seconds(timeLimitSeconds), relativeGap: relativeGap),
            progress: progress)
        let shifts = scheduled.flatMap(\.outcome.shifts)
        let checker = previous.checker(center: center, agents: agents, horizon: horizon)
        let weekViolations = horizon.weekStarts.indices.map { checker.weekViolations(index: $0, in: shifts) }
        let violations = weekViolations.flatMap { $0 } + checker.violationsOutside(shifts) + checker.violationsOverWeeks(in: shifts)
        let written = violations.isEmpty ? outputPath : Self.rejectedPath(for: outputPath)
        let weeks = zip(scheduled, weekViolations).map { week, broken in
            Outcome(schedule: week.outcome, violations: horizon.weeks == 1 ? violations : broken, grid: week.problem.grid,
                    queues: center.queues.map(\.id), writtenPath: written, requestedGap: relativeGap, timeLimitSeconds: timeLimitSeconds)
        }
        return HorizonOutcome(horizon: horizon, weeks: weeks, violations: violations, writtenPath: written)
    }
}
