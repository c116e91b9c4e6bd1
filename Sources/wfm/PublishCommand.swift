import ArgumentParser
import WFMPlanning

/// `wfm publish`: the roster stored as the next numbered version, with its report and calendars.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Store a roster as the next published version (v1, v2, …) with its report and per-agent calendars that update in calendar apps.",
        discussion: """
            Each version folder holds roster.csv, the report files, calendars/<agent>.ics and events.json. Against the version before, an event that changed keeps its UID and gets a higher SEQUENCE, and a removed shift is cancelled in calendars/<agent>.cancel.ics (METHOD:CANCEL). A roster that breaks a rule is not published.

            Examples:
              wfm publish out/roster.csv --config Inputs/demo/center.yaml --forecast out/forecast.csv --to published/
              wfm publish roster.csv --config center.yaml --forecast forecast.csv --to published/ --at 2026-11-26T16:00
            """)

    @Argument(help: "The roster to publish (roster.csv).") var roster: String
    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "The forecast the report measures against (forecast.csv).") var forecast: String
    @Option(help: "The folder of published versions.") var to: String
    @Option(help: "When it is published (YYYY-MM-DDTHH:MM, the center's time; default: now): the calendars' DTSTAMP.") var at: String?
    @Option(help: "Also simulate this many weeks in the version's report (1 to 10000).") var simulate: Int?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let job = PublishJob(rosterPath: roster, configPath: config, forecastPath: forecast, publishedDirectory: to, publishedAt: at,
                                 replications: simulate)
            let outcome = try job.run { if !output.quiet { printError($0) } }
            print(output.format == .json ? try outcome.json() : outcome.text(), terminator: "")
        }
    }
}

/// `wfm diff`: what changed between two rosters, per agent and day.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "List per agent and day what changed between two rosters: shift, times, breaks, queues, overtime, paid hours.",
        discussion: "Example: wfm diff published/v3 roster.csv --config center.yaml   (a version folder stands for its roster.csv)")

    @Argument(help: "The roster before (a roster.csv or a published version's folder).") var before: String
    @Argument(help: "The roster after.") var after: String
    @Option(help: "The center description (center.yaml).") var config: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let diff = try RosterDiffJob(beforePath: before, afterPath: after, configPath: config).run()
            print(output.format == .json ? try diff.json() : diff.text(), terminator: "")
        }
    }
}
