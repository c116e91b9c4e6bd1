import ArgumentParser
import WFMPlanning
import WFMQueueing
import WFMReporting

/// `wfm erlang`: agents needed for one interval's load.
struct ErlangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erlang",
        abstract: "Agents needed for one interval: Erlang C, or Erlang A with --patience.",
        discussion: """
            Durations need a unit: 300s, 15m, 1h. The service level is PERCENT/SECONDS.

            Examples:
              wfm erlang --calls 120 --interval 15m --aht 300s --sl 80/20
              wfm erlang --calls 100 --interval 30m --aht 180s --sl 80/20 --patience 300s --format json
            """)

    @Option(help: "Calls offered in the interval (may be fractional).") var calls: Double
    @Option(help: "Interval length, e.g. 15m.") var interval: DurationArgument
    @Option(help: "Average handle time, e.g. 300s.") var aht: DurationArgument
    @Option(help: "Service-level target PERCENT/SECONDS, e.g. 80/20.") var sl: ServiceLevelArgument
    @Option(help: "Highest acceptable average speed of answer, e.g. 30s.") var asa: DurationArgument?
    @Option(help: "Highest acceptable occupancy, a fraction such as 0.85.") var maxOccupancy: Double?
    @Option(help: "Mean caller patience, e.g. 120s: use Erlang A.") var patience: DurationArgument?
    @Option(help: "Highest acceptable abandonment rate with --patience, e.g. 0.05.") var maxAbandon: Double?
    @Option(help: "Shrinkage, a fraction in [0, 1).") var shrinkage: Double = 0
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard calls.isFinite, calls >= 0 else { throw ValidationError("--calls must be a number ≥ 0") }
        guard interval.seconds > 0, aht.seconds > 0 else { throw ValidationError("--interval and --aht must be positive") }
        guard sl.fraction > 0, sl.fraction < 1 else { throw ValidationError("--sl percent must be between 0 and 100 (exclusive), e.g. 80/20") }
        if let maxOccupancy, !(maxOccupancy > 0 && maxOccupancy <= 1) { throw ValidationError("--max-occupancy must be in (0, 1]") }
        if maxAbandon != nil, patience == nil { throw ValidationError("--max-abandon needs --patience (Erlang A)") }
        guard shrinkage >= 0, shrinkage < 1 else { throw ValidationError("--shrinkage must be in [0, 1)") }
    }

    func run() throws {
        let load = QueueLoad(calls: calls, averageHandleTimeSeconds: aht.seconds, intervalSeconds: interval.seconds,
                             patienceSeconds: patience?.seconds)
        let targets = StaffingTargets(
            serviceLevel: sl.fraction, serviceLevelThresholdSeconds: sl.withinSeconds, maximumAverageSpeedOfAnswerSeconds: asa?.seconds,
            maximumOccupancy: maxOccupancy, maximumAbandonmentRate: maxAbandon)
        try reportingFailures {
            let answer = try ErlangQuery(load: load, targets: targets, shrinkage: shrinkage).run()
            let report = ErlangReport(load: load, model: answer.model, requirement: answer.requirement, shrinkage: shrinkage,
                                      neighbourhood: answer.neighbourhood)
            print(output.format == .json ? try report.json() : report.text(), terminator: "")
        }
    }
}
