import Foundation
import WFMCore
import WFMReporting

/// Renders an ``IntradayResult`` for terminals, as CSV (the rest-of-day rows) and as JSON.
public enum IntradayPresenter {
    /// Per queue the reforecast and the service level planned, now and after the actions; the
    /// rest-of-day table; the actions; rules broken; notes.
    public static func text(_ result: IntradayResult) -> String {
        var text = "\(result.center): intraday at \(result.now)"
            + (result.changesFrom.map { ", nothing changes before \($0)" } ?? "") + "\n\n"
        for queue in result.queues { text += "\(queue.queue): \(IntradayHTML.summaryLine(queue))\n" }
        let withRoster = result.rows.first?.present != nil
        var table = TextTable(columns: [
            .init("interval", .left), .init("queue", .left), .init("forecast"), .init("reforecast"), .init("80% band"),
            .init("required"),
        ] + (withRoster ? [.init("present now → after"), .init("SL planned"), .init("SL now"), .init("SL after"), .init("simulated now → after")] : []))
        let one = { (value: Double) in String(format: "%.1f", value) }
        let percent = { (value: Double) in value.isFinite ? String(format: "%.1f%%", value * 100) : "-" }
        for row in result.rows {
            var cells = [
                String(row.intervalStart.prefix(16)), row.queue, one(row.forecast), one(row.reforecast),
                row.reforecastP10.flatMap { low in row.reforecastP90.map { "\(one(low))-\(one($0))" } } ?? "-",
                row.requiredBefore == row.requiredAfter ? "\(row.requiredAfter)" : "\(row.requiredBefore) → \(row.requiredAfter)",
            ]
            if let present = row.present, let sl = row.serviceLevel {
                cells += ["\(one(present.now)) → \(one(present.afterActions))", percent(sl.planned), percent(sl.now), percent(sl.afterActions),
                          row.simulatedServiceLevel.map { "\(percent($0.now)) → \(percent($0.afterActions))" } ?? "-"]
            }
            table.append(cells)
        }
        text += "\n" + table.render()
        if withRoster {
            text += result.actions.isEmpty ? "\nNo action pays for itself at the scheduler's costs.\n" : "\nActions (\(result.actions.count)):\n"
            for action in result.actions {
                text += String(format: "  %@  %@ from %@: %@ (+%.2f paid h, covers %.2f agent-h)\n", action.agentId, action.kind,
                               String(action.from.dropFirst(11).prefix(5)), action.change, action.paidHoursAdded, action.coveredAgentHours)
            }
            for queue in result.queues {
                guard let sl = queue.serviceLevel, sl.afterActions < queue.serviceLevelTarget - 1e-9 else { continue }
                text += String(format: "%@ misses its %.0f%% target over the rest of the day after the actions: %.1f%% by formula, %.1f agent-hours short.\n",
                               queue.queue, queue.serviceLevelTarget * 100, sl.afterActions * 100, queue.shortAgentHours?.afterActions ?? 0)
            }
            text += result.ruleViolations.isEmpty ? "Every rule holds.\n" : "Rules broken (\(result.ruleViolations.count)):\n"
                + result.ruleViolations.map { "  \($0)\n" }.joined()
        }
        for note in result.notes { text += "note: \(note)\n" }
        return text
    }

    /// One row per queue and rest-of-day interval.
    public static func csv(_ result: IntradayResult) -> String {
        var lines = ["interval_start,queue,forecast,reforecast,reforecast_p10,reforecast_p90,aht_forecast,aht_reforecast,required_before,required_after,"
            + "present_planned,present_now,present_after,service_level_planned,service_level_now,service_level_after,"
            + "simulated_service_level_planned,simulated_service_level_now,simulated_service_level_after"]
        let number = { (value: Double?) in value.map { $0.isFinite ? String(format: "%.4f", $0) : "" } ?? "" }
        let triple = { (figures: IntradayResult.Figures?) in [figures?.planned, figures?.now, figures?.afterActions].map(number).joined(separator: ",") }
        for row in result.rows {
            lines.append([row.intervalStart, row.queue, number(row.forecast), number(row.reforecast), number(row.reforecastP10), number(row.reforecastP90),
                          number(row.ahtForecast), number(row.ahtReforecast), String(row.requiredBefore), String(row.requiredAfter),
                          triple(row.present), triple(row.serviceLevel), triple(row.simulatedServiceLevel)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Sorted, indented JSON (`wfm.intraday/1`).
    public static func json(_ result: IntradayResult) throws -> String {
        try JSONOutput.text(result)
    }
}
