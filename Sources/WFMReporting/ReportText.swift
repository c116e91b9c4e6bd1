import WFMCore

/// The report as terminal text: definitions, the week and each day per queue, agents whose
/// week breaks a rule or their contract, and the verdict.
public enum ReportText {
    /// The whole report.
    public static func render(_ report: RosterReport) -> String {
        var text = "\(report.center), week of \(report.weekStart)\n"
        text += "Service level: \(report.definitions.serviceLevel)\n"
        text += "Occupancy: \(report.definitions.occupancy)\nUtilization: \(report.definitions.utilization)\n"
        if let simulation = report.simulation {
            text += "Simulation: \(simulation.replications) replications of the week (seed \(simulation.seed), \(simulation.handleTimes) handle times), 95% confidence intervals\n"
        }
        text += "\nWeek\n" + periodTable(report.weeks, report: report, firstColumn: "queue").render()
        text += "\nDays\n" + periodTable(report.days.filter { $0.calls > 0 || $0.paidHours > 0 }, report: report, firstColumn: "day").render()
        text += fairness(report.fairness)
        let agents = report.agents.filter { !$0.brokenRules.isEmpty }
        if !agents.isEmpty {
            text += "\nAgents whose week breaks a rule (reported, not refused)\n"
            for agent in agents { text += "  \(agent.id) \(agent.name): " + agent.brokenRules.joined(separator: "; ") + "\n" }
        }
        return text + "\n" + verdict(report) + "\n"
    }

    /// Per contract and burden carried at all: the agents, their fair share, the spread and
    /// Gini index, over this week and the previous ones, and over the previous ones alone.
    static func fairness(_ figures: FairnessFigures) -> String {
        let carried = figures.spreads.filter { $0.fairShare > 0 }
        guard !carried.isEmpty else { return "" }
        let weeks = figures.weeks == 1 ? "this week" : "this week and the \(figures.weeks - 1) before"
        var table = TextTable(columns: [.init("contract", .left), .init("burden", .left), .init("agents"), .init("fair share"),
                                        .init("min–max"), .init("spread"), .init("Gini")]
            + (figures.before == nil ? [] : [.init("spread before"), .init("Gini before")]))
        for spread in carried {
            let loads = spread.loads.map(\.load)
            var cells = [spread.contract, spread.burden.rawValue.replacingOccurrences(of: "_", with: " "), "\(loads.count)",
                         NumberFormatting.fixed(spread.fairShare, 2), "\(loads.min() ?? 0)–\(loads.max() ?? 0)", "\(spread.range)",
                         NumberFormatting.fixed(spread.gini, 2)]
            if let before = figures.before?.first(where: { $0.contract == spread.contract && $0.burden == spread.burden }) {
                cells += ["\(before.range)", NumberFormatting.fixed(before.gini, 2)]
            } else if figures.before != nil {
                cells += ["-", "-"]
            }
            table.append(cells)
        }
        return "\nFairness over \(weeks) (per agent who can carry it)\n" + table.render()
    }

    /// One line: all targets met, or how many intervals miss and the worst of them.
    public static func verdict(_ report: RosterReport) -> String {
        let total = report.intervals.count
        guard !report.targetsMet else { return "All targets met in every one of \(total) queue-intervals (by formula)." }
        let worst = report.intervals.filter(\.missesTarget).max { lhs, rhs in
            let left = lhs.flags.map(\.agents).max() ?? 0, right = rhs.flags.map(\.agents).max() ?? 0
            return left != right ? left < right : lhs.interval > rhs.interval
        }!
        let target = report.targets.first { $0.queue == worst.queue }
        let short = report.weeks.first { $0.queue == "all" }?.shortfallHours ?? 0
        return "Targets missed in \(report.intervalsMissed) of \(total) queue-intervals (by formula); "
            + "\(NumberFormatting.fixed(short, 1)) agent-hours short of the requirement. Worst: \(worst.queue) \(worst.start), "
            + "SL \(NumberFormatting.percent(worst.predicted.serviceLevel, 1)) against \(NumberFormatting.percent(target?.serviceLevel ?? 0, 0)), "
            + "\(NumberFormatting.fixed(worst.productive, 1)) productive agents where \(worst.requiredProductive) are required."
    }

    private static func periodTable(_ rows: [PeriodFigures], report: RosterReport, firstColumn: String) -> TextTable {
        let ratios = report.definitions.headline == .occupancy ? ["occupancy", "utilization"] : ["utilization", "occupancy"]
        var columns: [TextTable.Column] = [.init(firstColumn, .left)]
        if firstColumn == "day" { columns.append(.init("queue", .left)) }
        columns += [.init("calls"), .init("SL")]
        if report.simulation != nil { columns.append(.init("SL simulated")) }
        columns += [.init("ASA s"), .init("abandon")] + ratios.map { TextTable.Column($0) }
        columns += [.init("paid h"), .init("short h"), .init("surplus h"), .init("missed")]
        var table = TextTable(columns: columns)
        for row in rows {
            var cells = firstColumn == "day" ? [row.period, row.queue] : [row.queue]
            cells += [NumberFormatting.fixed(row.calls, 0), NumberFormatting.percent(row.serviceLevel, 1)]
            if let simulation = report.simulation {
                cells.append(simulation.figures(queue: row.queue, period: row.period)?.serviceLevel.map(interval) ?? "-")
            }
            cells += [NumberFormatting.fixed(row.asaSeconds, 1), NumberFormatting.percent(row.abandonmentRate, 1)]
            cells += ratios.map { NumberFormatting.percent($0 == "occupancy" ? row.occupancy : row.utilization, 1) }
            cells += [NumberFormatting.fixed(row.paidHours, 1), NumberFormatting.fixed(row.shortfallHours, 1),
                      NumberFormatting.fixed(row.surplusHours, 1), "\(row.intervalsMissed)/\(row.intervals)"]
            table.append(cells)
        }
        return table
    }

    /// `88.1% ± 1.2` (percentage points), or the mean alone without a confidence interval.
    public static func interval(_ estimate: Estimate) -> String {
        let mean = NumberFormatting.percent(estimate.mean, 1)
        return estimate.halfWidth.map { "\(mean) ± \(NumberFormatting.fixed($0 * 100, 1))" } ?? mean
    }
}
