import WFMCore

/// The report as CSV: one file per queue and interval, one per queue and period.
public enum ReportCSV {
    /// Per queue and open interval: forecast, staffing, the formula's figures, the simulated
    /// ones (empty without a simulation) and the flags as `kind:agents` joined by `;`.
    public static func intervals(_ report: RosterReport) -> String {
        let n = { (value: Double, digits: Int) in CSVFormatting.number(value, digits: digits) }
        let optional = { (value: Double?, digits: Int) in value.map { n($0, digits) } ?? "" }
        var text = CSVFormatting.line([
            "interval_start", "queue", "calls", "aht_seconds", "required_productive", "required_scheduled", "present", "productive",
            "shrinkage", "service_level", "asa_seconds", "abandon_rate", "occupancy", "sim_service_level", "sim_service_level_ci",
            "sim_asa_seconds", "sim_abandon_rate", "flags",
        ])
        let simulated = report.simulation?.intervals
        for (index, row) in report.intervals.enumerated() {
            let sim = simulated?[index]
            text += CSVFormatting.line([
                row.start, row.queue, n(row.calls, 3), n(row.ahtSeconds, 1), String(row.requiredProductive), String(row.requiredScheduled),
                n(row.present, 3), n(row.productive, 3), n(row.shrinkage, 4), n(row.predicted.serviceLevel, 4),
                n(row.predicted.asaSeconds, 2), n(row.predicted.abandonmentRate, 4), n(row.predicted.occupancy, 4),
                optional(sim?.serviceLevel?.mean, 4), optional(sim?.serviceLevel?.halfWidth, 4), optional(sim?.asaSeconds?.mean, 2),
                optional(sim?.abandonmentRate?.mean, 4),
                row.flags.map { "\($0.kind.rawValue):\(n($0.agents, 2))" }.joined(separator: ";"),
            ])
        }
        return text
    }

    /// Per queue (and `all`) and day, then the week.
    public static func periods(_ report: RosterReport) -> String {
        periodHeader + (report.days + report.weeks).map { row in
            periodLine(row, period: row.period, simulated: report.simulation?.figures(queue: row.queue, period: row.period)?.serviceLevel)
        }.joined()
    }

    /// Over a horizon of weeks: per queue (and `all`) each week's days, then that week (period
    /// `week YYYY-MM-DD`), and last the horizon (period `horizon`).
    public static func periods(_ horizon: HorizonReport) -> String {
        let weeks = horizon.weeks.flatMap { report in
            (report.days + report.weeks).map { row in
                periodLine(row, period: row.period == "week" ? "week \(report.weekStart)" : row.period,
                           simulated: report.simulation?.figures(queue: row.queue, period: row.period)?.serviceLevel)
            }
        }
        return periodHeader + weeks.joined()
            + horizon.horizon.map { periodLine($0, period: $0.period, simulated: horizon.simulatedServiceLevel?[$0.queue]) }.joined()
    }

    private static let periodHeader = CSVFormatting.line([
        "queue", "period", "calls", "service_level", "sim_service_level", "sim_service_level_ci", "asa_seconds", "abandon_rate",
        "occupancy", "utilization", "paid_hours", "present_hours", "productive_hours", "handled_hours", "required_hours",
        "shortfall_hours", "surplus_hours", "intervals", "intervals_missed", "intervals_overstaffed",
    ])

    private static func periodLine(_ row: PeriodFigures, period: String, simulated sim: Estimate?) -> String {
        let n = { (value: Double, digits: Int) in CSVFormatting.number(value, digits: digits) }
        return CSVFormatting.line([
            row.queue, period, n(row.calls, 2), n(row.serviceLevel, 4), sim.map { n($0.mean, 4) } ?? "",
            sim?.halfWidth.map { n($0, 4) } ?? "", n(row.asaSeconds, 2), n(row.abandonmentRate, 4), n(row.occupancy, 4),
            n(row.utilization, 4), n(row.paidHours, 2), n(row.presentHours, 2), n(row.productiveHours, 2), n(row.handledHours, 2),
            n(row.requiredHours, 2), n(row.shortfallHours, 2), n(row.surplusHours, 2), String(row.intervals),
            String(row.intervalsMissed), String(row.intervalsOverstaffed),
        ])
    }
}
