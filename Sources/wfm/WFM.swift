import ArgumentParser

/// The `wfm` command: workforce planning for contact centers (its name comes from the type).
@main
struct WFM: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Workforce planning for contact centers: forecast, staff, schedule, report.",
        discussion: """
            Exit codes: 0 success, 1 bad input or failed job, 64 usage error.

            Examples:
              wfm forecast --config Inputs/demo/center.yaml --out out/forecast.csv
              wfm erlang --calls 120 --interval 15m --aht 300s --sl 80/20
              wfm staff --config Inputs/demo/center.yaml --forecast Inputs/demo/forecast.csv --out out/requirements.csv
            """,
        subcommands: [ForecastCommand.self, StaffCommand.self, ScheduleCommand.self, ErlangCommand.self]
    )
}
