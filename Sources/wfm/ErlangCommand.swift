import ArgumentParser
import WFMPlanning

/// `wfm erlang`: agents needed for one interval's load.
struct ErlangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erlang",
        abstract: "Agents needed for one interval: Erlang C, or Erlang A with --patience.",
        discussion: """
            Durations need a unit: 300s, 15m, 1h. The service level is PERCENT/SECONDS (80/20 or 80%/20s); shares are a percentage or a fraction (85% or 0.85). Calls: 0 to 1,000,000 per interval; durations up to a day; the load at most 100,000 erlangs.

            Examples:
              wfm erlang --calls 120 --interval 15m --aht 300s --sl 80/20
              wfm erlang --calls 100 --interval 30m --aht 3m --sl 80/20 --patience 5m
              wfm erlang --calls 1000 --interval 1h --aht 2m --sl 80/20 --max-occupancy 85%
              wfm erlang --calls 120 --interval 15m --aht 300s --sl 80/20 --agents 38
              wfm erlang --calls 120 --interval 15m --aht 300s --sl 80/20 --format json
            """)

    @Option(parsing: .unconditional, help: "Calls offered in the interval (may be fractional).", transform: number) var calls: Double
    @Option(help: "Interval length, e.g. 15m.", transform: DurationArgument.parse) var interval: DurationArgument
    @Option(help: "Average handle time, e.g. 300s.", transform: DurationArgument.parse) var aht: DurationArgument
    @Option(help: "Service-level target PERCENT/SECONDS, e.g. 80/20.", transform: ServiceLevelArgument.parse) var sl: ServiceLevelArgument
    @Option(help: "Highest acceptable average speed of answer, e.g. 30s.", transform: DurationArgument.parse) var asa: DurationArgument?
    @Option(help: "Highest acceptable occupancy, e.g. 85%.", transform: ShareArgument.parse) var maxOccupancy: ShareArgument?
    @Option(help: "Mean caller patience, e.g. 120s: use Erlang A.", transform: DurationArgument.parse) var patience: DurationArgument?
    @Option(help: "Highest acceptable abandonment with --patience, e.g. 5%.", transform: ShareArgument.parse) var maxAbandon: ShareArgument?
    @Option(help: "Shrinkage, e.g. 30% (default: 0%).", transform: ShareArgument.parse) var shrinkage = ShareArgument(fraction: 0)
    @Option(help: "Also show what this many productive agents achieve.") var agents: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard calls >= 0, calls <= 1_000_000 else { throw ValidationError("--calls must be from 0 to 1,000,000, got \(calls)") }
        for (flag, duration) in [("--interval", interval), ("--aht", aht), ("--asa", asa), ("--patience", patience)] {
            if let duration, !(duration.seconds > 0 && duration.seconds <= 86_400) {
                throw ValidationError("\(flag) must be above 0s and at most a day (86400s), got \(duration)")
            }
        }
        if let maxOccupancy, !(maxOccupancy.fraction > 0 && maxOccupancy.fraction <= 1) {
            throw ValidationError("--max-occupancy must be above 0% and at most 100%, got \(maxOccupancy)")
        }
        if let maxAbandon, !(maxAbandon.fraction > 0 && maxAbandon.fraction < 1) {
            throw ValidationError("--max-abandon must be above 0% and below 100%, got \(maxAbandon)")
        }
        if maxAbandon != nil, patience == nil { throw ValidationError("--max-abandon needs --patience (Erlang A)") }
        if let agents, !(0...100_000).contains(agents) { throw ValidationError("--agents must be from 0 to 100,000, got \(agents)") }
        guard shrinkage.fraction >= 0, shrinkage.fraction < 1 else { throw ValidationError("--shrinkage must be from 0% to below 100%, got \(shrinkage)") }
    }

    func run() throws {
        var query = ErlangQuery(
            calls: calls, intervalSeconds: interval.seconds, ahtSeconds: aht.seconds, patienceSeconds: patience?.seconds,
            serviceLevel: sl.fraction, withinSeconds: sl.withinSeconds, maxAsaSeconds: asa?.seconds, maxOccupancy: maxOccupancy?.fraction,
            maxAbandonRate: maxAbandon?.fraction, shrinkage: shrinkage.fraction)
        query.agents = agents
        try reportingFailures { print(try query.rendered(asJSON: output.format == .json), terminator: "") }
    }
}
