/// A mean over replications with its 95% confidence interval (Student's t).
public struct Estimate: Sendable, Equatable, Codable {
    /// The mean of the replications' values.
    public var mean: Double
    /// Half the width of the 95% confidence interval; nil with fewer than two replications.
    public var halfWidth: Double?
    /// Replications the value was defined in (those with calls in the denominator).
    public var replications: Int

    /// The estimate of `values`, or nil if there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let count = Double(values.count)
        mean = values.reduce(0, +) / count
        replications = values.count
        guard values.count > 1 else {
            halfWidth = nil
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        halfWidth = Self.studentT975(degreesOfFreedom: values.count - 1) * (variance / count).squareRoot()
    }

    /// The 0.975 quantile of Student's t: published values to 30 degrees of freedom, then the
    /// Cornish–Fisher expansion around the normal quantile (error below 1e-4).
    static func studentT975(degreesOfFreedom df: Int) -> Double {
        let table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                     2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if df >= 1, df <= table.count { return table[df - 1] }
        let z = 1.959_964, n = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
    }
}
