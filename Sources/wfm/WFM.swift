import ArgumentParser
import WFMPlanning

/// The `wfm` command: workforce planning for contact centers (its name comes from the type).
@main
struct WFM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Workforce planning for contact centers: forecast, staff, schedule, report — or all at once with plan.",
        discussion: """
            Exit codes: 0 success, 1 bad input or failed job, 2 output written but targets missed (report, plan, whatif) or a benchmark gate failed, 64 usage error. Durations take a unit (300s, 5m, 1h); shares are a percentage or a fraction (30% or 0.3); service levels are PERCENT/SECONDS (80/20).

            Examples:
              wfm plan Inputs/demo/center.yaml --out out/
              wfm forecast --config center.yaml --out forecast.csv
              wfm staff --config center.yaml --forecast forecast.csv --out req.csv
              wfm schedule --config center.yaml --requirements req.csv --out roster.csv
              wfm report --config center.yaml --forecast forecast.csv --roster roster.csv --simulate 30
              wfm erlang --calls 120 --interval 15m --aht 300s --sl 80/20
              wfm serve --data demo-data --import Inputs/demo/center.yaml
            """,
        version: WFMVersion.text,
        subcommands: [PlanCommand.self, ForecastCommand.self, StaffCommand.self, ScheduleCommand.self, ReportCommand.self, WhatIfCommand.self, IntradayCommand.self,
                      RequestsCommand.self, PublishCommand.self, DiffCommand.self, ErlangCommand.self,
                      BenchCommand.self, ServeCommand.self]
    )
}
