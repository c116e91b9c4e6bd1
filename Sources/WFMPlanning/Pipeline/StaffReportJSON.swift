import Foundation
import WFMReporting

/// The `wfm staff --format json` document: where the file went, warnings, and the summary.
public struct StaffReportJSON: Sendable, Codable {
    public var requirementsFile: String
    public var rows: Int
    public var warnings: [String]
    /// Each queue's targets as understood from center.yaml.
    public var targets: [String]
    /// Per queue and day; over several weeks, absent here and given per week in ``weeks``.
    public var summary: RequirementsSummary?
    /// With `--weeks`, each week's document; absent for one week.
    public var weeks: [StaffReportJSON]?

    /// Builds the document from a finished job (one outcome per week).
    public init(outcomes: [StaffJob.Outcome], outputPath: String) {
        requirementsFile = outputPath
        rows = outcomes.reduce(0) { $0 + $1.plan.rows.count }
        warnings = outcomes.flatMap(\.plan.warnings)
        targets = outcomes.first?.targets ?? []
        if outcomes.count == 1 {
            summary = outcomes[0].summary
        } else {
            weeks = outcomes.map { StaffReportJSON(outcomes: [$0], outputPath: outputPath) }
        }
    }

    /// Sorted, indented JSON.
    public func text() throws -> String {
        return try JSONOutput.text(self)
    }
}
