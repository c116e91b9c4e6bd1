import Testing
import WFMCore
@testable import WFMForecasting

/// The intraday reforecast's arithmetic by hand, and what the learning picks on days whose
/// level is known.
@Suite struct IntradayAdjustmentTests {
    @Test func aTwoIntervalDayReforecastByHand() {
        // Half the day's calls have passed (s = 0.5); with k = 0.5, w = 0.5 / (0.5 + 0.5) = 0.5.
        // 120 calls came against 100: r = 1.2, factor 1 − 0.5 + 0.5 × 1.2 = 1.1.
        let model = IntradayModel(queue: "q", adjustment: IntradayAdjustment(halfLifeMinutes: nil, shrinkage: 0.5), slotMinutes: 30)
        let reforecast = model.reforecast(forecast: [100, 100], actual: [120, nil], cutoffSlot: 1)
        #expect(abs(reforecast.factor.observedRatio - 1.2) < 1e-12)
        #expect(abs(reforecast.factor.weight - 0.5) < 1e-12)
        #expect(abs(reforecast.calls[1] - 110) < 1e-9)
        #expect(reforecast.calls[0] == 100, "the ended interval keeps its forecast")
        #expect(reforecast.shift == nil && reforecast.errors == nil, "no history: no level-shift test, no band")
    }

    @Test func recencyWeightsHalveEveryHalfLife() {
        // Slot 0 ended 30 minutes before the cut-off (weight ½), slot 1 just now (weight 1):
        // r = (½·80 + 120) / (½·100 + 100) = 160 / 150; s = ⅔, k = ⅓: w = ⅔.
        let adjustment = IntradayAdjustment(halfLifeMinutes: 30, shrinkage: 1.0 / 3)
        let factor = adjustment.factor(forecast: [100, 100, 100], actual: [80, 120, nil], cutoffSlot: 2, slotMinutes: 30)
        #expect(abs(factor.observedRatio - 160.0 / 150) < 1e-12)
        #expect(abs(factor.weight - 2.0 / 3) < 1e-12)
        #expect(abs(factor.value - (1 + 2.0 / 3 * (160.0 / 150 - 1))) < 1e-12)
    }

    @Test func noAdjustmentKeepsTheForecast() {
        let factor = IntradayAdjustment(halfLifeMinutes: 60, shrinkage: .infinity)
            .factor(forecast: [10, 10, 10], actual: [30, 30, nil], cutoffSlot: 2, slotMinutes: 15)
        #expect(factor.value == 1)
    }

    /// Days whose every slot is the forecast × the day's own level: the day so far tells the
    /// rest exactly, so the learning trusts it most (the smallest k).
    @Test func daysThatKeepTheirLevelAreTrusted() {
        let days = (0..<12).map { day in forecastedDay(day, level: [0.8, 1.2, 0.9, 1.1][day % 4], noise: { _ in 0 }) }
        #expect(IntradayAdjustment.learned(from: days, slotMinutes: 60)?.shrinkage == IntradayAdjustment.shrinkageCandidates[0])
    }

    /// Days at the forecast's level whose slots alternate ±20%: the day so far says nothing
    /// about the rest, so the learning keeps the forecast.
    @Test func daysOfNoiseKeepTheForecast() {
        let days = (0..<12).map { day in forecastedDay(day, level: 1, noise: { ($0 + day) % 2 == 0 ? 0.2 : -0.2 }) }
        #expect(IntradayAdjustment.learned(from: days, slotMinutes: 60)?.shrinkage == .infinity)
    }

    @Test func tooFewDaysFallBack() {
        let days = (0..<(IntradayAdjustment.minimumTrainingDays - 1)).map { forecastedDay($0, level: 1.2, noise: { _ in 0 }) }
        #expect(IntradayAdjustment.learned(from: days, slotMinutes: 60) == nil)
        #expect(IntradayModel(queue: "q", training: days, slotMinutes: 60).adjustment == .fallback)
    }

    /// Training days that keep their level within ±2%: calls 50% above the day's earlier level
    /// in the last two hours are a shift, and the rest of the day follows them; 10% is within
    /// the Poisson noise of 200 calls and is not.
    @Test func aStepWithinTheDayIsALevelShift() {
        let training = (0..<12).map { day in forecastedDay(day, level: [0.9, 1.1][day % 2], noise: { ($0 + day) % 2 == 0 ? 0.02 : -0.02 }) }
        let model = IntradayModel(queue: "q", training: training, slotMinutes: 60)
        let forecast = Array(repeating: 0.0, count: 8) + Array(repeating: 100.0, count: 10) + Array(repeating: 0.0, count: 6)
        let day = { (step: Double) -> [Double?] in (0..<24).map { slot in (8..<12).contains(slot) ? 100 : (12..<14).contains(slot) ? 100 * step : nil } }
        let shifted = model.reforecast(forecast: forecast, actual: day(1.5), cutoffSlot: 14)
        #expect(shifted.shift?.ratio == 1.5 && shifted.shift?.withinDay == true)
        #expect(abs(shifted.calls[14] - 150) < 1e-9, "the rest of the day follows the window")
        #expect(model.reforecast(forecast: forecast, actual: day(1.1), cutoffSlot: 14).shift == nil)
    }

    /// Four hours at +50% from 12:00: at 16:00 the last two hours step from a day already
    /// partly raised, while the last four step from the morning; the longer window is the
    /// clearer, and the shift is dated from 12:00.
    @Test func aShiftFoundEarlierStaysInSight() {
        let training = (0..<12).map { day in forecastedDay(day, level: [0.9, 1.1][day % 2], noise: { ($0 + day) % 2 == 0 ? 0.02 : -0.02 }) }
        let model = IntradayModel(queue: "q", training: training, slotMinutes: 60)
        let forecast = Array(repeating: 0.0, count: 8) + Array(repeating: 100.0, count: 10) + Array(repeating: 0.0, count: 6)
        let actual = (0..<24).map { slot -> Double? in (8..<12).contains(slot) ? 100 : (12..<16).contains(slot) ? 150 : nil }
        let shift = model.reforecast(forecast: forecast, actual: actual, cutoffSlot: 16).shift
        #expect(shift?.fromSlot == 12 && shift?.ratio == 1.5, "\(String(describing: shift))")
    }

    /// A day open 08:00–18:00 on hourly slots, forecast 100 per slot, actual 100 × level × (1 + noise(slot)).
    private func forecastedDay(_ index: Int, level: Double, noise: (Int) -> Double) -> ForecastedDay {
        let open = (0..<24).map { (8..<18).contains($0) }
        let forecast = open.map { $0 ? 100.0 : 0 }
        let calls = (0..<24).map { slot -> Double? in open[slot] ? 100 * level * (1 + noise(slot)) : nil }
        let day = DemandDay(date: LocalDate("2026-01-05")!.adding(days: index), status: .normal, calls: calls,
                            ahtSeconds: Array(repeating: nil, count: 24), open: open, monthPosition: MonthPosition(fromStart: 1, fromEnd: 20))
        return ForecastedDay(day: day, forecast: forecast)
    }
}
