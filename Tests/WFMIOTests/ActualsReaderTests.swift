import Foundation
import Testing
import WFMCore
import WFMIO
import _WFMTestSupport

/// actuals.csv: rows of today's ended intervals are read; a row of an interval that has not
/// ended, of another day, or with more calls in target than handled is refused with its line.
@Suite struct ActualsReaderTests {
    let header = "interval_start,queue,offered,handled,abandoned,aht_seconds,answered_in_target\n"

    func read(_ rows: String, now: String = "2026-11-30T10:30") throws -> [IntervalActual] {
        let center = try CenterReader.read(path: "Inputs/small/center.yaml")
        let instant = LocalDateTime(date: LocalDate("2026-11-30")!, minuteOfDay: 0).instants(in: center.timeZone)[0]
            .addingTimeInterval(Double(TimeOfDay(String(now.suffix(5)))!.minutes * 60))
        return try ActualsReader.read(text: header + rows, file: "actuals.csv", center: center, grid: center.timeGrid, now: instant)
    }

    func problems(_ rows: String) -> String {
        do {
            _ = try read(rows)
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func endedIntervalsAreRead() throws {
        let actuals = try read("2026-11-30T08:00,support,22,21,1,290,18\n2026-11-30T09:00+01:00,support,35,33,2,310,\n")
        #expect(actuals.count == 2)
        #expect(actuals[0] == IntervalActual(interval: actuals[0].interval, queue: "support", offered: 22, handled: 21, abandoned: 1,
                                             ahtSeconds: 290, answeredInTarget: 18))
        #expect(actuals[1].answeredInTarget == nil)
    }

    @Test func anIntervalThatHasNotEndedIsRefused() {
        let error = problems("2026-11-30T08:00,support,22,21,1,290,\n2026-11-30T10:00,support,30,30,0,300,\n")
        #expect(error.contains("actuals.csv:3: interval_start"), "\(error)")
        #expect(error.contains("has not ended at --now"), "\(error)")
    }

    @Test func anotherDayIsRefused() {
        let error = problems("2026-12-01T08:00,support,22,21,1,290,\n")
        #expect(error.contains("actuals.csv:2: interval_start"), "\(error)")
        #expect(error.contains("not on the day of --now (2026-11-30)"), "\(error)")
    }

    @Test func badFieldsAreNamed() {
        let error = problems("2026-11-30T08:00,support,22,21,1,290,25\n2026-11-30T09:00,billing,1,1,0,300,\n2026-11-30T09:00,support,x,1,0,0,\n")
        #expect(error.contains("actuals.csv:2: answered_in_target"), "\(error)")
        #expect(error.contains("actuals.csv:3: queue"), "\(error)")
        #expect(error.contains("actuals.csv:4: offered"), "\(error)")
    }
}
