import WFMCore
import Yams

/// Reads center.yaml's `service_level_definition` and `report` section.
struct ReportSettingsParser {
    let walker: YAMLWalker

    private static let reportKeys = ["short_abandon_seconds", "overstaffing_margin", "headline", "handle_time_cv", "verdict"]

    /// The settings, with defaults for what the file leaves out.
    func settings(definition: Node?, report: Node?) -> ReportSettings {
        var settings = ReportSettings()
        if let definition {
            let choices = ServiceLevelDefinition.allCases.map(\.rawValue).joined(separator: ", ")
            if let text = walker.string(definition, "service_level_definition", expected: "one of \(choices)") {
                if let value = ServiceLevelDefinition(rawValue: text) {
                    settings.serviceLevelDefinition = value
                } else {
                    walker.error(definition, "service_level_definition", "'\(text)' is not a definition", expected: "one of \(choices)")
                }
            }
        }
        guard let report, let entries = walker.mapping(report, "report", required: [], optional: Self.reportKeys) else {
            return settings
        }
        if let seconds = walker.number(entries["short_abandon_seconds"], "report.short_abandon_seconds", in: 0...InputLimits.maximumSeconds,
                                       expected: "seconds from 0 to \(Int(InputLimits.maximumSeconds))") {
            settings.shortAbandonSeconds = seconds
        }
        if let margin = walker.share(entries["overstaffing_margin"], "report.overstaffing_margin", in: 0...10,
                                     expected: "a share of the required agents, e.g. 20% or 0.2") {
            settings.overstaffingMargin = margin
        }
        if let headline = choice(entries["headline"], "report.headline", of: HeadlineRatio.self, is: "a ratio the report shows") {
            settings.headline = headline
        }
        if let cv = walker.number(entries["handle_time_cv"], "report.handle_time_cv", in: 0.05...10,
                                  expected: "a coefficient of variation from 0.05 to 10 (1 = exponential)") {
            settings.handleTimeCV = cv
        }
        if let verdict = choice(entries["verdict"], "report.verdict", of: VerdictSource.self, is: "a verdict the report gives") {
            settings.verdict = verdict
        }
        return settings
    }

    /// One of `Choice`'s values named at `node`, or nil (with an error naming the choices
    /// when the text names none: "'x' is not `what`").
    private func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node?, _ path: String, of _: Choice.Type, is what: String) -> Choice?
    where Choice.RawValue == String {
        guard let node else { return nil }
        let choices = Choice.allCases.map(\.rawValue).joined(separator: " or ")
        guard let text = walker.string(node, path, expected: choices) else { return nil }
        guard let value = Choice(rawValue: text) else {
            walker.error(node, path, "'\(text)' is not \(what)", expected: choices)
            return nil
        }
        return value
    }
}
