import WFMCore
/// The gates `wfm bench compare` applies to each instance of the baseline.
public struct BenchGates: Sendable, Equatable {
    /// The largest accepted rise of the median wall time, as a fraction (0.25 for 25%).
    public var maxSlowdown: Double
    /// The largest accepted rise of the written roster's objective, as a fraction of the
    /// baseline's; the gap may rise by as much.
    public var maxObjectiveLoss: Double
    /// Slowdowns smaller than this many seconds pass whatever their ratio: sub-second solves
    /// are too noisy on shared machines for a ratio alone.
    public var noiseSeconds: Double

    /// Creates gates.
    public init(maxSlowdown: Double = 0.25, maxObjectiveLoss: Double = 0.005, noiseSeconds: Double = 0.25) {
        self.maxSlowdown = maxSlowdown
        self.maxObjectiveLoss = maxObjectiveLoss
        self.noiseSeconds = noiseSeconds
    }
}

/// One gate on one instance.
public struct BenchCheck: Sendable, Equatable {
    public var instance: String
    /// `present`, `rule_violations`, `objective`, `gap` or `wall_time`.
    public var gate: String
    public var baseline: String
    public var current: String
    public var limit: String
    public var passed: Bool
}

/// Compares a run's results with a baseline: quality gates are exact (no noise allowance
/// beyond the stated loss), time gates are ratios of medians.
public enum BenchComparison {
    /// Every check, instance by instance in the baseline's order.
    public static func checks(baseline: BenchResults, current: BenchResults, gates: BenchGates) -> [BenchCheck] {
        var checks: [BenchCheck] = []
        for base in baseline.instances {
            guard let now = current.instances.first(where: { $0.instance == base.instance }) else {
                checks.append(BenchCheck(instance: base.instance, gate: "present", baseline: "run", current: "missing", limit: "run", passed: false))
                continue
            }
            let check = { (gate: String, baseline: String, current: String, limit: String, passed: Bool) in
                checks.append(BenchCheck(instance: base.instance, gate: gate, baseline: baseline, current: current, limit: limit, passed: passed))
            }
            check("rule_violations", "\(base.ruleViolations)", "\(now.ruleViolations)", "0", now.ruleViolations == 0)
            if let baseObjective = base.objective {
                let objectiveLimit = baseObjective + abs(baseObjective) * gates.maxObjectiveLoss
                check("objective", fixed(baseObjective), now.objective.map(fixed) ?? "no roster", "≤ \(fixed(objectiveLimit))",
                      (now.objective ?? .infinity) <= objectiveLimit + 1e-9)
            }
            if let baseGap = base.gap {
                let gapLimit = baseGap + gates.maxObjectiveLoss
                check("gap", percent(baseGap), now.gap.map(percent) ?? "none", "≤ \(percent(gapLimit))", (now.gap ?? .infinity) <= gapLimit + 1e-12)
            }
            let timeLimit = max(base.wallSeconds.median * (1 + gates.maxSlowdown), base.wallSeconds.median + gates.noiseSeconds)
            check("wall_time", seconds(base.wallSeconds.median), seconds(now.wallSeconds.median), "≤ \(seconds(timeLimit))",
                  now.wallSeconds.median <= timeLimit)
        }
        return checks
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
    private static func percent(_ value: Double) -> String { NumberFormatting.percent(value, 3) }
    private static func seconds(_ value: Double) -> String { NumberFormatting.fixed(value, 2) + " s" }
}
