import Foundation

/// Handing out a planned shift's break variants to the agents who take the shift.
enum BreakVariants {
    /// Which variant each taker gets: a taker who wants a variant's breaks (its published ones)
    /// gets that variant while one is free, in taker order; the others take the free ones in
    /// order. Every variant serves the same coverage, so the choice costs nothing.
    /// - Parameters:
    ///   - variants: each variant's break starts, in time order.
    ///   - wanted: per taker, the break starts it had, if any; at most `variants.count` takers.
    /// - Returns: per taker the index of its variant, and the indices nobody took, ascending.
    static func handOut(_ variants: [[Date]], wanted: [[Date]?]) -> (taken: [Int], unused: [Int]) {
        var free = Array(variants.indices)
        var taken = [Int?](repeating: nil, count: wanted.count)
        for (taker, breaks) in wanted.enumerated() {
            guard let breaks, let k = free.firstIndex(where: { variants[$0] == breaks }) else { continue }
            taken[taker] = free.remove(at: k)
        }
        for taker in taken.indices where taken[taker] == nil { taken[taker] = free.removeFirst() }
        return (taken.map { $0! }, free)
    }
}
