import ArgumentParser
import WFMPlanning

/// `--verdict`: which prediction decides whether the targets are met.
struct VerdictOptions: ParsableArguments {
    @Option(help: "What decides whether targets are met, the exit code and the intervals below target: formula or simulation (needs --simulate); default: report.verdict in center.yaml, else formula.")
    var verdict: String?

    func validate() throws {
        if let verdict, !CommandVocabulary.verdicts.contains(verdict) {
            throw ValidationError("--verdict must be \(CommandVocabulary.verdicts.joined(separator: " or ")), got '\(verdict)'")
        }
    }
}
