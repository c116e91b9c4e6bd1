import Foundation

/// How reports print numbers: fixed decimals, percentages, and ∞ for unbounded values.
public enum NumberFormatting {
    /// `value` with exactly `digits` decimals, or "∞".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "∞"
    }

    /// `value` with as few digits as it needs (`%g`): "60", "0.5".
    public static func trimmed(_ value: Double) -> String { String(format: "%g", value) }

    /// A fraction as a percentage with `digits` decimals, e.g. "88.84%".
    public static func percent(_ fraction: Double, _ digits: Int = 2) -> String {
        fraction.isFinite ? String(format: "%.\(digits)f%%", fraction * 100) : "∞"
    }
}
