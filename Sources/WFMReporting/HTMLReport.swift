import Foundation
import WFMCore

/// The report as one self-contained HTML file: inline CSS and SVG, no script, no network,
/// no web fonts. A manager opens it in any browser.
public enum HTMLReport {
    /// The page.
    public static func render(_ report: RosterReport, schedule: AgentSchedule, timeZone: TimeZone) -> String {
        let queueIDs = report.targets.map(\.queue)
        let dates = (0..<7).compactMap { LocalDate(report.weekStart)?.adding(days: $0) }
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>\(HTMLText.escape("\(report.center): roster report, week of \(report.weekStart)"))</title>"
        html += "<style>\(style)</style></head><body>"
        html += "<header><h1>\(HTMLText.escape(report.center))</h1><p>Roster report, week of \(report.weekStart), \(report.intervalMinutes)-minute intervals</p>"
        html += "<p class=\"verdict \(report.targetsMet ? "ok" : "missed")\">\(HTMLText.escape(ReportText.verdict(report)))</p>"
            + report.verdictNotes.map { "<p class=\"note\">\(HTMLText.escape($0))</p>" }.joined() + "</header>"
        html += "<section><h2>Summary</h2>" + periodTable(report.weeks, report: report, showDay: false) + "</section>"
        html += definitions(report)
        for (index, targets) in report.targets.enumerated() {
            let rows = report.intervals.filter { $0.queue == targets.queue }
            html += "<section><h2><span class=\"swatch\" style=\"background:\(SVGCharts.queueColors[index % SVGCharts.queueColors.count])\"></span>Queue \(HTMLText.escape(targets.queue))</h2>"
            html += "<p class=\"note\">Target: \(NumberFormatting.percent(targets.serviceLevel, 0)) answered within \(NumberFormatting.fixed(targets.withinSeconds, 0)) s"
            if let asa = targets.asaSeconds { html += ", ASA ≤ \(NumberFormatting.fixed(asa, 0)) s" }
            if let cap = targets.maxOccupancy { html += ", occupancy ≤ \(NumberFormatting.percent(cap, 0))" }
            if let cap = targets.maxAbandonRate { html += ", abandonment ≤ \(NumberFormatting.percent(cap, 0))" }
            html += ". <span class=\"key required\">required</span> <span class=\"key present\">present</span> <span class=\"key miss\">target missed</span></p>"
            html += "<div class=\"charts\">"
            for (offset, date) in dates.enumerated() {
                let day = rows.filter { $0.day == offset }
                guard !day.isEmpty else { continue }
                html += SVGCharts.coverage(rows: day, targets: targets, title: "\(date.weekday.rawValue) \(date)", intervalMinutes: report.intervalMinutes)
            }
            html += "</div><h3>Service level by day and time</h3>"
            html += SVGCharts.heatmap(rows: rows, targets: targets, dates: dates, intervalMinutes: report.intervalMinutes)
            html += "<p class=\"note\"><span class=\"cell\" style=\"background:#2e8b57\"></span>well above target <span class=\"cell\" style=\"background:#74b57e\"></span>met <span class=\"cell\" style=\"background:#f0c04a\"></span>within 10% <span class=\"cell\" style=\"background:#e8893a\"></span>within 25% <span class=\"cell\" style=\"background:#c8382e\"></span>further below <span class=\"cell\" style=\"background:#d8dde3\"></span>no calls</p>"
            html += "<h3>Days</h3>" + periodTable(report.days.filter { $0.queue == targets.queue && $0.intervals > 0 }, report: report, showDay: true)
            html += "</section>"
        }
        html += "<section><h2>Days, whole center</h2>" + periodTable(report.days.filter { $0.queue == "all" && $0.intervals > 0 }, report: report, showDay: true)
            + (ReportText.idleLine(report).map { "<p class=\"note\">\(HTMLText.escape($0))</p>" } ?? "") + "</section>"
        let weekBegin = TimeGrid.startOfDay(dates.first ?? LocalDate(daysSinceEpoch: 0), in: timeZone)
        html += "<section><h2>Roster</h2><p class=\"note\">One row per agent; breaks are the light gaps. Hover a shift for its details.</p>"
        html += SVGCharts.gantt(schedule: schedule, queueIDs: queueIDs, weekBegin: weekBegin) + "</section>"
        if let fairness = report.fairness.table {
            html += "<section><h2>\(HTMLText.escape(fairness.title))</h2><table><thead><tr>"
                + fairness.header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                + fairness.rows.map { "<tr>" + $0.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }.joined()
                + "</tbody></table></section>"
        }
        html += "<section><h2>Agents' schedules</h2>" + scheduleTable(schedule, agents: report.agents) + "</section>"
        return html + "<footer>Written by wfm. Every figure uses the definitions above.</footer></body></html>\n"
    }

