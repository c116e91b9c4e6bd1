import WFMCore
import WFMReporting

/// A scenario's roster measured: the staffing of its forecast and the report of its roster
/// against it. The one measurement behind `wfm whatif`'s columns and the server's figures.
struct ScenarioMeasurement {
    let staffing: StaffingPlan
    let evaluator: RosterEvaluator
    let report: RosterReport

    /// Staffs `plan`'s forecast (unless `staffing`, its staffing computed before, is given)
    /// and measures `shifts` (nil for the plan's roster) against it, rules checked across the
    /// week's start against `previous`; `memo` holds intervals measured before against the same
    /// staffing (``IntervalMemo``); without `measuresAgents` the report has no agent figures.
    /// - Throws: ``PlanningError`` for unattainable targets, ``QueueingError`` for a bad load.
    init(_ plan: ScenarioPlan, shifts: [RosterShift]? = nil, previous: PreviousRosters, simulation: SimulationOptions?,
         staffing: StaffingPlan? = nil, memo: IntervalMemo? = nil, measuresAgents: Bool = true) throws {
        self.staffing = try staffing ?? StaffingPlanner.plan(center: plan.center, forecast: plan.forecast)
        let staffing = self.staffing
        var evaluator = RosterEvaluator(center: plan.center, agents: plan.agents, overtime: plan.overtime)
        evaluator.away = plan.away
        evaluator.previous = previous
        evaluator.memo = memo
        evaluator.measuresAgents = measuresAgents
        self.evaluator = evaluator
        report = try evaluator.evaluate(shifts: shifts ?? plan.shifts, requirements: staffing.rows, simulation: simulation)
    }
}
