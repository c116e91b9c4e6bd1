import Foundation
import WFMPlanning

/// As many figure computations at a time as the machine has cores, the others waiting in the
/// order they came: twenty clients editing at once then share the cores in turn instead of
/// twenty threads thrashing two cores (measured on the demo: 145 evaluations a second with four
/// at a time, 31 with twenty).
actor ComputeSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Slots for `count` computations at a time (at least one).
    init(_ count: Int = ProcessInfo.processInfo.activeProcessorCount) {
        free = max(1, count)
    }

    /// What `body` returns, run on a thread of its own once a slot is free.
    func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        await acquire()
        do {
            let value = try await BackgroundWork.run(body)
            release()
            return value
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
