import Foundation
import WFMReporting

/// The `wfm forecast --format json` document.
public struct ForecastSummaryJSON: Sendable, Codable {
    public var forecastFile: String
    public var rows: Int
    public var methods: [String: String]
    public var warnings: [String]
    /// With `--weeks`, each week's part (its first day, rows, methods and warnings); absent for one week.
    public var weeks: [Week]?

    /// One week of a forecast over several.
    public struct Week: Sendable, Codable {
        public var weekStart: String
        public var rows: Int
        public var methods: [String: String]
        public var warnings: [String]
    }

    /// Builds the document from a finished job (one outcome per week): over several weeks,
    /// `rows` and `warnings` are the horizon's and `methods` the first week's.
    public init(outcomes: [ForecastJob.Outcome], outputPath: String) {
        forecastFile = outputPath
        rows = outcomes.reduce(0) { $0 + $1.forecast.entries.count }
        methods = outcomes.first?.forecast.methods ?? [:]
        warnings = (outcomes.first?.historyWarnings ?? []) + outcomes.flatMap(\.forecast.warnings)
        if outcomes.count > 1 {
            weeks = outcomes.map {
                Week(weekStart: $0.grid.weekStart.description, rows: $0.forecast.entries.count, methods: $0.forecast.methods,
                     warnings: $0.forecast.warnings)
            }
        }
    }

    /// Sorted, indented JSON.
    public func text() throws -> String {
        return try JSONOutput.text(self)
    }
}
