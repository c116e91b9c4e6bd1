import ArgumentParser
import WFMPlanning
import WFMScheduling

/// `wfm schedule`: the weekly roster, optimized with GLPK.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Make the weekly roster: shifts, breaks and days off for every agent, optimized with GLPK.",
        discussion: """
            Example:
              wfm schedule --config Inputs/demo/center.yaml --requirements out/requirements.csv --out out/roster.csv --time-limit 60s
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "Requirements (requirements.csv from wfm staff).") var requirements: String
    @Option(help: "Agents (agents.csv); default: the agents path in center.yaml.") var agents: String?
    @Option(help: "Where to write roster.csv.") var out: String
    @Option(help: "Time limit for the group model, e.g. 60s.") var timeLimit: DurationArgument = DurationArgument(argument: "60s")!
    @Option(help: "Relative gap at which to stop, e.g. 0.5%.") var gap: String = "0.5%"
    @Option(help: "Also write the group model as MPS (.mps) or CPLEX LP (.lp), before solving.") var exportModel: String?
    @Flag(help: "Replace output files if they exist.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard let value = Double(gap.replacingOccurrences(of: "%", with: "")), value >= 0, value < 100 else {
            throw ValidationError("--gap must be a percentage such as 0.5%")
        }
        guard timeLimit.seconds >= 1 else { throw ValidationError("--time-limit must be at least 1s") }
        if let exportModel, !exportModel.lowercased().hasSuffix(".mps"), !exportModel.lowercased().hasSuffix(".lp") {
            throw ValidationError("--export-model must name a .mps or .lp file")
        }
    }

    func run() throws {
        let gapFraction = Double(gap.replacingOccurrences(of: "%", with: ""))! / 100
        let job = ScheduleJob(
            configPath: config, requirementsPath: requirements, agentsPath: agents, outputPath: out, exportModelPath: exportModel,
            options: ScheduleOptions(timeLimit: .milliseconds(Int(timeLimit.seconds * 1000)), relativeGap: gapFraction), overwrite: force)
        try reportingFailures {
            let outcome = try job.run { if !output.quiet { printError($0) } }
            if !output.quiet { outcome.schedule.warnings.forEach { printError("warning: \($0)") } }
            print(SchedulePresenter.text(outcome, outputPath: out), terminator: "")
            if !outcome.violations.isEmpty {
                outcome.violations.prefix(50).forEach { printError("rule broken: \($0)") }
                throw PlanningError("the roster breaks \(outcome.violations.count) rule(s); it was written to \(out) for inspection")
            }
        }
    }
}
