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
        if let idle = idleLine(report) { text += "\n" + idle + "\n" }
        text += fairness(report.fairness)
        let agents = report.agents.filter { !$0.brokenRules.isEmpty }
        if !agents.isEmpty {
            text += "\nAgents whose week breaks a rule (reported, not refused)\n"
            for agent in agents { text += "  \(agent.id) \(agent.name): " + agent.brokenRules.joined(separator: "; ") + "\n" }
        }
        return text + "\n" + verdict(report) + "\n" + report.verdictNotes.map { "Note: \($0)\n" }.joined()
    }

    /// Agent-hours on the phones that no open queue of the agents' skills could use (shifts
    /// before opening or after closing), when there are any.
    public static func idleLine(_ report: RosterReport) -> String? {
        guard report.unallocatedPresentHours >= 0.005 else { return nil }
        return "Idle: \(NumberFormatting.fixed(report.unallocatedPresentHours, 2)) agent-hours on the phones while no queue of the agents' skills was open (shifts starting before opening or ending after closing): paid, and unused."
    }

    /// The fairness table (``FairnessFigures/table``), when any burden is carried.
    static func fairness(_ figures: FairnessFigures) -> String {
        guard let table = figures.table else { return "" }
        var text = TextTable(columns: table.header.enumerated().map { .init($1, $0 < 2 ? .left : .right) })
        table.rows.forEach { text.append($0) }
        return "\n\(table.title)\n" + text.render()
    }

    /// One line: all targets met, or how many intervals miss and the worst of them.
    public static func verdict(_ report: RosterReport) -> String {
        let total = report.intervals.count
        let source = "by \(report.verdict.rawValue)"
        guard !report.targetsMet else { return "All targets met in every one of \(total) queue-intervals (\(source))." }
        let short = report.weeks.first { $0.queue == "all" }?.shortfallHours ?? 0
        let head = "Targets missed in \(report.intervalsMissed) of \(total) queue-intervals (\(source)); "
            + "\(NumberFormatting.fixed(short, 1)) agent-hours short of the requirement."
        let targetOf = Dictionary(uniqueKeysWithValues: report.targets.map { ($0.queue, $0.serviceLevel) })
        if report.verdict == .simulation, let simulation = report.simulation {
            // The simulated interval furthest below its service-level target.
            let worst = zip(report.intervals, simulation.intervals).compactMap { row, simulated -> (IntervalFigures, Double)? in
                guard row.calls > 0, let level = simulated.serviceLevel?.mean else { return nil }
                return (row, level)
            }.min { ($0.1 - (targetOf[$0.0.queue] ?? 0), $0.0.interval) < ($1.1 - (targetOf[$1.0.queue] ?? 0), $1.0.interval) }
            guard let (row, level) = worst else { return head }
            return head + " Worst: \(row.queue) \(row.start), SL \(NumberFormatting.percent(level, 1)) simulated against "
                + "\(NumberFormatting.percent(targetOf[row.queue] ?? 0, 0))."
        }
        let worst = report.intervals.filter(\.missesTarget).max { lhs, rhs in
            let left = lhs.flags.map(\.agents).max() ?? 0, right = rhs.flags.map(\.agents).max() ?? 0
            return left != right ? left < right : lhs.interval > rhs.interval
        }
        guard let worst else { return head }
        return head + " Worst: \(worst.queue) \(worst.start), "
            + "SL \(NumberFormatting.percent(worst.predicted.serviceLevel, 1)) against \(NumberFormatting.percent(targetOf[worst.queue] ?? 0, 0)), "
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
            cells += [row.asaText, NumberFormatting.percent(row.abandonmentRate, 1)]
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
