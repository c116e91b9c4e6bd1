import Foundation
import WFMReporting

/// The `wfm staff --format json` document: where the file went, warnings, and the summary.
public struct StaffReportJSON: Sendable, Codable {
    public var requirementsFile: String
    public var rows: Int
    public var warnings: [String]
    /// Each queue's targets as understood from center.yaml.
    public var targets: [String]
    public var summary: RequirementsSummary

    /// Builds the document from a finished job.
    public init(outcome: StaffJob.Outcome, outputPath: String) {
        requirementsFile = outputPath
        rows = outcome.plan.rows.count
        warnings = outcome.plan.warnings
        targets = outcome.targets
        summary = outcome.summary
    }

    /// Sorted, indented JSON.
    public func text() throws -> String {
        return try JSONOutput.text(self)
    }
}
