import Dispatch
import Synchronization

/// A value one thread puts once and any number of takers wait for.
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    // `value` is written once, before `ready` is signalled, and read only after a wait on it:
    // the semaphore orders the write before every read. `isPut` lets only the first put write.
    private let ready = DispatchSemaphore(value: 0)
    private let isPut = Atomic<Bool>(false)
    private var value: Value?

    /// An empty handoff.
    public init() {}

    /// Puts the value, if none was put before; a later put is refused and changes nothing.
    /// - Returns: whether this put was the first.
    @discardableResult
    public func put(_ value: Value) -> Bool {
        guard isPut.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return false }
        self.value = value
        ready.signal()
        return true
    }

    /// Waits until the value is put, and returns it.
    public func take() -> Value {
        ready.wait()
        defer { ready.signal() }
        return value!
    }
}
