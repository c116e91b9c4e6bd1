import ArgumentParser
import Foundation
import WFMPlanning

/// A duration with a unit: `300s`, `15m`, `1h`, `1h30m`.
struct DurationArgument: CustomStringConvertible, Sendable {
    /// The duration in seconds.
    let seconds: Double

    /// Reads `text`, which must carry a unit on every number.
    /// - Throws: a `ValidationError` saying what was expected, e.g. that `5` needs a unit.
    static func parse(_ text: String) throws -> DurationArgument {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in text.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number), let unit = ["s": 1.0, "m": 60, "h": 3600][String(character)] else {
                throw ValidationError("'\(text)' is not a duration (expected a number with a unit: 300s, 5m, 1h or 1h30m)")
            }
            total += value * unit
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total.isFinite else {
            if !number.isEmpty, Double(number) != nil, !sawUnit {
                throw ValidationError("'\(text)' has no unit (expected \(number)s for seconds or \(number)m for minutes)")
            }
            throw ValidationError("'\(text)' is not a duration (expected a number with a unit: 300s, 5m, 1h or 1h30m)")
        }
        return DurationArgument(seconds: total)
    }

    /// Written as a user writes it: `60s`, `90s`.
    var description: String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? "\(Int(seconds))s" : "\(seconds)s"
    }
}

/// A service-level target `PERCENT/SECONDS`: `80/20` or `80%/20s` for 80% within 20 seconds.
struct ServiceLevelArgument: CustomStringConvertible, Sendable {
    /// The fraction of calls, in (0, 1).
    let fraction: Double
    /// The threshold in seconds.
    let withinSeconds: Double

    /// Reads `text`.
    /// - Throws: a `ValidationError`; a percent below 1 (`0.8/20`) is refused with the
    ///   suggestion `80/20`, since it is almost surely a fraction meant as a percentage.
    static func parse(_ text: String) throws -> ServiceLevelArgument {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let expected = "expected PERCENT/SECONDS such as 80/20 or 80%/20s"
        guard parts.count == 2, let percent = Double(parts[0].hasSuffix("%") ? String(parts[0].dropLast()) : String(parts[0])),
            percent.isFinite
        else { throw ValidationError("'\(text)' is not a service level (\(expected))") }
        let secondsText = String(parts[1]).hasSuffix("s") ? String(parts[1]) : String(parts[1]) + "s"
        let within = try DurationArgument.parse(secondsText).seconds
        guard percent >= 1 else {
            let suggestion = percent > 0 ? " (did you mean \(Self.trimmed(percent * 100))/\(Self.trimmed(within))?)" : ""
            throw ValidationError("'\(text)' asks for \(Self.trimmed(percent))% of calls: the percent is a number from 1 to 99.99\(suggestion)")
        }
        guard percent < 100 else { throw ValidationError("'\(text)': the percent must be below 100 (\(expected))") }
        guard within <= 86_400 else { throw ValidationError("'\(text)': the threshold must be at most a day") }
        return ServiceLevelArgument(fraction: percent / 100, withinSeconds: within)
    }

    /// `80%/20s`.
    var description: String { "\(Self.trimmed(fraction * 100))%/\(Self.trimmed(withinSeconds))s" }

    private static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// A share written as a percentage (`30%`) or a fraction (`0.3`), as everywhere in wfm.
struct ShareArgument: CustomStringConvertible, Sendable {
    /// The fraction.
    let fraction: Double

    /// Reads `text`: `30%` and `0.3` are the same share; a bare number above 1 is refused.
    /// - Throws: a `ValidationError` saying what was expected.
    static func parse(_ text: String) throws -> ShareArgument {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%"), let percent = Double(trimmed.dropLast()), percent.isFinite {
            return ShareArgument(fraction: percent / 100)
        }
        guard let value = Double(trimmed), value.isFinite else {
            throw ValidationError("'\(text)' is not a share (expected a percentage such as 30% or a fraction such as 0.3)")
        }
        guard value <= 1 else {
            throw ValidationError("'\(text)' is above 1 (expected a percentage such as \(trimmed)% or a fraction such as 0.3)")
        }
        return ShareArgument(fraction: value)
    }

    /// `30%`.
    var description: String {
        let percent = fraction * 100
        return percent == percent.rounded() && abs(percent) < 1e15 ? "\(Int(percent))%" : "\(percent)%"
    }
}

/// A number that may be negative on the command line, so that `--calls -1` is answered with
/// what is wrong with it rather than "missing value".
func number(_ text: String) throws -> Double {
    guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
        throw ValidationError("'\(text)' is not a number")
    }
    return value
}

/// `--mode` of `wfm whatif`.
enum WhatIfModeArgument: String, ExpressibleByArgument, CaseIterable {
    case evaluate
    case repair
    case replan

    var mode: WhatIfMode { WhatIfMode(rawValue: rawValue)! }
}
