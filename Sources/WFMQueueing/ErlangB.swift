/// The Erlang B formula: the probability that a call finds all `n` lines busy in a loss system
/// with offered load `A` erlangs.
public enum ErlangB {
    /// B(n, A) through the recurrence B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), carried as
    /// its reciprocal: 1/B(k) = 1 + (k/A)·(1/B(k−1)), one multiply-add a step instead of a
    /// division.
    ///
    /// Every term added is positive, so the result is exact to rounding for any load (no
    /// factorials, no powers, no cancellation); when `n` is far above `A` the reciprocal grows
    /// past the largest double and B is 0, as it is to double precision.
    /// - Parameters:
    ///   - servers: n ≥ 0.
    ///   - offeredLoad: A ≥ 0, in erlangs.
    /// - Returns: the blocking probability in `0...1`.
    /// - Complexity: O(n).
    public static func blockingProbability(servers: Int, offeredLoad: Double) -> Double {
        guard offeredLoad > 0 else { return servers == 0 ? 1 : 0 }
        let inverseLoad = 1 / offeredLoad
        var inverse = 1.0
        for k in stride(from: 1, through: servers, by: 1) { inverse = nextInverse(inverse, servers: k, inverseLoad: inverseLoad) }
        return 1 / inverse
    }

    /// 1/B(k, A) from 1/B(k−1, A), with `inverseLoad` = 1/A.
    @inline(__always) static func nextInverse(_ inverse: Double, servers k: Int, inverseLoad: Double) -> Double {
        1 + inverse * (Double(k) * inverseLoad)
    }
}
