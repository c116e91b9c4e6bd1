import WFMCore

/// A horizon report as terminal text: the horizon per queue, each week per queue, the rules
/// over weeks broken, the fairness over the horizon, and the verdict.
public enum HorizonReportText {
    /// The whole horizon; each week's full report is in the report files.
    public static func render(_ report: HorizonReport) -> String {
        let lastDay = LocalDate(report.firstWeek).map { $0.adding(days: 7 * report.weeksPlanned - 1).description } ?? "?"
        var text = "\(report.center), \(report.weeksPlanned) weeks from \(report.firstWeek) to \(lastDay)\n"
        text += "Service level: \(report.weeks[0].definitions.serviceLevel)\n"
        if report.simulatedServiceLevel != nil {
            text += "Simulation: each week simulated on its own; over the horizon, the weeks' estimates weighted by their calls\n"
        }
        var horizon = TextTable(columns: [.init("queue", .left), .init("calls"), .init("SL")]
                                + (report.simulatedServiceLevel != nil ? [.init("SL simulated")] : [])
                                + [.init("ASA s"), .init("abandon"), .init("occupancy"), .init("paid h"), .init("short h"), .init("missed")])
        for row in report.horizon {
            horizon.append([row.queue, NumberFormatting.fixed(row.calls, 0), NumberFormatting.percent(row.serviceLevel, 1)]
                           + (report.simulatedServiceLevel.map { [($0[row.queue]).map(ReportText.interval) ?? "-"] } ?? [])
                           + [row.asaText, NumberFormatting.percent(row.abandonmentRate, 1), NumberFormatting.percent(row.occupancy, 1),
                              NumberFormatting.fixed(row.paidHours, 1), NumberFormatting.fixed(row.shortfallHours, 1),
                              "\(row.intervalsMissed)/\(row.intervals)"])
        }
        text += "\nHorizon\n" + horizon.render()
        var weeks = TextTable(columns: [.init("week", .left), .init("queue", .left), .init("calls"), .init("SL")]
                              + (report.simulatedServiceLevel != nil ? [.init("SL simulated")] : [])
                              + [.init("paid h"), .init("short h"), .init("missed"), .init("rules broken")])
        for week in report.weeks {
            for row in week.weeks {
                weeks.append([week.weekStart, row.queue, NumberFormatting.fixed(row.calls, 0), NumberFormatting.percent(row.serviceLevel, 1)]
                             + (week.simulation.map { [$0.figures(queue: row.queue, period: "week")?.serviceLevel.map(ReportText.interval) ?? "-"] } ?? [])
                             + [NumberFormatting.fixed(row.paidHours, 1), NumberFormatting.fixed(row.shortfallHours, 1),
                                "\(row.intervalsMissed)/\(row.intervals)", row.queue == "all" ? "\(week.ruleViolations.count)" : ""])
            }
        }
        text += "\nWeeks\n" + weeks.render()
        text += ReportText.fairness(report.fairness)
        if !report.ruleViolationsOverWeeks.isEmpty {
            text += "\nRules over weeks broken (reported, not refused)\n" + report.ruleViolationsOverWeeks.map { "  \($0)\n" }.joined()
        }
        return text + "\n" + verdict(report) + "\n"
    }

    /// One line: every target met in every week, or the intervals missed and the weeks they fall in.
    public static func verdict(_ report: HorizonReport) -> String {
        let total = report.weeks.reduce(0) { $0 + $1.intervals.count }
        let source = "by \(report.weeks[0].verdict.rawValue)"
        guard !report.targetsMet else { return "All targets met in every one of \(total) queue-intervals of the \(report.weeksPlanned) weeks (\(source))." }
        let short = report.horizon.first { $0.queue == "all" }?.shortfallHours ?? 0
        let missing = report.weeks.filter { !$0.targetsMet }.map { "\($0.weekStart) (\($0.intervalsMissed))" }
        return "Targets missed in \(report.intervalsMissed) of \(total) queue-intervals (\(source)); \(NumberFormatting.fixed(short, 1)) agent-hours short "
            + "of the requirement. Weeks missing: \(missing.joined(separator: ", "))."
    }
}
