/// Options of a scheduling run.
public struct ScheduleOptions: Sendable {
    /// The wall-clock backstop for the whole run, both stages and the roster's evaluation
    /// (stage 1 may use 80% of it): decisions follow work budgets, and this only stops a run
    /// that would go on too long (the outcome then says so). GLPK's interior point cannot be stopped, so a run can pass
    /// it by the length of one interior-point solve.
    public var timeLimit: Duration
    /// Relative gap at which the first stage stops.
    public var relativeGap: Double

    /// Creates options.
    public init(timeLimit: Duration = .seconds(60), relativeGap: Double = 0.005) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }
}
