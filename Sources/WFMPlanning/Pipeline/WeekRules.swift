import WFMCore

/// The rules over weeks as the commands that change or check one published week apply them
/// (`whatif`, `requests`, `intraday` and the server's workbench): a rotation's days off and a
/// weekend owed under `weekends_off` become fixed days off of the week's agents, so replans,
/// repairs and calls-in keep them and the rule checker names a shift on them.
enum WeekRules {
    /// `agents` with the days off the rules over weeks fix in `center`'s planning week, given
    /// `previousShifts` (the `--previous` rosters).
    static func agents(_ agents: [Agent], center: Center, previousShifts: [RosterShift] = []) -> [Agent] {
        HorizonRules(center: center, agents: agents, horizon: PlanningHorizon(firstWeekStart: center.weekStart, weeks: 1))
            .agents(agents, week: 0, before: previousShifts, lookingAhead: false)
    }
}
