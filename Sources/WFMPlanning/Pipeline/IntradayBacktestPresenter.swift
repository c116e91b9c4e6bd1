import Foundation
import WFMCore
import WFMForecasting
import WFMReporting

/// Renders the intraday backtest (``IntradayBacktest``) for terminals and as JSON.
public enum IntradayBacktestPresenter {
    /// One row per queue and cut-off: the rest-of-day WAPE and total error of the week-ahead
    /// forecast and of the reforecast, and the cuts.
    public static func text(_ results: [IntradayBacktest]) -> String {
        var table = TextTable(columns: [
            .init("queue", .left), .init("cut-off", .left), .init("days"), .init("WAPE week-ahead"), .init("WAPE reforecast"),
            .init("cut"), .init("total error week-ahead"), .init("total error reforecast"), .init("cut"), .init("80% band covers"),
        ])
        for result in results {
            for score in result.cutoffs {
                let percent = { (value: Double) in NumberFormatting.percent(value) }
                table.append([
                    result.queue, TimeOfDay(minutes: score.minuteOfDay)!.description, String(score.weekAhead.days),
                    percent(score.weekAhead.wape), percent(score.reforecast.wape), percent(score.wapeCut),
                    percent(score.weekAhead.dailyWAPE), percent(score.reforecast.dailyWAPE), percent(score.totalErrorCut),
                    score.bandCoverage.map { percent($0) } ?? "-",
                ])
            }
        }
        let weeks = results.first?.weeks.map(\.description) ?? []
        var text = "Intraday backtest over \(weeks.count) weeks (\(weeks.first ?? "-") to \(weeks.last ?? "-")): at each cut-off, the rest of "
            + "each day as forecast the week before and as reforecast from the day so far, against what happened.\n\n" + table.render()
        text += "\nWAPE: Σ|F−A|/ΣA over the slots after the cut-off; total error: Σ|ΣF−ΣA|/ΣA of the rest-of-day totals; cut: how much "
            + "smaller the reforecast's is. Each week's adjustment is learned from the week-ahead forecasts of the "
            + "\(ForecastErrorModel.calibrationWeeks) weeks before it, and so is its 80% band."
        for result in results {
            text += "\nlearned for \(result.queue): " + describe(result.adjustments)
        }
        return text + "\n"
    }

    /// `half-life 60 min, k 0.15 ×5; …`, the adjustments learned week by week, counted.
    private static func describe(_ adjustments: [IntradayAdjustment]) -> String {
        var counts: [(IntradayAdjustment, Int)] = []
        for adjustment in adjustments {
            if let index = counts.firstIndex(where: { $0.0 == adjustment }) { counts[index].1 += 1 } else { counts.append((adjustment, 1)) }
        }
        return counts.map { "\($0.0) ×\($0.1)" }.joined(separator: "; ")
    }

    /// Sorted, indented JSON (`wfm.intraday-backtest/1`).
    public static func json(_ results: [IntradayBacktest]) throws -> String {
        try JSONOutput.text(Document(queues: results.map(QueueResult.init)))
    }

    private struct Document: Encodable {
        let schema = "wfm.intraday-backtest/1"
        let queues: [QueueResult]
    }

    private struct QueueResult: Encodable {
        let queue: String
        let weeks: [String]
        let cutoffs: [Cutoff]

        init(_ result: IntradayBacktest) {
            queue = result.queue
            weeks = result.weeks.map(\.description)
            cutoffs = result.cutoffs.map(Cutoff.init)
        }
    }

    private struct Cutoff: Encodable {
        let cutoff: String
        let days: Int
        let weekAhead: AccuracyMetrics
        let reforecast: AccuracyMetrics
        let wapeCut: Double
        let totalErrorCut: Double
        let bandCoverage: Double?

        init(_ score: IntradayBacktest.CutoffScore) {
            cutoff = TimeOfDay(minutes: score.minuteOfDay)!.description
            days = score.weekAhead.days
            weekAhead = score.weekAhead
            reforecast = score.reforecast
            wapeCut = score.wapeCut
            totalErrorCut = score.totalErrorCut
            bandCoverage = score.bandCoverage
        }
    }
}
