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
}
