import Synchronization

/// The progress lines of each plan since the server started, for its event stream: the
/// stages a plan goes through as `wfm plan` prints them, then its end. Safe to add to from the
/// plan's own thread.
final class PlanEvents: Sendable {
    /// One line of progress, numbered from 0 per plan.
    struct Event: Sendable {
        let index: Int
        /// `progress`, or `end` for the last line.
        let kind: String
        let text: String
    }

    private struct State {
        var events: [Int64: [Event]] = [:]
        var ended: Set<Int64> = []
    }

    private let state = Mutex(State())

    /// Adds a line to plan `id`'s stream.
    func add(_ id: Int64, kind: String = "progress", _ text: String) {
        state.withLock { state in
            var list = state.events[id, default: []]
            list.append(Event(index: list.count, kind: kind, text: text))
            state.events[id] = list
        }
    }

    /// Adds the last line (kind `end`) and closes the stream.
    func end(_ id: Int64, _ text: String) {
        add(id, kind: "end", text)
        state.withLock { _ = $0.ended.insert(id) }
    }

    /// The lines from `index` on, and whether the stream is closed (a plan that finished
    /// before the server started has no lines and counts as closed).
    func since(_ id: Int64, _ index: Int, knownFinished: Bool) -> (events: [Event], closed: Bool) {
        state.withLock { state in
            let list = state.events[id] ?? []
            return (Array(list.dropFirst(index)), state.ended.contains(id) || (knownFinished && list.isEmpty))
        }
    }
}
