import Foundation
import WFMCore
import WFMForecasting
import WFMReporting

/// Renders a ``BacktestReport`` for terminals and as JSON.
public enum BacktestPresenter {
    /// One row per queue and method, best WAPE first within each queue.
    public static func text(_ report: BacktestReport) -> String {
        let split = !report.specialWeeks.isEmpty
        var table = TextTable(columns: [
            .init("queue", .left), .init("method", .left), .init("WAPE"), .init("MAPE"), .init("bias"), .init("daily WAPE"),
        ] + (split ? [.init("WAPE normal weeks"), .init("WAPE special weeks")] : []) + [
            .init("80% band covers"), .init("pinball"), .init("slots"), .init("days"),
        ])
        let queues = report.rows.map(\.queue).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for queue in queues {
            for row in report.rows.filter({ $0.queue == queue }).sorted(by: { $0.metrics.wape < $1.metrics.wape }) {
                let percent = { (value: Double?) in value.map { NumberFormatting.percent($0) } ?? "-" }
                var cells = [row.queue, row.method, percent(row.metrics.wape), percent(row.metrics.mape), percent(row.metrics.bias),
                             percent(row.metrics.dailyWAPE)]
                if split { cells += [percent(row.normalWeeks?.wape), percent(row.specialWeeks?.wape)] }
                cells += [percent(row.intervals?.coverage80), row.intervals.map { NumberFormatting.percent($0.scaledPinball, 2) } ?? "-"]
                table.append(cells + [String(row.metrics.slots), String(row.metrics.days)])
            }
        }
        let weeks = report.weeks.map(\.description)
        var text = "Rolling-origin backtest over \(weeks.count) weeks (\(weeks.first ?? "-") to \(weeks.last ?? "-")), "
            + "each forecast from the days before its week, special days \(report.specialDayHandling ? "handled" : "not handled (--no-special-days)"):\n\n"
            + table.render()
        if split {
            text += "\nSpecial weeks (a closure, a day next to one, or a day center.yaml names): "
                + report.specialWeeks.map(\.description).joined(separator: ", ") + "."
        }
        text += "\n80% band: the share of slots whose calls fell between the forecast's 10% and 90% quantiles, each week's band "
            + "calibrated on the \(ForecastErrorModel.calibrationWeeks) weeks before it. Pinball: the pinball loss of the 10%, 50% and 90% "
            + "quantiles, over the mean calls per slot."
        for row in report.rows where row.choices != nil {
            let counts = Dictionary(grouping: row.choices!, by: { $0 }).map { "\($0.key) ×\($0.value.count)" }.sorted()
            text += "\nauto chose for \(row.queue): " + counts.joined(separator: ", ")
        }
        return text + "\n"
    }

    /// Sorted, indented JSON.
    public static func json(_ report: BacktestReport) throws -> String {
        return try JSONOutput.text(report)
    }
}
