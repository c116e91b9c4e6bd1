import ArgumentParser

/// The limits of the scheduler's solves, one group for every command that schedules
/// (`plan`, `schedule`, `whatif` replans, `bench run` and its solves).
struct SolveLimitOptions: ParsableArguments {
    @Option(help: "The time limit, 1s to a day: of the whole command (of each solve for bench, each replanned scenario for whatif) (default: 60s, and 60s a week with --weeks).",
            transform: DurationArgument.parse)
    var timeLimit: DurationArgument?

    @Option(help: "The relative gap at which a solve stops (default: 0.5%; a what-if replan: 5%).", transform: ShareArgument.parse)
    var gap: ShareArgument?

    /// The time limit, in seconds.
    var timeLimitSeconds: Double { timeLimitSeconds(weeks: 1) }

    /// The time limit of a horizon of `weeks` weeks, in seconds: the one given, or 60 s a week.
    func timeLimitSeconds(weeks: Int) -> Double { timeLimit?.seconds ?? 60 * Double(weeks) }

    /// The gap asked for, or `standard` (a fraction).
    func relativeGap(standard: Double = 0.005) -> Double { gap?.fraction ?? standard }

    func validate() throws {
        if let timeLimit, !(timeLimit.seconds >= 1 && timeLimit.seconds <= 86_400) {
            throw ValidationError("--time-limit must be from 1s to a day (24h), got \(timeLimit)")
        }
        if let gap, !(gap.fraction >= 0 && gap.fraction < 1) { throw ValidationError("--gap must be from 0% to below 100%, got \(gap)") }
    }
}
