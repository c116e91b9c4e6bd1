import Foundation
import Synchronization

/// Independent pieces of work shared among threads, results in item order: the one way wfm
/// runs work in parallel (what-if scenarios, simulated weeks, stage 2's groups).
///
/// The calling thread works too; each helper is a thread of its own (so that a library with
/// per-thread state, such as GLPK, can free it as the thread ends) and is joined before the
/// call returns. Each thread takes the next item not yet taken, so what an item computes does
/// not depend on which thread ran it.
public enum ParallelMap {
    /// `transform(item)` for every item in `0..<count`.
    /// - Parameters:
    ///   - count: how many items.
    ///   - threads: the most threads to use, the caller's included (at least 1).
    ///   - order: the order items are taken in (a permutation of `0..<count`); index order if nil.
    ///   - helperEnded: run on each helper thread as it ends.
    ///   - transform: the work of one item.
    /// - Returns: the results, in item order.
    /// - Throws: the error of the first item (in item order) that threw, after every item ended.
    public static func map<Result: Sendable>(
        count: Int, threads: Int, order: [Int]? = nil, helperEnded: @escaping @Sendable () -> Void = {},
        _ transform: @escaping @Sendable (Int) throws -> Result
    ) throws -> [Result] {
        let sequence = order ?? Array(0..<count)
        precondition(sequence.count == count, "order must hold every item once")
        let results = Mutex<[Swift.Result<Result, any Error>?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let work = { @Sendable in
            while true {
                let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < sequence.count else { return }
                let item = sequence[position]
                let result = Swift.Result { try transform(item) }
                results.withLock { $0[item] = result }
            }
        }
        let helpers = (0..<max(0, min(threads, count) - 1)).map { _ in WorkerThread(ended: helperEnded, work) }
        work()
        for helper in helpers { try? helper.join() }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
