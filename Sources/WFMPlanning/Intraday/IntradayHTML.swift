import Foundation
import WFMCore
import WFMReporting

/// The intraday page: per queue, the day's calls (actual so far, the original forecast, the
/// reforecast and its 80% band) and agents (required for the forecast and the reforecast,
/// present now and after the actions), the queue figures and the actions. Self-contained: no
/// scripts, fonts or links.
enum IntradayHTML {
    static func render(_ result: IntradayResult, center: Center, now: Date, actuals: [IntervalActual], forecast: [ForecastEntry]) -> String {
        let grid = center.timeGrid
        let today = LocalDateTime(now, in: center.timeZone).date
        var body = "<h1>\(HTMLText.escape(result.center)): intraday at \(HTMLText.escape(result.now))</h1>\n"
        if let from = result.changesFrom { body += "<p>Nothing changes before \(HTMLText.escape(from)).</p>\n" }
        for queue in result.queues {
            let forecastByInterval = Dictionary(forecast.filter { $0.queue == queue.queue }.map { ($0.interval, $0.calls) }, uniquingKeysWith: { a, _ in a })
            let actualByInterval = Dictionary(actuals.filter { $0.queue == queue.queue }.map { ($0.interval, $0.offered) }, uniquingKeysWith: { a, _ in a })
            let rows = result.rows.filter { $0.queue == queue.queue }
            let restStarts = Set(rows.map(\.intervalStart))
            // The queue's open span today: the intervals with a forecast, an actual or a row.
            let dayIntervals = grid.intervals.filter { interval in
                interval.local.date == today && (forecastByInterval[interval.index] != nil || actualByInterval[interval.index] != nil
                    || restStarts.contains(Timestamp.format(interval.start, in: center.timeZone)))
            }
            let position = Dictionary(dayIntervals.enumerated().map { (Timestamp.format($1.start, in: center.timeZone), Double($0)) },
                                      uniquingKeysWith: { a, _ in a })
            let at = { (row: IntradayResult.Row) in position[row.intervalStart] ?? 0 }
            let restStart = rows.first.map(at) ?? Double(dayIntervals.count)
            let calls: [Series] = [
                Series(name: "forecast", color: "#888", dashed: true, points: dayIntervals.enumerated().compactMap { offset, interval in
                    forecastByInterval[interval.index].map { (Double(offset), $0) } }),
                Series(name: "actual", color: "#000", dashed: false, points: dayIntervals.enumerated().compactMap { offset, interval in
                    actualByInterval[interval.index].map { (Double(offset), $0) } }),
                Series(name: "reforecast", color: "#1565c0", dashed: false, points: rows.map { (at($0), $0.reforecast) }),
            ]
            let band = rows.compactMap { row -> (Double, Double, Double)? in
                guard let low = row.reforecastP10, let high = row.reforecastP90 else { return nil }
                return (at(row), low, high)
            }
            var agents: [Series] = [
                Series(name: "required (forecast)", color: "#888", dashed: true, points: rows.map { (at($0), Double($0.requiredBefore)) }),
                Series(name: "required (reforecast)", color: "#1565c0", dashed: false, points: rows.map { (at($0), Double($0.requiredAfter)) }),
            ]
            if rows.first?.present != nil {
                agents.append(Series(name: "present now", color: "#c62828", dashed: false, points: rows.map { (at($0), $0.present!.now) }))
                agents.append(Series(name: "present after actions", color: "#2e7d32", dashed: false, points: rows.map { (at($0), $0.present!.afterActions) }))
            }
            let labels = dayIntervals.map { TimeOfDay(minutes: $0.local.minuteOfDay)?.description ?? "" }
            body += "<h2>\(HTMLText.escape(queue.queue))</h2>\n<p>" + HTMLText.escape(summaryLine(queue)) + "</p>\n"
            body += chart(title: "Calls per interval", series: calls, band: band, labels: labels, now: restStart)
            body += chart(title: "Agents", series: agents, band: [], labels: labels, now: restStart)
        }
        if !result.actions.isEmpty {
            body += "<h2>Actions</h2>\n<table><tr><th>agent</th><th>action</th><th>change</th><th>from</th><th>paid hours</th><th>covers agent-hours</th></tr>\n"
            for action in result.actions {
                body += "<tr><td>\(HTMLText.escape(action.agentId))</td><td>\(HTMLText.escape(action.kind))</td><td>\(HTMLText.escape(action.change))</td><td>\(HTMLText.escape(action.from))</td>"
                    + "<td>\(String(format: "%.2f", action.paidHoursAdded))</td><td>\(String(format: "%.2f", action.coveredAgentHours))</td></tr>\n"
            }
            body += "</table>\n"
        }
        if !result.notes.isEmpty { body += "<ul>" + result.notes.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>\n" }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTMLText.escape(result.center)) intraday</title>
            <style>body{font-family:sans-serif;max-width:1200px;margin:1em auto;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}
            .legend span{margin-right:1em}</style></head><body>
            \(body)</body></html>

            """
    }

    /// `calls so far 1,234 against 1,100 forecast (×1.12); rest of the day ×1.08 …`.
    static func summaryLine(_ queue: IntradayResult.QueueSummary) -> String {
        var text = String(format: "Calls so far %.0f against %.0f forecast; rest of the day ×%.3f (r %.3f, w %.2f; %@), AHT ×%.3f: %.0f calls instead of %.0f.",
                          queue.actualSoFar, queue.forecastSoFar, queue.callsFactor, queue.observedRatio, queue.weight, queue.adjustment,
                          queue.ahtFactor, queue.restOfDayReforecast, queue.restOfDayForecast)
        if let shift = queue.levelShift {
            text += String(format: " Level shift from %@: calls ×%.2f of forecast", shift.from, shift.ratio)
                + (shift.step.map { String(format: ", ×%.2f of the day's level before", $0) } ?? "")
                + String(format: " (usually ×%.2f to ×%.2f).", shift.usualLow, shift.usualHigh)
        }
        if let sl = queue.serviceLevel {
            text += String(format: " Service level by formula: planned %.1f%%, now %.1f%%, after actions %.1f%%.", sl.planned * 100, sl.now * 100, sl.afterActions * 100)
        }
        if let sl = queue.simulatedServiceLevel {
            text += String(format: " Simulated: %.1f%%, %.1f%%, %.1f%%.", sl.planned * 100, sl.now * 100, sl.afterActions * 100)
        }
        return text
    }

    private struct Series {
        let name: String
        let color: String
        let dashed: Bool
        let points: [(Double, Double)]
    }

    private static func chart(title: String, series: [Series], band: [(Double, Double, Double)], labels: [String], now: Double) -> String {
        let width = 1000.0, height = 220.0, left = 50.0, bottom = 24.0
        let count = Double(max(labels.count, 2))
        let top = max(1, (series.flatMap { $0.points.map(\.1) } + band.map(\.2)).max() ?? 1) * 1.05
        let x = { (value: Double) in left + (value + 0.5) / count * (width - left - 10) }
        let y = { (value: Double) in (height - bottom) - value / top * (height - bottom - 10) }
        let format = { (value: Double) in String(format: "%.1f", value) }
        var svg = "<h3>\(HTMLText.escape(title))</h3>\n<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n"
        svg += "<line x1=\"\(format(x(now - 0.5)))\" y1=\"0\" x2=\"\(format(x(now - 0.5)))\" y2=\"\(format(height - bottom))\" stroke=\"#999\"/>"
        svg += "<text x=\"\(format(x(now - 0.5) + 3))\" y=\"12\" font-size=\"11\">now</text>\n"
        if !band.isEmpty {
            let upper = band.map { "\(format(x($0.0))),\(format(y($0.2)))" }
            let lower = band.reversed().map { "\(format(x($0.0))),\(format(y($0.1)))" }
            svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#bbdefb\" stroke=\"none\"><title>reforecast 80% band</title></polygon>\n"
        }
        for line in series where !line.points.isEmpty {
            let points = line.points.map { "\(format(x($0.0))),\(format(y($0.1)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"5,4\"" : "")><title>\(HTMLText.escape(line.name))</title></polyline>\n"
        }
        for (index, label) in labels.enumerated() where label.hasSuffix(":00") {
            svg += "<text x=\"\(format(x(Double(index))))\" y=\"\(format(height - 6))\" font-size=\"10\" text-anchor=\"middle\">\(label)</text>"
        }
        svg += "<text x=\"4\" y=\"14\" font-size=\"10\">\(format(top))</text></svg>\n"
        let legend = series.map { "<span style=\"color:\($0.color)\">━ \(HTMLText.escape($0.name))</span>" } + (band.isEmpty ? [] : ["<span style=\"color:#90caf9\">█ 80% band</span>"])
        return svg + "<div class=\"legend\">\(legend.joined())</div>\n"
    }
}
