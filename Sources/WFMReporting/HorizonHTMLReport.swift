import Foundation
import WFMCore

/// A horizon report as one self-contained HTML page: the horizon's figures per queue and
/// week, the fairness over the horizon, the rules over weeks, then each week's full report
/// (``HTMLReport``) in turn.
public enum HorizonHTMLReport {
    /// The page; `schedules` holds each week's agent schedule, in order.
    public static func render(_ report: HorizonReport, schedules: [AgentSchedule], timeZone: TimeZone) -> String {
        let title = "\(report.center): roster report, \(report.weeksPlanned) weeks from \(report.firstWeek)"
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>\(HTMLText.escape(title))</title><style>\(HTMLReport.style)</style></head><body>"
        html += "<header><h1>\(HTMLText.escape(report.center))</h1><p>Roster report, \(report.weeksPlanned) weeks from \(report.firstWeek)</p>"
        html += "<p class=\"verdict \(report.targetsMet ? "ok" : "missed")\">\(HTMLText.escape(HorizonReportText.verdict(report)))</p></header>"
        let simulated = report.simulatedServiceLevel
        let head = ["Queue", "Calls", "SL (formula)"] + (simulated != nil ? ["SL (simulated)"] : []) + ["ASA s", "Abandon", "Occupancy", "Paid h", "Short h", "Missed"]
        let rows = report.horizon.map { row in
            [row.queue, NumberFormatting.fixed(row.calls, 0), NumberFormatting.percent(row.serviceLevel, 1)]
                + (simulated.map { [$0[row.queue].map(ReportText.interval) ?? "-"] } ?? [])
                + [row.asaText, NumberFormatting.percent(row.abandonmentRate, 1), NumberFormatting.percent(row.occupancy, 1),
                   NumberFormatting.fixed(row.paidHours, 1), NumberFormatting.fixed(row.shortfallHours, 1), "\(row.intervalsMissed)/\(row.intervals)"]
        }
        html += "<section><h2>Horizon</h2>" + table(head, rows) + "</section>"
        let weekRows = report.weeks.flatMap { week in
            week.weeks.map { row in
                [week.weekStart, row.queue, NumberFormatting.percent(row.serviceLevel, 1)]
                    + (week.simulation.map { [$0.figures(queue: row.queue, period: "week")?.serviceLevel.map(ReportText.interval) ?? "-"] } ?? [])
                    + [NumberFormatting.fixed(row.paidHours, 1), NumberFormatting.fixed(row.shortfallHours, 1), "\(row.intervalsMissed)/\(row.intervals)"]
            }
        }
        let weekHead = ["Week", "Queue", "SL (formula)"] + (simulated != nil ? ["SL (simulated)"] : []) + ["Paid h", "Short h", "Missed"]
        html += "<section><h2>Weeks</h2>" + table(weekHead, weekRows) + "</section>"
        if let fairness = report.fairness.table {
            html += "<section><h2>\(HTMLText.escape(fairness.title))</h2>" + table(fairness.header, fairness.rows) + "</section>"
        }
        if !report.ruleViolationsOverWeeks.isEmpty {
            html += "<section><h2>Rules over weeks broken</h2><ul>" + report.ruleViolationsOverWeeks.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></section>"
        }
        for (week, schedule) in zip(report.weeks, schedules) {
            let page = HTMLReport.render(week, schedule: schedule, timeZone: timeZone)
            html += "<article class=\"week\" id=\"week-\(week.weekStart)\">" + body(of: page) + "</article>"
        }
        return html + "<footer>Written by wfm. Every figure uses the definitions in each week's report.</footer></body></html>\n"
    }

    private static func table(_ head: [String], _ rows: [[String]]) -> String {
        "<table><thead><tr>" + head.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>"
    }

    /// What lies between `<body>` and `</body>` of a page ``HTMLReport`` wrote.
    private static func body(of page: String) -> String {
        guard let open = page.range(of: "<body>"), let close = page.range(of: "</body>", options: .backwards) else { return page }
        return String(page[open.upperBound..<close.lowerBound])
    }
}
