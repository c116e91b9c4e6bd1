import Foundation

/// Erlang C by the textbook formula, written apart from the library so that tests can check
/// the library against it.
public enum TextbookErlangC {
    /// The service level with `n` agents: P(wait) = (Aⁿ/n!)·n/(n−A) over
    /// Σₖ₌₀ⁿ⁻¹ Aᵏ/k! + (Aⁿ/n!)·n/(n−A), SL = 1 − P(wait)·e^(−(n−A)·t/AHT); 0 when n ≤ A.
    public static func serviceLevel(agents n: Int, erlangs a: Double, aht: Double, within t: Double) -> Double {
        guard Double(n) > a else { return 0 }
        var term = 1.0, sum = 0.0
        for k in 0..<n {
            sum += term
            term *= a / Double(k + 1)
        }
        let waiting = term * Double(n) / (Double(n) - a)
        return 1 - waiting / (sum + waiting) * exp(-(Double(n) - a) * t / aht)
    }
}
