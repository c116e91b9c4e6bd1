import WFMCore

/// A scenario from `wfm whatif`'s quick flags: `--volume +20%`, `--aht +10%`,
/// `--absent A017,A042@mon`.
public enum QuickScenario {
    /// The scenario, or nil when no flag is given.
    /// - Parameters:
    ///   - volume: a change like `+20%`, `-10%` or `x1.25`.
    ///   - aht: the same, for handle times.
    ///   - absent: agent ids joined by `,`, each optionally `@day` (`mon` or a date; several
    ///     joined by `+`); without a day the agent is away all week.
    /// - Throws: ``PlanningError`` saying what was expected.
    public static func make(volume: String?, aht: String?, absent: String?) throws -> Scenario? {
        guard volume != nil || aht != nil || absent != nil else { return nil }
        var scenario = Scenario(name: "command line")
        var words: [String] = []
        if let volume {
            scenario.volume = [ForecastAdjustment(factor: try factor(volume, flag: "--volume"))]
            words.append("volume \(volume)")
        }
        if let aht {
            scenario.aht = [ForecastAdjustment(factor: try factor(aht, flag: "--aht"))]
            words.append("AHT \(aht)")
        }
        if let absent {
            scenario.absences = try absences(absent)
            words.append("absent \(absent)")
        }
        scenario.description = words.joined(separator: ", ")
        return scenario
    }

    /// `+20%` → 1.2, `-10%` → 0.9, `x1.25` → 1.25.
    static func factor(_ text: String, flag: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value: Double?
        if let first = trimmed.first, first == "x" || first == "×" {
            value = Double(trimmed.dropFirst())
        } else if trimmed.hasSuffix("%"), let first = trimmed.first, first == "+" || first == "-" {
            value = Double(trimmed.dropLast()).map { 1 + $0 / 100 }
        } else {
            value = nil
        }
        guard let value, value.isFinite, value >= 0, value <= 100 else {
            throw PlanningError("\(flag) '\(text)': expected a change like +20%, -10% or x1.25 (a factor from 0 to 100)")
        }
        return value
    }

    static func absences(_ text: String) throws -> [ScenarioAbsence] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: "@", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let id = parts.first, !id.isEmpty else { throw PlanningError("--absent '\(text)': expected ids like A017,A042@mon") }
            var absence = ScenarioAbsence(agents: [id])
            for day in parts.count == 2 ? parts[1].split(separator: "+").map(String.init) : [] {
                if let weekday = Weekday(rawValue: day.lowercased()) {
                    absence.weekdays.append(weekday)
                } else if let date = LocalDate(day) {
                    absence.dates.append(date)
                } else {
                    throw PlanningError("--absent '\(item)': '\(day)' is not a weekday (mon…sun) or a date")
                }
            }
            return absence
        }
    }
}
