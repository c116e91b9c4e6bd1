import WFMCore

/// `auto`: per queue, the candidate with the lowest WAPE in a rolling-origin backtest over
/// the weeks just before the origin — or the average of the best two, when that scores better.
public struct AutoSelection: ForecastStrategy {
    public let name = "auto"
    /// The methods to choose from.
    public let candidates: [any ForecastMethod]
    /// How many weeks before the origin are backtested.
    public let selectionWeeks: Int

    /// Creates the strategy.
    public init(candidates: [any ForecastMethod], selectionWeeks: Int = 4) {
        self.candidates = candidates
        self.selectionWeeks = selectionWeeks
    }

    /// Special days the chosen method handles (``SpecialDays``); the choice itself is made on
    /// the candidates' ordinary accuracy, so special days never change which method is used.
    public private(set) var specialDays: SpecialDays?

    public func handlingSpecialDays(_ days: SpecialDays) -> any ForecastStrategy {
        var strategy = self
        strategy.specialDays = days
        return strategy
    }

    public func method(training: [DemandDay], origin: LocalDate) -> any ForecastMethod {
        let chosen = ranked(training: training, origin: origin).first?.method ?? WeekdayAverage(.median)
        return specialDays.map { SpecialDayAwareMethod(base: chosen, days: $0) } ?? chosen
    }

    /// The candidates and the best-two combination, best first, with their selection WAPE.
    public func ranked(training: [DemandDay], origin: LocalDate) -> [(method: any ForecastMethod, wape: Double)] {
        guard let first = training.first else { return [] }
        let history = DemandHistory(queue: "", slotMinutes: 1440 / max(1, first.open.count), days: contiguous(training))
        let origins = (1...selectionWeeks).map { origin.adding(days: -7 * $0) }.reversed()
            .filter { inner in history.trainingDays(before: inner).count >= 10 }
        guard !origins.isEmpty else { return [] }
        let score = { (method: any ForecastMethod) in
            Backtester.score(FixedStrategy(method), history: history, origins: Array(origins)).metrics.wape
        }
        var results = candidates.map { (method: $0, wape: score($0)) }.filter { $0.wape.isFinite }
        results.sort { $0.wape < $1.wape }
        if results.count >= 2 {
            let pair = Combination([results[0].method, results[1].method])
            results.append((pair, score(pair)))
            results.sort { $0.wape < $1.wape }
        }
        return results
    }

    /// The training days laid out as a contiguous history (gaps become `.noData` days).
    private func contiguous(_ training: [DemandDay]) -> [DemandDay] {
        guard let first = training.first, let last = training.last else { return [] }
        var byDate = [LocalDate: DemandDay]()
        for day in training { byDate[day.date] = day }
        let slots = first.open.count
        return (0...first.date.days(to: last.date)).map { offset in
            let date = first.date.adding(days: offset)
            return byDate[date] ?? DemandDay(date: date, status: .noData, calls: Array(repeating: nil, count: slots),
                                              ahtSeconds: Array(repeating: nil, count: slots), open: Array(repeating: false, count: slots),
                                              monthPosition: MonthPosition(fromStart: 1, fromEnd: 1))
        }
    }
}
