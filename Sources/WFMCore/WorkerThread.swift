import Foundation

/// Blocking work on a thread of its own, joined by whoever started it: the one way wfm runs
/// work beside the calling thread (GLPK's solves cannot be interrupted and keep per-thread
/// state, so they get a thread that ends, rather than a pooled one that a pool as small as the
/// machine might never run while the caller blocks on it).
public final class WorkerThread<Value: Sendable>: Sendable {
    private let outcome = Handoff<Result<Value, any Error>>()

    /// Starts `body` on a new thread with the main thread's stack size (8 MiB: the work builds
    /// models as large as the caller's). `ended` runs on that thread after `body`, whether
    /// it returned or threw (for GLPK: freeing the thread's environment).
    public init(ended: @escaping @Sendable () -> Void = {}, _ body: @escaping @Sendable () throws -> Value) {
        let outcome = outcome
        let thread = Thread {
            let result = Result { try body() }
            ended()
            outcome.put(result)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits until the work has ended (`ended` included); may be called again.
    /// - Returns: what the work returned.
    /// - Throws: what the work threw.
    public func join() throws -> Value { try outcome.take().get() }
}
