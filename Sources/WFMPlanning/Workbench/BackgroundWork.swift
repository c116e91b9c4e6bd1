import WFMCore
import WFMGLPK

/// Runs a blocking job (a plan, a publish, a what-if) on a thread of its own, so that an
/// asynchronous caller (the server) never blocks one of the few threads its tasks share; the
/// thread's GLPK environment is freed when the job ends.
public enum BackgroundWork {
    /// What `body` returns, once it has run on its own thread.
    /// - Throws: what `body` throws.
    public static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            _ = WorkerThread<Void>(ended: { GLPKSolver().releaseThreadResources() }) {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