    private static func definitions(_ report: RosterReport) -> String {
        let definitions = report.definitions
        var items = [
            ("Service level (\(definitions.serviceLevelDefinition.rawValue))", definitions.serviceLevel),
            ("Occupancy", definitions.occupancy), ("Utilization", definitions.utilization),
            ("Agents present", definitions.agentsPresent), ("Shared agents", definitions.allocation),
            ("Formula", definitions.formula),
            ("Overstaffed", "more productive agents than required by over \(NumberFormatting.percent(definitions.overstaffingMargin, 0)) of the requirement and over one agent"),
        ]
        if let simulation = report.simulation {
            items.append(("Simulation", "\(simulation.replications) replications of the week, seed \(simulation.seed), \(simulation.handleTimes) handle times; ± is the half-width of a 95% confidence interval"))
        }
        return "<section><h2>Definitions</h2><dl>" + items.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined() + "</dl></section>"
    }

    private static func periodTable(_ rows: [PeriodFigures], report: RosterReport, showDay: Bool) -> String {
        let target = Dictionary(uniqueKeysWithValues: report.targets.map { ($0.queue, $0.serviceLevel) })
        let ratios = report.definitions.headline == .occupancy ? ["Occupancy", "Utilization"] : ["Utilization", "Occupancy"]
        var html = "<table><thead><tr><th>\(showDay ? "Day" : "Queue")</th><th>Calls</th><th>SL (formula)</th>"
        if report.simulation != nil { html += "<th>SL (simulated)</th>" }
        html += "<th>ASA s</th><th>Abandon</th><th>\(ratios[0])</th><th>\(ratios[1])</th><th>Paid h</th><th>Short h</th><th>Surplus h</th><th>Intervals missed</th></tr></thead><tbody>"
        for row in rows {
            let missed = target[row.queue].map { row.serviceLevel < $0 - 1e-9 } ?? false
            html += "<tr><td>\(HTMLText.escape(showDay ? row.period : row.queue))</td><td>\(NumberFormatting.fixed(row.calls, 0))</td>"
            html += "<td class=\"\(missed ? "bad" : "")\">\(NumberFormatting.percent(row.serviceLevel, 1))</td>"
            if let simulation = report.simulation {
                html += "<td>\(simulation.figures(queue: row.queue, period: row.period)?.serviceLevel.map(ReportText.interval) ?? "–")</td>"
            }
            let values = [row.occupancy, row.utilization]
            let ordered = report.definitions.headline == .occupancy ? values : values.reversed()
            html += "<td>\(HTMLText.escape(row.asaText))</td><td>\(NumberFormatting.percent(row.abandonmentRate, 1))</td>"
            html += "<td>\(NumberFormatting.percent(ordered[0], 1))</td><td>\(NumberFormatting.percent(ordered[1], 1))</td>"
            html += "<td>\(NumberFormatting.fixed(row.paidHours, 1))</td><td>\(NumberFormatting.fixed(row.shortfallHours, 1))</td>"
            html += "<td>\(NumberFormatting.fixed(row.surplusHours, 1))</td><td>\(row.intervalsMissed) of \(row.intervals)</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private static func scheduleTable(_ schedule: AgentSchedule, agents: [AgentFigures]) -> String {
        let figures = Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dates = schedule.days.prefix(7).map(\.date)
        var html = "<table class=\"schedule\"><thead><tr><th>Agent</th><th>Queues</th>"
        html += dates.map { "<th>\($0.weekday.rawValue) \($0.description.suffix(5))</th>" }.joined()
        html += "<th>Paid h</th><th>Rules</th></tr></thead><tbody>"
        var index = 0
        while index < schedule.days.count {
            let week = schedule.days[index..<min(index + 7, schedule.days.count)]
            let agent = week.first!.agent
            html += "<tr><td>\(HTMLText.escape(agent.id)) \(HTMLText.escape(agent.name))<br><small>\(HTMLText.escape(agent.contract))</small></td>"
            html += "<td>\(HTMLText.escape(week.first!.queues.joined(separator: ", ")))</td>"
            for day in week {
                if day.shift != nil {
                    let breaks = day.breaks.map { "\($0.from)–\($0.to) \($0.paid.map { $0 ? "paid" : "unpaid" } ?? "?")" }.joined(separator: "<br>")
                    html += "<td>\(day.from)–\(day.to)<br><small>\(breaks)</small></td>"
                } else {
                    html += "<td class=\"off\">\(day.unavailable ? "unavailable" : "off")</td>"
                }
            }
            let own = figures[agent.id]
            let broken = own?.brokenRules ?? []
            html += "<td>\(NumberFormatting.fixed(own?.paidHours ?? 0, 1))</td>"
            html += broken.isEmpty ? "<td>ok</td>" : "<td class=\"bad\">\(HTMLText.escape(broken.joined(separator: "; ")))</td>"
            html += "</tr>"
            index += 7
        }
        return html + "</tbody></table>"
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1240px;padding:0 16px 32px;color:#1d2733;background:#fff}
        h1{margin:16px 0 4px;font-size:24px}h2{font-size:19px;margin:24px 0 8px;border-bottom:1px solid #d8dde3;padding-bottom:4px}h3{font-size:15px;margin:14px 0 6px}
        .verdict{padding:8px 12px;border-radius:4px;font-weight:600}.verdict.ok{background:#e3f3e7;color:#1e6b39}.verdict.missed{background:#fbe5e3;color:#8c2a22}
        table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border-bottom:1px solid #e4e8ec;padding:3px 8px;text-align:right;vertical-align:top}
        th:first-child,td:first-child{text-align:left}th{background:#f3f5f7}td.bad{color:#b3261e;font-weight:600}td.off{color:#8a96a3;text-align:center}
        table.schedule td{text-align:left;white-space:nowrap}small{color:#5b6773}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:13px}dt{font-weight:600}dd{margin:0}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:8px}svg{display:block;max-width:100%;height:auto}
        svg text{font-size:9px;fill:#4a5560}svg .label{font-size:11px;font-weight:600;fill:#1d2733}svg .name{font-size:7px}
        .axis,.grid{stroke:#b8c0c8;stroke-width:1}.required{fill:none;stroke:#1d2733;stroke-width:1.5;stroke-dasharray:4 2}
        .present{fill:none;stroke:#2f6db5;stroke-width:2}.miss{fill:#c8382e}.hover{fill:transparent}.hover:hover{fill:rgba(47,109,181,.12)}
        .break{fill:#fff;opacity:.65}.note{font-size:12px;color:#5b6773}.swatch,.cell{display:inline-block;width:12px;height:12px;margin:0 6px -1px 4px;border-radius:2px}
        .key{margin-left:10px}.key:before{content:"";display:inline-block;width:18px;height:0;margin-right:4px;vertical-align:middle}
        .key.required:before{border-top:2px dashed #1d2733}.key.present:before{border-top:2px solid #2f6db5}.key.miss:before{border-top:4px solid #c8382e}
        footer{margin-top:24px;font-size:12px;color:#8a96a3}
        """
}
