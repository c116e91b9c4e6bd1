import WFMCore
import WFMForecasting

/// The words and values the command line accepts, so that the `wfm` executable can check its
/// arguments with no module but this one.
public enum CommandVocabulary {
    /// The forecasting methods `--method` accepts.
    public static var forecastMethods: [String] { ForecastMethodCatalog.names }

    /// Whether `text` is a date `YYYY-MM-DD` (for `--week`).
    public static func isDate(_ text: String) -> Bool { LocalDate(text) != nil }

    /// The week `text` names (`YYYY-MM-DD`), nil for none.
    /// - Throws: ``PlanningError`` when `text` is not a date.
    static func week(_ text: String?) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else { throw PlanningError("--week: '\(text)' is not a date (expected YYYY-MM-DD)") }
        return date
    }

    /// The verdicts `--verdict` accepts.
    public static var verdicts: [String] { VerdictSource.allCases.map(\.rawValue) }

    /// `center` with the verdict `--verdict` asks for (nil: center.yaml's), checked against
    /// whether the command simulates.
    /// - Throws: ``PlanningError`` for an unknown verdict, or a verdict by simulation when no
    ///   simulation runs.
    static func applyingVerdict(_ text: String?, to center: Center, simulates: Bool) throws -> Center {
        var center = center
        if let text {
            guard let verdict = VerdictSource(rawValue: text) else {
                throw PlanningError("--verdict: '\(text)' is not a verdict (expected \(verdicts.joined(separator: " or ")))")
            }
            center.report.verdict = verdict
        }
        guard center.report.verdict == .formula || simulates else {
            throw PlanningError("the verdict is by simulation (\(text == nil ? "report.verdict in center.yaml" : "--verdict")) but nothing is simulated: add --simulate N")
        }
        return center
    }
}
