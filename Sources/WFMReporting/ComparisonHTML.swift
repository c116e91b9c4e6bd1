import Foundation
import WFMCore

/// A report under one scenario, for side-by-side pages.
public struct ComparedReport: Sendable {
    public var name: String
    public var description: String
    public var report: RosterReport

    /// Creates an entry.
    public init(name: String, description: String, report: RosterReport) {
        self.name = name
        self.description = description
        self.report = report
    }
}

/// A sweep's reports, one per value of its parameter.
public struct SweptReports: Sendable {
    public var parameter: String
    public var values: [Double]
    public var reports: [RosterReport]

    /// Creates a sweep.
    public init(parameter: String, values: [Double], reports: [RosterReport]) {
        self.parameter = parameter
        self.values = values
        self.reports = reports
    }
}

/// The what-if page: one self-contained HTML file (inline CSS and SVG) with the side-by-side
/// table, each queue's service level by interval with every scenario's curve overlaid, and the
/// sweep's curves.
public enum ComparisonHTML {
    /// Colours of the scenarios' curves, baseline first.
    static let colors = ["#1d2733", "#c8382e", "#2f6db5", "#3a9a5b", "#d9822b", "#8e5bb5", "#4a9fb0"]

    /// The page.
    /// - Parameters:
    ///   - table: the side-by-side rows, a label and one cell per column.
    public static func render(title: String, table: [(label: String, cells: [String])], columns: [ComparedReport], sweep: SweptReports?) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTMLText.escape(title))</title>"
        html += "<style>\(HTMLReport.style)</style></head><body><header><h1>\(HTMLText.escape(title))</h1></header>"
        html += "<section><h2>Side by side</h2><table><thead><tr><th></th>"
        for (index, column) in columns.enumerated() {
            html += "<th><span class=\"swatch\" style=\"background:\(colors[index % colors.count])\"></span>\(HTMLText.escape(column.name))</th>"
        }
        html += "</tr></thead><tbody>"
        for row in table {
            html += "<tr><td>\(HTMLText.escape(row.label))</td>" + row.cells.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>"
        }
        html += "</tbody></table><dl>"
        for column in columns where !column.description.isEmpty {
            html += "<dt>\(HTMLText.escape(column.name))</dt><dd>\(HTMLText.escape(column.description))</dd>"
        }
        if let first = columns.first {
            let simulated = first.report.simulation.map { ", and simulated (\($0.replications) weeks, dotted lines)" } ?? ""
            html += "<dt>Service level</dt><dd>\(HTMLText.escape(first.report.definitions.serviceLevel)), by formula (solid lines)\(simulated)</dd>"
        }
        html += "</dl></section>"
        for target in columns.first?.report.targets ?? [] {
            html += "<section><h2>Queue \(HTMLText.escape(target.queue)): service level by interval</h2>"
            html += overlay(queue: target.queue, target: target.serviceLevel, columns: columns) + "</section>"
        }
        if let sweep { html += "<section><h2>Sweep of \(HTMLText.escape(sweep.parameter))</h2>" + sweepChart(sweep) + "</section>" }
        return html + "<footer>Written by wfm whatif.</footer></body></html>\n"
    }

    /// Every column's service level per open interval of `queue` across the week (by formula,
    /// and dotted where simulated), and the target as a dashed line; days are separated by grid
    /// lines.
    static func overlay(queue: String, target: Double, columns: [ComparedReport]) -> String {
        guard let base = columns.first?.report.intervals.filter({ $0.queue == queue }), !base.isEmpty else { return "" }
        let width = 1200.0, height = 226.0, left = 36.0, top = 10.0, bottom = 28.0
        let step = (width - left - 8) / Double(base.count)
        let y = { (level: Double) in top + (1 - level) * (height - top - bottom) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"service level of \(HTMLText.escape(queue)) by interval\">"
        for level in [0.0, 0.5, 1.0] {
            svg += "<text x=\"\(Int(left - 4))\" y=\"\(HTMLText.coordinate(y(level) + 3))\" class=\"tick\" text-anchor=\"end\">\(Int(level * 100))%</text>"
        }
        var previousDay = -1
        for (position, row) in base.enumerated() where row.day != previousDay {
            previousDay = row.day
            let x = left + Double(position) * step
            svg += "<line x1=\"\(HTMLText.coordinate(x))\" y1=\"\(Int(top))\" x2=\"\(HTMLText.coordinate(x))\" y2=\"\(HTMLText.coordinate(y(0)))\" class=\"grid\"/>"
            svg += "<text x=\"\(HTMLText.coordinate(x + 3))\" y=\"\(Int(height - 6))\" class=\"tick\">\(HTMLText.escape(String(row.start.prefix(10))))</text>"
        }
        // Hour ticks every three hours, where an interval starts on the hour.
        for (position, row) in base.enumerated() {
            let clock = row.start.dropFirst(11).prefix(5)
            guard clock.hasSuffix(":00"), let hour = Int(clock.prefix(2)), hour % 3 == 0 else { continue }
            let x = left + Double(position) * step
            svg += "<line x1=\"\(HTMLText.coordinate(x))\" y1=\"\(HTMLText.coordinate(y(0)))\" x2=\"\(HTMLText.coordinate(x))\" y2=\"\(HTMLText.coordinate(y(0) + 3))\" class=\"grid\"/>"
                + "<text x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y(0) + 10))\" class=\"tick\" text-anchor=\"middle\">\(hour)</text>"
        }
        svg += "<line x1=\"\(Int(left))\" y1=\"\(HTMLText.coordinate(y(target)))\" x2=\"\(Int(width - 8))\" y2=\"\(HTMLText.coordinate(y(target)))\" class=\"required\"><title>target \(NumberFormatting.percent(target, 0))</title></line>"
        for (index, column) in columns.enumerated().reversed() {
            let levels = Dictionary(column.report.intervals.filter { $0.queue == queue }.map { ($0.interval, $0.predicted.serviceLevel) },
                                    uniquingKeysWith: { a, _ in a })
            let points = base.enumerated().compactMap { position, row in
                levels[row.interval].map { "\(HTMLText.coordinate(left + (Double(position) + 0.5) * step)),\(HTMLText.coordinate(y($0)))" }
            }.joined(separator: " ")
            let color = colors[index % colors.count]
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(index == 0 ? 2 : 1.4)\"><title>\(HTMLText.escape(column.name))</title></polyline>"
            guard let simulation = column.report.simulation else { continue }
            let simulated = Dictionary(simulation.intervals.filter { $0.queue == queue }.compactMap { figures in
                figures.serviceLevel.map { (figures.period, $0.mean) }
            }, uniquingKeysWith: { a, _ in a })
            let dots = base.enumerated().compactMap { position, row in
                simulated[row.start].map { "\(HTMLText.coordinate(left + (Double(position) + 0.5) * step)),\(HTMLText.coordinate(y($0)))" }
            }.joined(separator: " ")
            svg += "<polyline points=\"\(dots)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1\" stroke-dasharray=\"2 2\"><title>\(HTMLText.escape(column.name)), simulated</title></polyline>"
        }
        return svg + "</svg>"
    }

    /// Each queue's weekly service level against the swept value, with its target dashed.
    static func sweepChart(_ sweep: SweptReports) -> String {
        guard let targets = sweep.reports.first?.targets, let first = sweep.values.first, let last = sweep.values.last else { return "" }
        let width = 640.0, height = 260.0, left = 40.0, top = 10.0, bottom = 30.0
        let x = { (value: Double) in left + (last > first ? (value - first) / (last - first) : 0.5) * (width - left - 10) }
        let y = { (level: Double) in top + (1 - level) * (height - top - bottom) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"sweep of \(HTMLText.escape(sweep.parameter))\">"
        for level in [0.0, 0.5, 1.0] {
            svg += "<text x=\"\(Int(left - 4))\" y=\"\(HTMLText.coordinate(y(level) + 3))\" class=\"tick\" text-anchor=\"end\">\(Int(level * 100))%</text>"
        }
        for value in sweep.values {
            svg += "<text x=\"\(HTMLText.coordinate(x(value)))\" y=\"\(Int(height - 10))\" class=\"tick\" text-anchor=\"middle\">\(String(format: "%g", value))</text>"
        }
        for (index, target) in targets.enumerated() {
            let color = SVGCharts.queueColors[index % SVGCharts.queueColors.count]
            svg += "<line x1=\"\(Int(left))\" y1=\"\(HTMLText.coordinate(y(target.serviceLevel)))\" x2=\"\(Int(width - 10))\" y2=\"\(HTMLText.coordinate(y(target.serviceLevel)))\" stroke=\"\(color)\" stroke-dasharray=\"4 3\"/>"
            var points: [String] = []
            for (value, report) in zip(sweep.values, sweep.reports) {
                guard let week = report.weeks.first(where: { $0.queue == target.queue }) else { continue }
                points.append("\(HTMLText.coordinate(x(value))),\(HTMLText.coordinate(y(week.serviceLevel)))")
                svg += "<circle cx=\"\(HTMLText.coordinate(x(value)))\" cy=\"\(HTMLText.coordinate(y(week.serviceLevel)))\" r=\"3\" fill=\"\(color)\"><title>\(HTMLText.escape(target.queue)) at \(String(format: "%g", value)): \(NumberFormatting.percent(week.serviceLevel, 1))</title></circle>"
            }
            svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"><title>\(HTMLText.escape(target.queue))</title></polyline>"
        }
        return svg + "</svg>" + "<p class=\"note\">" + targets.enumerated().map { index, target in
            "<span class=\"swatch\" style=\"background:\(SVGCharts.queueColors[index % SVGCharts.queueColors.count])\"></span>\(HTMLText.escape(target.queue)) (target \(NumberFormatting.percent(target.serviceLevel, 0)), dashed)"
        }.joined(separator: " ") + "</p>"
    }
}
