import Synchronization
import WFMPlanning

/// The plans loaded for quick figures, the least recently used dropped beyond the capacity.
final class WorkbenchCache: Sendable {
    private struct State {
        var loaded: [Int64: RosterWorkbench] = [:]
        var order: [Int64] = []
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Plan `id`'s workbench, if loaded (it becomes the most recently used).
    func get(_ id: Int64) -> RosterWorkbench? {
        state.withLock { state in
            guard let workbench = state.loaded[id] else { return nil }
            state.order.removeAll { $0 == id }
            state.order.append(id)
            return workbench
        }
    }

    /// Keeps `workbench` for plan `id`, dropping the least recently used beyond the capacity.
    func put(_ id: Int64, _ workbench: RosterWorkbench) {
        state.withLock { state in
            if state.loaded.updateValue(workbench, forKey: id) == nil { state.order.append(id) }
            while state.order.count > capacity { state.loaded[state.order.removeFirst()] = nil }
        }
    }
}
