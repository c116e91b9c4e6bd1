/// A sum of coefficient × variable terms plus a constant.
///
/// Terms on the same variable are merged when the expression is built, so each variable
/// appears at most once in ``terms``, in ascending variable order.
public struct LinearExpression: Sendable, Equatable {
    /// The merged terms, sorted by variable.
    public private(set) var terms: [(variable: VariableID, coefficient: Double)]
    /// A constant added to the sum.
    public var constant: Double

    /// Creates an expression from terms (duplicates are summed) and a constant.
    public init(_ terms: [(VariableID, Double)] = [], constant: Double = 0) {
        var merged: [VariableID: Double] = [:]
        for (variable, coefficient) in terms {
            merged[variable, default: 0] += coefficient
        }
        self.terms = merged.sorted { $0.key < $1.key }.map { (variable: $0.key, coefficient: $0.value) }
        self.constant = constant
    }

    /// The value of the expression for the given variable values (indexed by variable).
    public func evaluate(_ values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }

    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> Bool {
        lhs.constant == rhs.constant && lhs.terms.elementsEqual(rhs.terms) {
            $0.variable == $1.variable && $0.coefficient == $1.coefficient
        }
    }
}
