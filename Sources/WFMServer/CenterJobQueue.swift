/// One job per center at a time (the server keeps one queue for plans and one for
/// publishes), the others of that center waiting in the order they came; centers run side by
/// side. A job that was cancelled while it waited never starts.
actor CenterJobQueue {
    private var tails: [Int64: Task<Void, Never>] = [:]
    private var cancelled: Set<Int64> = []
    private var started: Set<Int64> = []

    /// Runs `job` once every job queued before it for `center` has ended.
    /// - Returns: what `job` returned, or nil if job `id` was cancelled before it started.
    func run<Value: Sendable>(center: Int64, id: Int64, _ job: @escaping @Sendable () async throws -> Value) async throws -> Value? {
        let previous = tails[center]
        let result = Task<Value?, any Error> {
            await previous?.value
            guard self.claim(id) else { return nil }
            return try await job()
        }
        tails[center] = Task { _ = try? await result.value }
        return try await result.value
    }

    /// Cancels job `id` if it has not started; returns whether it will not start.
    func cancelIfWaiting(_ id: Int64) -> Bool {
        guard !started.contains(id) else { return false }
        cancelled.insert(id)
        return true
    }

    private func claim(_ id: Int64) -> Bool {
        guard !cancelled.contains(id) else { return false }
        started.insert(id)
        return true
    }
}
