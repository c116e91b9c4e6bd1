import Dispatch

/// A value one thread puts once and any number of takers wait for.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    // `value` is written once, before `ready` is signalled, and read only after a wait on it:
    // the semaphore orders the write before every read.
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    /// Puts the value; call once.
    func put(_ value: Value) {
        self.value = value
        ready.signal()
    }

    /// Waits until the value is put, and returns it.
    func take() -> Value {
        ready.wait()
        defer { ready.signal() }
        return value!
    }
}
