import ArgumentParser

/// A duration with a unit: `300s`, `15m`, `1h`, `1h30m`.
struct DurationArgument: ExpressibleByArgument {
    /// The duration in seconds.
    let seconds: Double

    init?(argument: String) {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in argument.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number), let unit = ["s": 1.0, "m": 60, "h": 3600][String(character)] else { return nil }
            total += value * unit
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total.isFinite else { return nil }
        seconds = total
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A service-level target `PERCENT/SECONDS`, e.g. `80/20` for 80% within 20 seconds.
struct ServiceLevelArgument: ExpressibleByArgument {
    /// The fraction of calls, e.g. 0.8 (validated by the command).
    let fraction: Double
    /// The threshold in seconds.
    let withinSeconds: Double

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let percent = Double(parts[0].replacingOccurrences(of: "%", with: "")),
            let seconds = DurationArgument(argument: String(parts[1]).hasSuffix("s") ? String(parts[1]) : String(parts[1]) + "s")
        else { return nil }
        fraction = percent / 100
        withinSeconds = seconds.seconds
    }
}
