import ArgumentParser

/// `--previous`: the rosters of the weeks before the one planned or checked.
struct PreviousRosterOptions: ParsableArguments {
    @Option(help: "The roster of the week before (roster.csv as wfm writes it); repeat for earlier weeks, oldest first (up to 6). Rest and consecutive days then hold across the week's start, and weekends and late shifts are spread counting these weeks.")
    var previous: [String] = []
}
