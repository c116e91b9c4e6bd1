/// The documented ranges of the numbers wfm reads from files and flags (docs/file-formats.md).
/// Each is far beyond any real contact center and keeps every computation exact and quick:
/// a value outside its range is refused with a message naming the file, line and field.
public enum InputLimits {
    /// Calls offered to one queue in one interval (forecast, history, `wfm erlang --calls`).
    public static let maximumCallsPerInterval = 1_000_000.0
    /// Average handle time, patience and service-level thresholds, in seconds: one day.
    public static let maximumSeconds = 86_400.0
    /// Agents required for one queue in one interval (requirements.csv).
    public static let maximumAgentsPerInterval = 100_000.0
    /// Agents in agents.csv.
    public static let maximumAgents = 100_000
    /// The longest `--time-limit`, in seconds: one day.
    public static let maximumTimeLimitSeconds = 86_400.0
    /// Overtime on one shift, in minutes (roster.csv, scenario files): half a day.
    public static let maximumOvertimeMinutes = 720
}
