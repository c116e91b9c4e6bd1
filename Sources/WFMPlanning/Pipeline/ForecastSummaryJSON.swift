import Foundation
import WFMReporting

/// The `wfm forecast --format json` document.
public struct ForecastSummaryJSON: Sendable, Codable {
    public var forecastFile: String
    public var rows: Int
    public var methods: [String: String]
    public var warnings: [String]

    /// Builds the document from a finished job.
    public init(outcome: ForecastJob.Outcome, outputPath: String) {
        forecastFile = outputPath
        rows = outcome.forecast.entries.count
        methods = outcome.forecast.methods
        warnings = outcome.historyWarnings + outcome.forecast.warnings
    }

    /// Sorted, indented JSON.
    public func text() throws -> String {
        return try JSONOutput.text(self)
    }
}
