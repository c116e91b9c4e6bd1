import Foundation
import WFMForecasting
import WFMReporting

/// Renders a ``BacktestReport`` for terminals and as JSON.
public enum BacktestPresenter {
    /// One row per queue and method, best WAPE first within each queue.
    public static func text(_ report: BacktestReport) -> String {
        var table = TextTable(columns: [
            .init("queue", .left), .init("method", .left), .init("WAPE"), .init("MAPE"), .init("bias"), .init("daily WAPE"),
            .init("slots"), .init("days"),
        ])
        let queues = report.rows.map(\.queue).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for queue in queues {
            for row in report.rows.filter({ $0.queue == queue }).sorted(by: { $0.metrics.wape < $1.metrics.wape }) {
                let metrics = row.metrics
                table.append([
                    row.queue, row.method, NumberFormatting.percent(metrics.wape), NumberFormatting.percent(metrics.mape),
                    NumberFormatting.percent(metrics.bias), NumberFormatting.percent(metrics.dailyWAPE), String(metrics.slots),
                    String(metrics.days),
                ])
            }
        }
        let weeks = report.weeks.map(\.description)
        var text = "Rolling-origin backtest over \(weeks.count) weeks (\(weeks.first ?? "-") to \(weeks.last ?? "-")), "
            + "each forecast from the days before its week:\n\n" + table.render()
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
