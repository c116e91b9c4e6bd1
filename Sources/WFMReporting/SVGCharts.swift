import Foundation
import WFMCore

/// The SVG charts of the HTML report; every mark has a `<title>` with its exact values.
enum SVGCharts {
    /// Colours per queue, in center.yaml order (repeating).
    static let queueColors = ["#2f6db5", "#d9822b", "#3a9a5b", "#8e5bb5", "#c0443c", "#4a9fb0"]

    /// Required (to schedule) against present agents over one day of one queue, as steps;
    /// intervals missing a target get a red mark under the axis.
    static func coverage(rows: [IntervalFigures], targets: QueueTargets, title: String, intervalMinutes: Int) -> String {
        let width = 330.0, height = 130.0, left = 30.0, bottom = 18.0, top = 16.0, right = 16.0
        guard !rows.isEmpty else { return "" }
        let minutes = rows.map { minuteOfDay($0.start) }
        let first = Double(minutes.min()!), last = Double(minutes.max()! + intervalMinutes)
        let peak = max(1, rows.map { max(Double($0.requiredScheduled), $0.present) }.max()!)
        let x = { (minute: Double) in left + (minute - first) / max(1, last - first) * (width - left - right) }
        let y = { (agents: Double) in top + (1 - agents / (peak * 1.1)) * (height - top - bottom) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<text x=\"\(Int(left))\" y=\"11\" class=\"label\">\(HTMLText.escape(title))</text>"
        svg += "<line x1=\"\(Int(left))\" y1=\"\(HTMLText.coordinate(y(0)))\" x2=\"\(Int(width - right))\" y2=\"\(HTMLText.coordinate(y(0)))\" class=\"axis\"/>"
        for tick in stride(from: 0.0, through: peak * 1.05, by: max(1, (peak / 3).rounded(.up))) {
            svg += "<text x=\"\(Int(left - 3))\" y=\"\(HTMLText.coordinate(y(tick) + 3))\" class=\"tick\" text-anchor=\"end\">\(Int(tick))</text>"
        }
        for hour in stride(from: (first / 60).rounded(.up) * 60, through: last, by: 180) {
            svg += "<text x=\"\(HTMLText.coordinate(x(hour)))\" y=\"\(Int(height - 4))\" class=\"tick\" text-anchor=\"middle\">\(Int(hour / 60)):00</text>"
        }
        func steps(_ value: (IntervalFigures) -> Double) -> String {
            zip(rows, minutes).map { row, minute in
                let from = x(Double(minute)), to = x(Double(minute + intervalMinutes)), level = HTMLText.coordinate(y(value(row)))
                return "\(HTMLText.coordinate(from)),\(level) \(HTMLText.coordinate(to)),\(level)"
            }.joined(separator: " ")
        }
        svg += "<polyline points=\"\(steps { Double($0.requiredScheduled) })\" class=\"required\"/>"
        svg += "<polyline points=\"\(steps(\.present))\" class=\"present\"/>"
        for (row, minute) in zip(rows, minutes) {
            let from = x(Double(minute)), span = x(Double(minute + intervalMinutes)) - from
            if row.missesTarget {
                svg += "<rect x=\"\(HTMLText.coordinate(from))\" y=\"\(HTMLText.coordinate(y(0) + 1))\" width=\"\(HTMLText.coordinate(span))\" height=\"4\" class=\"miss\"/>"
            }
            svg += "<rect x=\"\(HTMLText.coordinate(from))\" y=\"\(Int(top))\" width=\"\(HTMLText.coordinate(span))\" height=\"\(Int(height - top - bottom))\" class=\"hover\"><title>\(HTMLText.escape(tooltip(row, targets)))</title></rect>"
        }
        return svg + "</svg>"
    }

    /// Service level per day (rows) and time of day (columns) for one queue, red below the
    /// target, green at or above it.
    static func heatmap(rows: [IntervalFigures], targets: QueueTargets, dates: [LocalDate], intervalMinutes: Int) -> String {
        // The hours the queue is open on some day, whole hours around them: a queue open 8–20
        // is not drawn over the whole day.
        let minutes = rows.map { minuteOfDay($0.start) }
        let firstHour = (minutes.min() ?? 0) / 60, lastHour = min(24, ((minutes.max() ?? 1380) + intervalMinutes + 59) / 60)
        let origin = firstHour * 60 / intervalMinutes
        let columns = (lastHour - firstHour) * 60 / intervalMinutes
        let cell = 8.0, left = 74.0, top = 14.0
        let width = left + Double(columns) * cell + 4, height = top + Double(dates.count) * (cell + 4) + 4
        var svg = "<svg class=\"heatmap\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"service level heatmap of \(HTMLText.escape(targets.queue))\">"
        for hour in stride(from: firstHour, to: lastHour, by: lastHour - firstHour > 12 ? 3 : 2) {
            svg += "<text x=\"\(HTMLText.coordinate(left + Double((hour - firstHour) * 60 / intervalMinutes) * cell))\" y=\"10\" class=\"tick\">\(hour):00</text>"
        }
        let rowOfDate = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1.description, $0) })
        for (index, date) in dates.enumerated() {
            svg += "<text x=\"0\" y=\"\(HTMLText.coordinate(top + Double(index) * (cell + 4) + cell))\" class=\"tick\">\(date.weekday.rawValue) \(date)</text>"
        }
        for row in rows {
            guard let day = rowOfDate[String(row.start.prefix(10))] else { continue }
            let column = minuteOfDay(row.start) / intervalMinutes - origin
            let fill = color(serviceLevel: row.predicted.serviceLevel, target: targets.serviceLevel, calls: row.calls)
            svg += "<rect x=\"\(HTMLText.coordinate(left + Double(column) * cell))\" y=\"\(HTMLText.coordinate(top + Double(day) * (cell + 4)))\" width=\"\(Int(cell - 1))\" height=\"\(Int(cell))\" fill=\"\(fill)\"><title>\(HTMLText.escape(tooltip(row, targets)))</title></rect>"
        }
        return svg + "</svg>"
    }

    /// The week as one bar per agent and shift, breaks drawn lighter, coloured by the agent's
    /// first queue.
    static func gantt(schedule: AgentSchedule, queueIDs: [String], weekBegin: Date) -> String {
        let agents = schedule.days.reduce(into: [String]()) { ids, day in if ids.last != day.agent.id { ids.append(day.agent.id) } }
        let rowHeight = 9.0, left = 120.0, top = 16.0, dayWidth = 150.0
        let width = left + 7 * dayWidth + 4, height = top + Double(agents.count) * rowHeight + 4
        let x = { (instant: Date) in left + instant.timeIntervalSince(weekBegin) / 86_400 * dayWidth }
        var svg = "<svg class=\"gantt\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"roster as a Gantt chart\">"
        for day in 0..<7 {
            let from = left + Double(day) * dayWidth
            svg += "<line x1=\"\(HTMLText.coordinate(from))\" y1=\"\(Int(top - 2))\" x2=\"\(HTMLText.coordinate(from))\" y2=\"\(Int(height))\" class=\"grid\"/>"
            if let date = schedule.days.first?.date.adding(days: day) {
                svg += "<text x=\"\(HTMLText.coordinate(from + 3))\" y=\"11\" class=\"tick\">\(date.weekday.rawValue) \(date)</text>"
            }
        }
        let rowOf = Dictionary(uniqueKeysWithValues: agents.enumerated().map { ($1, $0) })
        for day in schedule.days {
            let row = Double(rowOf[day.agent.id]!)
            let y = top + row * rowHeight
            if day.date == schedule.days.first?.date {
                svg += "<text x=\"0\" y=\"\(HTMLText.coordinate(y + rowHeight - 2))\" class=\"name\">\(HTMLText.escape(day.agent.id + " " + day.agent.name))</text>"
            }
            guard let shift = day.shift else { continue }
            let queue = day.queues.first.flatMap { queueIDs.firstIndex(of: $0) } ?? 0
            let breaks = day.breaks.map { "\($0.from)-\($0.to) \($0.paid.map { $0 ? "paid" : "unpaid" } ?? "unknown")" }.joined(separator: ", ")
            let title = "\(day.agent.name) (\(day.agent.id)), \(day.date.weekday.rawValue) \(day.date): \(shift.templateID) \(day.from)-\(day.to); queues \(day.queues.joined(separator: ", ")); breaks \(breaks.isEmpty ? "none" : breaks)"
            svg += "<rect x=\"\(HTMLText.coordinate(x(shift.start)))\" y=\"\(HTMLText.coordinate(y + 1))\" width=\"\(HTMLText.coordinate(x(shift.end) - x(shift.start)))\" height=\"\(Int(rowHeight - 2))\" fill=\"\(queueColors[queue % queueColors.count])\"><title>\(HTMLText.escape(title))</title></rect>"
            for pause in shift.breaks {
                svg += "<rect x=\"\(HTMLText.coordinate(x(pause.start)))\" y=\"\(HTMLText.coordinate(y + 1))\" width=\"\(HTMLText.coordinate(x(pause.end) - x(pause.start)))\" height=\"\(Int(rowHeight - 2))\" class=\"break\"/>"
            }
        }
        return svg + "</svg>"
    }

    /// The exact values of one queue-interval.
    static func tooltip(_ row: IntervalFigures, _ targets: QueueTargets) -> String {
        var text = "\(row.queue) \(row.start): \(NumberFormatting.fixed(row.calls, 1)) calls, AHT \(NumberFormatting.fixed(row.ahtSeconds, 0)) s; "
        text += "required \(row.requiredScheduled) (\(row.requiredProductive) productive), present \(NumberFormatting.fixed(row.present, 2)) (\(NumberFormatting.fixed(row.productive, 2)) productive); "
        text += "SL \(NumberFormatting.percent(row.predicted.serviceLevel, 1)) (target \(NumberFormatting.percent(targets.serviceLevel, 0))), ASA \(NumberFormatting.fixed(row.predicted.asaSeconds, 1)) s, "
        text += "abandon \(NumberFormatting.percent(row.predicted.abandonmentRate, 1)), occupancy \(NumberFormatting.percent(row.predicted.occupancy, 1))"
        if !row.flags.isEmpty {
            text += "; " + row.flags.map { "\($0.kind.rawValue) \(NumberFormatting.fixed($0.agents, 1)) agents" }.joined(separator: ", ")
        }
        return text
    }

    /// Red (far below target) through amber to green (at or above target); grey with no calls.
    static func color(serviceLevel: Double, target: Double, calls: Double) -> String {
        guard calls > 0 else { return "#d8dde3" }
        if serviceLevel >= target - 1e-9 { return serviceLevel >= (1 + target) / 2 ? "#2e8b57" : "#74b57e" }
        let ratio = max(0, serviceLevel / target)
        return ratio >= 0.9 ? "#f0c04a" : ratio >= 0.75 ? "#e8893a" : "#c8382e"
    }

    /// Minutes since midnight of a `YYYY-MM-DDTHH:MM` label.
    static func minuteOfDay(_ label: String) -> Int {
        let time = label.split(separator: "T").last.map(String.init) ?? "00:00"
        let parts = time.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : 0
    }
}
