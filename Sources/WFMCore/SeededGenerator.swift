import Foundation

/// A small, fast, seeded random number generator (SplitMix64), so that every simulation and
/// generator in wfm gives the same output for the same seed on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in the open interval (0, 1), never exactly 0 or 1.
    public mutating func nextUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// An exponentially distributed value with the given mean.
    public mutating func nextExponential(mean: Double) -> Double {
        -mean * log(nextUnitInterval())
    }

    /// A Poisson-distributed count with the given mean (inversion for small means, a normal
    /// approximation with continuity correction above 500).
    public mutating func nextPoisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 500 {
            let u1 = nextUnitInterval(), u2 = nextUnitInterval()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            return max(0, Int((mean + normal * mean.squareRoot()).rounded()))
        }
        var count = 0
        var probability = exp(-mean)
        var cumulative = probability
        let u = nextUnitInterval()
        while u > cumulative, count < 10_000 {
            count += 1
            probability *= mean / Double(count)
            cumulative += probability
        }
        return count
    }
}
