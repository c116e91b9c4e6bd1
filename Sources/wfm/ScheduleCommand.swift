import ArgumentParser
import WFMPlanning

/// `wfm schedule`: the weekly roster, optimized with GLPK.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Make the weekly roster: shifts, breaks and days off for every agent, optimized with GLPK.",
        discussion: """
            The summary gives the written roster's objective and its parts, the proven bound and gap, and the agent-hours of demand it leaves uncovered. Exit codes: 0 roster written, every rule met; 1 bad input, no roster within the time limit, or a roster that breaks a rule (written only beside the requested name, as NAME.rejected.csv); 64 usage error.

            Examples:
              wfm schedule --config center.yaml --requirements req.csv --out roster.csv
              wfm schedule --config center.yaml --requirements req.csv --out r.csv --gap 0.1%
              wfm schedule --config center.yaml --requirements req.csv --out r.csv --format json
              wfm schedule --config center.yaml --requirements week2.csv --week 2026-12-07 --previous roster-week1.csv --out roster-week2.csv
              wfm schedule --config center.yaml --requirements req-4weeks.csv --weeks 4 --out roster-4weeks.csv
            """)

    @Option(help: "The center description (center.yaml).") var config: String
    @Option(help: "Requirements (requirements.csv from wfm staff).") var requirements: String
    @Option(help: "Agents (agents.csv); default: the agents path in center.yaml.") var agents: String?
    @Option(help: "Where to write roster.csv.") var out: String
    @Option(help: "First day of the week to schedule (YYYY-MM-DD); default: week_start in center.yaml.") var week: String?
    @OptionGroup var horizon: HorizonOptions
    @OptionGroup var previous: PreviousRosterOptions
    @OptionGroup var limits: SolveLimitOptions
    @Option(help: "Also write the group model as MPS (.mps) or CPLEX LP (.lp), before solving.") var exportModel: String?
    @Flag(help: "Replace output files if they exist.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let week, !CommandVocabulary.isDate(week) { throw ValidationError("--week must be a date YYYY-MM-DD, got '\(week)'") }
        if let exportModel, !exportModel.lowercased().hasSuffix(".mps"), !exportModel.lowercased().hasSuffix(".lp") {
            throw ValidationError("--export-model must name a .mps or .lp file")
        }
    }

    func run() throws {
        var job = ScheduleJob(
            configPath: config, requirementsPath: requirements, agentsPath: agents, outputPath: out, exportModelPath: exportModel,
            timeLimitSeconds: limits.timeLimitSeconds(weeks: horizon.weeks), relativeGap: limits.relativeGap(), overwrite: force, week: week)
        job.previousPaths = previous.previous
        job.weeks = horizon.weeks
        try reportingFailures {
            let outcome = try job.run { if !output.quiet { printError($0) } }
            if !output.quiet, output.format == .table { outcome.warningLines.forEach { printError("warning: \($0)") } }
            outcome.violationLines.forEach { printError("error: \($0)") }
            print(output.format == .json ? try outcome.json() : outcome.text(), terminator: "")
            if !outcome.violations.isEmpty { throw ExitCode(1) }
        }
    }
}
