import ArgumentParser

/// `--weeks`: how many consecutive weeks to plan as one horizon.
struct HorizonOptions: ParsableArguments {
    @Option(help: "Consecutive weeks to plan as one horizon (1 to 6), from the week's start: one file covers them all, each week's contract rules hold and carry across the week boundaries, and the contracts' rules over weeks (average_weekly_paid_hours, weekends_off, rotation) hold over the horizon.")
    var weeks = 1

    func validate() throws {
        guard (1...6).contains(weeks) else { throw ValidationError("--weeks must be 1 to 6, got \(weeks)") }
    }
}
