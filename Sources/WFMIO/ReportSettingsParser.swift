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
        if let node = entries["headline"] {
            let choices = HeadlineRatio.allCases.map(\.rawValue).joined(separator: " or ")
            if let text = walker.string(node, "report.headline", expected: choices) {
                if let value = HeadlineRatio(rawValue: text) {
                    settings.headline = value
                } else {
                    walker.error(node, "report.headline", "'\(text)' is not a ratio the report shows", expected: choices)
                }
            }
        }
        if let cv = walker.number(entries["handle_time_cv"], "report.handle_time_cv", in: 0.05...10,
                                  expected: "a coefficient of variation from 0.05 to 10 (1 = exponential)") {
            settings.handleTimeCV = cv
        }
        if let node = entries["verdict"] {
            let choices = VerdictSource.allCases.map(\.rawValue).joined(separator: " or ")
            if let text = walker.string(node, "report.verdict", expected: choices) {
                if let value = VerdictSource(rawValue: text) {
                    settings.verdict = value
                } else {
                    walker.error(node, "report.verdict", "'\(text)' is not a verdict the report gives", expected: choices)
                }
            }
        }
        return settings
    }
}
