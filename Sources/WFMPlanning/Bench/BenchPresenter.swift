import Foundation
import WFMReporting

/// `wfm bench` output for people.
public enum BenchPresenter {
    /// One row per instance: median wall and CPU time, peak memory, objective, bound, gap,
    /// time to 1% of the bound, stage times and rule violations; then the machine.
    public static func text(_ results: BenchResults) -> String {
        var table = TextTable(columns: [
            .init("instance", .left), .init("agents"), .init("wall s"), .init("spread s"), .init("CPU s"), .init("MiB"),
            .init("objective"), .init("bound"), .init("gap"), .init("to 1% s"), .init("stage 1 s"), .init("stage 2 s"),
            .init("violations"), .init("status", .left),
        ])
        for result in results.instances {
            // A run that made no roster measured nothing but its wall time.
            let ran = { (text: String) in result.failure == nil ? text : "-" }
            table.append([
                result.instance, ran("\(result.agents)"), fixed(result.wallSeconds.median), "\(fixed(result.wallSeconds.min))–\(fixed(result.wallSeconds.max))",
                ran(fixed(result.cpuSeconds.median)), ran(String(format: "%.0f", result.peakMemoryMib.median)), result.objective.map(fixed) ?? "none",
                result.bestBound.map(fixed) ?? "-", result.gap.map { String(format: "%.3f%%", $0 * 100) } ?? "-",
                result.timeToGap.onePercent.map(fixed) ?? "-", ran(fixed(result.groupPlanSeconds.median)), ran(fixed(result.assignmentSeconds.median)),
                ran("\(result.ruleViolations)"), result.termination + (result.identicalRuns ? "" : ", runs differ"),
            ])
        }
        let failures = results.instances.compactMap { result in result.failure.map { "\(result.instance): no roster: \($0)\n" } }.joined()
        let machine = results.machine
        let share = results.shard.map { "Shard \($0.shard): \($0.positions.count) of \($0.solves.count) solves\n" } ?? ""
        return share + table.render() + failures + distributions(results)
            + "wfm \(results.wfmVersion), GLPK \(results.glpkVersion); \(machine.cores) cores, \(String(format: "%.1f", machine.memoryGib)) GiB, \(machine.processor); "
            + "\(results.repetitions) run(s) per instance, time limit \(String(format: "%g", results.timeLimitSeconds)) s\n"
    }

    /// Per family: the members, and the median, 90th percentile and largest gap and wall time.
    static func distributions(_ results: BenchResults) -> String {
        guard let family = results.family, let distributions = results.distributions else { return "" }
        var table = TextTable(columns: [
            .init("family", .left), .init("members"), .init("no roster"), .init("time limit"), .init("gap median"), .init("gap p90"),
            .init("gap max"), .init("wall median s"), .init("wall p90 s"), .init("wall max s"),
        ])
        let percent = { (value: Double?) in value.map { String(format: "%.3f%%", $0 * 100) } ?? "-" }
        for row in distributions {
            table.append([
                row.base, "\(row.members)", "\(row.noRoster)", "\(row.timeLimitReached)", percent(row.gap?.median), percent(row.gap?.p90),
                percent(row.gap?.max), fixed(row.wallSeconds.median), fixed(row.wallSeconds.p90), fixed(row.wallSeconds.max),
            ])
        }
        return "Families (members 1 to \(family.members), seed \(family.seed)):\n" + table.render()
    }

    /// Every check, then the verdict.
    public static func text(_ checks: [BenchCheck]) -> String {
        var table = TextTable(columns: [
            .init("instance", .left), .init("gate", .left), .init("baseline"), .init("current"), .init("limit"), .init("result", .left),
        ])
        for check in checks {
            table.append([check.instance, check.gate, check.baseline, check.current, check.limit, check.passed ? "pass" : "FAIL"])
        }
        let failed = checks.filter { !$0.passed }
        let verdict = failed.isEmpty ? "All \(checks.count) gates pass."
            : "\(failed.count) of \(checks.count) gates fail: " + failed.map { "\($0.instance) \($0.gate)" }.joined(separator: ", ") + "."
        return table.render() + verdict + "\n"
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}
