/// The Erlang B formula: the probability that a call finds all `n` lines busy in a loss system
/// with offered load `A` erlangs.
public enum ErlangB {
    /// B(n, A) through the recurrence B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)).
    ///
    /// Every intermediate value lies in `0...1`, so the result is exact to rounding for any
    /// load (no factorials, no powers, no overflow); it underflows gracefully to 0 when `n`
    /// is far above `A`.
    /// - Parameters:
    ///   - servers: n ≥ 0.
    ///   - offeredLoad: A ≥ 0, in erlangs.
    /// - Returns: the blocking probability in `0...1`.
    /// - Complexity: O(n).
    public static func blockingProbability(servers: Int, offeredLoad: Double) -> Double {
        guard offeredLoad > 0 else { return servers == 0 ? 1 : 0 }
        var blocking = 1.0
        for k in stride(from: 1, through: servers, by: 1) {
            let numerator = offeredLoad * blocking
            blocking = numerator / (Double(k) + numerator)
        }
        return blocking
    }
}
