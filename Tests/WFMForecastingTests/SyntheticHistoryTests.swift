import Foundation
import Testing
import WFMCore
import WFMForecasting
import WFMIO
import _WFMTestSupport

@Suite struct SyntheticHistoryTests {
    func generator(seed: UInt64 = 1) throws -> SyntheticHistory {
        var center = try CenterReader.read(path: projectRoot.appendingPathComponent("Inputs/demo/center.yaml").path)
        center.holidays = [LocalDate("2026-11-11")!]
        let pattern = SyntheticHistory.QueuePattern(queue: "billing", dailyCalls: [1000, 900, 900, 900, 800, 300, 200], ahtSeconds: 300)
        return SyntheticHistory(center: center, patterns: [pattern], seed: seed)
    }

    @Test func sameSeedSameHistory() throws {
        let end = LocalDate("2026-11-30")!
        let a = try generator().records(weeks: 3, endingBefore: end, intervalMinutes: 15)
        let b = try generator().records(weeks: 3, endingBefore: end, intervalMinutes: 15)
        let c = try generator(seed: 2).records(weeks: 3, endingBefore: end, intervalMinutes: 15)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func holidaysHaveNoRowsAndDailyTotalsMatch() throws {
        let records = try generator().records(weeks: 4, endingBefore: LocalDate("2026-11-30")!, intervalMinutes: 15)
        #expect(!records.contains { $0.local.date == LocalDate("2026-11-11")! })
        let mondays = Dictionary(grouping: records.filter { $0.local.date.weekday == .mon }, by: \.local.date)
        for (_, rows) in mondays {
            #expect(abs(rows.reduce(0) { $0 + $1.calls } - 1000) < 120)
        }
    }

    @Test func intradayCurveHasTwoHumps() {
        let shape = { (hour: Double) in SyntheticHistory.intradayShape(minuteOfDay: Int(hour * 60)) }
        #expect(shape(10.5) > shape(12.6))
        #expect(shape(14.5) > shape(12.6))
        #expect(shape(10.5) > shape(14.5))
        #expect(shape(7) < shape(9))
    }
}
